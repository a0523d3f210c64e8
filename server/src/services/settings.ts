import type { Core } from '@strapi/strapi';

import { PLUGIN_ID } from '../constants';
import { DEFAULT_SETTINGS, mergeSettings, settingsSchema, type Settings, type SettingsUpdate } from '../contracts/settings';

const SETTINGS_KEY = 'settings';

/**
 * Run-time settings in the plugin store. Read on every use (one indexed row), so a change made
 * on any node applies everywhere at once, without a restart.
 */
const settingsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const store = () => strapi.store({ type: 'plugin', name: PLUGIN_ID });

  return {
    async get(): Promise<Settings> {
      const stored = await store().get({ key: SETTINGS_KEY });
      const parsed = settingsSchema.safeParse(stored ?? {});
      if (parsed.success) return parsed.data;
      strapi.log.warn('[live-support] stored settings are invalid; using the defaults until they are saved again');
      return DEFAULT_SETTINGS;
    },

    /** Merges the update into the current settings; the update is validated by the caller. */
    async update(update: SettingsUpdate): Promise<Settings> {
      const next = mergeSettings(await this.get(), update);
      await store().set({ key: SETTINGS_KEY, value: next });
      return next;
    },
  };
};

export default settingsService;
