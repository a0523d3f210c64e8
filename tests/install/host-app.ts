import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';

import { freePort } from '../helpers/ports';
import { QUIET_STRAPI_ENV, testSecrets } from '../helpers/test-env';
import { runCommand, tail } from './commands';
import { hostTemplateDir, type HostBase } from './host-base';

const COPY_TIMEOUT_MS = 3 * 60 * 1000;
const BOOT_TIMEOUT_MS = 2 * 60 * 1000;
const STOP_TIMEOUT_MS = 10 * 1000;

export const hostEnv: NodeJS.ProcessEnv = {
  ...process.env,
  ...QUIET_STRAPI_ENV,
  STRAPI_DISABLE_UPDATE_NOTIFICATION: 'true',
  NODE_ENV: 'production',
};

/**
 * A fresh copy of the installed host app in `appDir`: the template's files, the installed
 * node_modules and lock file, a `.env` with new secrets and a database file next to the app.
 */
export async function createHostApp(base: HostBase, appDir: string): Promise<void> {
  fs.cpSync(hostTemplateDir, appDir, { recursive: true });
  fs.copyFileSync(path.join(base.dir, 'package-lock.json'), path.join(appDir, 'package-lock.json'));
  // Hard links: a real copy of 700 MB, and deleting it afterwards, cost minutes on a busy disk.
  // npm and Strapi never write into an installed package's files; they add, rename and delete,
  // which leaves the cached base alone. The one file npm rewrites in place is its hidden lock
  // file, so that one is a real copy.
  await runCommand('cp', ['-al', path.join(base.dir, 'node_modules'), appDir], { cwd: appDir, timeoutMs: COPY_TIMEOUT_MS });
  const hiddenLockfile = path.join(appDir, 'node_modules', '.package-lock.json');
  fs.rmSync(hiddenLockfile);
  fs.copyFileSync(path.join(base.dir, 'node_modules', '.package-lock.json'), hiddenLockfile);
  fs.mkdirSync(path.join(appDir, 'public', 'uploads'), { recursive: true });
  const secrets = { ...testSecrets(), DATABASE_FILENAME: path.join(path.dirname(appDir), 'data.db') };
  const lines = Object.entries(secrets).map(([key, value]) => `${key}=${value}`);
  fs.writeFileSync(path.join(appDir, '.env'), `${lines.join('\n')}\n`, { mode: 0o600 });
}

export function strapiBin(appDir: string): string {
  return path.join(appDir, 'node_modules', '.bin', 'strapi');
}

/** The status of `/_health`, or null while Strapi does not listen yet. */
function healthStatus(url: string): Promise<number | null> {
  return httpGet(`${url}/_health`, 5000).then(
    (answer) => answer.status,
    () => null,
  );
}

export interface RunningHost {
  url: string;
  bootMs: number;
  stop(): Promise<void>;
}

/** `strapi start` on a free port, resolved once Strapi answers `/_health`. */
export async function startHost(appDir: string): Promise<RunningHost> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const started = Date.now();
  const child = spawn(strapiBin(appDir), ['start'], {
    cwd: appDir,
    env: { ...hostEnv, HOST: '127.0.0.1', PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));

  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null || !child.pid) return;
    const closed = new Promise((resolve) => child.once('close', resolve));
    process.kill(-child.pid, 'SIGTERM');
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([closed, new Promise((resolve) => (timer = setTimeout(resolve, STOP_TIMEOUT_MS)))]);
    clearTimeout(timer);
    if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid, 'SIGKILL');
  };

  const deadline = started + BOOT_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`strapi start exited with ${child.exitCode} before answering /_health:\n${tail(output)}`);
    }
    if ((await healthStatus(url)) === 204) return { url, bootMs: Date.now() - started, stop };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop();
  throw new Error(`strapi start did not answer /_health within ${BOOT_TIMEOUT_MS / 1000} s:\n${tail(output)}`);
}

export interface HttpAnswer {
  status: number;
  contentType: string;
  body: string;
}

/** A GET without keep-alive that gives up after a few seconds rather than hang the check. */
export function httpGet(url: string, timeoutMs = 15000): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { agent: false, timeout: timeoutMs }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, contentType: String(response.headers['content-type'] ?? ''), body }),
      );
    });
    request.on('timeout', () => request.destroy(new Error(`GET ${url} did not answer within ${timeoutMs} ms`)));
    request.on('error', reject);
  });
}
