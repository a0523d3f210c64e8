import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';

import { analyticsQuerySchema } from '../contracts/analytics';
import { parseInput } from '../errors';
import { getService } from '../utils/get-service';

const analyticsController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async report(ctx: Context) {
    const query = parseInput(analyticsQuerySchema, ctx.query);
    ctx.body = { data: await getService('analytics', { strapi }).report(query) };
  },

  async export(ctx: Context) {
    const query = parseInput(analyticsQuerySchema, ctx.query);
    const csv = await getService('analytics', { strapi }).csv(query);
    // A stream: Koa pipes the lines as they are produced instead of holding the whole file.
    ctx.set('Content-Type', 'text/csv; charset=utf-8');
    ctx.set('Content-Disposition', `attachment; filename="live-support-${query.from}-${query.to}.csv"`);
    ctx.body = csv;
  },
});

export default analyticsController;
