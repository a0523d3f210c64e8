import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';

import { ACTIONS } from '../constants';
import { cannedReplyContentSchema, cannedReplyCreateSchema, cannedReplyListQuerySchema } from '../contracts/canned-replies';
import { parseInput } from '../errors';
import type { ReplyAgent } from '../services/canned-replies';
import { getService } from '../utils/get-service';
import { agentIdOf, idOf } from './request';

/** The signed-in agent, and whether their role may manage shared replies (Strapi's admin auth left the ability in `ctx.state`). */
function replyAgentOf(ctx: Context): ReplyAgent {
  const ability = ctx.state.userAbility as { can(action: string): boolean } | undefined;
  return { id: agentIdOf(ctx), canManageShared: ability?.can(ACTIONS.settings) === true };
}

/** Canned replies in the desk (admin API). Route policies have checked `read` or `chat`. */
const cannedRepliesController = ({ strapi }: { strapi: Core.Strapi }) => {
  const replies = () => getService('cannedReplies', { strapi });

  return {
    async list(ctx: Context) {
      const { conversationId } = parseInput(cannedReplyListQuerySchema, ctx.query);
      ctx.body = { data: await replies().list(replyAgentOf(ctx), conversationId) };
    },

    async create(ctx: Context) {
      const input = parseInput(cannedReplyCreateSchema, ctx.request.body);
      ctx.status = 201;
      ctx.body = { data: await replies().create(replyAgentOf(ctx), input) };
    },

    async update(ctx: Context) {
      const id = idOf(ctx);
      const content = parseInput(cannedReplyContentSchema, ctx.request.body);
      ctx.body = { data: await replies().update(replyAgentOf(ctx), id, content) };
    },

    async remove(ctx: Context) {
      await replies().remove(replyAgentOf(ctx), idOf(ctx));
      ctx.body = { data: { id: idOf(ctx) } };
    },
  };
};

export default cannedRepliesController;
