import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';

import { SOCKET_PATH } from '../constants';
import { SUPPORTED_LANGUAGES } from '../domain/conversation-status';
import type { WidgetConfigView } from '../contracts/views';
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
      const settings = await getService('settings', { strapi }).get();
      const availability = settings.queue.enforceOpeningHours
        ? await getService('openingHours', { strapi }).availability(new Date())
        : { open: true, nextOpeningAt: null };
      const data: WidgetConfigView = {
        socketPath: SOCKET_PATH,
        defaultLanguage: 'fi',
        languages: SUPPORTED_LANGUAGES,
        theme: { primaryColor: settings.widget.primaryColor, position: settings.widget.position },
        texts: settings.widget.texts,
        escalationButton: settings.escalation.buttonEnabled,
        showEstimatedWait: settings.queue.showEstimatedWait,
        sound: settings.widget.sound,
        availability: { open: availability.open, nextOpeningAt: availability.nextOpeningAt?.toISOString() ?? null },
      };
      ctx.set('Cache-Control', 'no-store');
      ctx.body = { data };
    },
  };
};

export default widgetController;
