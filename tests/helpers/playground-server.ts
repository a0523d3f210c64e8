import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';

import { playgroundDir } from './paths';
import { freePort } from './ports';
import { ONE_ADDRESS_FOR_EVERY_CLIENT, QUIET_STRAPI_ENV, copySqliteDatabase, temporaryDatabaseFile, testSecrets } from './test-env';

export interface RunningPlayground {
  url: string;
  port: number;
  databaseFile: string;
  /** The secrets this node runs with: a restarted node needs the same to accept old tokens. */
  secrets: Record<string, string>;
  stop(options?: { keepDatabase?: boolean }): Promise<void>;
  /** Kills the node at once (SIGKILL), as a crash would: none of its shutdown code runs. */
  kill(): Promise<void>;
  /** Whether the process still runs (a crash, an unhandled rejection say, ends it). */
  isRunning(): boolean;
  /** Everything the node wrote to stdout and stderr so far. */
  output(): string;
}

/** One request without keep-alive, so that no socket outlives the check. */
function healthStatus(url: string): Promise<number | null> {
  return new Promise((resolve) => {
    const request = http.get(`${url}/_health`, { agent: false }, (response) => {
      response.resume();
      resolve(response.statusCode ?? null);
    });
    request.on('error', () => resolve(null));
  });
}

async function waitForHealth(url: string, child: ChildProcess, output: () => string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the playground exited with ${child.exitCode}:\n${output()}`);
    if ((await healthStatus(url)) === 204) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the playground did not answer /_health within ${timeoutMs} ms:\n${output()}`);
}

/**
 * Starts the built playground with `node server.js`, as `npm start` does, on a free port and a
 * fresh SQLite database. Needs `strapi build` to have run (npm test does it).
 */
export interface StartOptions {
  /** Share another node's database file instead of a fresh one (it is then not removed). */
  databaseFile?: string;
  /** Replaces the generated secrets and adds variables (e.g. SERVE_ADMIN_PANEL=false). */
  env?: Record<string, string>;
  /** Listen on this port (a restart keeps the address the browser knows). */
  port?: number;
}

/** The environment of a built playground serving in production mode on `port`, on a SQLite file. */
export function playgroundServerEnv(
  port: number,
  databaseFile: string,
  pluginConfig: object,
  secrets: Record<string, string> = testSecrets(),
): NodeJS.ProcessEnv {
  return {
    ...process.env,
    ...secrets,
    ...QUIET_STRAPI_ENV,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    DATABASE_CLIENT: 'sqlite',
    DATABASE_FILENAME: databaseFile,
    LIVE_SUPPORT_CONFIG: JSON.stringify(pluginConfig),
  };
}

/**
 * Names a SQLite database that a playground has already set up once (tables, demo accounts, demo
 * FAQ) and then stopped. The browser tier's global setup makes it, so that each test file's
 * playground starts on its own copy instead of setting everything up again: about half of a
 * boot on a fresh file.
 */
export const SEEDED_DATABASE_ENV = 'LIVE_SUPPORT_E2E_SEEDED_DATABASE';

/** A new SQLite file of the node's own: a copy of the seeded one when there is one. */
function freshSqliteDatabase(): { file: string; remove(): void } {
  const database = temporaryDatabaseFile('e2e');
  const seeded = process.env[SEEDED_DATABASE_ENV];
  if (seeded) copySqliteDatabase(seeded, database.file);
  return database;
}

/** The playground's production entry point (`npm start`): `strapi start` without the CLI's modules, a second faster to boot. */
const playgroundEntry = path.join(playgroundDir, 'server.js');

export async function startPlayground(options: StartOptions = {}): Promise<RunningPlayground> {
  const port = options.port ?? (await freePort());
  const secrets = testSecrets();
  const database = options.databaseFile ? { file: options.databaseFile, remove: () => undefined } : freshSqliteDatabase();
  const url = `http://127.0.0.1:${port}`;
  let output = '';

  const child = spawn(process.execPath, [playgroundEntry], {
    cwd: playgroundDir,
    env: { ...playgroundServerEnv(port, database.file, ONE_ADDRESS_FOR_EVERY_CLIENT, secrets), ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));

  const isRunning = () => child.exitCode === null && child.signalCode === null && child.pid !== undefined;
  const stop = async (stopOptions: { keepDatabase?: boolean } = {}) => {
    if (isRunning() && child.pid) {
      const exited = new Promise((resolve) => child.once('close', resolve));
      process.kill(-child.pid, 'SIGTERM');
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([exited, new Promise((resolve) => (timer = setTimeout(resolve, 10000)))]);
      clearTimeout(timer);
      if (child.exitCode === null) process.kill(-child.pid, 'SIGKILL');
    }
    if (!stopOptions.keepDatabase) database.remove();
  };

  const kill = async () => {
    if (!isRunning() || !child.pid) return;
    const exited = new Promise((resolve) => child.once('close', resolve));
    process.kill(-child.pid, 'SIGKILL');
    await exited;
  };

  try {
    await waitForHealth(url, child, () => output, 90000);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    url,
    port,
    databaseFile: database.file,
    secrets: { ...secrets, ...pickSecrets(options.env) },
    stop,
    kill,
    isRunning,
    output: () => output,
  };
}

const SECRET_KEYS = ['APP_KEYS', 'API_TOKEN_SALT', 'ADMIN_JWT_SECRET', 'TRANSFER_TOKEN_SALT', 'JWT_SECRET', 'ENCRYPTION_KEY'];

function pickSecrets(env: Record<string, string> | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(env ?? {}).filter(([key]) => SECRET_KEYS.includes(key)));
}
