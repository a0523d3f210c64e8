import { Worker } from 'node:worker_threads';

import { LOWER_PRIORITY, stopWorker } from './worker-threads';

/**
 * Once SQLite's write-ahead log has been copied whole, the next commit starts it over from the
 * beginning of the same file, writing over the frames of the last round. A frame is a page plus
 * 24 bytes, so nearly every frame covers two 4 KB blocks of the file in part, and writing part of
 * a block that is not in memory makes the kernel read it from the disk first, inside the
 * commit's `write`. On the benchmark's virtual machine the kernel drops clean cached pages now
 * and then even with memory to spare, and such a read, queued behind the checkpoints' writes,
 * held the app's commits (and so its event loop) for 100–600 ms.
 *
 * This worker reads the file a little ahead of where the app writes, so that the blocks the next
 * commits cover are in memory. It finds that place from the file alone: each frame carries the
 * two salt values of the log's header, which change when the log starts over, so the frames of
 * the current round are the ones whose salts match, and they lie one after another from the
 * start. It reads the log file only: opening and closing the `-shm` file, where SQLite keeps
 * the log's index, would drop the process's locks on it (POSIX locks belong to the process).
 */

export interface LogWarmerStatus {
  /** Bytes of the log read ahead of the writer. */
  warmedBytes: number;
}

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
${LOWER_PRIORITY}
const { walFile, intervalMs, aheadBytes, chunkBytes, bytesPerTick, reportEveryMs } = workerData;
const HEADER_BYTES = 32;
const FRAME_HEADER_BYTES = 24;
const header = Buffer.alloc(HEADER_BYTES);
const frameHeader = Buffer.alloc(FRAME_HEADER_BYTES);
const chunk = Buffer.alloc(chunkBytes);
let fd = null;
let inode = 0;
let salt1 = null;
let salt2 = null;
let frameBytes = 0;
// Frames [0, unwritten) of this round are known written; bytes before warmedTo were read.
let unwritten = 0;
let warmedTo = 0;
let warmedBytes = 0;
let reported = Date.now();
let ticks = 0;

const readAt = (buffer, length, offset) => fs.readSync(fd, buffer, 0, length, offset);
const frameOffset = (index) => HEADER_BYTES + index * frameBytes;
const written = (index) =>
  readAt(frameHeader, FRAME_HEADER_BYTES, frameOffset(index)) === FRAME_HEADER_BYTES &&
  frameHeader.readUInt32BE(8) === salt1 &&
  frameHeader.readUInt32BE(12) === salt2;

// The log file is deleted when the app's last connection closes and made anew when one opens.
const reopenIfReplaced = () => {
  let current = 0;
  try {
    current = fs.statSync(walFile).ino;
  } catch {
    current = 0;
  }
  if (fd !== null && current === inode) return;
  if (fd !== null) fs.closeSync(fd);
  fd = null;
  salt1 = salt2 = null;
  if (current === 0) return;
  try {
    fd = fs.openSync(walFile, 'r');
    inode = fs.fstatSync(fd).ino;
  } catch {
    fd = null;
  }
};

/** The first frame of this round not yet written: doubling steps past the known ones, then halving. */
const findUnwritten = () => {
  let low = unwritten;
  let step = 1;
  let probe = low;
  while (written(probe)) {
    low = probe + 1;
    probe = low + step;
    step *= 2;
  }
  let high = probe;
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    if (written(middle)) low = middle + 1;
    else high = middle;
  }
  return low;
};

const tick = () => {
  if (ticks++ % 100 === 0 || fd === null) reopenIfReplaced();
  if (fd === null) return;
  if (readAt(header, HEADER_BYTES, 0) < HEADER_BYTES || header.readUInt32BE(0) >>> 1 !== 0x377f0682 >>> 1) return;
  const pageBytes = header.readUInt32BE(8) === 1 ? 65536 : header.readUInt32BE(8);
  if (header.readUInt32BE(16) !== salt1 || header.readUInt32BE(20) !== salt2) {
    salt1 = header.readUInt32BE(16);
    salt2 = header.readUInt32BE(20);
    frameBytes = pageBytes + FRAME_HEADER_BYTES;
    unwritten = 0;
    warmedTo = 0;
  }
  // The size before the search: what the app appends meanwhile lies past it and is in memory.
  const size = fs.fstatSync(fd).size;
  unwritten = findUnwritten();
  const from = Math.max(warmedTo, frameOffset(unwritten));
  // A few chunks a tick: the worker shares the app's CPU, and all 16 MB at once after a restart
  // would hold a core for milliseconds.
  const to = Math.min(size, frameOffset(unwritten) + aheadBytes, from + bytesPerTick);
  for (let offset = from; offset < to; offset += chunkBytes) {
    warmedBytes += readAt(chunk, Math.min(chunkBytes, to - offset), offset);
  }
  if (to > warmedTo) warmedTo = to;
};

const report = () => {
  reported = Date.now();
  parentPort.postMessage({ warmedBytes });
};
const timer = setInterval(() => {
  try {
    tick();
  } catch {
    // A log cut short under the reader: the next tick starts from its header again.
    salt1 = salt2 = null;
  }
  if (Date.now() - reported >= reportEveryMs) report();
}, intervalMs);
parentPort.on('message', (message) => {
  if (message !== 'stop') return;
  clearInterval(timer);
  report();
  if (fd !== null) fs.closeSync(fd);
  parentPort.close();
});
`;

/** How often the worker looks where the app writes: 10 ms is 0.1–0.7 MB of log at 250–1,500 messages a second. */
const INTERVAL_MS = 10;
/** How far ahead of the writer it reads: a quarter of a second at 1,500 messages a second. */
const AHEAD_BYTES = 16 * 1024 * 1024;
const CHUNK_BYTES = 256 * 1024;
/** At most this much a tick (200 MB/s): ahead of the app's writes at 1,500 messages a second (about 70 MB/s). */
const BYTES_PER_TICK = 2 * 1024 * 1024;
const REPORT_EVERY_MS = 250;
const STOP_TIMEOUT_MS = 5000;

export interface SqliteLogWarmer {
  status(): LogWarmerStatus;
  stop(): Promise<void>;
}

/** Starts reading ahead in `${filename}-wal`; it needs no SQLite of its own. */
export function startSqliteLogWarmer(filename: string): SqliteLogWarmer {
  const status: LogWarmerStatus = { warmedBytes: 0 };
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: {
      walFile: `${filename}-wal`,
      intervalMs: INTERVAL_MS,
      aheadBytes: AHEAD_BYTES,
      chunkBytes: CHUNK_BYTES,
      bytesPerTick: BYTES_PER_TICK,
      reportEveryMs: REPORT_EVERY_MS,
    },
  });
  worker.unref();
  worker.on('message', (report: LogWarmerStatus) => Object.assign(status, report));
  let running = true;
  worker.on('exit', () => (running = false));
  // Reading ahead only spares the app reads of its own: if the worker fails, the app goes on without it.
  worker.on('error', () => undefined);
  return {
    status: () => ({ ...status }),
    async stop() {
      if (running) await stopWorker(worker, STOP_TIMEOUT_MS);
    },
  };
}
