/**
 * Child processes of the benchmark: each pinned to a core with `taskset`, in its own process
 * group, and all of them killed when the benchmark ends, fails or is interrupted.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';

const CORE_COUNT = Number(execFileSync('nproc').toString().trim());
const CLOCK_TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim());
const PAGE_SIZE = Number(execFileSync('getconf', ['PAGESIZE']).toString().trim());

/** The server side runs on core 0, the load generator (this process) on core 1. */
export const SERVER_CORE = 0;
export const GENERATOR_CORE = Math.min(1, CORE_COUNT - 1);

const children = new Set<ChildProcess>();

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

/** Kills every child still running; called on exit, on failure and on Ctrl-C. */
export function killAllChildren(): void {
  for (const child of children) killGroup(child, 'SIGKILL');
  children.clear();
}

process.on('exit', killAllChildren);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    killAllChildren();
    process.exit(130);
  });
}

/** Pins this process (all its threads) to the generator's core. */
export function pinSelf(): void {
  execFileSync('taskset', ['-a', '-cp', String(GENERATOR_CORE), String(process.pid)], { stdio: 'ignore' });
}

export interface PinnedChild {
  child: ChildProcess;
  pid: number;
  output(): string;
  /** Resolves with the first output line matching `pattern`, or rejects after `timeoutMs`. */
  waitForLine(pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray>;
  stop(timeoutMs?: number): Promise<void>;
}

export function spawnPinned(core: number, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv; logFile?: string }): PinnedChild {
  const child = spawn('taskset', ['-c', String(core), ...args], {
    cwd: options.cwd,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  if (child.pid === undefined) throw new Error(`could not start ${args.join(' ')}`);
  children.add(child);
  let output = '';
  const log = options.logFile ? fs.createWriteStream(options.logFile, { flags: 'a' }) : null;
  const append = (chunk: Buffer) => {
    log?.write(chunk);
    output += chunk.toString();
    if (output.length > 200_000) output = output.slice(-100_000);
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
  exited.then(() => children.delete(child), () => undefined);

  return {
    child,
    // taskset execs the command, so this is the Node process itself.
    pid: child.pid,
    output: () => output,
    waitForLine: (pattern, timeoutMs) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const match = output.match(pattern);
          if (match) finish(() => resolve(match));
          else if (child.exitCode !== null) finish(() => reject(new Error(`${args.join(' ')} exited:\n${output}`)));
        };
        const finish = (settle: () => void) => {
          clearTimeout(timer);
          clearInterval(poll);
          settle();
        };
        const timer = setTimeout(() => finish(() => reject(new Error(`no ${pattern} within ${timeoutMs} ms:\n${output}`))), timeoutMs);
        const poll = setInterval(check, 50);
        check();
      }),
    stop: async (timeoutMs = 10_000) => {
      killGroup(child, 'SIGTERM');
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([exited, new Promise((resolve) => (timer = setTimeout(resolve, timeoutMs)))]);
      clearTimeout(timer);
      killGroup(child, 'SIGKILL');
      await exited;
    },
  };
}

export interface ProcessSample {
  at: number;
  cpuSeconds: number;
  rssBytes: number;
  /** Bytes of file pages the process has dirtied, to be written to the disk (null where unreadable). */
  diskWriteBytes: number | null;
}

/**
 * `write_bytes` of /proc/<pid>/io: what the process's writes will send to the disk (a page
 * counts when it becomes dirty, not at every write to it), all its threads together.
 */
function diskWriteBytesOf(pid: number): number | null {
  try {
    const match = /^write_bytes: (\d+)$/m.exec(fs.readFileSync(`/proc/${pid}/io`, 'utf8'));
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

/** CPU time (user + system), resident memory and disk writes of a process, from /proc/<pid>. */
export function sampleProcess(pid: number): ProcessSample {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name, which is in parentheses and may hold spaces.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const userTicks = Number(fields[11]);
  const systemTicks = Number(fields[12]);
  const rssPages = Number(fields[21]);
  return { at: performance.now(), cpuSeconds: (userTicks + systemTicks) / CLOCK_TICKS_PER_SECOND, rssBytes: rssPages * PAGE_SIZE, diskWriteBytes: diskWriteBytesOf(pid) };
}

export interface ProcessUsage {
  /** Share of one core used between the two samples, in percent. */
  cpuPercent: number;
  rssMb: number;
  /** Bytes the process dirtied for the disk between the two samples. */
  diskWriteBytes: number | null;
}

export function usageBetween(before: ProcessSample, after: ProcessSample): ProcessUsage {
  const wallSeconds = (after.at - before.at) / 1000;
  return {
    cpuPercent: Math.round(((after.cpuSeconds - before.cpuSeconds) / wallSeconds) * 1000) / 10,
    rssMb: Math.round((after.rssBytes / 1024 / 1024) * 10) / 10,
    diskWriteBytes: after.diskWriteBytes === null || before.diskWriteBytes === null ? null : after.diskWriteBytes - before.diskWriteBytes,
  };
}
