/**
 * What held up the server during the stall probe, recorded inside the server process through
 * its inspector (nothing in the plugin knows about it): the event loop's delay per window, every
 * block of the loop with the main thread's own CPU time in it and the hypervisor's steal of the
 * server's core (a block the thread did not spend on the CPU was the host's or other processes'
 * doing), each scheduled job's and access re-check's run, the garbage collector's pauses and slow
 * SQL statements.
 */
import type * as PerfHooks from 'node:perf_hooks';
import type * as Fs from 'node:fs';

import type { InspectorSession } from './inspector';

/** A stretch of the event loop's time, in the server's `Date.now()` clock. */
export interface TracedSpan {
  /** When it ended. */
  at: number;
  ms: number;
}

export interface ServerTrace {
  startedAt: number;
  windowMs: number;
  /** Per window from `startedAt`: the event loop's longest delay and the SQL statements run. */
  windows: Array<{ loopDelayMaxMs: number; statements: number }>;
  /**
   * The loop came back late by more than `blockMs`; `cpuMs`: the main thread's CPU time
   * meanwhile, `processCpuMs`: all the server's threads', `stealMs`: the time the hypervisor
   * did not run the virtual core the server is on (10 ms ticks all three); `ioWaitMs`: the time
   * some task of the machine waited for the disk (the kernel's I/O pressure, `some`).
   */
  blocks: Array<TracedSpan & { cpuMs: number; processCpuMs: number; stealMs: number; ioWaitMs: number }>;
  jobs: Array<TracedSpan & { name: string }>;
  gc: Array<TracedSpan & { kind: string }>;
  slowStatements: Array<TracedSpan & { sql: string }>;
}

const GLOBAL_KEY = '__liveSupportStallTrace';
const BLOCK_MS = 10;
const SLOW_STATEMENT_MS = 5;
const GC_PAUSE_MS = 2;

/**
 * Runs inside the server (its source is sent through the inspector): it may use only its
 * arguments and the server's globals.
 */
