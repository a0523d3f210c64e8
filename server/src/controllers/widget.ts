import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';

import { getService } from '../utils/get-service';

const widgetController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async script(ctx: Context) {
    const bundle = await getService('widgetBundle', { strapi }).get();
    ctx.set('ETag', bundle.etag);
    // Short max-age plus revalidation: sites pick up a plugin upgrade within minutes.
    ctx.set('Cache-Control', 'public, max-age=300, must-revalidate');
    ctx.set('Cross-Origin-Resource-Policy', 'cross-origin');
    ctx.type = 'application/javascript; charset=utf-8';
    if (ctx.get('If-None-Match') === bundle.etag) {
      ctx.status = 304;
      return;
    }
    ctx.body = bundle.body;
  },
});

export default widgetController;
