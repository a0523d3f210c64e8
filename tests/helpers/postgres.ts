import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { freePort } from './ports';

export interface RunningPostgres {
  env: Record<string, string>;
  stop(): void;
}

/** Debian keeps the server binaries out of PATH. */
function binary(name: string): string {
  const candidates = fs.existsSync('/usr/lib/postgresql')
    ? fs
        .readdirSync('/usr/lib/postgresql')
        .sort()
        .reverse()
        .map((version) => path.join('/usr/lib/postgresql', version, 'bin', name))
    : [];
  const found = candidates.find((candidate) => fs.existsSync(candidate));
  if (found) return found;
  const onPath = spawnSync('which', [name], { encoding: 'utf8' }).stdout.trim();
  if (onPath) return onPath;
  throw new Error(`PostgreSQL's ${name} was not found: install the postgresql package (.ci/run does)`);
}

/**
 * A private PostgreSQL cluster in a temporary folder, on a free port of 127.0.0.1, for one test
 * file. initdb refuses to run as root, so as root the cluster belongs to the `postgres` user.
 */
export async function startPostgres(): Promise<RunningPostgres> {
  const asRoot = process.getuid?.() === 0;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'live-support-pg-'));
  const dataDir = path.join(dir, 'data');
  const logFile = path.join(dir, 'server.log');
  const port = await freePort();
  if (asRoot) execFileSync('chown', ['-R', 'postgres:postgres', dir]);

  const run = (command: string, args: string[]) =>
    asRoot
      ? execFileSync('runuser', ['-u', 'postgres', '--', command, ...args], { stdio: 'pipe' })
      : execFileSync(command, args, { stdio: 'pipe' });

  run(binary('initdb'), ['-D', dataDir, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--no-sync']);
  run(binary('pg_ctl'), [
    '-D',
    dataDir,
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=100`,
    '-l',
    logFile,
    '-w',
    'start',
  ]);
  run(binary('createdb'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', 'live_support']);

  return {
    env: {
      DATABASE_CLIENT: 'postgres',
      DATABASE_HOST: '127.0.0.1',
      DATABASE_PORT: String(port),
      DATABASE_NAME: 'live_support',
      DATABASE_USERNAME: 'postgres',
      DATABASE_PASSWORD: 'unused-with-trust-auth',
      DATABASE_URL: '',
    },
    stop() {
      try {
        run(binary('pg_ctl'), ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
