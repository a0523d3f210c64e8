import type {
  AgentConversationView,
  MessageView,
  OfflineInboxMeta,
  QueueCardView,
  QueueSnapshot,
  QueueSnapshotMeta,
} from '../shared';

/**
 * Pure changes to cached answers, made when the server pushes something or a write answers:
 * the cache is patched where a push says exactly what changed, and refetched where it does not.
 */

/** The queue snapshot as cached: the answer, and how far the browser's clock is from the server's. */
export interface QueueResult {
  data: QueueSnapshot;
  meta: QueueSnapshotMeta;
  /** Server clock minus browser clock when the snapshot arrived, in milliseconds. */
  clockOffsetMs: number;
}

/** Messages by `seq`, each once, in order: a push and a fetch may bring the same message. */
export const mergeMessages = (current: MessageView[], incoming: MessageView[]): MessageView[] => {
  const bySeq = new Map(current.map((message) => [message.seq, message]));
  incoming.forEach((message) => bySeq.set(message.seq, message));
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
};

/** A newer view of the conversation; messages pushed meanwhile are kept. */
export const applyConversationView = (
  current: AgentConversationView | undefined,
  incoming: AgentConversationView,
): AgentConversationView =>
  current ? { ...incoming, messages: mergeMessages(current.messages, incoming.messages) } : incoming;

/** A `message:new` of this conversation joins its history. */
export const addMessageToConversation = (
  conversation: AgentConversationView,
  message: MessageView,
): AgentConversationView =>
  message.conversationId === conversation.id
    ? { ...conversation, messages: mergeMessages(conversation.messages, [message]) }
    : conversation;

/**
 * Whether a pushed message skips some before it: a push lost while a node died or the socket
 * moved. The desk then re-reads the conversation instead of showing a history with a hole.
 */
export const skipsMessages = (conversation: AgentConversationView, message: MessageView): boolean =>
  message.conversationId === conversation.id && message.seq > (conversation.messages.at(-1)?.seq ?? 0) + 1;

const isNewerThan = (message: MessageView, last: QueueCardView['lastMessage']) =>
  !last || Date.parse(message.createdAt) >= Date.parse(last.createdAt);

/**
 * A `message:new` updates its card's last message wherever the card is (the server sends no
 * `queue:changed` for messages), so "awaiting your reply" follows without a refetch.
 */
export const applyMessageToQueue = (snapshot: QueueSnapshot, message: MessageView): QueueSnapshot => {
  const patch = (cards: QueueCardView[]) =>
    cards.map((card) =>
      card.id === message.conversationId && isNewerThan(message, card.lastMessage)
        ? { ...card, lastMessage: { author: message.author, text: message.text, createdAt: message.createdAt } }
        : card,
    );
  return { waiting: patch(snapshot.waiting), mine: patch(snapshot.mine), resolved: patch(snapshot.resolved) };
};

/** A colleague was faster: the card leaves the waiting column at once, before any refetch confirms it. */
export const removeWaitingCard = (result: QueueResult, conversationId: number): QueueResult => {
  if (!result.data.waiting.some((card) => card.id === conversationId)) return result;
  return {
    ...result,
    data: { ...result.data, waiting: result.data.waiting.filter((card) => card.id !== conversationId) },
    meta: { ...result.meta, counts: { ...result.meta.counts, waiting: Math.max(0, result.meta.counts.waiting - 1) } },
  };
};

/** `offline-messages:pending` is the server's count of unread messages: the inbox's "new" count follows it. */
export const withPendingOfflineCount = (meta: OfflineInboxMeta, count: number): OfflineInboxMeta => ({
  ...meta,
  counts: { ...meta.counts, new: count },
});
