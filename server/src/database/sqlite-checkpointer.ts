import { Worker } from 'node:worker_threads';

import { startSqliteLogWarmer, type SqliteLogWarmer } from './sqlite-log-warmer';
import { stopWorker } from './worker-threads';

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
 * Under steady writes that moment never comes by itself: each checkpoint takes longer than the
 * gap between two commits, so some frames are always left over and the log grows without end
 * (1.4 GB in two minutes at 250 messages a second). So once the log passes `restartAfterPages`,
 * the worker catches up: PASSIVE checkpoints one after another until one finds nothing new.
 * The app's next commit then starts the log over, as SQLite does whenever it finds the log
 * copied whole, and a second worker (`sqlite-log-warmer.ts`) reads the file ahead of the app's
 * writes, which now go over the last round's frames. When the passes find no gap (each flushes
 * the disk, and at a high rate the app commits during every one), the app holds its writes
 * (`holdWrites`: they queue, the event loop stays free) for one last pass.
 *
 * Nothing here takes a lock the app's connection needs. A checkpoint that takes the writers'
 * lock on another connection (RESTART, TRUNCATE) makes any app transaction that read before it
 * writes fail at once with SQLITE_BUSY (SQLite does not wait for a read transaction that wants
 * to become a write one), which the benchmark hit; the same checkpoint on the app's connection
 * truncated the file, and the truncation waited for the disk inside the event loop.
 */

export interface CheckpointerStatus {
  running: boolean;
  /** Checkpoints run since start. */
  checkpoints: number;
  /** Pages in the log and pages of it copied into the database, at the last checkpoint. */
  lastLogPages: number;
  lastCopiedPages: number;
  /** Times the worker caught up with the log past its limit on its own, and with the app's writes held (see above). */
  catchUps: number;
  holds: number;
  /** Times the log was seen to start over (shorter than at the checkpoint before). */
  restarts: number;
  /** Bytes of the log read ahead of the app's writes (`sqlite-log-warmer.ts`). */
  warmedBytes: number;
  /** Checkpoints that failed (the message of the last one in `lastError`). */
  failures: number;
  lastError: string | null;
}

