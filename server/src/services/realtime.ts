import type { Core } from '@strapi/strapi';

import type { PluginConfig } from '../contracts/plugin-config';
import { registerAgentHandlers } from '../realtime/handlers/agent';
import { registerWidgetHandlers } from '../realtime/handlers/widget';
import { createRealtimeServer, type RealtimeServer } from '../realtime/socket-server';
import { getService } from '../utils/get-service';
import { PLUGIN_VERSION } from '../utils/plugin-version';

/** Owns the plugin's Socket.IO server: started in bootstrap, closed in destroy. */
const realtimeService = ({ strapi }: { strapi: Core.Strapi }) => {
  let server: RealtimeServer | null = null;
  let stopAgentChecks: (() => void) | null = null;

  return {
    start(): RealtimeServer {
      if (server) return server;
      const config = strapi.config.get('plugin::live-support') as PluginConfig;
      server = createRealtimeServer(strapi.server.httpServer, {
        version: PLUGIN_VERSION,
        realtime: config.realtime,
        isAllowedOrigin: (origin, ownOrigin) => getService('siteOrigins', { strapi }).isAllowed(origin, [ownOrigin]),
      });
      registerWidgetHandlers(strapi, server.widget);
      stopAgentChecks = registerAgentHandlers(strapi, server.agent, { accessRecheckMs: config.realtime.accessRecheckMs });
      return server;
    },

    get(): RealtimeServer | null {
      return server;
    },

    async stop(): Promise<void> {
      stopAgentChecks?.();
      stopAgentChecks = null;
      if (!server) return;
      const closing = server;
      server = null;
      await closing.close();
    },
  };
};

export default realtimeService;
