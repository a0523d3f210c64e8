import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { startSqliteCheckpointer, type SqliteCheckpointer } from '../sqlite-checkpointer';

/** What the tests use of better-sqlite3, Strapi's SQLite driver (no types are installed for it). */
interface SqliteDatabase {
  prepare(sql: string): { run(...values: unknown[]): unknown; get(): unknown };
  pragma(sql: string): unknown;
  exec(sql: string): void;
  close(): void;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const Database = require('better-sqlite3') as new (file: string, options: { timeout: number }) => SqliteDatabase;

const PAGE_BYTES = 4096;
const RESTART_AFTER_PAGES = 200;

interface Fixture {
  database: SqliteDatabase;
  filename: string;
  checkpointer: SqliteCheckpointer;
  /** Set while the checkpointer holds the writes, as the app's taken connection does. */
  held: { now: boolean };
}

let fixture: Fixture | null = null;

/**
 * A database in WAL mode whose own checkpoints are off, with the worker checkpointing every
 * 20 ms.
 */
async function databaseWithCheckpointer(restartAfterPages: number): Promise<Fixture> {
  const filename = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'checkpointer-')), 'data.db');
  const database = new Database(filename, { timeout: 5000 });
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.exec('CREATE TABLE messages (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
  const held = { now: false };
  const checkpointer = await startSqliteCheckpointer({
    filename,
    driverPath: require.resolve('better-sqlite3'),
    intervalMs: 20,
    restartAfterPages,
    holdWrites: async (whileHeld) => {
      held.now = true;
      try {
        await whileHeld();
      } finally {
        held.now = false;
      }
    },
    onExit: () => undefined,
  });
  database.pragma('wal_autocheckpoint = 0');
  fixture = { database, filename, checkpointer, held };
  return fixture;
}

/**
 * Commits page-sized rows in transactions of five for `ms`, a millisecond apart (a busy server's pace: no gap
 * long enough for a checkpoint to catch up); answers the median and the largest of the sizes the
 * log's file had after each burst, in pages. The median, because a slow disk can hold the worker
 * up for half a second now and then, and the log grows meanwhile. Each transaction reads before
 * it writes, as Strapi's do: SQLite refuses such a transaction's first write at once (no busy
 * wait) if another connection holds the writers' lock, so a checkpoint that took it from the
 * worker's connection would make one throw here.
 */
async function writeSteadily(
  { database, filename, held }: Fixture,
  ms: number,
  pause: 'a millisecond' | 'none' = 'a millisecond',
  enough: () => boolean = () => false,
): Promise<{ median: number; largest: number }> {
  const insert = database.prepare('INSERT INTO messages (body) VALUES (?)');
  const body = 'x'.repeat(3000);
  const end = Date.now() + ms;
  const sizes: number[] = [];
  const last = database.prepare('SELECT max(id) AS id FROM messages');
  while (Date.now() < end && !enough()) {
    if (held.now) {
      await new Promise((resolve) => setTimeout(resolve, 1));
      continue;
    }
    database.exec('BEGIN');
    last.get();
    for (let row = 0; row < 5; row += 1) insert.run(body);
    database.exec('COMMIT');
    sizes.push(fs.statSync(`${filename}-wal`).size / PAGE_BYTES);
    if (pause === 'none') await new Promise((resolve) => setImmediate(resolve));
    else await new Promise((resolve) => setTimeout(resolve, 1));
  }
  sizes.sort((a, b) => a - b);
  return { median: sizes[Math.floor(sizes.length / 2)], largest: sizes[sizes.length - 1] };
}

afterEach(async () => {
  if (!fixture) return;
  await fixture.checkpointer.stop();
  fixture.database.close();
  fs.rmSync(path.dirname(fixture.filename), { recursive: true, force: true });
  fixture = null;
});

describe('the SQLite checkpoint worker', () => {
  /** The status once `done` holds for it (the warmer reports every quarter of a second); fails after 5 s. */
  async function statusWhere(running: Fixture, done: (status: ReturnType<SqliteCheckpointer['status']>) => boolean) {
    for (let waited = 0; !done(running.checkpointer.status()) && waited < 5000; waited += 50) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return running.checkpointer.status();
  }

  it('catches up past the limit under steady writes, so that the log starts over and its file stays near the limit', async () => {
    const running = await databaseWithCheckpointer(RESTART_AFTER_PAGES);
    const { median } = await writeSteadily(running, 2000);
    const status = await statusWhere(running, (current) => current.warmedBytes > 0);
    expect(status.failures).toBe(0);
    expect(status.catchUps + status.holds).toBeGreaterThan(0);
    expect(status.restarts).toBeGreaterThan(0);
    // After a restart the app writes over the last round's frames: the warmer read them first.
    expect(status.warmedBytes).toBeGreaterThan(0);
    // The limit, and what is written while the worker catches up (a few times the limit here).
    expect(median).toBeLessThan(RESTART_AFTER_PAGES * 8);
  });

  it('holds the writes for a last pass when they leave the worker no gap to catch up in', async () => {
    const running = await databaseWithCheckpointer(RESTART_AFTER_PAGES);
    // As fast as the test's thread can write: the file grows far past the limit between two
    // checkpoints, so only the restarts tell. A write refused with SQLITE_BUSY would throw here.
    // Until a hold and a restart after it, or 10 s (a busy machine gives the worker little CPU).
    const heldAndRestarted = () => {
      const { holds, restarts } = running.checkpointer.status();
      return holds > 0 && restarts > 0;
    };
    await writeSteadily(running, 10_000, 'none', heldAndRestarted);
    const status = running.checkpointer.status();
    expect(status.failures).toBe(0);
    expect(status.holds).toBeGreaterThan(0);
    expect(status.restarts).toBeGreaterThan(0);
  });

  it('runs the log warmer at a lower priority than the app\'s threads and the checkpoints', async () => {
    const running = await databaseWithCheckpointer(RESTART_AFTER_PAGES);
    const niceOf = (task: string) => {
      const stat = fs.readFileSync(`/proc/self/task/${task}/stat`, 'utf8');
      // Fields after the command's closing parenthesis: state is the 3rd, nice the 19th.
      return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
    };
    const lowered = () => fs.readdirSync('/proc/self/task').filter((task) => niceOf(task) === 10).length;
    // The warmer starts after the first checkpoint and lowers its priority as its first step.
    for (let waited = 0; lowered() < 1 && waited < 2000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
    // The log warmer only: the checkpoints must keep up with the writes on a busy machine too.
    expect(lowered()).toBe(1);
    expect(niceOf(String(process.pid))).toBe(0);
    expect(running.checkpointer.status().running).toBe(true);
  });

  it('without catching up, the same writes grow the log without end (what it is for)', async () => {
    const running = await databaseWithCheckpointer(Number.MAX_SAFE_INTEGER);
    const { largest } = await writeSteadily(running, 2000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const status = running.checkpointer.status();
    expect(status).toMatchObject({ catchUps: 0, holds: 0 });
    // The log may still start over by itself if the worker happens on a gap (a busy machine
    // pauses the writer now and then); as long as it has not, every write was an append at the
    // end of the file, with nothing there for the warmer to read.
    if (status.restarts === 0) expect(status.warmedBytes).toBe(0);
    // About a hundred times the limit on an idle machine; far above it on a busy one too.
    expect(largest).toBeGreaterThan(RESTART_AFTER_PAGES * 10);
  });
});
