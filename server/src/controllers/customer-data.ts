import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';

import { customerLookupSchema } from '../contracts/customer-data';
import { parseInput } from '../errors';
import { getService } from '../utils/get-service';
import { agentIdOf } from './request';

const customerDataController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async search(ctx: Context) {
    const lookup = parseInput(customerLookupSchema, ctx.query);
    ctx.body = { data: await getService('customerData', { strapi }).search(lookup, agentIdOf(ctx)) };
  },

  async export(ctx: Context) {
    const lookup = parseInput(customerLookupSchema, ctx.query);
    const exported = await getService('customerData', { strapi }).export(lookup, agentIdOf(ctx));
    ctx.set('Content-Disposition', `attachment; filename="live-support-customer-data-${exported.exportedAt.slice(0, 10)}.json"`);
    ctx.body = exported;
  },

  async erase(ctx: Context) {
    const lookup = parseInput(customerLookupSchema, ctx.request.body);
    ctx.body = { data: await getService('customerData', { strapi }).erase(lookup, agentIdOf(ctx)) };
  },
});

export default customerDataController;
