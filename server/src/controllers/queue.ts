import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';

import { emptyBodySchema, queueQuerySchema } from '../contracts/conversation';
import { parseInput } from '../errors';
import { getService } from '../utils/get-service';
import { agentIdOf } from './request';

/** The agent desk's queue (admin API). Route policies have checked the permissions. */
const queueController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async get(ctx: Context) {
    const paging = parseInput(queueQuerySchema, ctx.query);
    ctx.body = await getService('queue', { strapi }).snapshot(agentIdOf(ctx), paging);
  },

  async claimNext(ctx: Context) {
    parseInput(emptyBodySchema, ctx.request.body ?? {});
    ctx.body = { data: await getService('assignment', { strapi }).claimNext(agentIdOf(ctx)) };
  },
});

export default queueController;
