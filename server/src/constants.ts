export const PLUGIN_ID = 'live-support';

export const UID = {
  conversation: 'plugin::live-support.conversation',
  message: 'plugin::live-support.message',
  conversationEvent: 'plugin::live-support.conversation-event',
  template: 'plugin::live-support.template',
  openingHours: 'plugin::live-support.opening-hours',
  offlineMessage: 'plugin::live-support.offline-message',
  agentState: 'plugin::live-support.agent-state',
} as const;

export type ContentTypeUid = (typeof UID)[keyof typeof UID];

/** The plugin's RBAC actions, registered at bootstrap; admin routes check them. */
export const ACTIONS = {
  read: 'plugin::live-support.read',
  chat: 'plugin::live-support.chat',
  settings: 'plugin::live-support.settings',
  analytics: 'plugin::live-support.analytics',
} as const;

export const SOCKET_PATH = '/live-support/socket.io';
export const NAMESPACES = { widget: '/widget', agent: '/agent' } as const;
