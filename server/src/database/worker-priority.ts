/**
 * A line of worker source that lowers the worker thread's own scheduling priority (nice 10).
 * The app's event loop may share one core with its helper threads (a container with one CPU,
 * or the benchmark's server pinned to one), and at equal priority the scheduler may leave the
 * main thread waiting while a checkpoint copies pages or the log warmer reads ahead (the
 * benchmark saw blocks of 20–34 ms with the main thread off the CPU while the server's other
 * threads ran). On
 * Linux `os.setPriority` without a process id changes only the calling thread. Lowering a
 * priority needs no privilege; where it fails anyway, the worker runs as before.
 */
export const LOWER_PRIORITY = `try { require('node:os').setPriority(10); } catch {}`;
