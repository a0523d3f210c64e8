import type { Core } from '@strapi/strapi';

import type { PluginConfig } from './contracts/plugin-config';
import { ensureAnalyticsIndexes } from './database/analytics-indexes';
import { backfillLastMessageTimes } from './database/message-times-backfill';
import { tuneSqlite } from './database/sqlite-tuning';
import { getService } from './utils/get-service';

const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  const config = strapi.config.get('plugin::live-support') as PluginConfig;
  if (config.database.sqliteTuning) {
    const tuning = await tuneSqlite(strapi);
    if (tuning) strapi.log.info(`[live-support] SQLite journal_mode=${tuning.journalMode}, synchronous=${tuning.synchronous}, cache_size=${tuning.cacheSizeKib} KiB`);
    if (tuning && config.database.sqliteBackgroundCheckpoints && (await getService('sqliteCheckpoints', { strapi }).start())) {
      strapi.log.info('[live-support] SQLite checkpoints run on a worker thread');
    }
  }
  await ensureAnalyticsIndexes(strapi);
  const backfilled = await backfillLastMessageTimes(strapi);
  if (backfilled > 0) strapi.log.info(`[live-support] filled the last message times of ${backfilled} open conversations`);
  if (config.seedDefaults) {
    const seeded = await getService('seed', { strapi }).seedDefaults();
    if (seeded.templates > 0 || seeded.openingHours) {
      strapi.log.info(
        `[live-support] seeded ${seeded.templates} templates${seeded.openingHours ? ' and the default opening hours' : ''}`,
      );
    }
  }
  getService('knowledgeBase', { strapi }).subscribeToChanges();
  getService('agents', { strapi }).watchNameChanges();
  await getService('rateLimits', { strapi }).start();
  await getService('realtime', { strapi }).start();
  // After the socket server: the presence job counts this node's desk sockets.
  await getService('scheduler', { strapi }).start();
  // Days that closed while the app was down are rolled up now rather than at the next tick.
  getService('analyticsRollup', { strapi }).startCatchUp();
};

export default bootstrap;
