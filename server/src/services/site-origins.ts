import type { Core } from '@strapi/strapi';

import { getService } from '../utils/get-service';

/**
 * Which browser origins may use the customer routes and the widget socket: the Strapi
 * server's own origin, and the sites listed in the widget settings. Requests without an
 * Origin header (servers, mobile apps, same-origin GETs) are not cross-site and pass.
 */
const siteOriginsService = ({ strapi }: { strapi: Core.Strapi }) => ({
  async isAllowed(origin: string | undefined, ownOrigins: readonly string[]): Promise<boolean> {
    if (!origin) return true;
    const normalized = origin.toLowerCase();
    if (ownOrigins.some((own) => own.toLowerCase() === normalized)) return true;
    const configured = strapi.config.get('server.url') as string | undefined;
    if (configured && /^https?:\/\//.test(configured) && new URL(configured).origin.toLowerCase() === normalized) return true;
    const { allowedOrigins } = (await getService('settings', { strapi }).get()).widget;
    return allowedOrigins.includes(normalized);
  },
});

export default siteOriginsService;
