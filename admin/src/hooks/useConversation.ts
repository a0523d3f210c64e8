import { useConversationQuery, useCustomerTypingQuery } from '../api/liveSupportApi';
import type { AgentConversationView } from '../types';

export interface ConversationState {
  conversation: AgentConversationView | undefined;
  /** The last load failed (the view above may still be an earlier one). */
  failed: boolean;
  customerTyping: boolean;
}

/**
 * One conversation as the desk shows it: loaded once, watched over the socket, messages merged
 * as they are pushed, refetched when its status changes, and whether the customer is typing.
 */
export function useConversation(conversationId: number): ConversationState {
  // `currentData`: another conversation's view never stands in while this one loads.
  const { currentData, isError } = useConversationQuery(conversationId);
  const { data: customerTyping = false } = useCustomerTypingQuery(conversationId);
  return { conversation: currentData, failed: isError, customerTyping };
}
