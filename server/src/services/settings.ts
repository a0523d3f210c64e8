import { isDeepStrictEqual } from 'node:util';

import type { Core } from '@strapi/strapi';

import { PLUGIN_ID } from '../constants';
import { DEFAULT_SETTINGS, mergeSettings, settingsSchema, type Settings, type SettingsUpdate } from '../contracts/settings';
import { identitySettingsProblem } from '../domain/identity';
import { ValidationError } from '../errors';
import { getService } from '../utils/get-service';

const SETTINGS_KEY = 'settings';
/**
 * How long a node keeps its copy without hearing of a change: only a backstop for a lost
 * notice (a Redis outage); changes travel by `forget`, made by the node that saved them.
 */
const CACHE_MAX_AGE_MS = 5_000;

/**
 * Run-time settings in the plugin store, kept in memory: the message path, the bot's turn and
 * the queue read them without a query. A save on this node replaces the copy; a save on another
 * node reaches this one through the real-time layer (`realtime.forgetEverywhere`), so a change
 * applies everywhere at once, without a restart. Callers must not modify what `get` returns.
 */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

const settingsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const store = () => strapi.store({ type: 'plugin', name: PLUGIN_ID });
  let cached: { settings: Settings; readAt: number } | null = null;
  let reading: Promise<Settings> | null = null;
  // Bumped by every change: a read that started before one must not fill the cache after it.
  let generation = 0;

  async function read(): Promise<Settings> {
    const stored = await store().get({ key: SETTINGS_KEY });
    const parsed = settingsSchema.safeParse(stored ?? {});
    // Frozen: every caller shares the one copy, so a change to it would be a change for all.
    if (parsed.success) return deepFreeze(parsed.data);
    strapi.log.warn('[live-support] stored settings are invalid; using the defaults until they are saved again');
    return DEFAULT_SETTINGS;
  }

  /** Stores the settings and tells every node, this one included, to read them afresh. */
  async function write(next: Settings): Promise<void> {
    await store().set({ key: SETTINGS_KEY, value: next });
    getService('realtime', { strapi }).forgetEverywhere('settings');
  }

  return {
    async get(): Promise<Settings> {
      if (cached && Date.now() - cached.readAt < CACHE_MAX_AGE_MS) return cached.settings;
      if (reading) return reading;
      const started = generation;
      const current = read().finally(() => {
        if (reading === current) reading = null;
      });
      reading = current;
      const settings = await current;
      if (started === generation) cached = { settings, readAt: Date.now() };
      return settings;
    },

    /** Drops this node's copy: the next `get` reads the store (another node saved a change). */
    forget(): void {
      generation += 1;
      cached = null;
      reading = null;
    },

    /** Merges the update into the current settings and stores them as given (trusted code). */
    async update(update: SettingsUpdate): Promise<Settings> {
      const next = mergeSettings(await read(), update);
      await write(next);
      return next;
    },

    /**
     * An admin's change, already checked against the settings schema: merged once, checked
     * against what the app has (the knowledge base's content type), stored, and the waiting
     * customers' estimates refreshed, since they may depend on what changed; the open widgets
     * get the new configuration (look, texts, availability).
     */
    async save(update: SettingsUpdate): Promise<Settings> {
      const current = await read();
      const next = mergeSettings(current, update);
      getService('knowledgeBase', { strapi }).validateConfiguration(next.bot.knowledgeBase);
      const identityProblem = identitySettingsProblem({ mode: next.identity.verification, secret: next.identity.secret });
      if (identityProblem) throw new ValidationError(`identity.${identityProblem.key}: ${identityProblem.message}`);
      // A save that changes nothing stores nothing and pushes nothing to the open widgets.
      if (isDeepStrictEqual(current, next)) return next;
      await write(next);
      const notifier = getService('notifier', { strapi });
      void notifier.queueChanged();
      void notifier.widgetConfigChanged();
      return next;
    },
  };
};

export default settingsService;
