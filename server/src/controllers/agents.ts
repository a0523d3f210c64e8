import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';

import { presenceSchema } from '../contracts/conversation';
import { parseInput } from '../errors';
import { getService } from '../utils/get-service';
import { agentIdOf } from './request';

/** The agents: their presence and load (admin API). Route policies have checked the permissions. */
const agentsController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async list(ctx: Context) {
    ctx.body = { data: await getService('agents', { strapi }).presenceList() };
  },

  async setPresence(ctx: Context) {
    const { status } = parseInput(presenceSchema, ctx.request.body);
    ctx.body = { data: await getService('presence', { strapi }).set(agentIdOf(ctx), status) };
  },
});

export default agentsController;
