export { ACTIONS, NAMESPACES, PLUGIN_ID, SOCKET_PATH } from './contracts/constants';

export const UID = {
  conversation: 'plugin::live-support.conversation',
  message: 'plugin::live-support.message',
  conversationEvent: 'plugin::live-support.conversation-event',
  template: 'plugin::live-support.template',
  openingHours: 'plugin::live-support.opening-hours',
  offlineMessage: 'plugin::live-support.offline-message',
  agentState: 'plugin::live-support.agent-state',
  agentConnection: 'plugin::live-support.agent-connection',
  scheduledJob: 'plugin::live-support.scheduled-job',
  customerDataEvent: 'plugin::live-support.customer-data-event',
  analyticsDay: 'plugin::live-support.analytics-day',
} as const;

export type ContentTypeUid = (typeof UID)[keyof typeof UID];
