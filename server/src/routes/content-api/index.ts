const visitor = {
  auth: false as const,
  policies: ['plugin::live-support.visitor-token'],
  middlewares: ['plugin::live-support.body-limit'],
};

const botApi = { policies: [], middlewares: ['plugin::live-support.body-limit'] };

export default {
  type: 'content-api',
  routes: [
    { method: 'GET', path: '/health', handler: 'health.check', config: { auth: false, policies: [] } },
    { method: 'GET', path: '/widget.js', handler: 'widget.script', config: { auth: false, policies: [] } },
    {
      method: 'POST',
      path: '/sessions',
      handler: 'visitor.startSession',
      config: { auth: false, policies: [], middlewares: ['plugin::live-support.body-limit'] },
    },
    { method: 'GET', path: '/conversations/:id', handler: 'visitor.getConversation', config: visitor },
    { method: 'GET', path: '/conversations/:id/messages', handler: 'visitor.listMessages', config: visitor },
    { method: 'POST', path: '/conversations/:id/messages', handler: 'visitor.postMessage', config: visitor },
    { method: 'POST', path: '/conversations/:id/escalate', handler: 'visitor.escalate', config: visitor },
    { method: 'POST', path: '/conversations/:id/csat', handler: 'visitor.rate', config: visitor },
    { method: 'POST', path: '/conversations/:id/leave', handler: 'visitor.leave', config: visitor },
    // External bots: a Strapi API token (full access, or custom with these actions enabled).
    { method: 'GET', path: '/bot/conversations/:id', handler: 'bot-api.getConversation', config: botApi },
    { method: 'POST', path: '/bot/conversations/:id/messages', handler: 'bot-api.postMessage', config: botApi },
    { method: 'POST', path: '/bot/conversations/:id/escalate', handler: 'bot-api.escalate', config: botApi },
  ],
};
