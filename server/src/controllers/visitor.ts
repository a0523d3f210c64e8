import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';

import {
  conversationIdSchema,
  csatSchema,
  customerDetailsSchema,
  emptyBodySchema,
  escalateSchema,
  messagesQuerySchema,
  offlineMessageSchema,
  postMessageSchema,
  startSessionSchema,
} from '../contracts/conversation';
import { parseInput, RateLimitError } from '../errors';
import type { RateLimitKind } from '../services/rate-limits';
import { getService } from '../utils/get-service';

/** Customer side of the protocol (content API). The visitor-token policy has run before. */
const visitorController = ({ strapi }: { strapi: Core.Strapi }) => {
  const conversations = () => getService('conversations', { strapi });
  const idOf = (ctx: Context) => parseInput(conversationIdSchema, ctx.params.id);
  /** Counts the request against its rate limit; a refusal also says when to try again. */
  const limit = (ctx: Context, kind: RateLimitKind, key: string) => {
    try {
      getService('rateLimits', { strapi }).consume(kind, key);
    } catch (error) {
      if (error instanceof RateLimitError) ctx.set('Retry-After', String(error.details.retryAfterSeconds));
      throw error;
    }
  };

  return {
    async startSession(ctx: Context) {
      const input = parseInput(startSessionSchema, ctx.request.body ?? {});
      limit(ctx, 'session', ctx.request.ip);
      ctx.status = 201;
      ctx.body = { data: await conversations().startSession(input) };
    },

    async getConversation(ctx: Context) {
      ctx.body = { data: await conversations().visitorView(idOf(ctx)) };
    },

    async listMessages(ctx: Context) {
      const id = idOf(ctx);
      const { after, limit } = parseInput(messagesQuerySchema, ctx.query);
      ctx.body = { data: await getService('messages', { strapi }).viewsAfter(id, after, limit), meta: { after, limit } };
    },

    async postMessage(ctx: Context) {
      const id = idOf(ctx);
      const input = parseInput(postMessageSchema, ctx.request.body);
      limit(ctx, 'message', String(id));
      ctx.body = { data: await conversations().postCustomerMessage(id, input) };
    },

    async updateCustomer(ctx: Context) {
      const id = idOf(ctx);
      const details = parseInput(customerDetailsSchema, ctx.request.body);
      ctx.body = { data: await conversations().updateCustomer(id, details) };
    },

    async escalate(ctx: Context) {
      const id = idOf(ctx);
      const { reason } = parseInput(escalateSchema, ctx.request.body ?? {});
      ctx.body = {
        data: await conversations().escalate(id, { trigger: 'button', reason, actor: { kind: 'customer' } }),
      };
    },

    async rate(ctx: Context) {
      const id = idOf(ctx);
      const input = parseInput(csatSchema, ctx.request.body);
      ctx.body = { data: await conversations().rate(id, input) };
    },

    async leaveOfflineMessage(ctx: Context) {
      const id = idOf(ctx);
      const input = parseInput(offlineMessageSchema, ctx.request.body);
      ctx.status = 201;
      ctx.body = { data: await conversations().leaveOfflineMessage(id, input) };
    },

    async leave(ctx: Context) {
      const id = idOf(ctx);
      parseInput(emptyBodySchema, ctx.request.body ?? {});
      ctx.body = { data: await conversations().leave(id) };
    },
  };
};

export default visitorController;
