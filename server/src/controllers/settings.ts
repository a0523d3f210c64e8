import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';

import { mergeSettings, onlyGivenKeys, settingsUpdateSchema, toSettingsView } from '../contracts/settings';
import { parseInput } from '../errors';
import { getService } from '../utils/get-service';

const settingsController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async get(ctx: Context) {
    ctx.body = { data: toSettingsView(await getService('settings', { strapi }).get()) };
  },

  async update(ctx: Context) {
    const update = onlyGivenKeys(parseInput(settingsUpdateSchema, ctx.request.body), ctx.request.body);
    const service = getService('settings', { strapi });
    const next = mergeSettings(await service.get(), update);
    getService('knowledgeBase', { strapi }).validateConfiguration(next.bot.knowledgeBase);
    const settings = await service.update(update);
    // Estimates shown to waiting customers may depend on what changed.
    void getService('notifier', { strapi }).queueChanged();
    ctx.body = { data: toSettingsView(settings) };
  },
});

export default settingsController;
