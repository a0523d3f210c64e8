/**
 * Where the server's main thread waited inside the kernel during the stall probe. A block of
 * the event loop without CPU time was spent somewhere the server's own trace cannot see: the
 * thread is stopped. This samples the thread from the benchmark's process, every millisecond,
 * through Linux's /proc: its state, the system call it is in (with the file it names) and the
 * kernel function it sleeps in (`wchan`). Waiting for new work (epoll) is not a wait; a page
 * fault shows as system call -1.
 */
import { Worker } from 'node:worker_threads';

export interface KernelWait {
  /** When it ended, in this machine's `Date.now()` clock (the server's too). */
  at: number;
  ms: number;
  /** `pwrite64`, `read`, `fsync`, `page fault`, … */
  call: string;
  /** The file the call named (its descriptor's target or its path), when it named one. */
  file: string | null;
  /** The kernel function the thread slept in. */
  wchan: string;
}

export interface KernelWaitSampler {
  /** Stops sampling; the waits of at least `minMs`. Empty where /proc cannot tell. */
  finish(): Promise<KernelWait[]>;
}

/** Waits shorter than this are not kept (a sample a millisecond cannot time them anyway). */
const MIN_WAIT_MS = 5;

/**
 * The sampler's code, run with `eval` on a worker thread so that the benchmark's own event
 * loop (its sockets) neither delays the samples nor is delayed by them. System call numbers
 * are x86-64's; elsewhere the number is reported as it is.
 */
const SAMPLER_SOURCE = `
const fs = require('node:fs');
const { parentPort, workerData } = require('node:worker_threads');
const { pid, minMs } = workerData;
const task = '/proc/' + pid + '/task/' + pid;
const X64 = process.arch === 'x64';
const NAMES = { '-1': 'page fault', 0: 'read', 1: 'write', 2: 'open', 3: 'close', 17: 'pread64', 18: 'pwrite64', 35: 'nanosleep', 74: 'fsync', 75: 'fdatasync', 76: 'truncate', 77: 'ftruncate', 87: 'unlink', 202: 'futex', 230: 'clock_nanosleep', 257: 'openat', 263: 'unlinkat', 285: 'fallocate' };
const IDLE = X64 ? new Set([7, 232, 281, 441]) : new Set();
const WITH_DESCRIPTOR = new Set([0, 1, 3, 17, 18, 74, 75, 77, 285]);
const read = (file) => { try { return fs.readFileSync(file, 'utf8'); } catch { return null; } };
const waits = [];
let current = null;
let stopped = false;
const describe = (syscallLine) => {
  const [numberText, firstArgument] = syscallLine.trim().split(' ');
  const number = Number(numberText);
  let file = null;
  if (X64 && WITH_DESCRIPTOR.has(number) && firstArgument) {
    try { file = fs.readlinkSync('/proc/' + pid + '/fd/' + Number.parseInt(firstArgument, 16)); } catch {}
  }
  return { number, call: X64 ? (NAMES[number] ?? 'syscall ' + number) : 'syscall ' + number, file, wchan: (read(task + '/wchan') ?? '').trim() };
};
const sample = () => {
  const stat = read(task + '/stat');
  if (stat === null) { stopped = true; return; }
  const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
  // The system call line of a wait (read once: the thread may have moved on by a second read).
  let waiting = null;
  if (state !== 'R') {
    const syscallLine = read(task + '/syscall');
    if (syscallLine !== null && syscallLine.trim() !== 'running' && !IDLE.has(Number(syscallLine.trim().split(' ')[0]))) waiting = syscallLine;
  }
  const now = Date.now();
  if (waiting !== null && current === null) {
    current = { startedAt: now, ...describe(waiting) };
  } else if (waiting === null && current !== null) {
    closeCurrent(now);
  }
};
const closeCurrent = (now) => {
  const ms = now - current.startedAt;
  if (ms >= minMs) waits.push({ at: now, ms, call: current.call, file: current.file, wchan: current.wchan });
  current = null;
};
const timer = setInterval(() => { if (!stopped) sample(); }, 1);
sample();
parentPort.postMessage('started');
parentPort.on('message', () => {
  clearInterval(timer);
  // A busy machine may not have let the last sample run since a wait ended: one more, and a
  // wait still going on is kept as far as it went.
  if (!stopped) sample();
  if (current !== null) closeCurrent(Date.now());
  parentPort.postMessage(waits);
});
`;

/** Resolves once the sampler has taken its first sample (a worker takes a while to start). */
export async function startKernelWaitSampler(pid: number): Promise<KernelWaitSampler> {
  const worker = new Worker(SAMPLER_SOURCE, { eval: true, workerData: { pid, minMs: MIN_WAIT_MS } });
  worker.unref();
  await new Promise<void>((resolve, reject) => {
    const timeout = setTimeout(() => reject(new Error('the kernel wait sampler did not start within 5 s')), 5000);
    worker.once('message', () => {
      clearTimeout(timeout);
      resolve();
    });
    worker.once('error', (error) => {
      clearTimeout(timeout);
      reject(error);
    });
  });
  return {
    finish: () =>
      new Promise<KernelWait[]>((resolve) => {
        const timeout = setTimeout(() => finishWith([]), 5000);
        const finishWith = (waits: KernelWait[]) => {
          clearTimeout(timeout);
          void worker.terminate();
          resolve(waits);
        };
        worker.once('message', (waits: KernelWait[]) => finishWith(waits));
        worker.once('error', () => finishWith([]));
        worker.postMessage('finish');
      }),
  };
}
