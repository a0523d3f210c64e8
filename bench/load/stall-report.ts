/**
 * The stall probe's report: per window of the run, the deliveries slower than 20 ms and what
 * the server was doing then (its event loop's longest delay, the scheduled jobs that ran, the
 * garbage collector's longest pause); and every block of the server's loop over 20 ms with
 * what overlapped it.
 */
import * as path from 'node:path';

import type { KernelWait } from './kernel-waits';
import type { ServerTrace, TracedSpan } from './server-trace';

/** A delivery slower than this is a stall the customer can notice. */
export const NOTICEABLE_MS = 20;

export interface StallWindow {
  /** Seconds from the start of the probe. */
  fromSecond: number;
  deliveries: number;
  over20Ms: number;
  maxMs: number | null;
  loopDelayMaxMs: number | null;
  /** SQL statements the server ran in the window. */
  statements: number | null;
  /** Each job that ran: `name ×runs (longest ms)`. */
  jobs: string[];
  gcMaxMs: number | null;
}

export interface AttributedBlock {
  atSecond: number;
  ms: number;
  /** The main thread's CPU time during the block: far below `ms`, the server was not on the CPU. */
  cpuMs: number;
  /** All the server's threads' CPU time during the block: the main thread's plus its helpers'. */
  processCpuMs: number;
  /** Time the hypervisor did not run the server's virtual core during the block. */
  stealMs: number;
  /** Time some task of the machine waited for the disk during the block. */
  ioWaitMs: number;
  /** The main thread's longest wait inside the kernel during the block, when it had one. */
  kernelWait: (Omit<KernelWait, 'at'> & { overlapMs: number }) | null;
  causes: string[];
}

export interface StallReport {
  windowSeconds: number;
  windows: StallWindow[];
  blocks: AttributedBlock[];
  /** Blocks over 20 ms by their first cause. */
  blocksByCause: Record<string, { count: number; maxMs: number }>;
  /** The main thread's waits inside the kernel during the probe, by call, file and kernel function. */
  kernelWaitsByKind: Record<string, { count: number; totalMs: number; maxMs: number }>;
}

/** Collects the deliveries of the probe for the report. */
export class DeliveryLog {
  readonly arrivals: Array<{ at: number; latencyMs: number }> = [];
  readonly record = (at: number, latencyMs: number) => {
    this.arrivals.push({ at, latencyMs });
  };
}

const overlaps = (span: TracedSpan, from: number, to: number) => span.at >= from && span.at - span.ms <= to;
const round1 = (value: number) => Math.round(value * 10) / 10;

/** A kernel wait as the report names it: `pwrite64 data.db-wal in __filemap_get_folio`. */
const kindOfWait = (wait: Pick<KernelWait, 'call' | 'file' | 'wchan'>) =>
  `${wait.call}${wait.file ? ` ${path.basename(wait.file)}` : ''} in ${wait.wchan || 'an unknown function'}`;

/** The main thread's longest kernel wait that overlaps the block, and by how much. */
function kernelWaitIn(waits: KernelWait[], from: number, to: number): AttributedBlock['kernelWait'] {
  let longest: AttributedBlock['kernelWait'] = null;
  for (const wait of waits) {
    const overlapMs = Math.min(to, wait.at) - Math.max(from, wait.at - wait.ms);
    if (overlapMs > 0 && (longest === null || overlapMs > longest.overlapMs)) {
      longest = { ms: wait.ms, call: wait.call, file: wait.file, wchan: wait.wchan, overlapMs };
    }
  }
  return longest;
}

function causesOf(
  trace: ServerTrace,
  block: { at: number; ms: number; cpuMs: number; processCpuMs: number; stealMs: number; ioWaitMs: number },
  kernelWait: AttributedBlock['kernelWait'],
): string[] {
  const from = block.at - block.ms;
  const causes = [
    ...trace.jobs.filter((job) => overlaps(job, from, block.at)).map((job) => `job ${job.name} (${job.ms} ms)`),
    ...trace.gc.filter((pause) => overlaps(pause, from, block.at)).map((pause) => `gc ${pause.kind} (${pause.ms} ms)`),
    ...trace.slowStatements.filter((statement) => overlaps(statement, from, block.at)).map((statement) => `sql ${statement.ms} ms: ${statement.sql}`),
  ];
  // The main thread was not running for most of the block. Where the sampler saw it wait inside
  // the kernel for most of it, that wait is the cause, named by its system call, file and kernel
  // function; otherwise the hypervisor did not run the core, the machine waited for the disk, or
  // its own helper threads (the garbage collector's) or another process had the core.
  if (block.cpuMs < block.ms / 2) {
    if (kernelWait && kernelWait.overlapMs >= block.ms / 2) {
      // First: measured, it says more than a job or a collection that merely overlapped.
      causes.unshift(`waiting in the kernel: ${kindOfWait(kernelWait)} (${kernelWait.ms} ms)`);
    } else {
      causes.push(
        block.stealMs >= block.ms / 2
          ? 'the hypervisor (the server\'s virtual core not run: steal)'
          : block.ioWaitMs >= block.ms / 2
            ? 'the disk (server off the CPU while the machine waited for I/O)'
            : block.processCpuMs - block.cpuMs >= block.ms / 2
              ? 'own helper threads (main thread off the CPU while the server\'s other threads ran)'
              : 'other processes (server off the CPU)',
      );
    }
  }
  return causes.length > 0 ? causes : ['message traffic (no job, GC or slow statement overlapped)'];
}

