import { adminApi } from '@strapi/strapi/admin';

/**
 * The admin's own RTK Query API (shared by every plugin of the panel), with this plugin's cache
 * tags. Tag and endpoint names carry the plugin's name, since other plugins add theirs to the
 * same API.
 */
export const TAGS = {
  queue: 'LiveSupportQueue',
  conversation: 'LiveSupportConversation',
  agents: 'LiveSupportAgents',
  offlineMessages: 'LiveSupportOfflineMessages',
  analytics: 'LiveSupportAnalytics',
  settings: 'LiveSupportSettings',
  openingHours: 'LiveSupportOpeningHours',
  cannedReplies: 'LiveSupportCannedReplies',
} as const;

export const liveSupportBase = adminApi.enhanceEndpoints({ addTagTypes: Object.values(TAGS) });

export type LiveSupportTag = (typeof TAGS)[keyof typeof TAGS];