function installInServer(perfHooks: typeof PerfHooks, fs: typeof Fs, key: string, windowMs: number, limits: { block: number; statement: number; gc: number }): void {
  interface QueryEvent {
    __knexQueryUid?: string;
    sql?: string;
  }
  interface Knex {
    on(event: string, listener: (...args: unknown[]) => void): void;
    off(event: string, listener: (...args: unknown[]) => void): void;
  }
  interface Patchable {
    [method: string]: unknown;
  }
  interface TracedStrapi {
    db: { connection: Knex };
    plugin(name: string): { service(name: string): Patchable };
  }
  const strapi = (globalThis as unknown as { strapi: TracedStrapi }).strapi;
  const started = Date.now();
  const trace: ServerTrace = { startedAt: started, windowMs, windows: [], blocks: [], jobs: [], gc: [], slowStatements: [] };
  const undo: Array<() => void> = [];

  // utime + stime in 10 ms ticks: the main thread's, and the whole process's (V8's garbage
  // collector marks and sweeps on helper threads, which share the server's one core).
  const cpuMsOf = (statFile: string) => () => {
    const fields = fs.readFileSync(statFile, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  };
  const threadCpuMs = cpuMsOf(`/proc/self/task/${process.pid}/stat`);
  const processCpuMs = cpuMsOf('/proc/self/stat');
  // The core the server last ran on (field 39; the benchmark pins it to one) and that core's
  // steal in /proc/stat (the 8th number of its line): on a virtual machine, the host's own work
  // (its disk emulation, say) can stop the core for hundreds of milliseconds.
  const core = fs.readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ')[36];
  const stealMs = () => {
    const line = fs.readFileSync('/proc/stat', 'utf8').split('\n').find((entry) => entry.startsWith(`cpu${core} `));
    return line ? Number(line.split(/\s+/)[8]) * 10 : 0;
  };
  // Microseconds some task has waited for I/O since boot (pressure stall information); 0 where the kernel has none.
  const ioWaitMs = () => {
    try {
      const match = /^some .*total=(\d+)/m.exec(fs.readFileSync('/proc/pressure/io', 'utf8'));
      return match ? Number(match[1]) / 1000 : 0;
    } catch {
      return 0;
    }
  };

  const histogram = perfHooks.monitorEventLoopDelay({ resolution: 1 });
  histogram.enable();
  let statements = 0;
  const closeWindow = () => {
    trace.windows.push({ loopDelayMaxMs: Math.round(histogram.max / 1e4) / 100, statements });
    histogram.reset();
    statements = 0;
  };

  const tickMs = 5;
  let last = perfHooks.performance.now();
  let lastCpu = threadCpuMs();
  let lastProcessCpu = processCpuMs();
  let lastSteal = stealMs();
  let lastIoWait = ioWaitMs();
  let windowEnds = started + windowMs;
  const ticker = setInterval(() => {
    const now = perfHooks.performance.now();
    const cpu = threadCpuMs();
    const allThreadsCpu = processCpuMs();
    const steal = stealMs();
    const ioWait = ioWaitMs();
    const late = now - last - tickMs;
    if (late > limits.block) {
      trace.blocks.push({ at: Date.now(), ms: Math.round(late * 10) / 10, cpuMs: cpu - lastCpu, processCpuMs: allThreadsCpu - lastProcessCpu, stealMs: steal - lastSteal, ioWaitMs: Math.round(ioWait - lastIoWait) });
    }
    last = now;
    lastCpu = cpu;
    lastProcessCpu = allThreadsCpu;
    lastSteal = steal;
    lastIoWait = ioWait;
    while (Date.now() >= windowEnds) {
      closeWindow();
      windowEnds += windowMs;
    }
  }, tickMs);
  undo.push(() => clearInterval(ticker));

  const observer = new perfHooks.PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.duration < limits.gc) continue;
      const kind = (entry as unknown as { detail?: { kind?: number } }).detail?.kind;
      // Node's own constants: the kinds are bit flags, and a table written by hand was once one
      // bit off (it called full collections "incremental").
      const { constants } = perfHooks;
      const kinds: Record<number, string> = {
        [constants.NODE_PERFORMANCE_GC_MINOR]: 'scavenge',
        [constants.NODE_PERFORMANCE_GC_MAJOR]: 'mark-compact',
        [constants.NODE_PERFORMANCE_GC_INCREMENTAL]: 'incremental marking',
        [constants.NODE_PERFORMANCE_GC_WEAKCB]: 'weak callbacks',
      };
      const ended = perfHooks.performance.timeOrigin + entry.startTime + entry.duration;
      trace.gc.push({ at: Math.round(ended), ms: Math.round(entry.duration * 10) / 10, kind: kinds[kind ?? 0] ?? String(kind) });
    }
  });
  observer.observe({ entryTypes: ['gc'] });
  undo.push(() => observer.disconnect());

  const queryStarts = new Map<string, { at: number; sql: string }>();
  const onQuery = (...args: unknown[]) => {
    const query = args[0] as QueryEvent;
    statements += 1;
    if (query.__knexQueryUid) queryStarts.set(query.__knexQueryUid, { at: perfHooks.performance.now(), sql: query.sql ?? '' });
  };
  const onAnswer = (...args: unknown[]) => {
    const query = args[1] as QueryEvent;
    const begun = query.__knexQueryUid ? queryStarts.get(query.__knexQueryUid) : undefined;
    if (!begun || !query.__knexQueryUid) return;
    queryStarts.delete(query.__knexQueryUid);
    const ms = perfHooks.performance.now() - begun.at;
    if (ms >= limits.statement) trace.slowStatements.push({ at: Date.now(), ms: Math.round(ms * 10) / 10, sql: begun.sql.slice(0, 160) });
  };
  const knex = strapi.db.connection;
  knex.on('query', onQuery);
  knex.on('query-response', onAnswer);
  knex.on('query-error', onAnswer);
  undo.push(() => {
    knex.off('query', onQuery);
    knex.off('query-response', onAnswer);
    knex.off('query-error', onAnswer);
  });

  /** Times every call of `service.method`, named by `name(args)`. */
  const timeCalls = (service: Patchable, method: string, name: (args: unknown[]) => string) => {
    const original = service[method] as (...args: unknown[]) => Promise<unknown>;
    service[method] = async function timed(this: unknown, ...args: unknown[]) {
      const begun = perfHooks.performance.now();
      try {
        return await original.apply(this, args);
      } finally {
        trace.jobs.push({ name: name(args), at: Date.now(), ms: Math.round((perfHooks.performance.now() - begun) * 10) / 10 });
      }
    };
    undo.push(() => {
      service[method] = original;
    });
  };
  const plugin = strapi.plugin('live-support');
  timeCalls(plugin.service('scheduler'), 'runTick', (args) => String(args[0]));
  timeCalls(plugin.service('agents'), 'recheckAccess', () => 'access re-check');

  const state = globalThis as unknown as Record<string, unknown>;
  state[key] = () => {
    closeWindow();
    histogram.disable();
    for (const step of undo) step();
    delete state[key];
    return trace;
  };
}

/** Starts tracing in the server; `finish` stops it and returns what was recorded. */
export async function startServerTrace(openInspector: () => Promise<InspectorSession>, windowMs: number): Promise<{ finish(): Promise<ServerTrace> }> {
  const limits = { block: BLOCK_MS, statement: SLOW_STATEMENT_MS, gc: GC_PAUSE_MS };
  const session = await openInspector();
  try {
    await session.evaluate(
      `(${installInServer.toString()})(require('node:perf_hooks'), require('node:fs'), ${JSON.stringify(GLOBAL_KEY)}, ${windowMs}, ${JSON.stringify(limits)})`,
    );
  } finally {
    session.close();
  }
  return {
    async finish() {
      const finishing = await openInspector();
      try {
        return await finishing.evaluate<ServerTrace>(`globalThis[${JSON.stringify(GLOBAL_KEY)}]()`);
      } finally {
        finishing.close();
      }
    },
  };
}
