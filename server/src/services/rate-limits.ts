import type { Core } from '@strapi/strapi';

import type { PluginConfig } from '../contracts/plugin-config';
import { RateLimiter } from '../domain/rate-limit';
import { RateLimitError } from '../errors';

const MINUTE_MS = 60_000;

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
  socketEvent: {
    perMinute: (config: PluginConfig['rateLimit']) => config.eventsPerSocketPerMinute,
    refusal: 'Too many events on this connection; try again shortly',
  },
} as const;

export type RateLimitKind = keyof typeof RULES;

/**
 * The rate limits of config `rateLimit` (every public action, the admin's "try a sentence",
 * canned-reply changes and customer data requests), in memory on this node. The one place
 * that counts: REST routes reach it through the `rate-limit` route middleware, socket events
 * through the `rateLimit` option of their handler wrapper.
 */
const rateLimitsService = ({ strapi }: { strapi: Core.Strapi }) => {
  let limiters: Map<RateLimitKind, RateLimiter> | null = null;

  const build = (): Map<RateLimitKind, RateLimiter> => {
    const { rateLimit } = strapi.config.get('plugin::live-support') as PluginConfig;
    const built = new Map<RateLimitKind, RateLimiter>();
    for (const kind of Object.keys(RULES) as RateLimitKind[]) {
      const limit = RULES[kind].perMinute(rateLimit);
      // 0 switches the limit off.
      if (limit > 0) built.set(kind, new RateLimiter({ limit, windowMs: MINUTE_MS }));
    }
    return built;
  };

  return {
    /**
     * Counts one request of `kind` for `key` (an IP address, a conversation id); throws a
     * RateLimitError (429) with `details.retryAfterSeconds` when there were too many.
     */
    async consume(kind: RateLimitKind, key: string, now: number = Date.now()): Promise<void> {
      limiters ??= build();
      const decision = limiters.get(kind)?.hit(key, now) ?? { allowed: true as const };
      if (decision.allowed) return;
      const retryAfterSeconds = Math.max(1, Math.ceil(decision.retryAfterMs / 1000));
      throw new RateLimitError(RULES[kind].refusal, { code: 'RATE_LIMITED', retryAfterSeconds });
    },
  };
};

export default rateLimitsService;
