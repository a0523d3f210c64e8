import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';

import { PLUGIN_VERSION } from '../utils/plugin-version';

const healthController = (_: { strapi: Core.Strapi }) => ({
  check(ctx: Context) {
    ctx.body = { status: 'ok', plugin: 'live-support', version: PLUGIN_VERSION };
  },
});

export default healthController;
