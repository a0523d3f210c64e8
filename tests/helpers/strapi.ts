import type { AddressInfo } from 'node:net';

import { createStrapi, type Core } from '@strapi/strapi';

import { API_TEMPLATE_DATABASE_ENV } from './api-template-database';
import { playgroundDir, playgroundDistDir } from './paths';
import { QUIET_STRAPI_ENV, copySqliteDatabase, temporaryDatabaseFile, testSecrets } from './test-env';

/** A Strapi running in this test process, reached over HTTP at `url` and directly as `strapi`. */
export interface StrapiInProcess {
  strapi: Core.Strapi;
  /** Base URL of the real HTTP server, e.g. http://127.0.0.1:40123 */
  url: string;
}

export interface BootedStrapi extends StrapiInProcess {
  databaseFile: string;
  /** Stops Strapi; the database stays for a second boot until `removeDatabase`. */
  stop(): Promise<void>;
  removeDatabase(): void;
}

export interface BootOptions {
  /** Reuse a database file from an earlier boot (to test what a restart does). */
  databaseFile?: string;
  /** Extra environment for this boot, e.g. LIVE_SUPPORT_CONFIG. */
  env?: Record<string, string>;
  /** Leave `env` in process.env after the boot (a database connection that later code reads). */
  keepEnv?: boolean;
}

/**
 * A SQLite file of the boot's own: a copy of the API tier's template when there is one (set up
 * by a first boot in the global setup), else an empty file that this boot sets up.
 */
function freshDatabase(env: Record<string, string> = {}): { file: string; remove(): void } {
  const database = temporaryDatabaseFile('api');
  const template = process.env[API_TEMPLATE_DATABASE_ENV];
  const onSqlite = (env.DATABASE_CLIENT ?? 'sqlite') === 'sqlite';
  if (template && onSqlite) copySqliteDatabase(template, database.file);
  return database;
}

/**
 * Boots the real playground Strapi (plugin included) on a fresh SQLite database (see
 * `freshDatabase`) and a real port on 127.0.0.1. One boot per test file: it costs seconds and
 * hundreds of megabytes.
 */
export async function bootStrapi(options: BootOptions = {}): Promise<BootedStrapi> {
  const database = options.databaseFile ? { file: options.databaseFile, remove: () => undefined } : freshDatabase(options.env);

  Object.assign(process.env, testSecrets(), QUIET_STRAPI_ENV, {
    NODE_ENV: 'test',
    DATABASE_CLIENT: 'sqlite',
    DATABASE_FILENAME: database.file,
    HOST: '127.0.0.1',
    PORT: '0',
  }, options.env ?? {});

  let strapi: Core.Strapi;
  try {
    strapi = await createStrapi({
      appDir: playgroundDir,
      distDir: playgroundDistDir,
      autoReload: false,
      serveAdminPanel: false,
    }).load();
  } catch (error) {
    if (!options.databaseFile) database.remove();
    throw error;
  } finally {
    if (!options.keepEnv) for (const key of Object.keys(options.env ?? {})) delete process.env[key];
  }

  strapi.server.mount();
  await new Promise<void>((resolve) => strapi.server.httpServer.listen(0, '127.0.0.1', resolve));
  const { port } = strapi.server.httpServer.address() as AddressInfo;

  return {
    strapi,
    url: `http://127.0.0.1:${port}`,
    databaseFile: database.file,
    async stop() {
      await strapi.destroy();
    },
    removeDatabase: database.remove,
  };
}
