/**
 * The arithmetic of running periodic jobs on several nodes at once. Every node's cron fires the
 * same tick (the scheduled time, not the moment the timer woke up); a node runs that tick only
 * if it wins the job's lease row for it. Pure: the tick time and the current time are passed in.
 */

/** The part of a job's lease row that decides who may run a tick. */
export interface JobLease {
  /** The latest tick some node started. */
  lastTickAt: Date | null;
  /** While in the future, some node is running a tick; after it, that node is presumed dead. */
  leaseUntil: Date | null;
}

/** Why a node does not run a tick. */
export type TickRefusal = 'already-run' | 'leased';

/**
 * Whether a node may take the tick `tickAt` at `now`. A tick runs once: never again once it (or
 * a later one) has started anywhere. A tick that finds another one still running on a live
 * node waits for the next tick; a lease that has run out belonged to a node that died
 * mid-run, and is taken over.
 */
export function tickRefusal(lease: JobLease, tickAt: Date, now: Date): TickRefusal | null {
  if (lease.lastTickAt && lease.lastTickAt.getTime() >= tickAt.getTime()) return 'already-run';
  if (lease.leaseUntil && lease.leaseUntil.getTime() > now.getTime()) return 'leased';
  return null;
}

/** Until when a node that starts a tick at `now` holds the job. */
export function leaseExpiry(now: Date, leaseMs: number): Date {
  return new Date(now.getTime() + leaseMs);
}

/**
 * A cron expression (seconds field first) that fires about every `intervalMs`: every N seconds
 * below a minute, every N minutes below an hour, every N hours beyond. Used to keep the older
 * interval settings meaningful.
 */
export function cronEvery(intervalMs: number): string {
  const seconds = Math.max(1, Math.round(intervalMs / 1000));
  if (seconds < 60) return seconds === 1 ? '* * * * * *' : `*/${seconds} * * * * *`;
  const minutes = Math.max(1, Math.round(seconds / 60));
  if (minutes < 60) return minutes === 1 ? '0 * * * * *' : `0 */${minutes} * * * *`;
  const hours = Math.min(24, Math.round(minutes / 60));
  return hours === 1 ? '0 0 * * * *' : `0 0 */${hours} * * *`;
}

/** The longest gap between consecutive times (the period of a regular schedule), in ms. */
export function longestGapMs(times: readonly Date[]): number {
  let longest = 0;
  for (let index = 1; index < times.length; index += 1) {
    longest = Math.max(longest, times[index].getTime() - times[index - 1].getTime());
  }
  return longest;
}

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export const OUTCOME_MAX_CHARS = 1000;
export const ERROR_MAX_CHARS = 500;

/**
 * What a run returned, as stored on the job's row: JSON as it would be sent, cut to a short
 * preview when long, so that a job returning a big list does not bloat the row.
 */
export function outcomeSummary(outcome: unknown): JsonValue {
  if (outcome === undefined) return null;
  let text: string | undefined;
  try {
    text = JSON.stringify(outcome);
  } catch {
    return { unserialisable: true };
  }
  if (text === undefined) return null;
  if (text.length <= OUTCOME_MAX_CHARS) return JSON.parse(text) as JsonValue;
  return { truncated: true, preview: text.slice(0, OUTCOME_MAX_CHARS - 40) };
}

/** One line about a failed run, short enough for the job's row and the settings page. */
export function errorSummary(error: unknown): string {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return message.length <= ERROR_MAX_CHARS ? message : `${message.slice(0, ERROR_MAX_CHARS - 1)}…`;
}
