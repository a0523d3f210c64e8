import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import type { z } from 'zod';

import { RateLimitError } from '../errors';
import type { RateLimitKind } from '../services/rate-limits';
import { getService } from '../utils/get-service';

export interface RateLimitRouteConfig {
  kind: RateLimitKind;
  /** Whose allowance a request uses: the caller's IP address, or the visitor token's conversation. */
  per: 'ip' | 'conversation';
  /**
   * Only requests whose body passes this schema count: the controller refuses the others with
   * 400, and a mistyped request should not use up the customer's allowance.
   */
  countsWhenBodyIs?: z.ZodType;
}

/**
 * A route's rate limit, counted by the same service as the socket handlers' `rateLimit`
 * option; a refusal is 429 with `Retry-After` in seconds. Routes add it with `rateLimit(...)`.
 */
export default (config: RateLimitRouteConfig, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: Context, next: Next) => {
    const counts = !config.countsWhenBodyIs || config.countsWhenBodyIs.safeParse(ctx.request.body ?? {}).success;
    if (counts) {
      const key = config.per === 'ip' ? ctx.request.ip : String(ctx.state.visitorConversationId);
      try {
        await getService('rateLimits', { strapi }).consume(config.kind, key);
      } catch (error) {
        if (error instanceof RateLimitError) ctx.set('Retry-After', String(error.details.retryAfterSeconds));
        throw error;
      }
    }
    await next();
  };

/** The route-config entry of a rate limit: `middlewares: [...others, rateLimit({ kind, per })]`. */
export const rateLimit = (config: RateLimitRouteConfig) => ({ name: 'plugin::live-support.rate-limit', config });
