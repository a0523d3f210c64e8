import type { Core } from '@strapi/strapi';
import type { z } from 'zod';

import type { Ack } from '../../contracts/views';
import { parseInput, toErrorBody } from '../../errors';

/**
 * Wraps one socket event: validates the payload with its zod schema, runs the action and
 * answers the acknowledgement with `{ ok, data }` or the same error body REST would give.
 */
export function handleEvent<Schema extends z.ZodType, Data>(
  strapi: Core.Strapi,
  schema: Schema,
  action: (payload: z.infer<Schema>) => Promise<Data>,
) {
  return async (payload: unknown, ack?: unknown): Promise<void> => {
    const reply = typeof ack === 'function' ? (ack as (answer: Ack<Data>) => void) : null;
    try {
      const data = await action(parseInput(schema, payload ?? {}));
      reply?.({ ok: true, data });
    } catch (error) {
      const body = toErrorBody(error);
      if (body.status >= 500) strapi.log.error(`[live-support] socket event failed: ${(error as Error).stack ?? error}`);
      reply?.({ ok: false, error: body });
    }
  };
}
