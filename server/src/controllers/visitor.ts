import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';

import {
  csatSchema,
  customerDetailsSchema,
  emptyBodySchema,
  escalateSchema,
  messagesQuerySchema,
  offlineMessageSchema,
  postMessageSchema,
  startSessionSchema,
} from '../contracts/conversation';
import { addressLimitKey } from '../domain/client-address';
import { parseInput } from '../errors';
import { getService } from '../utils/get-service';
import { idOf } from './request';

/**
 * Customer side of the protocol (content API). The visitor-token policy and the routes' rate
 * limits have run before.
 */
const visitorController = ({ strapi }: { strapi: Core.Strapi }) => {
  const customers = () => getService('customers', { strapi });

  return {
    async startSession(ctx: Context) {
      const input = parseInput(startSessionSchema, ctx.request.body ?? {});
      ctx.status = 201;
      // Behind proxies, Koa reads the address from X-Forwarded-For as `server.proxy` allows.
      ctx.body = { data: await customers().startSession(input, new Date(), addressLimitKey(ctx.request.ip)) };
    },

    async getConversation(ctx: Context) {
      ctx.body = { data: await getService('conversationViews', { strapi }).visitorView(idOf(ctx)) };
    },

    async listMessages(ctx: Context) {
      const id = idOf(ctx);
      const { after, limit } = parseInput(messagesQuerySchema, ctx.query);
      ctx.body = { data: await getService('messages', { strapi }).viewsAfter(id, after, limit), meta: { after, limit } };
    },

    async postMessage(ctx: Context) {
      const id = idOf(ctx);
      const input = parseInput(postMessageSchema, ctx.request.body);
      ctx.body = { data: await getService('chat', { strapi }).postCustomerMessage(id, input) };
    },

    async updateCustomer(ctx: Context) {
      const id = idOf(ctx);
      const details = parseInput(customerDetailsSchema, ctx.request.body);
      ctx.body = { data: await customers().updateCustomer(id, details) };
    },

    async escalate(ctx: Context) {
      const id = idOf(ctx);
      const { reason } = parseInput(escalateSchema, ctx.request.body ?? {});
      ctx.body = { data: await getService('escalation', { strapi }).requestByCustomer(id, reason) };
    },

    async rate(ctx: Context) {
      const id = idOf(ctx);
      const input = parseInput(csatSchema, ctx.request.body);
      ctx.body = { data: await customers().rate(id, input) };
    },

    async leaveOfflineMessage(ctx: Context) {
      const id = idOf(ctx);
      const input = parseInput(offlineMessageSchema, ctx.request.body);
      ctx.status = 201;
      ctx.body = { data: await getService('offlineInbox', { strapi }).leave(id, input) };
    },

    async leave(ctx: Context) {
      const id = idOf(ctx);
      parseInput(emptyBodySchema, ctx.request.body ?? {});
      ctx.body = { data: await customers().leave(id) };
    },
  };
};

export default visitorController;
