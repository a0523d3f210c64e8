import type { Core } from '@strapi/strapi';

import type { PluginConfig } from '../contracts/plugin-config';
import { derivedRedisChannelPrefix, type DatabaseConnectionConfig } from '../domain/redis-channel-prefix';
import { registerAgentHandlers, rejoinOwnConversations } from '../realtime/handlers/agent';
import { registerWidgetHandlers } from '../realtime/handlers/widget';
import { attachRedisAdapter, type RedisLink } from '../realtime/redis-adapter';
import { createRealtimeServer, type RealtimeServer } from '../realtime/socket-server';
import { getService } from '../utils/get-service';
import { PLUGIN_VERSION } from '../utils/plugin-version';

/** Owns the plugin's Socket.IO server: started in bootstrap, closed in destroy. */
const realtimeService = ({ strapi }: { strapi: Core.Strapi }) => {
  let server: RealtimeServer | null = null;
  let stopAgentChecks: (() => void) | null = null;
  let redis: RedisLink | null = null;

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
