import { ACTIONS } from '../../constants';

const requirePermission = (action: string) => ({
  policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions: [action] } }],
  middlewares: ['plugin::live-support.body-limit'],
});

const read = requirePermission(ACTIONS.read);
const chat = requirePermission(ACTIONS.chat);
const settings = requirePermission(ACTIONS.settings);
const analytics = requirePermission(ACTIONS.analytics);

export default {
  type: 'admin',
  routes: [
    { method: 'GET', path: '/overview', handler: 'overview.get', config: read },
    { method: 'GET', path: '/queue', handler: 'agent.queue', config: read },
    { method: 'POST', path: '/queue/claim-next', handler: 'agent.claimNext', config: chat },
    { method: 'GET', path: '/agents', handler: 'agent.agents', config: read },
    { method: 'GET', path: '/conversations/:id', handler: 'agent.getConversation', config: read },
    { method: 'GET', path: '/conversations/:id/messages', handler: 'agent.listMessages', config: read },
    { method: 'GET', path: '/conversations/:id/knowledge', handler: 'agent.knowledge', config: read },
    { method: 'GET', path: '/conversations/:id/templates', handler: 'agent.templates', config: read },
    { method: 'POST', path: '/conversations/:id/claim', handler: 'agent.claim', config: chat },
    { method: 'POST', path: '/conversations/:id/messages', handler: 'agent.postMessage', config: chat },
    { method: 'POST', path: '/conversations/:id/transfer', handler: 'agent.transfer', config: chat },
    { method: 'POST', path: '/conversations/:id/resolve', handler: 'agent.resolve', config: chat },
    { method: 'PUT', path: '/presence', handler: 'agent.setPresence', config: chat },
    { method: 'GET', path: '/offline-messages', handler: 'agent.offlineMessages', config: read },
    { method: 'PUT', path: '/offline-messages/:id', handler: 'agent.setOfflineMessageStatus', config: chat },
    { method: 'POST', path: '/offline-messages/:id/reply', handler: 'agent.replyToOfflineMessage', config: chat },
    { method: 'GET', path: '/analytics', handler: 'analytics.report', config: analytics },
    { method: 'GET', path: '/analytics/export', handler: 'analytics.export', config: analytics },
    { method: 'GET', path: '/settings', handler: 'settings.get', config: settings },
    { method: 'PUT', path: '/settings', handler: 'settings.update', config: settings },
  ],
};
