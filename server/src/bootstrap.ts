import type { Core } from '@strapi/strapi';

import type { PluginConfig } from './contracts/plugin-config';
import { getService } from './utils/get-service';

const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  const config = strapi.config.get('plugin::live-support') as PluginConfig;
  if (config.seedDefaults) {
    const seeded = await getService('seed', { strapi }).seedDefaults();
    if (seeded.templates > 0 || seeded.openingHours) {
      strapi.log.info(
        `[live-support] seeded ${seeded.templates} templates${seeded.openingHours ? ' and the default opening hours' : ''}`,
      );
    }
  }
  getService('knowledgeBase', { strapi }).subscribeToChanges();
  await getService('rateLimits', { strapi }).start();
  await getService('realtime', { strapi }).start();
  // After the socket server: the presence job counts this node's desk sockets.
  await getService('scheduler', { strapi }).start();
};

export default bootstrap;
