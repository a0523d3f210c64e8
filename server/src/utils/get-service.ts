import type { Core } from '@strapi/strapi';

import type { Services } from '../services';

/** Typed access to this plugin's services. */
export function getService<Name extends keyof Services>(
  name: Name,
  { strapi }: { strapi: Core.Strapi },
): ReturnType<Services[Name]> {
  return strapi.plugin('live-support').service(name) as ReturnType<Services[Name]>;
}
