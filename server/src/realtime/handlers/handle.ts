import type { Core } from '@strapi/strapi';
import type { z } from 'zod';

import type { Ack } from '../../contracts/views';
import { parseInput, toErrorBody } from '../../errors';
import type { RateLimitKind } from '../../services/rate-limits';
import { getService } from '../../utils/get-service';

export interface HandleEventOptions {
  /** Runs on a valid payload before anything else: a permission check that throws when refused. */
  guard?: () => void;
  /**
   * Counts each valid event against this rate limit: the same allowance as the REST route's
   * `rateLimit` middleware. A refusal answers the 429 error body.
   */
  rateLimit?: { kind: RateLimitKind; key: string };
}

/**
 * Wraps one socket event: validates the payload with its zod schema, checks its guard, counts
 * it against its rate limit, runs the action and answers the acknowledgement with `{ ok, data }` or the same
 * error body REST would give.
 */
export function handleEvent<Schema extends z.ZodType, Data>(
  strapi: Core.Strapi,
  schema: Schema,
  action: (payload: z.infer<Schema>) => Promise<Data>,
  options: HandleEventOptions = {},
) {
  return async (payload: unknown, ack?: unknown): Promise<void> => {
    const reply = typeof ack === 'function' ? (ack as (answer: Ack<Data>) => void) : null;
    try {
      const input = parseInput(schema, payload ?? {});
      options.guard?.();
      if (options.rateLimit) await getService('rateLimits', { strapi }).consume(options.rateLimit.kind, options.rateLimit.key);
      const data = await action(input);
      reply?.({ ok: true, data });
    } catch (error) {
      const body = toErrorBody(error);
      if (body.status >= 500) strapi.log.error(`[live-support] socket event failed: ${(error as Error).stack ?? error}`);
      reply?.({ ok: false, error: body });
    }
  };
}
