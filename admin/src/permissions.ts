/** Mirrors the server's RBAC actions (server/src/constants.ts). */
export const PERMISSIONS = {
  read: [{ action: 'plugin::live-support.read', subject: null }],
  chat: [{ action: 'plugin::live-support.chat', subject: null }],
  settings: [{ action: 'plugin::live-support.settings', subject: null }],
  analytics: [{ action: 'plugin::live-support.analytics', subject: null }],
};
