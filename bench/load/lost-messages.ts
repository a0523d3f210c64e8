/**
 * A message the server acknowledged but its agent never received is the worst thing a chat can
 * do, so the benchmark does not only count such messages: it looks each one up afterwards
 * through the agent's own socket (the conversation's state, its events, and whether and when the
 * message was stored) and says whether either socket had reconnected meanwhile.
 */
import type { Socket } from 'socket.io-client';

import type { Ack, AgentConversationView } from '../../server/src/contracts/views';
import type { FanOutTarget, LostMessage } from './phases';

const LOOKUP_TIMEOUT_MS = 10_000;

/** The conversation as its agent's desk reads it, or why it could not be read. */
async function lookUp(agent: Socket, conversationId: number): Promise<AgentConversationView | string> {
  try {
    const ack = (await agent.timeout(LOOKUP_TIMEOUT_MS).emitWithAck('conversation:get', { conversationId })) as Ack<AgentConversationView>;
    return ack.ok ? ack.data : `${ack.error.name}: ${ack.error.message}`;
  } catch (error) {
    return `no answer: ${(error as Error).message}`;
  }
}

/** One line per lost message: what the server holds of it and of its conversation. */
export async function explainLostMessages(target: FanOutTarget, lost: readonly LostMessage[]): Promise<string[]> {
  const lines: string[] = [];
  for (const message of lost) {
    const sockets = `agent socket ${message.agentSocketReplaced ? 'reconnected' : 'kept'}, customer socket ${message.customerSocketReplaced ? 'reconnected' : 'kept'}`;
    const conversationId = target.conversationIds?.[message.customer];
    if (conversationId === undefined) {
      lines.push(`${message.clientId}: ${sockets}`);
      continue;
    }
    const agent = target.agents[message.agent];
    const lookup = await lookUp(agent, conversationId);
    if (typeof lookup === 'string') {
      lines.push(`${message.clientId}: conversation ${conversationId} not readable (${lookup}); ${sockets}`);
      continue;
    }
    const { status, assignedAgent, lastSeq, messages, events } = lookup;
    const stored = messages.find((candidate) => candidate.clientId === message.clientId);
    const storedAs = stored ? `stored as seq ${stored.seq} of ${lastSeq} at ${stored.createdAt}` : 'not stored';
    const lastEvents = events.slice(-3).map((event) => `${event.kind} ${event.occurredAt}`).join(', ');
    lines.push(
      `${message.clientId}: ${storedAs}; conversation ${conversationId} ${status}, agent ${assignedAgent?.id ?? 'none'}, last events: ${lastEvents}; ${sockets}`,
    );
  }
  return lines;
}
