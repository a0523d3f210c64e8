import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';

import { emptyBodySchema, knowledgeQuerySchema, messagesQuerySchema, postMessageSchema, transferSchema } from '../contracts/conversation';
import { parseInput } from '../errors';
import { getService } from '../utils/get-service';
import { agentIdOf, idOf } from './request';

/** A conversation as agents read and work it (admin API). Route policies have checked the permissions. */
const conversationsController = ({ strapi }: { strapi: Core.Strapi }) => {
  const views = () => getService('conversationViews', { strapi });
  const assignment = () => getService('assignment', { strapi });

  return {
    async get(ctx: Context) {
      ctx.body = { data: await views().agentView(idOf(ctx)) };
    },

    async listMessages(ctx: Context) {
      const id = idOf(ctx);
      const { after, limit } = parseInput(messagesQuerySchema, ctx.query);
      ctx.body = { data: await views().messagesAfter(id, after, limit), meta: { after, limit } };
    },

    async knowledge(ctx: Context) {
      const id = idOf(ctx);
      const { q } = parseInput(knowledgeQuerySchema, ctx.query);
      ctx.body = { data: await getService('knowledgeBase', { strapi }).contextFor(id, q || null) };
    },

    async templates(ctx: Context) {
      ctx.body = { data: await getService('templates', { strapi }).forConversation(idOf(ctx), agentIdOf(ctx)) };
    },

    async claim(ctx: Context) {
      const id = idOf(ctx);
      parseInput(emptyBodySchema, ctx.request.body ?? {});
      ctx.body = { data: await assignment().claim(id, agentIdOf(ctx)) };
    },

    async postMessage(ctx: Context) {
      const id = idOf(ctx);
      const input = parseInput(postMessageSchema, ctx.request.body);
      ctx.body = { data: await getService('chat', { strapi }).postAgentMessage(id, agentIdOf(ctx), input) };
    },

    async transfer(ctx: Context) {
      const id = idOf(ctx);
      const input = parseInput(transferSchema, ctx.request.body ?? {});
      ctx.body = { data: await assignment().transfer(id, agentIdOf(ctx), input) };
    },

    async resolve(ctx: Context) {
      const id = idOf(ctx);
      parseInput(emptyBodySchema, ctx.request.body ?? {});
      ctx.body = { data: await assignment().resolve(id, agentIdOf(ctx)) };
    },
  };
};

export default conversationsController;
