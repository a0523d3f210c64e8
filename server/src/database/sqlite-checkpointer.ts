import { Worker } from 'node:worker_threads';

/**
 * SQLite's write-ahead log has to be copied back into the database file now and then (a
 * checkpoint). By default the connection that commits past 1,000 log pages does it, inside
 * that commit: on the app's only connection, with better-sqlite3's synchronous calls, that is
 * the event loop stopped for the copy and two disk flushes (8–30 ms here, every few seconds at
 * 1,000 messages a second). This runs the checkpoints on a worker thread with its own
 * connection instead. A PASSIVE checkpoint takes no lock a writer needs, so the app's
 * connection keeps committing meanwhile; once the log is copied whole, the next commit starts
 * it again from the beginning.
 *
 * Under steady writes that moment never comes: each checkpoint takes longer than the gap
 * between two commits, so some frames are always left over and the log grows without end
 * (1.4 GB in two minutes at 250 messages a second). So once the log passes `cutAfterPages`,
 * the worker catches up (PASSIVE checkpoints until one finds nothing new), pauses, and the app
 * cuts the log on its own connection (`cut`: a TRUNCATE checkpoint, run between the app's
 * transactions), after which the worker goes on. The cut runs on the app's connection, not the
 * worker's, because a checkpoint that takes the writers' lock on another connection makes any
 * app transaction that read before it writes fail at once with SQLITE_BUSY (SQLite does not wait
 * for a read transaction that wants to become a write one), which the benchmark hit.
 */

export interface CheckpointerStatus {
  running: boolean;
  /** Checkpoints run since start. */
  checkpoints: number;
  /** Pages in the log and pages of it copied into the database, at the last checkpoint. */
  lastLogPages: number;
  lastCopiedPages: number;
  /** Times the log was cut (see above). */
  cuts: number;
  /** Checkpoints that failed (the message of the last one in `lastError`). */
  failures: number;
  lastError: string | null;
}

type WorkerReport =
  | { kind: 'checkpointed'; log: number; checkpointed: number }
  | { kind: 'caught-up' }
  | { kind: 'failed'; message: string };

/**
 * The worker's code, run with `eval`: the plugin is bundled into one file, so it has no file
 * of its own to start. It gets the driver's path from the app (the same better-sqlite3 knex
 * loaded) and reports every checkpoint.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driverPath);
const database = new Database(workerData.filename, { fileMustExist: true, timeout: 0 });
const checkpoint = () => {
  try {
    const [result] = database.pragma('wal_checkpoint(PASSIVE)');
    parentPort.postMessage({ kind: 'checkpointed', log: result.log, checkpointed: result.checkpointed });
  } catch (error) {
    parentPort.postMessage({ kind: 'failed', message: String((error && error.message) || error) });
  }
};
let paused = false;
const timer = setInterval(() => {
  if (!paused) checkpoint();
}, workerData.intervalMs);
checkpoint();
// Before a cut: catch up until a pass finds no frame the one before it did not see, so that the
// app's cut has next to nothing left to copy, and wait for 'resume'.
const catchUp = () => {
  paused = true;
  try {
    let result = database.pragma('wal_checkpoint(PASSIVE)')[0];
    for (let pass = 1; pass < workerData.catchUpPasses; pass += 1) {
      const before = result;
      result = database.pragma('wal_checkpoint(PASSIVE)')[0];
      if (result.log === before.log && result.checkpointed === result.log) break;
    }
  } catch {}
  parentPort.postMessage({ kind: 'caught-up' });
};
parentPort.on('message', (message) => {
  if (message === 'catch-up') return catchUp();
  if (message === 'resume') {
    paused = false;
    return;
  }
  if (message !== 'stop') return;
  clearInterval(timer);
  database.close();
  parentPort.close();
});
`;

/** How long `stop` waits for the worker to close its connection before ending it. */
const STOP_TIMEOUT_MS = 5000;
/** How long `start` waits for the first checkpoint before giving up on the worker. */
const START_TIMEOUT_MS = 10_000;
/** Failed checkpoints in a row after which the worker is given up (the log would only grow). */
const FAILURES_IN_A_ROW_LIMIT = 5;
/**
 * The log's length (pages) past which it is cut: 64 MB of 4 KB pages, five seconds of the
 * benchmark's 250 messages a second. The cut holds the app's connection for a moment (up to
 * about 40 ms on the benchmark's disk at 64 MB; 130 ms at 256 MB), so not much smaller.
 */
