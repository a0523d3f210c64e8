import fs from 'fs';
import path from 'path';

import type { Core } from '@strapi/strapi';

/**
 * Serves the demo shop page at `/`; Strapi's own `strapi::public` would redirect `/` to the
 * admin panel. The page is a plain file so that it embeds the widget exactly as a site would.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const pagePath = path.join(strapi.dirs.static.public, 'index.html');

  return async (ctx, next) => {
    if ((ctx.method === 'GET' || ctx.method === 'HEAD') && ctx.path === '/') {
      ctx.type = 'text/html; charset=utf-8';
      ctx.body = fs.createReadStream(pagePath);
      return;
    }
    await next();
  };
};
