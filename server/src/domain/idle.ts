/**
 * No conversation left hanging (docs/product.md#no-conversation-left-hanging). An agent who keeps a customer waiting for an answer
 * is reminded; a chat the customer has gone quiet in after the agent's answer is closed. Pure:
 * the idle service loads the active conversations and applies what this decides.
 */
export interface IdleRules {
  /** Remind the agent when the customer has waited this long for an answer; 0: never. */
  reminderAfterMinutes: number;
  /** Close the chat when the customer has not answered the agent for this long; 0: never. */
  closeInactiveAfterMinutes: number;
}

export interface ActiveConversationActivity {
  id: number;
  agentId: number;
  /** When the current agent got the conversation (claim or transfer). */
  claimedAt: Date;
  lastCustomerMessageAt: Date | null;
  lastAgentMessageAt: Date | null;
  /** The last reminder sent for this conversation, if any. */
  remindedAt: Date | null;
}

export type IdleAction =
  | { kind: 'remind_agent'; conversationId: number; agentId: number; waitingSince: Date }
  | { kind: 'close_inactive'; conversationId: number; quietSince: Date };

const MINUTE_MS = 60_000;

/** What, if anything, is due for one active conversation at `now`. */
export function idleActionFor(conversation: ActiveConversationActivity, rules: IdleRules, now: Date): IdleAction | null {
  const agentSpoke = conversation.lastAgentMessageAt;
  // An agent message from before this agent got the chat (a transfer) does not answer anyone now.
  const agentAnswered = agentSpoke && agentSpoke.getTime() >= conversation.claimedAt.getTime() ? agentSpoke : null;
  const customerSpoke = conversation.lastCustomerMessageAt;

  const customerIsWaiting = !agentAnswered || (customerSpoke !== null && customerSpoke.getTime() > agentAnswered.getTime());
  if (customerIsWaiting) {
    if (rules.reminderAfterMinutes <= 0) return null;
    // Waiting since their unanswered message, or since the claim for a chat nobody has greeted.
    const waitingSince = agentAnswered && customerSpoke ? customerSpoke : conversation.claimedAt;
    const alreadyReminded = conversation.remindedAt !== null && conversation.remindedAt.getTime() >= waitingSince.getTime();
    if (alreadyReminded || now.getTime() - waitingSince.getTime() < rules.reminderAfterMinutes * MINUTE_MS) return null;
    return { kind: 'remind_agent', conversationId: conversation.id, agentId: conversation.agentId, waitingSince };
  }

  if (rules.closeInactiveAfterMinutes <= 0) return null;
  const quietSince = agentAnswered;
  if (now.getTime() - quietSince.getTime() < rules.closeInactiveAfterMinutes * MINUTE_MS) return null;
  return { kind: 'close_inactive', conversationId: conversation.id, quietSince };
}
