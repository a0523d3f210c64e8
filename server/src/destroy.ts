import type { Core } from '@strapi/strapi';

import { getService } from './utils/get-service';

const destroy = async ({ strapi }: { strapi: Core.Strapi }) => {
  getService('presence', { strapi }).stop();
  getService('idle', { strapi }).stop();
  await getService('bots', { strapi }).stop();
  await getService('realtime', { strapi }).stop();
};

export default destroy;
