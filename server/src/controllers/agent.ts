import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';

import {
  conversationIdSchema,
  emptyBodySchema,
  messagesQuerySchema,
  offlineInboxQuerySchema,
  offlineReplySchema,
  offlineStatusSchema,
  postMessageSchema,
  presenceSchema,
  queueQuerySchema,
  transferSchema,
} from '../contracts/conversation';
import { NotFoundError, parseInput, unauthorized } from '../errors';
import { getService } from '../utils/get-service';

/** Agent side of the protocol (admin API). Route policies have checked the permissions. */
const agentController = ({ strapi }: { strapi: Core.Strapi }) => {
  const conversations = () => getService('conversations', { strapi });
  const idOf = (ctx: Context) => parseInput(conversationIdSchema, ctx.params.id);
  const agentIdOf = (ctx: Context): number => {
    const id = ctx.state.user?.id;
    if (typeof id !== 'number') throw unauthorized('No admin user on this request');
    return id;
  };

  return {
    async queue(ctx: Context) {
      const paging = parseInput(queueQuerySchema, ctx.query);
      ctx.body = await getService('queue', { strapi }).snapshot(agentIdOf(ctx), paging);
    },

    async agents(ctx: Context) {
      ctx.body = { data: await getService('agents', { strapi }).presenceList() };
    },

    async getConversation(ctx: Context) {
      ctx.body = { data: await conversations().agentView(idOf(ctx)) };
    },

    async listMessages(ctx: Context) {
      const id = idOf(ctx);
      await conversations().find(id);
      const { after, limit } = parseInput(messagesQuerySchema, ctx.query);
      ctx.body = { data: await getService('messages', { strapi }).viewsAfter(id, after, limit), meta: { after, limit } };
    },

    async knowledge(ctx: Context) {
      ctx.body = { data: await getService('knowledgeBase', { strapi }).contextFor(idOf(ctx)) };
    },

    async templates(ctx: Context) {
      ctx.body = { data: await getService('templates', { strapi }).forConversation(idOf(ctx), agentIdOf(ctx)) };
    },

    async offlineMessages(ctx: Context) {
      ctx.body = await getService('offlineInbox', { strapi }).list(parseInput(offlineInboxQuerySchema, ctx.query));
    },

    async setOfflineMessageStatus(ctx: Context) {
      const { status } = parseInput(offlineStatusSchema, ctx.request.body);
      ctx.body = { data: await getService('offlineInbox', { strapi }).setStatus(idOf(ctx), status) };
    },

    async replyToOfflineMessage(ctx: Context) {
      const id = idOf(ctx);
      const input = parseInput(offlineReplySchema, ctx.request.body);
      ctx.body = { data: await getService('offlineInbox', { strapi }).reply(id, agentIdOf(ctx), input) };
    },

    async claim(ctx: Context) {
      const id = idOf(ctx);
      parseInput(emptyBodySchema, ctx.request.body ?? {});
      ctx.body = { data: await conversations().claim(id, agentIdOf(ctx)) };
    },

    async claimNext(ctx: Context) {
      parseInput(emptyBodySchema, ctx.request.body ?? {});
      const claimed = await getService('queue', { strapi }).claimNext(agentIdOf(ctx));
      if (!claimed) throw new NotFoundError('Nobody is waiting', { code: 'QUEUE_EMPTY' });
      ctx.body = { data: claimed };
    },

    async postMessage(ctx: Context) {
      const id = idOf(ctx);
      const input = parseInput(postMessageSchema, ctx.request.body);
      ctx.body = { data: await conversations().postAgentMessage(id, agentIdOf(ctx), input) };
    },

    async transfer(ctx: Context) {
      const id = idOf(ctx);
      const input = parseInput(transferSchema, ctx.request.body ?? {});
      ctx.body = { data: await conversations().transfer(id, agentIdOf(ctx), input) };
    },

    async resolve(ctx: Context) {
      const id = idOf(ctx);
      parseInput(emptyBodySchema, ctx.request.body ?? {});
      ctx.body = { data: await conversations().resolve(id, agentIdOf(ctx)) };
    },

    async setPresence(ctx: Context) {
      const { status } = parseInput(presenceSchema, ctx.request.body);
      const agentId = agentIdOf(ctx);
      await getService('presence', { strapi }).set(agentId, status);
      const views = await getService('agents', { strapi }).presenceList();
      ctx.body = { data: views.find((view) => view.agentId === agentId) };
    },
  };
};

export default agentController;
