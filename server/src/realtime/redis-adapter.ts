import type * as RedisAdapter from '@socket.io/redis-adapter';
import type { Server } from 'socket.io';

import { loadRedisClient } from '../services/rate-limit-store';

export interface RedisLink {
  close(): Promise<void>;
}

export interface RedisLinkEvents {
  /** Redis became unreachable: from now on a push reaches only the sockets of this node. */
  onLost(error: Error): void;
  /** Both connections are back: pushes reach the other nodes again. `dropped`: publishes not relayed meanwhile. */
  onRestored(dropped: number): void;
}

/** Reconnects after 100 ms, doubling up to 2 s between tries, and never gives up: an outage ends when Redis is back. */
export const reconnectDelayMs = (retries: number): number => Math.min(100 * 2 ** retries, 2000) + Math.floor(Math.random() * 100);

/**
 * The adapter's calls whose promises it drops: it publishes a broadcast, a room join or leave, a
 * remote disconnect or an answer to another node and carries on, and subscribes a namespace the
 * same way. While Redis is away each of them rejects, and a rejection nobody handles can stop
 * Node; `fetchSockets` and `serverSideEmit` with an acknowledgement await their commands and
 * reject to the caller instead, who handles it.
 */
const DROPPED_PROMISES = new Set<PropertyKey>(['publish', 'subscribe', 'pSubscribe', 'unsubscribe', 'pUnsubscribe']);

/** `client` as the adapter sees it: the promises it drops are handled (`onDropped`); everything else is the client's own. */
function handlingDroppedPromises<Client extends object>(client: Client, onDropped: (error: unknown) => void): Client {
  return new Proxy(client, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      const method = value as (...args: unknown[]) => unknown;
      if (!DROPPED_PROMISES.has(property)) return method.bind(target);
      return (...args: unknown[]) => {
        const result = method.apply(target, args);
        if (result instanceof Promise) result.catch(onDropped);
        return result;
      };
    },
  });
}

/**
 * Joins this node's Socket.IO server to the others through Redis: a broadcast made here
 * (to a room, a namespace) reaches sockets connected to every node, and `fetchSockets`
 * and `socketsJoin` see them all. One publishing and one subscribing connection per node.
 *
 * While Redis is away a node keeps serving its own sockets: a broadcast is delivered here at
 * once and its publish fails fast (the publishing connection queues nothing, so a long outage
 * neither fills memory nor floods the other nodes with stale pushes when Redis returns), and
 * `fetchSockets` rejects to its caller. Both connections reconnect by themselves; the subscribing
 * one keeps its queue, so its subscriptions are made again on reconnect.
 */
export async function attachRedisAdapter(
  io: Server,
  options: { url: string; channelPrefix: string } & RedisLinkEvents,
): Promise<RedisLink> {
  // Loaded only for a cluster (see `loadRedisClient`), like the Redis client.
  const { createClient } = loadRedisClient();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { createAdapter } = require('@socket.io/redis-adapter') as typeof RedisAdapter;
  const socket = { reconnectStrategy: reconnectDelayMs };
  const publisher = createClient({ url: options.url, disableOfflineQueue: true, socket });
  const subscriber = createClient({ url: options.url, socket });

  const down = new Set<typeof publisher>();
  let dropped = 0;
  for (const client of [publisher, subscriber]) {
    // Without a listener, a lost Redis connection would crash Strapi. Every failed reconnect
    // emits one too: the outage is reported once, when it begins.
    client.on('error', (error: Error) => {
      if (client.isReady || down.has(client)) return;
      down.add(client);
      if (down.size === 1) options.onLost(error);
    });
    client.on('ready', () => {
      if (!down.delete(client) || down.size > 0) return;
      options.onRestored(dropped);
      dropped = 0;
    });
  }
  await Promise.all([publisher.connect(), subscriber.connect()]);
  const countDropped = () => void (dropped += 1);
  io.adapter(
    createAdapter(handlingDroppedPromises(publisher, countDropped), handlingDroppedPromises(subscriber, countDropped), {
      key: options.channelPrefix,
    }),
  );
  return {
    async close() {
      // While Redis is away a client keeps reconnecting and QUIT would wait for it; destroy() stops it.
      await Promise.allSettled([publisher, subscriber].map((client) => (client.isReady ? client.quit() : client.destroy())));
    },
  };
}
