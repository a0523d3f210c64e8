import type { Core } from '@strapi/strapi';

import { UID } from '../constants';
import { ANALYTICS_DURATION_INDEXES, durationIndexSql } from '../services/analytics-queries';

/**
 * The analytics' duration indexes on SQLite (see `ANALYTICS_DURATION_INDEXES`): indexes on
 * expressions, which a content type's `indexes` cannot declare, created once. Strapi's schema
 * sync leaves alone the indexes it did not create. Other databases read those values from the
 * range instead.
 */
export async function ensureAnalyticsIndexes(strapi: Core.Strapi): Promise<void> {
  if (strapi.db.dialect.client !== 'sqlite') return;
  const table = strapi.db.metadata.get(UID.conversation).tableName;
  for (const metric of Object.keys(ANALYTICS_DURATION_INDEXES) as Array<keyof typeof ANALYTICS_DURATION_INDEXES>) {
    await strapi.db.connection.raw(durationIndexSql(table, metric));
  }
}
