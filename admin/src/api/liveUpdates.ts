import type { AgentConversationView, AgentPresenceView, MessageView, OfflineInboxMeta, OfflineMessageView } from '../shared';
import { upsertAgent } from '../components/agents/agentLoad';

import { attachPushes, whileAgentSocket, type AgentPushHandlers, type AgentSocket } from './agentSocket';
import { liveSupportBase, TAGS, type LiveSupportTag } from './base';
import {
  addMessageToConversation,
  skipsMessages,
  applyConversationView,
  applyMessageToQueue,
  withPendingOfflineCount,
  type QueueResult,
} from './cachePatches';
import { debounced } from './debounce';
import { applyCardToQueue } from './queueCardPatch';

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

/** However steady the pushes, a cached answer that asked for a refresh gets it within this. */
const REFRESH_MAX_WAIT_MS = 1000;

/**
 * Refetches a burst of changes once, `delayMs` after the last and at the latest `maxWaitMs`
 * after the first, so a stream of pushes cannot hold a refresh back for ever. RTK Query 1.9
 * drops an invalidation while the same query is in flight, so a refetch waits for it to settle.
 */
function refetcher<Data>(entry: LiveEntry<Data>, tags: Tag[], delayMs: number, maxWaitMs = REFRESH_MAX_WAIT_MS) {
  return debounced(
    () => {
      if (entry.getCacheEntry().status === 'pending') return 'later';
      entry.dispatch(liveSupportBase.util.invalidateTags(tags));
      return undefined;
    },
    { delayMs, maxWaitMs: Math.max(delayMs, maxWaitMs) },
    Math.max(delayMs, 50),
  );
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

/**
 * The queue: a changed conversation's pushed card is filed into the cached columns, and a new
 * message patches its card. The snapshot is asked again only when the cached pages cannot place
 * a card (a long column, only partly cached), while a refetch is in flight (it may have been
 * read before the change), and after a (re)connect.
 */
export async function followQueue(query: { pageSize: number }, entry: LiveEntry<QueueResult>): Promise<void> {
  const refetch = refetcher(entry, [TAGS.queue], 200);
  await followPushes(
    entry,
    () => ({
      'queue:changed': ({ conversation }) => {
        let placed = false;
        entry.updateCachedData((result) => {
          const next = applyCardToQueue(result, conversation, query.pageSize);
          placed = next !== null;
          return next ?? undefined;
        });
        if (!placed || entry.getCacheEntry().status === 'pending') refetch.soon();
      },
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
          if (!loaded) {
            early.push(message);
            return;
          }
          const gap = { found: false };
          apply((view) => {
            gap.found = skipsMessages(view, message);
            return addMessageToConversation(view, message);
          });
          if (gap.found) refetch.soon();
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
