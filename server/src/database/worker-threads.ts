import type { Worker } from 'node:worker_threads';

/**
 * A line of worker source that lowers the worker thread's own scheduling priority (nice 10).
 * The app's event loop may share one core with its helper threads (a container with one CPU,
 * or the benchmark's server pinned to one), and at equal priority the scheduler may leave the
 * main thread waiting while a helper works. On Linux `os.setPriority` without a process id
 * changes only the calling thread. Lowering a priority needs no privilege; where it fails
 * anyway, the worker runs as before. Only for work that may fall behind without harm (the log
 * warmer): the checkpoint worker keeps the app's priority, since at nice 10 on a machine busy
 * with other work it fell behind fast writes and the log grew.
 */
export const LOWER_PRIORITY = `try { require('node:os').setPriority(10); } catch {}`;

/** Asks a worker to stop ('stop') and waits for it to exit; ends it after `timeoutMs` if it does not. */
export async function stopWorker(worker: Worker, timeoutMs: number): Promise<void> {
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  worker.postMessage('stop');
  const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), timeoutMs).unref());
  if ((await Promise.race([exited, timeout])) === 'timeout') await worker.terminate();
}
