import { ACTIONS } from './shared';

/** The plugin's RBAC actions in the shape Strapi's `useRBAC` and `Page.Protect` take. */
export const PERMISSIONS = {
  read: [{ action: ACTIONS.read, subject: null }],
  chat: [{ action: ACTIONS.chat, subject: null }],
  settings: [{ action: ACTIONS.settings, subject: null }],
  analytics: [{ action: ACTIONS.analytics, subject: null }],
};
