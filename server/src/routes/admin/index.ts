import { ACTIONS } from '../../constants';
import { cannedReplyContentSchema, cannedReplyCreateSchema } from '../../contracts/canned-replies';
import { escalationTrialSchema } from '../../contracts/escalation-trial';
import { rateLimit } from '../../middlewares/rate-limit';

const requirePermission = (action: string) => ({
  policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions: [action] } }],
  middlewares: ['plugin::live-support.body-limit'],
});

const read = requirePermission(ACTIONS.read);
const chat = requirePermission(ACTIONS.chat);
const settings = requirePermission(ACTIONS.settings);
const analytics = requirePermission(ACTIONS.analytics);
const settingsTrial = {
  ...settings,
  middlewares: [
    ...settings.middlewares,
    rateLimit({ kind: 'escalationTrial', per: 'adminUser', countsWhenBodyIs: escalationTrialSchema }),
  ],
};
/** The Customer data page: `settings`, rate limited per user (each request reads or changes a customer's data). */
const customerData = {
  ...settings,
  middlewares: [...settings.middlewares, rateLimit({ kind: 'customerData', per: 'adminUser' })],
};
/** Canned-reply changes: `chat` (shared replies also need `settings`, checked by the service), rate limited per user. */
const replyChange = (countsWhenBodyIs?: typeof cannedReplyCreateSchema | typeof cannedReplyContentSchema) => ({
  ...chat,
  middlewares: [...chat.middlewares, rateLimit({ kind: 'cannedReplyChange', per: 'adminUser', countsWhenBodyIs })],
});

export default {
  type: 'admin',
  routes: [
    { method: 'GET', path: '/overview', handler: 'overview.get', config: read },
    { method: 'GET', path: '/queue', handler: 'queue.get', config: read },
    { method: 'POST', path: '/queue/claim-next', handler: 'queue.claimNext', config: chat },
    { method: 'GET', path: '/agents', handler: 'agents.list', config: read },
    { method: 'GET', path: '/conversations/:id', handler: 'conversations.get', config: read },
    { method: 'GET', path: '/conversations/:id/messages', handler: 'conversations.listMessages', config: read },
    { method: 'GET', path: '/conversations/:id/knowledge', handler: 'conversations.knowledge', config: read },
    { method: 'GET', path: '/conversations/:id/templates', handler: 'conversations.templates', config: read },
    { method: 'POST', path: '/conversations/:id/claim', handler: 'conversations.claim', config: chat },
    { method: 'POST', path: '/conversations/:id/messages', handler: 'conversations.postMessage', config: chat },
    { method: 'POST', path: '/conversations/:id/transfer', handler: 'conversations.transfer', config: chat },
    { method: 'POST', path: '/conversations/:id/resolve', handler: 'conversations.resolve', config: chat },
    { method: 'GET', path: '/canned-replies', handler: 'canned-replies.list', config: read },
    { method: 'POST', path: '/canned-replies', handler: 'canned-replies.create', config: replyChange(cannedReplyCreateSchema) },
    { method: 'PUT', path: '/canned-replies/:id', handler: 'canned-replies.update', config: replyChange(cannedReplyContentSchema) },
    { method: 'DELETE', path: '/canned-replies/:id', handler: 'canned-replies.remove', config: replyChange() },
    { method: 'PUT', path: '/presence', handler: 'agents.setPresence', config: chat },
    { method: 'GET', path: '/offline-messages', handler: 'offline-messages.list', config: read },
    { method: 'PUT', path: '/offline-messages/:id', handler: 'offline-messages.setStatus', config: chat },
    { method: 'POST', path: '/offline-messages/:id/reply', handler: 'offline-messages.reply', config: chat },
    { method: 'GET', path: '/analytics', handler: 'analytics.report', config: analytics },
    { method: 'GET', path: '/analytics/export', handler: 'analytics.export', config: analytics },
    { method: 'GET', path: '/settings', handler: 'settings.get', config: settings },
    { method: 'PUT', path: '/settings', handler: 'settings.update', config: settings },
    { method: 'GET', path: '/opening-hours', handler: 'opening-hours.get', config: settings },
    { method: 'PUT', path: '/opening-hours', handler: 'opening-hours.update', config: settings },
    { method: 'GET', path: '/jobs', handler: 'jobs.list', config: settings },
    { method: 'POST', path: '/settings/escalation/try', handler: 'settings.tryEscalation', config: settingsTrial },
    { method: 'GET', path: '/customer-data', handler: 'customer-data.search', config: customerData },
    { method: 'GET', path: '/customer-data/export', handler: 'customer-data.export', config: customerData },
    { method: 'POST', path: '/customer-data/erase', handler: 'customer-data.erase', config: customerData },
  ],
};
