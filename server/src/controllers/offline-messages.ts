import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';

import { offlineInboxQuerySchema, offlineReplySchema, offlineStatusSchema } from '../contracts/conversation';
import { parseInput } from '../errors';
import { getService } from '../utils/get-service';
import { agentIdOf, idOf } from './request';

/** The offline inbox (admin API). Route policies have checked the permissions. */
const offlineMessagesController = ({ strapi }: { strapi: Core.Strapi }) => {
  const inbox = () => getService('offlineInbox', { strapi });

  return {
    async list(ctx: Context) {
      ctx.body = await inbox().list(parseInput(offlineInboxQuerySchema, ctx.query));
    },

    async setStatus(ctx: Context) {
      const { status } = parseInput(offlineStatusSchema, ctx.request.body);
      ctx.body = { data: await inbox().setStatus(idOf(ctx), status) };
    },

    async reply(ctx: Context) {
      const id = idOf(ctx);
      const input = parseInput(offlineReplySchema, ctx.request.body);
      ctx.body = { data: await inbox().reply(id, agentIdOf(ctx), input) };
    },
  };
};

export default offlineMessagesController;
