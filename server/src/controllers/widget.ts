import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';

import { getService } from '../utils/get-service';
import type { WidgetFileName } from '../services/widget-bundle';

const widgetController = ({ strapi }: { strapi: Core.Strapi }) => {
  async function serve(ctx: Context, name: WidgetFileName) {
    const file = await getService('widgetBundle', { strapi }).get(name);
    ctx.set('ETag', file.etag);
    // Short max-age plus revalidation: sites pick up a plugin upgrade within minutes.
    ctx.set('Cache-Control', 'public, max-age=300, must-revalidate');
    ctx.set('Cross-Origin-Resource-Policy', 'cross-origin');
    ctx.type = 'application/javascript; charset=utf-8';
    if (ctx.get('If-None-Match') === file.etag) {
      ctx.status = 304;
      return;
    }
    ctx.body = file.body;
  }

  return {
    script: (ctx: Context) => serve(ctx, 'widget.js'),
    app: (ctx: Context) => serve(ctx, 'widget-app.js'),

    /** What the widget needs to know before the first message: look, texts, availability. */
    async config(ctx: Context) {
      const data = await getService('widgetConfig', { strapi }).get();
      ctx.set('Cache-Control', 'no-store');
      ctx.body = { data };
    },
  };
};

export default widgetController;