/** `kernelWaits`: the main thread's waits inside the kernel, where they were sampled. */
export function stallReport(deliveries: DeliveryLog, trace: ServerTrace, kernelWaits: KernelWait[] = []): StallReport {
  const windowMs = trace.windowMs;
  const windowCount = Math.max(trace.windows.length, Math.ceil(((deliveries.arrivals.at(-1)?.at ?? trace.startedAt) - trace.startedAt + 1) / windowMs));
  const windows: StallWindow[] = [];
  for (let index = 0; index < windowCount; index += 1) {
    const from = trace.startedAt + index * windowMs;
    const to = from + windowMs;
    const inWindow = deliveries.arrivals.filter((arrival) => arrival.at >= from && arrival.at < to);
    const jobs = new Map<string, { runs: number; longest: number }>();
    for (const job of trace.jobs.filter((run) => run.at >= from && run.at - run.ms < to)) {
      const seen = jobs.get(job.name) ?? { runs: 0, longest: 0 };
      jobs.set(job.name, { runs: seen.runs + 1, longest: Math.max(seen.longest, job.ms) });
    }
    const pauses = trace.gc.filter((pause) => pause.at >= from && pause.at < to).map((pause) => pause.ms);
    windows.push({
      fromSecond: (index * windowMs) / 1000,
      deliveries: inWindow.length,
      over20Ms: inWindow.filter((arrival) => arrival.latencyMs > NOTICEABLE_MS).length,
      maxMs: inWindow.length > 0 ? round1(Math.max(...inWindow.map((arrival) => arrival.latencyMs))) : null,
      loopDelayMaxMs: trace.windows[index]?.loopDelayMaxMs ?? null,
      statements: trace.windows[index]?.statements ?? null,
      jobs: [...jobs].map(([name, seen]) => `${name} ×${seen.runs} (${seen.longest} ms)`),
      gcMaxMs: pauses.length > 0 ? Math.max(...pauses) : null,
    });
  }
  const blocks = trace.blocks
    .filter((block) => block.ms > NOTICEABLE_MS)
    .map((block) => {
      const kernelWait = kernelWaitIn(kernelWaits, block.at - block.ms, block.at);
      const { cpuMs, processCpuMs, stealMs, ioWaitMs } = block;
      return { atSecond: round1((block.at - trace.startedAt) / 1000), ms: block.ms, cpuMs, processCpuMs, stealMs, ioWaitMs, kernelWait, causes: causesOf(trace, block, kernelWait) };
    });
  const blocksByCause: StallReport['blocksByCause'] = {};
  for (const block of blocks) {
    const cause = block.causes[0].replace(/ \(.*$/, '').replace(/^sql .*/, 'slow sql');
    const seen = blocksByCause[cause] ?? { count: 0, maxMs: 0 };
    blocksByCause[cause] = { count: seen.count + 1, maxMs: Math.max(seen.maxMs, block.ms) };
  }
  const kernelWaitsByKind: StallReport['kernelWaitsByKind'] = {};
  for (const wait of kernelWaits) {
    const kind = kindOfWait(wait);
    const seen = kernelWaitsByKind[kind] ?? { count: 0, totalMs: 0, maxMs: 0 };
    kernelWaitsByKind[kind] = { count: seen.count + 1, totalMs: seen.totalMs + wait.ms, maxMs: Math.max(seen.maxMs, wait.ms) };
  }
  return { windowSeconds: windowMs / 1000, windows, blocks, blocksByCause, kernelWaitsByKind };
}

const cell = (value: number | null) => (value === null ? '–' : String(value));

/** The report as printed after the run. */
export function stallReportLines(report: StallReport): string[] {
  const lines = [
    `Stall windows (${report.windowSeconds} s each): deliveries, over 20 ms, max ms, server loop delay max ms, SQL statements, GC max pause ms, jobs`,
    '| from s | deliveries | > 20 ms | max | loop delay max | statements | GC max | jobs |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
  ];
  for (const window of report.windows) {
    lines.push(
      `| ${window.fromSecond} | ${window.deliveries} | ${window.over20Ms} | ${cell(window.maxMs)} | ${cell(window.loopDelayMaxMs)} | ${cell(window.statements)} | ${cell(window.gcMaxMs)} | ${window.jobs.join(', ') || '–'} |`,
    );
  }
  lines.push('', `Server event-loop blocks over ${NOTICEABLE_MS} ms: ${report.blocks.length}`);
  for (const [cause, seen] of Object.entries(report.blocksByCause)) lines.push(`  ${cause}: ${seen.count}, longest ${seen.maxMs} ms`);
  const kinds = Object.entries(report.kernelWaitsByKind).sort(([, a], [, b]) => b.totalMs - a.totalMs);
  lines.push('', `Server main thread's waits inside the kernel of 5 ms or more: ${kinds.reduce((sum, [, seen]) => sum + seen.count, 0)}`);
  for (const [kind, seen] of kinds) lines.push(`  ${kind}: ${seen.count}, ${seen.totalMs} ms in all, longest ${seen.maxMs} ms`);
  return lines;
}
