/**
 * Names and lists that the server, the agent desk and the widget share. Plain values only: the
 * widget bundle imports from here, so nothing heavier than a string may live in this file.
 */
export const PLUGIN_ID = 'live-support';

/** The plugin's RBAC actions, registered at bootstrap; admin routes and the desk check them. */
export const ACTIONS = {
  read: 'plugin::live-support.read',
  chat: 'plugin::live-support.chat',
  settings: 'plugin::live-support.settings',
  analytics: 'plugin::live-support.analytics',
} as const;
export type Action = (typeof ACTIONS)[keyof typeof ACTIONS];

/** Where the admin routes (`type: 'admin'`) and the customer routes (`content-api`) are served. */
export const ADMIN_API_BASE = `/${PLUGIN_ID}`;
export const PUBLIC_API_BASE = `/api/${PLUGIN_ID}`;

/** The plugin's own Socket.IO path, so that Strapi's own websocket features keep theirs. */
export const SOCKET_PATH = `/${PLUGIN_ID}/socket.io`;
export const NAMESPACES = { widget: '/widget', agent: '/agent' } as const;

export {
  PRESENCE_STATUSES,
  SUPPORTED_LANGUAGES,
  type PresenceStatus,
  type SupportedLanguage,
} from '../domain/conversation-status';
export { IDENTITY_VERIFICATION_MODES, type IdentityVerificationMode } from '../domain/identity-modes';
