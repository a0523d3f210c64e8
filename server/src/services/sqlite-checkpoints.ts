import type { Core } from '@strapi/strapi';
import { createRequire } from 'node:module';
import path from 'node:path';

import { startSqliteCheckpointer, type CheckpointerStatus, type SqliteCheckpointer } from '../database/sqlite-checkpointer';
import { sqliteFileOf } from '../database/sqlite-tuning';

/** How often the worker checkpoints: at 1,000 messages a second, a few megabytes of log each time. */
const CHECKPOINT_INTERVAL_MS = 500;
/** SQLite's own default: the app's connection checkpoints itself past this many log pages. */
const SQLITE_DEFAULT_AUTOCHECKPOINT_PAGES = 1000;

/**
 * Checkpoints of the app's SQLite log on a worker thread (see `database/sqlite-checkpointer`),
 * so that no message's commit stops the event loop to copy the log. Runs only on a SQLite
 * file in WAL mode; whenever the worker cannot start or ends, the app's connection
 * checkpoints itself again, as SQLite does by default.
 */
const sqliteCheckpointsService = ({ strapi }: { strapi: Core.Strapi }) => {
  let checkpointer: SqliteCheckpointer | null = null;

  const setAutoCheckpoint = async (pages: number) => {
    await strapi.db.connection.raw(`PRAGMA wal_autocheckpoint = ${pages}`);
  };

  const driverPath = (): string | null => {
    try {
      // The app's own better-sqlite3: the one its database connection runs on.
      return createRequire(path.join(strapi.dirs.app.root, 'package.json')).resolve('better-sqlite3');
    } catch {
      return null;
    }
  };

  return {
    /** Starts the worker; false (and nothing changed) when the app's database is not a SQLite file in WAL mode. */
    async start(): Promise<boolean> {
      const filename = sqliteFileOf(strapi);
      if (!filename || checkpointer) return false;
      const [mode] = (await strapi.db.connection.raw('PRAGMA journal_mode')) as Array<{ journal_mode: string }>;
      const driver = driverPath();
      if (mode?.journal_mode !== 'wal' || !driver) return false;
      try {
        checkpointer = await startSqliteCheckpointer({
          // Resolved as the app's connection resolved it: from the working directory.
          filename: path.resolve(filename),
          driverPath: driver,
          intervalMs: CHECKPOINT_INTERVAL_MS,
          // An empty transaction takes knex's one SQLite connection (BEGIN takes no lock): the
          // app's queries and the message writes wait for it, none runs meanwhile, and the event
          // loop stays free.
          holdWrites: async (whileHeld) => {
            await strapi.db.connection.transaction(async () => {
              await whileHeld();
            });
          },
          onExit: (reason) => {
            strapi.log.warn(`[live-support] SQLite checkpoints are back on the app's connection: ${reason}`);
            checkpointer = null;
            setAutoCheckpoint(SQLITE_DEFAULT_AUTOCHECKPOINT_PAGES).catch((error: unknown) =>
              strapi.log.error(`[live-support] could not restore SQLite's checkpoints: ${(error as Error).message}`),
            );
          },
        });
      } catch (error) {
        strapi.log.warn(`[live-support] SQLite checkpoints stay on the app's connection: ${(error as Error).message}`);
        return false;
      }
      await setAutoCheckpoint(0);
      return true;
    },

    /** The worker's counts, or null when it does not run. */
    status(): CheckpointerStatus | null {
      return checkpointer?.status() ?? null;
    },

    async stop(): Promise<void> {
      if (!checkpointer) return;
      const stopping = checkpointer;
      checkpointer = null;
      await stopping.stop();
      await setAutoCheckpoint(SQLITE_DEFAULT_AUTOCHECKPOINT_PAGES).catch(() => undefined);
    },
  };
};

export default sqliteCheckpointsService;
