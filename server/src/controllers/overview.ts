import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';

import { getService } from '../utils/get-service';

const overviewController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async get(ctx: Context) {
    const counts = await getService('overview', { strapi }).countConversationsByStatus();
    ctx.body = { data: { counts } };
  },
});

export default overviewController;
