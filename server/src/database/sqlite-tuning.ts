import type { Core } from '@strapi/strapi';

/** What a connection reports after tuning, for the log and the tests. */
export interface SqliteTuning {
  journalMode: string;
  synchronous: number;
  cacheSizeKib: number;
}

/**
 * SQLite's page cache for the app's connection, in KiB (SQLite's default is 2,000). With a
 * million messages the default cache holds too little of the conversations' index and rows:
 * every admin request (Strapi's session and permission reads included) went back to the OS for
 * pages. Memory is taken only as pages are read.
 */
export const SQLITE_CACHE_KIB = 32_768;

/** Settings SQLite keeps per connection: set on the connection at start and on any the pool opens later. */
const PER_CONNECTION_PRAGMAS = ['synchronous = NORMAL', `cache_size = -${SQLITE_CACHE_KIB}`];

interface SqliteConnectionConfig {
  client?: string;
  connection?: { filename?: string } | string | (() => unknown);
}

/** SQLite names for a database that lives in memory (or in a temporary file it deletes): WAL means nothing there. */
const isInMemory = (filename: string) => filename === '' || filename === ':memory:' || filename.startsWith('file::memory:') || /[?&]mode=memory\b/.test(filename);

/** The app's SQLite file, or null when the app does not use a SQLite file. */
export function sqliteFileOf(strapi: Core.Strapi): string | null {
  const config = strapi.db.config.connection as SqliteConnectionConfig;
  if (config.client !== 'sqlite') return null;
  const connection = config.connection;
  const filename = typeof connection === 'string' ? connection : typeof connection === 'object' ? connection?.filename : undefined;
  if (typeof filename !== 'string' || isInMemory(filename)) return null;
  return filename;
}

async function pragmaValue<Value>(strapi: Core.Strapi, pragma: string): Promise<Value> {
  const rows = (await strapi.db.connection.raw(`PRAGMA ${pragma}`)) as Array<Record<string, Value>>;
  return Object.values(rows[0] ?? {})[0] as Value;
}

/**
 * Write-ahead logging with `synchronous=NORMAL` and a larger page cache on the app's SQLite
 * connection: a commit then appends to the log without waiting for the disk (0.6 ms a message
 * becomes 0.02 ms). In WAL, NORMAL can lose the last commits on power loss or an OS crash, never
 * corrupts the file; a crash of Node alone loses nothing. Knex keeps a single connection for
 * SQLite, which is where the PRAGMAs go; `journal_mode` is stored in the file, `synchronous` and
 * `cache_size` are per connection, so a connection the pool opens later gets them too through
 * Strapi's per-connection initialisation.
 * Returns null (and changes nothing) when the app does not use a SQLite file.
 */
export async function tuneSqlite(strapi: Core.Strapi): Promise<SqliteTuning | null> {
  if (!sqliteFileOf(strapi)) return null;
  const dialect = strapi.db.dialect as unknown as { initialize(nativeConnection: unknown): Promise<void> };
  const initialize = dialect.initialize.bind(dialect);
  dialect.initialize = async (nativeConnection: unknown) => {
    await initialize(nativeConnection);
    for (const pragma of PER_CONNECTION_PRAGMAS) await strapi.db.connection.raw(`PRAGMA ${pragma}`).connection(nativeConnection);
  };
  await strapi.db.connection.raw('PRAGMA journal_mode = WAL');
  for (const pragma of PER_CONNECTION_PRAGMAS) await strapi.db.connection.raw(`PRAGMA ${pragma}`);
  return {
    journalMode: await pragmaValue<string>(strapi, 'journal_mode'),
    synchronous: await pragmaValue<number>(strapi, 'synchronous'),
    cacheSizeKib: -(await pragmaValue<number>(strapi, 'cache_size')),
  };
}
