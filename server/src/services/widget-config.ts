import type { Core } from '@strapi/strapi';

import { SOCKET_PATH } from '../constants';
import type { WidgetConfigView } from '../contracts/views';
import { SUPPORTED_LANGUAGES } from '../domain/conversation-status';
import { widgetOverrides } from '../domain/customer-texts';
import { availabilityAt } from './opening-hours';
import { getService } from '../utils/get-service';

/** What the widget needs to know before the first message: look, texts and availability now. */
const widgetConfigService = ({ strapi }: { strapi: Core.Strapi }) => ({
  async get(now: Date = new Date()): Promise<WidgetConfigView> {
    const settings = await getService('settings', { strapi }).get();
    // One read of the hours serves both the availability and the zone it is told in.
    const hours = await getService('openingHours', { strapi }).get();
    const availability = availabilityAt(hours, settings.queue, now);
    return {
      socketPath: SOCKET_PATH,
      defaultLanguage: 'fi',
      languages: SUPPORTED_LANGUAGES,
      theme: { primaryColor: settings.widget.primaryColor, position: settings.widget.position },
      texts: Object.fromEntries(
        SUPPORTED_LANGUAGES.map((language) => [language, { ...settings.widget.texts[language], ...widgetOverrides(settings.texts, language) }]),
      ),
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
