import type { Core } from '@strapi/strapi';

import type { PluginConfig } from '../contracts/plugin-config';
import { RateLimitError } from '../errors';
import { getService } from '../utils/get-service';
import { connectRedisRateLimitStore, memoryRateLimitStore, type KeyedRateLimiter, type RateLimitDecision, type RateLimitStore } from './rate-limit-store';

const WINDOW_SECONDS = 60;

/** Each limited action: its allowance per minute from the config `rateLimit`, and the refusal. */
const RULES = {
  session: {
    perMinute: (config: PluginConfig['rateLimit']) => config.sessionsPerIpPerMinute,
    refusal: 'Too many new chats from this address; try again shortly',
  },
  message: {
    perMinute: (config: PluginConfig['rateLimit']) => config.messagesPerConversationPerMinute,
    refusal: 'Too many messages in this conversation; try again shortly',
  },
  escalationTrial: {
    perMinute: (config: PluginConfig['rateLimit']) => config.escalationTrialsPerUserPerMinute,
    refusal: 'Too many sentences tried; try again shortly',
  },
  cannedReplyChange: {
    perMinute: (config: PluginConfig['rateLimit']) => config.cannedReplyChangesPerUserPerMinute,
    refusal: 'Too many canned-reply changes; try again shortly',
  },
  customerData: {
    perMinute: (config: PluginConfig['rateLimit']) => config.customerDataRequestsPerUserPerMinute,
    refusal: 'Too many customer data requests; try again shortly',
  },
  customerUpdate: {
    perMinute: (config: PluginConfig['rateLimit']) => config.customerUpdatesPerConversationPerMinute,
    refusal: 'Too many changes to the customer details; try again shortly',
  },
  typing: {
    perMinute: (config: PluginConfig['rateLimit']) => config.typingEventsPerConversationPerMinute,
    refusal: 'Too many typing signals; try again shortly',
  },
  conversationRead: {
    perMinute: (config: PluginConfig['rateLimit']) => config.conversationReadsPerConversationPerMinute,
    refusal: 'Too many reads of the conversation; try again shortly',
  },
  catchUp: {
    perMinute: (config: PluginConfig['rateLimit']) => config.catchUpsPerConversationPerMinute,
    refusal: 'Too many message catch-ups; try again shortly',
  },
  offlineMessage: {
    perMinute: (config: PluginConfig['rateLimit']) => config.offlineMessagesPerIpPerMinute,
    refusal: 'Too many offline messages from this address; try again shortly',
  },
  rating: {
    perMinute: (config: PluginConfig['rateLimit']) => config.ratingsPerConversationPerMinute,
    refusal: 'Too many ratings; try again shortly',
  },
  escalation: {
    perMinute: (config: PluginConfig['rateLimit']) => config.escalationsPerConversationPerMinute,
    refusal: 'Too many requests for a person in this conversation; try again shortly',
  },
  leave: {
    perMinute: (config: PluginConfig['rateLimit']) => config.leavesPerConversationPerMinute,
    refusal: 'Too many requests to leave this conversation; try again shortly',
  },
  socketEvent: {
    perMinute: (config: PluginConfig['rateLimit']) => config.eventsPerSocketPerMinute,
    refusal: 'Too many events on this connection; try again shortly',
  },
} as const;

export type RateLimitKind = keyof typeof RULES;

/** Throws the refusal of `kind` when `decision` refused the request. */
function enforce(kind: RateLimitKind, decision: RateLimitDecision): void {
  if (decision.allowed) return;
  const retryAfterSeconds = Math.max(1, Math.ceil(decision.retryAfterMs / 1000));
  throw new RateLimitError(RULES[kind].refusal, { code: 'RATE_LIMITED', retryAfterSeconds });
}

/**
 * The rate limits of config `rateLimit` (every public action, the admin's "try a sentence",
 * canned-reply changes and customer data requests): a window of a minute per key, counted in
 * this node's memory, or in Redis and so shared by all nodes when `realtime.redisUrl` is set (see
 * `rate-limit-store`). The one place that counts: REST routes reach it through the `rate-limit`
 * route middleware, socket events
 * through the `rateLimit` option of their handler wrapper.
 */
const rateLimitsService = ({ strapi }: { strapi: Core.Strapi }) => {
  let store: RateLimitStore = memoryRateLimitStore();
  let limiters: Map<RateLimitKind, KeyedRateLimiter> | null = null;

  const build = (): Map<RateLimitKind, KeyedRateLimiter> => {
    const { rateLimit } = strapi.config.get('plugin::live-support') as PluginConfig;
    const built = new Map<RateLimitKind, KeyedRateLimiter>();
    for (const kind of Object.keys(RULES) as RateLimitKind[]) {
      const limit = RULES[kind].perMinute(rateLimit);
      // 0 switches the limit off.
      if (limit > 0) built.set(kind, store.limiter({ name: kind, points: limit, durationSeconds: WINDOW_SECONDS }));
    }
    return built;
  };

  return {
    /** With `realtime.redisUrl`, moves the counters to Redis (before the server takes requests). */
    async start(): Promise<void> {
      const { realtime } = strapi.config.get('plugin::live-support') as PluginConfig;
      if (!realtime.redisUrl || store.shared) return;
      // Under the site's channel prefix, so that two apps on one Redis never share counters.
      const keyPrefix = `${getService('realtime', { strapi }).redisChannelPrefix()}:rate-limit`;
      const local = store;
      store = await connectRedisRateLimitStore({
        url: realtime.redisUrl,
        keyPrefix,
        onError: (error) => strapi.log.error(`[live-support] Redis (rate limits): ${error.message}`),
      });
      limiters = null;
      await local.close();
      strapi.log.info(`[live-support] rate limits are shared with the other nodes through Redis (keys ${keyPrefix}:…)`);
    },

    async stop(): Promise<void> {
      const closing = store;
      store = memoryRateLimitStore();
      limiters = null;
      await closing.close();
    },

    /**
     * Counts one request of `kind` for `key` (an IP address, a conversation id); refuses with a
     * RateLimitError (429) with `details.retryAfterSeconds`, the seconds until the key's window
     * ends, when there were too many. With the counters in memory it answers at once (returns
     * nothing or throws); with Redis it returns a promise. Callers await only a promise, so the
     * common case costs the message path no promise.
     */
    consume(kind: RateLimitKind, key: string): void | Promise<void> {
      limiters ??= build();
      const decision = limiters.get(kind)?.hit(key);
      if (decision instanceof Promise) return decision.then((answer) => enforce(kind, answer));
      if (decision) enforce(kind, decision);
    },
  };
};

export default rateLimitsService;
