import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

import type { Core } from '@strapi/strapi';

export interface WidgetFile {
  body: Buffer;
  etag: string;
}

/** The files the plugin serves from the built widget, and nothing else. */
export const WIDGET_FILES = ['widget.js', 'widget-app.js'] as const;
export type WidgetFileName = (typeof WIDGET_FILES)[number];

/**
 * The built widget (`widget/dist/` in the package). Each file is read once and kept: it only
 * changes with a new release, and its ETag lets browsers revalidate cheaply.
 */
const widgetBundleService = (_: { strapi: Core.Strapi }) => {
  const cache = new Map<WidgetFileName, Promise<WidgetFile>>();

  const load = async (name: WidgetFileName): Promise<WidgetFile> => {
    // dist/server/index.js → package root → widget/dist/<name>
    const body = await fs.readFile(path.resolve(__dirname, '..', '..', 'widget', 'dist', name));
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
    return { body, etag };
  };

  return {
    get(name: WidgetFileName = 'widget.js'): Promise<WidgetFile> {
      let file = cache.get(name);
      if (!file) {
        file = load(name).catch((error: unknown) => {
          cache.delete(name);
          throw error;
        });
        cache.set(name, file);
      }
      return file;
    },
  };
};

export default widgetBundleService;
