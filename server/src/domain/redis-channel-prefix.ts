import { createHash } from 'node:crypto';
import path from 'node:path';

/**
 * The Redis channel prefix a site gets when its configuration names none. Nodes of one site
 * share the app and the database, so they agree on it; another app, or the same app on another
 * database (staging beside production), gets another, and two sites on one Redis never hear each
 * other's pushes. The password never takes part: rotating it must not split the nodes.
 */

export interface AppIdentity {
  /** `strapi.uuid` of the app's package.json, written when the app was created. */
  uuid?: string;
  /** The app's package name. */
  name?: string;
}

/** Strapi's `database.connection` configuration, the parts that say which database it is. */
export interface DatabaseConnectionConfig {
  client?: string;
  connection?: {
    connectionString?: string;
    host?: string;
    port?: number | string;
    database?: string;
    filename?: string;
  };
}

const PREFIX_ROOT = 'live-support';

function databaseIdentity(config: DatabaseConnectionConfig): string {
  const client = config.client ?? '';
  const connection = config.connection ?? {};
  if (connection.filename) return `${client}|${path.resolve(connection.filename)}`;
  if (connection.connectionString) {
    try {
      const url = new URL(connection.connectionString);
      return `${client}|${url.hostname}|${url.port}|${url.pathname.replace(/^\//, '')}`;
    } catch {
      return `${client}|unparsed connection string`;
    }
  }
  return `${client}|${connection.host ?? ''}|${connection.port ?? ''}|${connection.database ?? ''}`;
}

function slug(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
}

export function derivedRedisChannelPrefix(app: AppIdentity, database: DatabaseConnectionConfig): string {
  const digest = createHash('sha256')
    .update(`${app.uuid ?? ''}|${app.name ?? ''}|${databaseIdentity(database)}`)
    .digest('hex')
    .slice(0, 12);
  const name = slug(app.name ?? '');
  return name ? `${PREFIX_ROOT}:${name}:${digest}` : `${PREFIX_ROOT}:${digest}`;
}
