/** The real playground (`node server.js`, its production start) as a child process pinned to the server core. */
import fs from 'node:fs';
import path from 'node:path';

import { playgroundDir } from '../../tests/helpers/paths';
import { freePort } from '../../tests/helpers/ports';
import { playgroundServerEnv } from '../../tests/helpers/playground-server';
import { heapProbe, type HeapProbe } from './heap';
import { inspectorOf, type InspectorSession } from './inspector';
import { SERVER_CORE, spawnPinned, type PinnedChild } from './processes';

/**
 * Limits raised for the benchmark only: one IP address starts every session and each customer
 * sends far more than a person would. The rest of the deploy-time config keeps its defaults,
 * the idle rules included.
 */
export const BENCH_PLUGIN_CONFIG = {
  rateLimit: {
    sessionsPerIpPerMinute: 100_000,
    messagesPerConversationPerMinute: 100_000,
    conversationReadsPerConversationPerMinute: 100_000,
    catchUpsPerConversationPerMinute: 100_000,
    typingEventsPerConversationPerMinute: 100_000,
    eventsPerSocketPerMinute: 100_000,
    // Every customer escalates from the same address.
    queuedConversationsPerIp: 0,
  },
};

function withBenchLimits(extra: Record<string, unknown>): Record<string, unknown> {
  const rateLimit = { ...BENCH_PLUGIN_CONFIG.rateLimit, ...(extra.rateLimit as object | undefined) };
  return { ...BENCH_PLUGIN_CONFIG, ...extra, rateLimit };
}

export interface BootedPlayground {
  url: string;
  pid: number;
  databaseFile: string;
  heap: HeapProbe;
  /** A session on the server's inspector (opened on first use). */
  inspector: () => Promise<InspectorSession>;
  /** Stops the server; the database stays until `removeDatabase`. */
  stop(): Promise<void>;
  removeDatabase(): void;
}

async function waitForHealth(url: string, server: PinnedChild, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.child.exitCode !== null) throw new Error(`the playground exited with ${server.child.exitCode}:\n${server.output()}`);
    try {
      const response = await fetch(`${url}/_health`, { signal: AbortSignal.timeout(2000) });
      if (response.status === 204) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the playground did not answer /_health within ${timeoutMs} ms:\n${server.output()}`);
}

/** A fresh folder for one database under `parent` (the system's temporary folder, or `--database-dir`). */
function temporaryDatabase(parent: string): { file: string; remove(): void } {
  const dir = fs.mkdtempSync(path.join(parent, 'live-support-bench-'));
  const remove = () => fs.rmSync(dir, { recursive: true, force: true });
  // Also when the run is interrupted: a seeded database can take a gigabyte (of RAM on a tmpfs).
  process.once('exit', remove);
  return { file: path.join(dir, 'data.db'), remove };
}

/**
 * Starts the built playground on a fresh database in `databaseDir`, or on `databaseFile` when
 * given; `env` overrides its environment (another database client, for one).
 */
export async function bootPlayground(where: {
  databaseDir: string;
  databaseFile?: string;
  env?: Record<string, string>;
  /** Flags for the server's Node, before Strapi's script. */
  nodeFlags?: readonly string[];
  /** Plugin config on top of `BENCH_PLUGIN_CONFIG` (its rate limits are merged key by key). */
  pluginConfig?: Record<string, unknown>;
  /** A file the server's output is appended to (for `--trace-gc` and the like). */
  logFile?: string;
}): Promise<BootedPlayground> {
  const database = where.databaseFile ? { file: where.databaseFile, remove: () => undefined } : temporaryDatabase(where.databaseDir);
  const port = await freePort();
  const inspectPort = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const server = spawnPinned(SERVER_CORE, [process.execPath, `--inspect-port=127.0.0.1:${inspectPort}`, ...(where.nodeFlags ?? []), path.join(playgroundDir, 'server.js')], {
    cwd: playgroundDir,
    env: { ...playgroundServerEnv(port, database.file, withBenchLimits(where.pluginConfig ?? {})), SERVE_ADMIN_PANEL: 'false', ...where.env },
    logFile: where.logFile,
  });
  try {
    await waitForHealth(url, server, 120_000);
  } catch (error) {
    await server.stop();
    database.remove();
    throw error;
  }
  const inspector = inspectorOf(server.pid, inspectPort);
  return {
    url,
    pid: server.pid,
    databaseFile: database.file,
    heap: heapProbe(inspector),
    inspector,
    stop: () => server.stop(20_000),
    removeDatabase: database.remove,
  };
}
