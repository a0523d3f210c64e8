import type { ConversationStatus } from '../domain/conversation-status';
import { conflict, forbidden } from '../errors';
import type { ConversationRow } from './conversation-store';

/** The statuses in which a customer may still write and change their details. */
export const OPEN_FOR_MESSAGES: readonly ConversationStatus[] = ['bot', 'queued', 'active'];

export function isOpenForMessages(status: ConversationStatus): boolean {
  return OPEN_FOR_MESSAGES.includes(status);
}

/** An agent's action on a conversation (reply, transfer, resolve) needs it active and theirs. */
export function assertAssignedTo(conversation: ConversationRow, agentId: number): void {
  if (conversation.status !== 'active') {
    throw conflict(`The conversation is ${conversation.status}, not active`, {
      code: 'INVALID_TRANSITION',
      from: conversation.status,
    });
  }
  if (conversation.assignedAgentId !== agentId) {
    throw forbidden('This conversation is assigned to another agent', { code: 'NOT_ASSIGNED' });
  }
}
