import type { Core } from '@strapi/strapi';

import type { PluginConfig } from '../contracts/plugin-config';
import { RateLimiter } from '../domain/rate-limit';
import { RateLimitError } from '../errors';

const MINUTE_MS = 60_000;

export type RateLimitKind = 'session' | 'message';

/** The public side's rate limits (config `rateLimit`), in memory on this node. */
const rateLimitsService = ({ strapi }: { strapi: Core.Strapi }) => {
  let limiters: Record<RateLimitKind, RateLimiter | null> | null = null;

  const build = (): Record<RateLimitKind, RateLimiter | null> => {
    const { rateLimit } = strapi.config.get('plugin::live-support') as PluginConfig;
    const perMinute = (limit: number) => (limit > 0 ? new RateLimiter({ limit, windowMs: MINUTE_MS }) : null);
    return {
      session: perMinute(rateLimit.sessionsPerIpPerMinute),
      message: perMinute(rateLimit.messagesPerConversationPerMinute),
    };
  };

  return {
    /**
     * Counts one request of `kind` for `key` (an IP address, a conversation id); throws a
     * RateLimitError (429) with `details.retryAfterSeconds` when there were too many.
     */
    consume(kind: RateLimitKind, key: string, now: number = Date.now()): void {
      limiters ??= build();
      const decision = limiters[kind]?.hit(key, now) ?? { allowed: true as const };
      if (decision.allowed) return;
      const retryAfterSeconds = Math.max(1, Math.ceil(decision.retryAfterMs / 1000));
      throw new RateLimitError(
        kind === 'session'
          ? 'Too many new chats from this address; try again shortly'
          : 'Too many messages in this conversation; try again shortly',
        { code: 'RATE_LIMITED', retryAfterSeconds },
      );
    },
  };
};

export default rateLimitsService;