type WorkerReport =
  | { kind: 'checkpointed'; log: number; checkpointed: number; pastLimit: boolean; caughtUp: boolean }
  | { kind: 'finished' }
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
// Past the limit: PASSIVE checkpoints one after another until one finds no frame the one
// before it did not see, so that the app's next commit finds the log copied whole. Under steady
// writes that moment may not come (each pass flushes the disk, and the app commits meanwhile):
// then the app holds its writes for one last pass ('finish').
const catchUp = (first) => {
  let result = first;
  for (let pass = 1; pass < workerData.catchUpPasses; pass += 1) {
    const before = result;
    result = database.pragma('wal_checkpoint(PASSIVE)')[0];
    if (result.log === before.log && result.checkpointed === result.log) return { result, caughtUp: true };
  }
  return { result, caughtUp: false };
};
const checkpoint = () => {
  try {
    let [result] = database.pragma('wal_checkpoint(PASSIVE)');
    const pastLimit = result.log >= workerData.restartAfterPages;
    let caughtUp = false;
    if (pastLimit) ({ result, caughtUp } = catchUp(result));
    parentPort.postMessage({ kind: 'checkpointed', log: result.log, checkpointed: result.checkpointed, pastLimit, caughtUp });
  } catch (error) {
    parentPort.postMessage({ kind: 'failed', message: String((error && error.message) || error) });
  }
};
// A failed last pass needs no report of its own: the next checkpoint tries again.
const finish = () => {
  try {
    database.pragma('wal_checkpoint(PASSIVE)');
  } catch {}
  parentPort.postMessage({ kind: 'finished' });
};
const timer = setInterval(checkpoint, workerData.intervalMs);
checkpoint();
parentPort.on('message', (message) => {
  if (message === 'finish') return finish();
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
 * The log's length (pages) past which the worker catches up so that it starts over: 64 MB of
 * 4 KB pages, five seconds of the benchmark's 250 messages a second. The file keeps that size
 * and is written over from its start each round.
 */
export const DEFAULT_RESTART_AFTER_PAGES = 16_384;
/** PASSIVE checkpoints at most in one catch-up before the app's writes are held for the last one. */
const CATCH_UP_PASSES = 8;
/** How long the app's writes are held at most for the last pass (it flushes the disk twice). */
const LAST_PASS_TIMEOUT_MS = 2000;

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
  /** The log's length in pages past which the worker catches up; `DEFAULT_RESTART_AFTER_PAGES` unless given. */
  restartAfterPages?: number;
  /**
   * Runs `whileHeld` with the app's writes held (its connection taken, so that they queue
   * instead of running): the worker's last pass then has nothing coming after it. Never inside
   * one of the app's transactions.
   */
  holdWrites: (whileHeld: () => Promise<void>) => Promise<void>;
  onExit: (reason: string) => void;
}): Promise<SqliteCheckpointer> {
  const status: CheckpointerStatus = {
    running: false,
    checkpoints: 0,
    lastLogPages: 0,
    lastCopiedPages: 0,
    catchUps: 0,
    holds: 0,
    restarts: 0,
    warmedBytes: 0,
    failures: 0,
    lastError: null,
  };
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: {
      filename: options.filename,
      driverPath: options.driverPath,
      intervalMs: options.intervalMs,
      restartAfterPages: options.restartAfterPages ?? DEFAULT_RESTART_AFTER_PAGES,
      catchUpPasses: CATCH_UP_PASSES,
    },
  });
  // The timer of a checkpoint never keeps the app alive on its own.
  worker.unref();
  let stopping = false;
  let failuresInARow = 0;
  let warmer: SqliteLogWarmer | null = null;
  let finished: (() => void) | null = null;
  let holding = false;

  /** Holds the app's writes while the worker copies what is left of the log (bounded by a timeout). */
  const holdForLastPass = async () => {
    holding = true;
    let timer: NodeJS.Timeout | undefined;
    try {
      await options.holdWrites(
        () =>
          new Promise<void>((resolve) => {
            finished = resolve;
            timer = setTimeout(resolve, LAST_PASS_TIMEOUT_MS).unref();
            worker.postMessage('finish');
          }),
      );
      status.holds += 1;
    } catch (error) {
      status.lastError = `holding the writes: ${(error as Error).message}`;
    } finally {
      clearTimeout(timer);
      finished = null;
      holding = false;
    }
  };

  const checkpointer: SqliteCheckpointer = {
    status: () => ({ ...status, ...warmer?.status() }),
    async stop() {
      if (!status.running) return;
      stopping = true;
      await warmer?.stop();
      await stopWorker(worker, STOP_TIMEOUT_MS);
      status.running = false;
    },
  };

  return new Promise((resolve, reject) => {
    const startTimer = setTimeout(() => {
      void worker.terminate();
      reject(new Error(`no checkpoint within ${START_TIMEOUT_MS} ms`));
    }, START_TIMEOUT_MS);
    worker.on('message', (report: WorkerReport) => {
      if (report.kind === 'finished') {
        finished?.();
        return;
      }
      if (report.kind === 'checkpointed') {
        failuresInARow = 0;
        status.checkpoints += 1;
        if (report.log < status.lastLogPages) status.restarts += 1;
        status.lastLogPages = report.log;
        status.lastCopiedPages = report.checkpointed;
        if (report.caughtUp) status.catchUps += 1;
        else if (report.pastLimit && status.running && !holding && !stopping) void holdForLastPass();
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
        warmer = startSqliteLogWarmer(options.filename);
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
      if (!stopping) void warmer?.stop();
      if (wasRunning && !stopping) options.onExit(status.lastError ?? `the checkpoint worker exited with ${code}`);
    });
  });
}
