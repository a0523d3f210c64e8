import { createAdapter } from '@socket.io/redis-adapter';
import { createClient } from 'redis';
import type { Server } from 'socket.io';

export interface RedisLink {
  close(): Promise<void>;
}

/**
 * Joins this node's Socket.IO server to the others through Redis: a broadcast made here
 * (to a room, a namespace) reaches sockets connected to every node, and `fetchSockets`
 * and `socketsJoin` see them all. One publishing and one subscribing connection per node.
 */
export async function attachRedisAdapter(
  io: Server,
  options: { url: string; channelPrefix: string; onError: (error: Error) => void },
): Promise<RedisLink> {
  const publisher = createClient({ url: options.url });
  const subscriber = publisher.duplicate();
  // Without a listener, a lost Redis connection would crash Strapi; the client reconnects itself.
  publisher.on('error', options.onError);
  subscriber.on('error', options.onError);
  await Promise.all([publisher.connect(), subscriber.connect()]);
  io.adapter(createAdapter(publisher, subscriber, { key: options.channelPrefix }));
  return {
    async close() {
      // While Redis is away a client keeps reconnecting and QUIT would wait for it; destroy() stops it.
      await Promise.allSettled([publisher, subscriber].map((client) => (client.isReady ? client.quit() : client.destroy())));
    },
  };
}