export const DEFAULT_CUT_AFTER_PAGES = 16_384;
/** PASSIVE checkpoints at most while catching up before a cut. */
const CATCH_UP_PASSES = 8;
/** How long a cut waits for the worker to catch up before it is left for the next checkpoint. */
const CATCH_UP_TIMEOUT_MS = 5000;

export interface SqliteCheckpointer {
  status(): CheckpointerStatus;
  stop(): Promise<void>;
}

/**
 * Starts the worker on `filename` (a database already in WAL mode) and resolves once its first
 * checkpoint ran, so that the caller may switch the app's own checkpoints off. `onExit` is
 * called if the worker ends without being stopped: the caller switches them back on.
 */
export function startSqliteCheckpointer(options: {
  filename: string;
  driverPath: string;
  intervalMs: number;
  /**
   * Cuts the log on the app's own connection (`PRAGMA wal_checkpoint(TRUNCATE)`), never inside
   * one of its transactions; called while the worker is caught up and paused.
   */
  cut: () => Promise<void>;
  /** The log's length in pages past which it is cut; `DEFAULT_CUT_AFTER_PAGES` unless given. */
  cutAfterPages?: number;
  onExit: (reason: string) => void;
}): Promise<SqliteCheckpointer> {
  const status: CheckpointerStatus = { running: false, checkpoints: 0, lastLogPages: 0, lastCopiedPages: 0, cuts: 0, failures: 0, lastError: null };
  const cutAfterPages = options.cutAfterPages ?? DEFAULT_CUT_AFTER_PAGES;
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { filename: options.filename, driverPath: options.driverPath, intervalMs: options.intervalMs, catchUpPasses: CATCH_UP_PASSES },
  });
  // The timer of a checkpoint never keeps the app alive on its own.
  worker.unref();
  let stopping = false;
  let failuresInARow = 0;
  let caughtUp: (() => void) | null = null;
  let cutting = false;

  /** Has the worker catch up and pause, cuts the log on the app's connection, resumes the worker. */
  const cutTheLog = async () => {
    cutting = true;
    let timer: NodeJS.Timeout | undefined;
    try {
      const ready = await Promise.race([
        new Promise<boolean>((resolve) => {
          caughtUp = () => resolve(true);
          worker.postMessage('catch-up');
        }),
        new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), CATCH_UP_TIMEOUT_MS).unref())),
      ]);
      if (ready && !stopping) {
        await options.cut();
        status.cuts += 1;
      }
    } catch (error) {
      status.lastError = `cutting the log: ${(error as Error).message}`;
    } finally {
      clearTimeout(timer);
      caughtUp = null;
      cutting = false;
      if (!stopping) worker.postMessage('resume');
    }
  };

  const checkpointer: SqliteCheckpointer = {
    status: () => ({ ...status }),
    async stop() {
      if (!status.running) return;
      stopping = true;
      const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
      worker.postMessage('stop');
      const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), STOP_TIMEOUT_MS).unref());
      if ((await Promise.race([exited, timeout])) === 'timeout') await worker.terminate();
      status.running = false;
    },
  };

  return new Promise((resolve, reject) => {
    const startTimer = setTimeout(() => {
      void worker.terminate();
      reject(new Error(`no checkpoint within ${START_TIMEOUT_MS} ms`));
    }, START_TIMEOUT_MS);
    worker.on('message', (report: WorkerReport) => {
      if (report.kind === 'caught-up') {
        caughtUp?.();
        return;
      }
      if (report.kind === 'checkpointed') {
        failuresInARow = 0;
        status.checkpoints += 1;
        status.lastLogPages = report.log;
        status.lastCopiedPages = report.checkpointed;
        if (report.log >= cutAfterPages && status.running && !cutting && !stopping) void cutTheLog();
      } else {
        failuresInARow += 1;
        status.failures += 1;
        status.lastError = report.message;
        // Ending the worker hands the checkpoints back to the app (`onExit`).
        if (failuresInARow >= FAILURES_IN_A_ROW_LIMIT) void worker.terminate();
      }
      if (!status.running && status.checkpoints > 0) {
        clearTimeout(startTimer);
        status.running = true;
        resolve(checkpointer);
      }
    });
    worker.on('error', (error) => {
      status.lastError = error.message;
      if (!status.running) {
        clearTimeout(startTimer);
        reject(error);
      }
    });
    worker.on('exit', (code) => {
      const wasRunning = status.running;
      status.running = false;
      if (wasRunning && !stopping) options.onExit(status.lastError ?? `the checkpoint worker exited with ${code}`);
    });
  });
}
