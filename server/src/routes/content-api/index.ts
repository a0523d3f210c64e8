import {
  csatSchema,
  customerDetailsSchema,
  emptyBodySchema,
  escalateSchema,
  offlineMessageSchema,
  postMessageSchema,
  startSessionSchema,
} from '../../contracts/conversation';
import { rateLimit } from '../../middlewares/rate-limit';

const limitsAndOrigin = ['plugin::live-support.site-origin', 'plugin::live-support.body-limit'];

/** Customer routes: a visitor token for one conversation, from an allowed site. */
const visitor = {
  auth: false as const,
  policies: ['plugin::live-support.visitor-token'],
  middlewares: limitsAndOrigin,
};

/** External bots: a Strapi API token (full access, or custom with these actions enabled). */
const botApi = { policies: [], middlewares: ['plugin::live-support.body-limit'] };

/** A customer route with its rate limit, counted after the token and origin checks. */
const limitedVisitor = (limit: ReturnType<typeof rateLimit>) => ({
  ...visitor,
  middlewares: [...limitsAndOrigin, limit],
});

const open = { auth: false as const, policies: [] };

export default {
  type: 'content-api',
  routes: [
    { method: 'GET', path: '/health', handler: 'health.check', config: open },
    { method: 'GET', path: '/widget.js', handler: 'widget.script', config: open },
    { method: 'GET', path: '/widget-app.js', handler: 'widget.app', config: open },
    {
      method: 'GET',
      path: '/widget-config',
      handler: 'widget.config',
      config: { ...open, middlewares: ['plugin::live-support.site-origin'] },
    },
    {
      method: 'POST',
      path: '/sessions',
      handler: 'visitor.startSession',
      config: {
        ...open,
        middlewares: [...limitsAndOrigin, rateLimit({ kind: 'session', per: 'ip', countsWhenBodyIs: startSessionSchema })],
      },
    },
    {
      method: 'GET',
      path: '/conversations/:id',
      handler: 'visitor.getConversation',
      config: limitedVisitor(rateLimit({ kind: 'conversationRead', per: 'conversation' })),
    },
    {
      method: 'GET',
      path: '/conversations/:id/messages',
      handler: 'visitor.listMessages',
      config: limitedVisitor(rateLimit({ kind: 'catchUp', per: 'conversation' })),
    },
    {
      method: 'POST',
      path: '/conversations/:id/messages',
      handler: 'visitor.postMessage',
      config: limitedVisitor(rateLimit({ kind: 'message', per: 'conversation', countsWhenBodyIs: postMessageSchema })),
    },
    {
      method: 'PUT',
      path: '/conversations/:id/customer',
      handler: 'visitor.updateCustomer',
      config: limitedVisitor(rateLimit({ kind: 'customerUpdate', per: 'conversation', countsWhenBodyIs: customerDetailsSchema })),
    },
    {
      method: 'POST',
      path: '/conversations/:id/escalate',
      handler: 'visitor.escalate',
      config: limitedVisitor(rateLimit({ kind: 'escalation', per: 'conversation', countsWhenBodyIs: escalateSchema })),
    },
    {
      method: 'POST',
      path: '/conversations/:id/csat',
      handler: 'visitor.rate',
      config: limitedVisitor(rateLimit({ kind: 'rating', per: 'conversation', countsWhenBodyIs: csatSchema })),
    },
    {
      method: 'POST',
      path: '/conversations/:id/leave',
      handler: 'visitor.leave',
      config: limitedVisitor(rateLimit({ kind: 'leave', per: 'conversation', countsWhenBodyIs: emptyBodySchema })),
    },
    {
      method: 'POST',
      path: '/conversations/:id/offline-message',
      handler: 'visitor.leaveOfflineMessage',
      config: limitedVisitor(rateLimit({ kind: 'offlineMessage', per: 'ip', countsWhenBodyIs: offlineMessageSchema })),
    },
    { method: 'GET', path: '/bot/conversations/:id', handler: 'bot-api.getConversation', config: botApi },
    { method: 'POST', path: '/bot/conversations/:id/messages', handler: 'bot-api.postMessage', config: botApi },
    { method: 'POST', path: '/bot/conversations/:id/escalate', handler: 'bot-api.escalate', config: botApi },
  ],
};
