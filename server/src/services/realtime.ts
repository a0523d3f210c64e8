import type { Core } from '@strapi/strapi';

import type { PluginConfig } from '../contracts/plugin-config';
import { derivedRedisChannelPrefix, type DatabaseConnectionConfig } from '../domain/redis-channel-prefix';
import { registerAgentHandlers, rejoinOwnConversations } from '../realtime/handlers/agent';
import { registerWidgetHandlers } from '../realtime/handlers/widget';
import { attachRedisAdapter, type RedisLink } from '../realtime/redis-adapter';
import { createRealtimeServer, type RealtimeServer } from '../realtime/socket-server';
import { getService } from '../utils/get-service';
import { PLUGIN_VERSION } from '../utils/plugin-version';

/** The copies of shared state each node keeps in memory (see `forgetEverywhere`). */
export type SharedCache = 'settings' | 'agentNames';
const SHARED_CACHES: readonly SharedCache[] = ['settings', 'agentNames'];
/** The server-side event (node to node, never to a client) that says a shared cache is stale. */
const CACHE_CHANGED_EVENT = 'live-support:cache-changed';

/** Owns the plugin's Socket.IO server: started in bootstrap, closed in destroy. */
const realtimeService = ({ strapi }: { strapi: Core.Strapi }) => {
  let server: RealtimeServer | null = null;
  let stopAgentChecks: (() => void) | null = null;
  let redis: RedisLink | null = null;

  const forgetHere = (cache: SharedCache) => {
    if (cache === 'settings') getService('settings', { strapi }).forget();
    else getService('agents', { strapi }).forgetNames();
  };

  return {
    async start(): Promise<RealtimeServer> {
      if (server) return server;
      const config = strapi.config.get('plugin::live-support') as PluginConfig;
      server = createRealtimeServer(strapi.server.httpServer, {
        version: PLUGIN_VERSION,
        realtime: config.realtime,
        isAllowedOrigin: (origin, ownOrigin) => getService('siteOrigins', { strapi }).isAllowed(origin, [ownOrigin]),
      });
      if (config.realtime.redisUrl) {
        const channelPrefix = this.redisChannelPrefix();
        // Before any socket connects, so that every broadcast goes through Redis.
        const { agent } = server;
        redis = await attachRedisAdapter(server.io as never, {
          url: config.realtime.redisUrl,
          channelPrefix,
          onLost: (error) =>
            strapi.log.error(`[live-support] Redis is unreachable (${error.message}): pushes reach only the sockets connected to this node until it is back`),
          onRestored: (dropped) => {
            strapi.log.info(`[live-support] Redis is back: pushes reach the other nodes again (${dropped} were not relayed meanwhile)`);
            rejoinOwnConversations(strapi, agent).catch((error: unknown) =>
              strapi.log.error(`[live-support] could not rejoin the agents' conversations after the Redis outage: ${(error as Error).message}`),
            );
          },
        });
        strapi.log.info(`[live-support] real-time events are shared with the other nodes through Redis (channels ${channelPrefix}#…)`);
        // Another node changed what this node keeps a copy of.
        server.io.on(CACHE_CHANGED_EVENT, (cache: unknown) => {
          if (SHARED_CACHES.includes(cache as SharedCache)) forgetHere(cache as SharedCache);
        });
      }
      registerWidgetHandlers(strapi, server.widget);
      stopAgentChecks = registerAgentHandlers(strapi, server.agent, { accessRecheckMs: config.realtime.accessRecheckMs });
      return server;
    },

    get(): RealtimeServer | null {
      return server;
    },

    /** The configured prefix of this site's Redis channels, or the one derived from the app and its database. */
    redisChannelPrefix(): string {
      const config = strapi.config.get('plugin::live-support') as PluginConfig;
      return (
        config.realtime.redisChannelPrefix ??
        derivedRedisChannelPrefix(
          { uuid: strapi.config.get('uuid') as string | undefined, name: strapi.config.get('info.name') as string | undefined },
          strapi.config.get('database.connection') as DatabaseConnectionConfig,
        )
      );
    },

    /**
     * A cached piece of shared state changed here: this node drops its copy now, and the others
     * as soon as Redis brings them the notice (published before the change is answered, so a
     * client's next request to another node finds it there in practice). Their copies' short
     * maximum age bounds the staleness if a notice is lost.
     */
    forgetEverywhere(cache: SharedCache): void {
      forgetHere(cache);
      if (redis && server) server.io.serverSideEmit(CACHE_CHANGED_EVENT, cache);
    },

    /** Whether other nodes share this node's rooms (through Redis). */
    isShared(): boolean {
      return redis !== null;
    },

    async stop(): Promise<void> {
      stopAgentChecks?.();
      stopAgentChecks = null;
      if (!server) return;
      const closing = server;
      server = null;
      await closing.close();
      await redis?.close();
      redis = null;
    },
  };
};

export default realtimeService;
