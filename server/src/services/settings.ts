import { isDeepStrictEqual } from 'node:util';

import type { Core } from '@strapi/strapi';

import { PLUGIN_ID } from '../constants';
import { DEFAULT_SETTINGS, mergeSettings, settingsSchema, type Settings, type SettingsUpdate } from '../contracts/settings';
import { identitySettingsProblem } from '../domain/identity';
import { ValidationError } from '../errors';
import { getService } from '../utils/get-service';

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

    /** Merges the update into the current settings and stores them as given (trusted code). */
    async update(update: SettingsUpdate): Promise<Settings> {
      const next = mergeSettings(await this.get(), update);
      await store().set({ key: SETTINGS_KEY, value: next });
      return next;
    },

    /**
     * An admin's change, already checked against the settings schema: merged once, checked
     * against what the app has (the knowledge base's content type), stored, and the waiting
     * customers' estimates refreshed, since they may depend on what changed; the open widgets
     * get the new configuration (look, texts, availability).
     */
    async save(update: SettingsUpdate): Promise<Settings> {
      const current = await this.get();
      const next = mergeSettings(current, update);
      getService('knowledgeBase', { strapi }).validateConfiguration(next.bot.knowledgeBase);
      const identityProblem = identitySettingsProblem({ mode: next.identity.verification, secret: next.identity.secret });
      if (identityProblem) throw new ValidationError(`identity.${identityProblem.key}: ${identityProblem.message}`);
      // A save that changes nothing stores nothing and pushes nothing to the open widgets.
      if (isDeepStrictEqual(current, next)) return next;
      await store().set({ key: SETTINGS_KEY, value: next });
      const notifier = getService('notifier', { strapi });
      void notifier.queueChanged();
      void notifier.widgetConfigChanged();
      return next;
    },
  };
};

export default settingsService;
