import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createConnection } from 'node:net';

import { freePort } from './ports';

export interface RunningRedis {
  url: string;
  /** Kills the server at once (SIGKILL), as a crash would: its clients lose their connections. */
  kill(): Promise<void>;
  /** Starts a killed server again on the same port, empty (it keeps nothing on disk), once it answers. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

function redisServerBinary(): string {
  const found = spawnSync('which', ['redis-server'], { encoding: 'utf8' }).stdout.trim();
  if (!found) throw new Error("redis-server was not found: install the redis-server package (.ci/run does)");
  return found;
}

function answersPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port }, () => socket.write('PING\r\n'));
    socket.once('data', (data) => {
      socket.destroy();
      resolve(data.toString().startsWith('+PONG'));
    });
    socket.once('error', () => resolve(false));
  });
}

async function spawnRedis(port: number, dir: string): Promise<ChildProcess> {
  const child: ChildProcess = spawn(
    redisServerBinary(),
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir],
    { stdio: 'ignore' },
  );
  const deadline = Date.now() + 15000;
  while (!(await answersPing(port))) {
    if (child.exitCode !== null) throw new Error(`redis-server exited with ${child.exitCode}`);
    if (Date.now() > deadline) throw new Error('redis-server did not answer within 15 s');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return child;
}

async function ended(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill(signal);
  await exited;
}

/** A private Redis on a free port of 127.0.0.1, in memory only, for one test file. */
export async function startRedis(): Promise<RunningRedis> {
  const port = await freePort();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'live-support-redis-'));
  let child = await spawnRedis(port, dir);
  return {
    url: `redis://127.0.0.1:${port}`,
    kill: () => ended(child, 'SIGKILL'),
    async restart() {
      if (child.exitCode === null && child.signalCode === null) return;
      child = await spawnRedis(port, dir);
    },
    async stop() {
      await ended(child, 'SIGTERM');
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
