import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';

import type { PluginConfig } from '../contracts/plugin-config';
import { PayloadTooLargeError } from '../errors';

/** 413 for bodies above the plugin's `maxBodyBytes`, far below Strapi's own 1 MB default. */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: Context, next: Next) => {
    const { maxBodyBytes } = strapi.config.get('plugin::live-support') as PluginConfig;
    const declared = Number(ctx.request.length ?? 0);
    const received = ctx.request.body ? Buffer.byteLength(JSON.stringify(ctx.request.body)) : 0;
    if (declared > maxBodyBytes || received > maxBodyBytes) {
      throw new PayloadTooLargeError(`The request body is larger than ${maxBodyBytes} bytes`, { maxBodyBytes });
    }
    await next();
  };
