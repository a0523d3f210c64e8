import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

import type { Core } from '@strapi/strapi';

export interface WidgetBundle {
  body: Buffer;
  etag: string;
}

/**
 * The built widget script (`widget/dist/widget.js` in the package). Read once and kept: the
 * file only changes with a new release, and the ETag lets browsers revalidate cheaply.
 */
const widgetBundleService = (_: { strapi: Core.Strapi }) => {
  let cached: Promise<WidgetBundle> | null = null;

  const load = async (): Promise<WidgetBundle> => {
    // dist/server/index.js → package root → widget/dist/widget.js
    const file = path.resolve(__dirname, '..', '..', 'widget', 'dist', 'widget.js');
    const body = await fs.readFile(file);
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
    return { body, etag };
  };

  return {
    get(): Promise<WidgetBundle> {
      if (!cached) {
        cached = load().catch((error: unknown) => {
          cached = null;
          throw error;
        });
      }
      return cached;
    },
  };
};

export default widgetBundleService;
