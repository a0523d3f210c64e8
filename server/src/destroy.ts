import type { Core } from '@strapi/strapi';

import { getService } from './utils/get-service';

const destroy = async ({ strapi }: { strapi: Core.Strapi }) => {
  await getService('scheduler', { strapi }).stop();
  await getService('analyticsRollup', { strapi }).stopCatchUp();
  getService('presence', { strapi }).stop();
  await getService('bots', { strapi }).stop();
  await getService('realtime', { strapi }).stop();
  await getService('rateLimits', { strapi }).stop();
  await getService('sqliteCheckpoints', { strapi }).stop();
};

export default destroy;
