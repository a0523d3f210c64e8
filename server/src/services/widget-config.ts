import type { Core } from '@strapi/strapi';

import { SOCKET_PATH } from '../constants';
import type { WidgetConfigView } from '../contracts/views';
import { SUPPORTED_LANGUAGES } from '../domain/conversation-status';
import { getService } from '../utils/get-service';

/** What the widget needs to know before the first message: look, texts and availability now. */
const widgetConfigService = ({ strapi }: { strapi: Core.Strapi }) => ({
  async get(now: Date = new Date()): Promise<WidgetConfigView> {
    const settings = await getService('settings', { strapi }).get();
    const openingHours = getService('openingHours', { strapi });
    const [availability, hours] = await Promise.all([openingHours.currentAvailability(settings.queue, now), openingHours.get()]);
    return {
      socketPath: SOCKET_PATH,
      defaultLanguage: 'fi',
      languages: SUPPORTED_LANGUAGES,
      theme: { primaryColor: settings.widget.primaryColor, position: settings.widget.position },
      texts: settings.widget.texts,
      escalationButton: settings.escalation.buttonEnabled,
      showEstimatedWait: settings.queue.showEstimatedWait,
      sound: settings.widget.sound,
      availability: {
        open: availability.open,
        nextOpeningAt: availability.nextOpeningAt?.toISOString() ?? null,
        timeZone: hours.timeZone,
      },
    };
  },
});

export default widgetConfigService;
