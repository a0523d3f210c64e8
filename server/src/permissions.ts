import type { Core } from '@strapi/strapi';

import { PLUGIN_ID } from './constants';

/** The plugin's own RBAC actions; each becomes `plugin::live-support.<uid>`. */
export const PERMISSION_ACTIONS = [
  { section: 'plugins', displayName: 'Read the queue and conversations', uid: 'read', pluginName: PLUGIN_ID },
  { section: 'plugins', displayName: 'Claim conversations and chat', uid: 'chat', pluginName: PLUGIN_ID },
  { section: 'plugins', displayName: 'Change the settings', uid: 'settings', pluginName: PLUGIN_ID },
  { section: 'plugins', displayName: 'Read the analytics', uid: 'analytics', pluginName: PLUGIN_ID },
];

export async function registerPermissionActions(strapi: Core.Strapi): Promise<void> {
  await strapi.service('admin::permission').actionProvider.registerMany(PERMISSION_ACTIONS);
}
