import type { AgentConversationView, AgentPresenceView, MessageView, OfflineInboxMeta, OfflineMessageView } from '../shared';
import { upsertAgent } from '../components/agents/agentLoad';

import { attachPushes, whileAgentSocket, type AgentPushHandlers, type AgentSocket } from './agentSocket';
import { liveSupportBase, TAGS, type LiveSupportTag } from './base';
import {
  addMessageToConversation,
  applyConversationView,
  applyMessageToQueue,
  withPendingOfflineCount,
  type QueueResult,
} from './cachePatches';

/**
 * How server pushes keep the cached answers current: each cached query follows the `/agent`
 * socket while it is in the cache, patches itself where a push carries the change and refetches
 * where it only says that something changed. Every query also refetches after a (re)connect,
 * when pushes may have been missed.
 */

/** The part of RTK Query's cache lifecycle these functions use. */
interface LiveEntry<Data> {
  updateCachedData(recipe: (draft: Data) => Data | void): unknown;
  getCacheEntry(): { status: string };
  dispatch(action: ReturnType<typeof liveSupportBase.util.invalidateTags>): unknown;
  cacheDataLoaded: Promise<unknown>;
  cacheEntryRemoved: Promise<unknown>;
}

type Tag = LiveSupportTag | { type: LiveSupportTag; id: number };

/**
 * Refetches a burst of changes once, `delayMs` after the last. RTK Query 1.9 drops an
 * invalidation while the same query is in flight, so a refetch waits for it to settle first.
 */
function refetcher<Data>(entry: LiveEntry<Data>, tags: Tag[], delayMs: number) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const fire = () => {
    if (entry.getCacheEntry().status === 'pending') {
      timer = setTimeout(fire, Math.max(delayMs, 50));
      return;
    }
    entry.dispatch(liveSupportBase.util.invalidateTags(tags));
  };
  return {
    soon: () => {
      clearTimeout(timer);
      timer = setTimeout(fire, delayMs);
    },
    now: () => {
      clearTimeout(timer);
      fire();
    },
    cancel: () => clearTimeout(timer),
  };
}

/** Follows the socket until the cache entry goes; `handlers` are attached to every socket the desk opens. */
async function followPushes<Data>(
  entry: LiveEntry<Data>,
  handlers: (socket: AgentSocket) => AgentPushHandlers,
  onRemoved: () => void = () => undefined,
): Promise<void> {
  const stop = whileAgentSocket((socket) => attachPushes(socket, handlers(socket)));
  await entry.cacheEntryRemoved;
  stop();
  onRemoved();
}

/** The queue: a status change refetches the snapshot; a new message patches its card. */
export async function followQueue(_arg: unknown, entry: LiveEntry<QueueResult>): Promise<void> {
  const refetch = refetcher(entry, [TAGS.queue], 200);
  await followPushes(
    entry,
    () => ({
      'queue:changed': refetch.soon,
      'message:new': (message) =>
        entry.updateCachedData((result) => ({ ...result, data: applyMessageToQueue(result.data, message) })),
      connect: refetch.now,
    }),
    refetch.cancel,
  );
}

/**
 * One conversation: watched over the socket (`conversation:get` joins its room, again after
 * every reconnect), its messages merged by `seq`, refetched when its status changes.
 */
export async function followConversation(
  conversationId: number,
  entry: LiveEntry<AgentConversationView>,
): Promise<void> {
  const refetch = refetcher(entry, [{ type: TAGS.conversation, id: conversationId }], 0);
  // Pushes before the first answer are kept until it is there, so none is lost to the race.
  let loaded = false;
  const early: MessageView[] = [];
  const apply = (recipe: (view: AgentConversationView) => AgentConversationView) =>
    entry.updateCachedData((view) => recipe(view));
  const watch = (socket: AgentSocket) =>
    socket.emit('conversation:get', { conversationId }, (reply) => {
      if (reply.ok) apply((view) => applyConversationView(view, reply.data));
    });
  entry.cacheDataLoaded
    .then(() => {
      loaded = true;
      apply((view) => early.reduce(addMessageToConversation, view));
    })
    .catch(() => undefined);
  await followPushes(
    entry,
    (socket) => {
      if (socket.connected) watch(socket);
      return {
        'message:new': (message) => {
          if (message.conversationId !== conversationId) return;
          if (loaded) apply((view) => addMessageToConversation(view, message));
          else early.push(message);
        },
        'queue:changed': ({ conversation }) => {
          if (conversation.id === conversationId) refetch.soon();
        },
        connect: () => watch(socket),
      };
    },
    refetch.cancel,
  );
}

/** The agents: a presence change shows at once, and a refetch brings the loads (claims, transfers, resolves). */
export async function followAgents(_arg: unknown, entry: LiveEntry<AgentPresenceView[]>): Promise<void> {
  const refetch = refetcher(entry, [TAGS.agents], 300);
  await followPushes(
    entry,
    () => ({
      'presence:changed': (presence) => {
        entry.updateCachedData((agents) => upsertAgent(agents, presence));
        refetch.soon();
      },
      'queue:changed': refetch.soon,
      connect: refetch.now,
    }),
    refetch.cancel,
  );
}

/** A page of the offline inbox: a new or changed message refetches it; the unread count follows the server's. */
export async function followOfflineMessages(
  _arg: unknown,
  entry: LiveEntry<{ data: OfflineMessageView[]; meta: OfflineInboxMeta }>,
): Promise<void> {
  const refetch = refetcher(entry, [TAGS.offlineMessages], 200);
  await followPushes(
    entry,
    () => ({
      'offline-message:new': refetch.soon,
      'offline-messages:pending': ({ count }) => {
        entry.updateCachedData((page) => ({ ...page, meta: withPendingOfflineCount(page.meta, count) }));
        refetch.soon();
      },
      connect: refetch.now,
    }),
    refetch.cancel,
  );
}

/** The unread offline count exists only as the server pushes it (on connect, and on every change). */
export async function followPendingOfflineCount(_arg: unknown, entry: LiveEntry<number | null>): Promise<void> {
  await entry.cacheDataLoaded.catch(() => undefined);
  await followPushes(entry, () => ({
    'offline-messages:pending': ({ count }) => entry.updateCachedData(() => count),
  }));
}

/** A customer who stops mid-sentence sends no "stopped": the dots go after this long anyway. */
const TYPING_SHOWN_MS = 15_000;

/** Whether the customer of this conversation is typing, as pushed; their message ends it. */
export async function followCustomerTyping(conversationId: number, entry: LiveEntry<boolean>): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const set = (typing: boolean) => {
    clearTimeout(timer);
    entry.updateCachedData(() => typing);
    if (typing) timer = setTimeout(() => entry.updateCachedData(() => false), TYPING_SHOWN_MS);
  };
  await entry.cacheDataLoaded.catch(() => undefined);
  await followPushes(
    entry,
    () => ({
      typing: (typing) => {
        if (typing.conversationId === conversationId) set(typing.isTyping);
      },
      'message:new': (message) => {
        if (message.conversationId === conversationId && message.author === 'customer') set(false);
      },
    }),
    () => clearTimeout(timer),
  );
}
