import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';

import { settingsUpdateSchema } from '../contracts/settings';
import { parseInput } from '../errors';
import { getService } from '../utils/get-service';

const settingsController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async get(ctx: Context) {
    ctx.body = { data: await getService('settings', { strapi }).get() };
  },

  async update(ctx: Context) {
    const update = parseInput(settingsUpdateSchema, ctx.request.body);
    const settings = await getService('settings', { strapi }).update(update);
    // Estimates shown to waiting customers may depend on what changed.
    void getService('notifier', { strapi }).queueChanged();
    ctx.body = { data: settings };
  },
});

export default settingsController;
