import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';

import { openingHoursSchema } from '../contracts/opening-hours';
import { parseInput } from '../errors';
import { getService } from '../utils/get-service';

const openingHoursController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async get(ctx: Context) {
    ctx.body = { data: await getService('openingHours', { strapi }).get() };
  },

  async update(ctx: Context) {
    const hours = parseInput(openingHoursSchema, ctx.request.body);
    ctx.body = { data: await getService('openingHours', { strapi }).save(hours) };
  },
});

export default openingHoursController;
