import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';

import { getService } from '../utils/get-service';

/** The periodic jobs' schedule and last runs, read-only, for Settings. */
const jobsController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async list(ctx: Context) {
    ctx.body = { data: await getService('scheduler', { strapi }).statuses() };
  },
});

export default jobsController;
