import type { Core } from '@strapi/strapi';
import type { z } from 'zod';

import type { Ack } from '../../contracts/views';
import { oneInputOnly, parseInput, toErrorBody } from '../../errors';
import type { RateLimitKind } from '../../services/rate-limits';
import { getService } from '../../utils/get-service';

export interface HandleEventOptions {
  /** Runs on a valid payload before anything else: a permission check that throws when refused. */
  guard?: () => void;
}

/**
 * Wraps one socket event: validates the payload with its zod schema, checks its guard, runs the
 * action and answers the acknowledgement with `{ ok, data }` or the same error body REST would
 * give. An event carries one payload: one sent with more arguments is refused with a 400 (and
 * still acknowledged), never half understood.
 */
export function handleEvent<Schema extends z.ZodType, Data>(
  strapi: Core.Strapi,
  schema: Schema,
  action: (payload: z.infer<Schema>) => Promise<Data>,
  options: HandleEventOptions = {},
) {
  return handleSocketEvent<unknown, Schema, Data>(strapi, schema, (_socket, payload) => action(payload), options);
}

/** One allowance an event uses: which limit, and whose (a conversation id, a socket id), read from the socket. */
export interface SocketRateLimit<Socket> {
  kind: RateLimitKind;
  keyOf: (socket: Socket) => string;
}

export interface SocketEventOptions<Socket> {
  guard?: (socket: Socket) => void;
  /**
   * Counts each valid event against these rate limits, in order: the same allowances as the
   * REST routes' `rateLimit` middleware. A refusal answers the 429 error body (an event sent
   * without an acknowledgement, such as typing, is dropped) and the action does not run.
   */
  rateLimit?: ReadonlyArray<SocketRateLimit<Socket>>;
}

/**
 * `handleEvent` for a listener shared by every socket of a namespace: Socket.IO calls a
 * listener with the socket as `this`, so the action reads the socket's own data from it, and a
 * connection adds no closures of its own (what an idle socket costs in memory).
 */
export function handleSocketEvent<Socket, Schema extends z.ZodType, Data>(
  strapi: Core.Strapi,
  schema: Schema,
  action: (socket: Socket, payload: z.infer<Schema>) => Promise<Data>,
  options: SocketEventOptions<Socket> = {},
) {
  const limits = options.rateLimit ?? [];
  // Socket.IO passes the acknowledgement last, after every argument the client sent.
  return async function listener(this: Socket, ...args: unknown[]): Promise<void> {
    const last = args.at(-1);
    const reply = typeof last === 'function' ? (last as (answer: Ack<Data>) => void) : null;
    // Counted, not sliced off: one array less per event.
    const payloadCount = reply ? args.length - 1 : args.length;
    try {
      if (payloadCount > 1) throw oneInputOnly(payloadCount);
      const input = parseInput(schema, (payloadCount === 1 ? args[0] : undefined) ?? {});
      options.guard?.(this);
      // Indexed, not for…of: in Strapi's process an array's iterator allocates per step.
      for (let index = 0; index < limits.length; index += 1) {
        // Counters in memory answer at once; only Redis's answer is awaited (no promise per message otherwise).
        const pending = getService('rateLimits', { strapi }).consume(limits[index].kind, limits[index].keyOf(this));
        if (pending) await pending;
      }
      const data = await action(this, input);
      reply?.({ ok: true, data });
    } catch (error) {
      const body = toErrorBody(error);
      if (body.status >= 500) strapi.log.error(`[live-support] socket event failed: ${(error as Error).stack ?? error}`);
      reply?.({ ok: false, error: body });
    }
  };
}
