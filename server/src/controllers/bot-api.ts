import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';

import { conversationIdSchema, escalateSchema, messagesQuerySchema, postMessageSchema } from '../contracts/conversation';
import { parseInput } from '../errors';
import { getService } from '../utils/get-service';

/**
 * An external bot over the content API, authenticated with a Strapi API token: it reads the
 * conversation, writes bot messages while the bot has the conversation, and hands over.
 */
const botApiController = ({ strapi }: { strapi: Core.Strapi }) => {
  const conversations = () => getService('conversations', { strapi });
  const idOf = (ctx: Context) => parseInput(conversationIdSchema, ctx.params.id);

  return {
    async getConversation(ctx: Context) {
      const id = idOf(ctx);
      const { after, limit } = parseInput(messagesQuerySchema, ctx.query);
      ctx.body = {
        data: {
          conversation: await conversations().visitorView(id),
          messages: await getService('messages', { strapi }).viewsAfter(id, after, limit),
        },
      };
    },

    async postMessage(ctx: Context) {
      const id = idOf(ctx);
      const input = parseInput(postMessageSchema, ctx.request.body);
      ctx.body = { data: await conversations().postBotMessage(id, input) };
    },

    async escalate(ctx: Context) {
      const id = idOf(ctx);
      const { reason } = parseInput(escalateSchema, ctx.request.body ?? {});
      ctx.body = {
        data: await conversations().escalate(id, { trigger: 'api', reason: reason ?? 'requested over the bot API', actor: { kind: 'bot' } }),
      };
    },
  };
};

export default botApiController;
