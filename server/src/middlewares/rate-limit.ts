import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import type { z } from 'zod';

import { addressLimitKey } from '../domain/client-address';
import { RateLimitError } from '../errors';
import type { RateLimitKind } from '../services/rate-limits';
import { getService } from '../utils/get-service';

export interface RateLimitRouteConfig {
  kind: RateLimitKind;
  /**
   * Whose allowance a request uses: the caller's IP address (an IPv6 one by its /64), the visitor token's conversation,
   * or the signed-in admin user (route policies have authenticated the user before this runs).
   */
  per: 'ip' | 'conversation' | 'adminUser';
  /**
   * Only requests whose body passes this schema count: the controller refuses the others with
   * 400, and a mistyped request should not use up the customer's allowance.
   */
  countsWhenBodyIs?: z.ZodType;
}

const keyOf = (per: RateLimitRouteConfig['per'], ctx: Context): string => {
  switch (per) {
    case 'ip':
      // Behind proxies, Koa reads the address from X-Forwarded-For as `server.proxy` allows.
      return addressLimitKey(ctx.request.ip);
    case 'conversation':
      return String(ctx.state.visitorConversationId);
    case 'adminUser':
      return String((ctx.state.user as { id?: unknown } | undefined)?.id);
  }
};

/**
 * A route's rate limit, counted by the same service as the socket handlers' `rateLimit`
 * option; a refusal is 429 with `Retry-After` in seconds. Routes add it with `rateLimit(...)`.
 */
export default (config: RateLimitRouteConfig, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: Context, next: Next) => {
    const counts = !config.countsWhenBodyIs || config.countsWhenBodyIs.safeParse(ctx.request.body ?? {}).success;
    if (counts) {
      const key = keyOf(config.per, ctx);
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
