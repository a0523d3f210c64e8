import type { Core } from '@strapi/strapi';

import { setUpDemo } from './demo-setup';

export default {
  register(/* { strapi }: { strapi: Core.Strapi } */) {},

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    if (process.env.PLAYGROUND_SKIP_DEMO === 'true') return;
    await setUpDemo(strapi);
  },
};
