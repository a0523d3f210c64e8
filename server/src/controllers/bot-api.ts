import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';

import { escalateSchema, messagesQuerySchema, postMessageSchema } from '../contracts/conversation';
import { parseInput } from '../errors';
import { getService } from '../utils/get-service';
import { idOf } from './request';

/**
 * An external bot over the content API, authenticated with a Strapi API token: it reads the
 * conversation, writes bot messages while the bot has the conversation, and hands over.
 */
const botApiController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async getConversation(ctx: Context) {
    const id = idOf(ctx);
    const { after, limit } = parseInput(messagesQuerySchema, ctx.query);
    ctx.body = { data: await getService('conversationViews', { strapi }).botView(id, after, limit) };
  },

  async postMessage(ctx: Context) {
    const id = idOf(ctx);
    const input = parseInput(postMessageSchema, ctx.request.body);
    ctx.body = { data: await getService('chat', { strapi }).postBotMessage(id, input) };
  },

  async escalate(ctx: Context) {
    const id = idOf(ctx);
    const { reason } = parseInput(escalateSchema, ctx.request.body ?? {});
    ctx.body = { data: await getService('escalation', { strapi }).requestByBot(id, reason) };
  },
});

export default botApiController;
