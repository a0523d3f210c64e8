import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';

import { escalationTrialSchema } from '../contracts/escalation-trial';
import { settingsUpdateSchema, toSettingsView } from '../contracts/settings';
import { parseInput } from '../errors';
import { getService } from '../utils/get-service';

const settingsController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async get(ctx: Context) {
    ctx.body = { data: toSettingsView(await getService('settings', { strapi }).get()) };
  },

  async update(ctx: Context) {
    const update = parseInput(settingsUpdateSchema, ctx.request.body);
    ctx.body = { data: toSettingsView(await getService('settings', { strapi }).save(update)) };
  },

  async tryEscalation(ctx: Context) {
    const trial = parseInput(escalationTrialSchema, ctx.request.body);
    ctx.body = { data: await getService('escalationTrials', { strapi }).trySentence(trial) };
  },
});

export default settingsController;
