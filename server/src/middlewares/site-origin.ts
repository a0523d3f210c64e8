import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';

import { forbidden } from '../errors';
import { getService } from '../utils/get-service';

/**
 * Customer routes answer browsers only on the allowed site origins, whatever the host app's
 * global CORS says, and tell the browser so with their own Access-Control-Allow-Origin.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: Context, next: Next) => {
    const origin = ctx.get('Origin') || undefined;
    const own = `${ctx.protocol}://${ctx.host}`;
    if (!(await getService('siteOrigins', { strapi }).isAllowed(origin, [own]))) {
      throw forbidden('This site is not allowed to use live support', { code: 'ORIGIN_NOT_ALLOWED', origin });
    }
    await next();
    if (origin) {
      ctx.set('Access-Control-Allow-Origin', origin);
      ctx.vary('Origin');
    }
  };
