import type { Core } from '@strapi/strapi';

import { PLUGIN_ID, UID } from '../constants';
import { DEFAULT_OPENING_HOURS } from '../domain/opening-hours';
import { DEFAULT_TEMPLATES } from '../domain/templates';

interface SeedState {
  templates?: string; // ISO time at which the defaults were created
  /** The languages whose default templates were created; absent: fi and en (the first defaults). */
  templateLanguages?: string[];
  openingHours?: string;
}

/** The languages the first defaults came in, before Swedish ones were added. */
const FIRST_TEMPLATE_LANGUAGES = ['fi', 'en'];

const SEED_STATE_KEY = 'seed-state';

/**
 * First-boot defaults (the templates and opening hours of docs/product.md). Each kind of default
 * is created once per installation and remembered in the plugin store, so that later boots leave
 * a site owner's edits and deletions alone.
 */
const seedService = ({ strapi }: { strapi: Core.Strapi }) => {
  const store = () => strapi.store({ type: 'plugin', name: PLUGIN_ID });

  const readState = async (): Promise<SeedState> =>
    ((await store().get({ key: SEED_STATE_KEY })) as SeedState | null) ?? {};

  const writeState = (state: SeedState) => store().set({ key: SEED_STATE_KEY, value: state });

  return {
    async seedDefaults(now: Date = new Date()): Promise<{ templates: number; openingHours: boolean }> {
      const state = await readState();
      let templatesCreated = 0;
      let openingHoursCreated = false;

      const seededLanguages = state.templates ? (state.templateLanguages ?? FIRST_TEMPLATE_LANGUAGES) : [];
      const missing = DEFAULT_TEMPLATES.filter((template) => !seededLanguages.includes(template.language));
      if (missing.length > 0) {
        // A language added to the defaults later is seeded once on an existing installation too.
        const templates = strapi.documents(UID.template);
        for (const template of missing) {
          const existing = await templates.findFirst({
            filters: { name: template.name, language: template.language },
          });
          if (existing) continue;
          await templates.create({ data: { ...template } });
          templatesCreated += 1;
        }
        state.templates ??= now.toISOString();
        state.templateLanguages = [...new Set(DEFAULT_TEMPLATES.map((template) => template.language))];
        await writeState(state);
      }

      if (!state.openingHours) {
        const openingHours = strapi.documents(UID.openingHours);
        if (!(await openingHours.findFirst())) {
          await openingHours.create({
            data: {
              timeZone: DEFAULT_OPENING_HOURS.timeZone,
              weekly: DEFAULT_OPENING_HOURS.weekly,
              exceptions: DEFAULT_OPENING_HOURS.exceptions,
            },
          });
          openingHoursCreated = true;
        }
        state.openingHours = now.toISOString();
        await writeState(state);
      }

      return { templates: templatesCreated, openingHours: openingHoursCreated };
    },
  };
};

export default seedService;
