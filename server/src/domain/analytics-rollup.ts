/**
 * The per-day rollup of the analytics: what one past day of one time zone adds to a report, kept
 * once none of that day's figures can change, and how the report merges those days with the
 * figures the database still aggregates live (today, and days with conversations still open).
 * Pure: days, time zones and instants are arguments.
 */
import { addDays, toLocalTime } from './opening-hours';
import { rangeInstants } from './analytics-days';
import { histogramKey, type DurationBucket, type DurationMetric } from './analytics-histogram';
import type { ConversationGroup, EscalationCount } from './analytics';

/** A half-open interval of instants, [start, end). */
export interface Span {
  start: Date;
  end: Date;
}

/** One bucket of one metric's (and agent's) histogram, as the database returns it. */
export interface KeyedBucket extends DurationBucket {
  metric: DurationMetric;
  agentId: number;
}

/**
 * What one day adds to any report that includes it: the conversations created that day (counted
 * by group, their hand-overs by the day they happened on, their durations) and the claims made
 * that day. Stored as JSON; each histogram is flat, five small numbers per bucket so that a year
 * of days stays quick to parse: the second as a step from the previous bucket's, the count, and
 * the total, smallest and largest value as milliseconds past the start of the bucket's second
 * (`packHistograms`).
 */
export interface DayFigures {
  groups: ConversationGroup[];
  escalations: EscalationCount[];
  histograms: Record<string, number[]>;
}

/** The aggregates of a report's range: its rolled-up days and its live part added together. */
export interface MergedFigures {
  groups: ConversationGroup[];
  escalations: EscalationCount[];
  /** By `histogramKey`, buckets in ascending seconds. */
  histograms: Map<string, KeyedBucket[]>;
}

const BUCKET_WIDTH = 5;

/** The histograms in the form `DayFigures` keeps them. */
export function packHistograms(buckets: readonly KeyedBucket[]): Record<string, number[]> {
  const byKey = new Map<string, KeyedBucket[]>();
  for (const bucket of buckets) {
    const key = histogramKey(bucket.metric, bucket.agentId);
    const known = byKey.get(key);
    if (known) known.push(bucket);
    else byKey.set(key, [bucket]);
  }
  const packed: Record<string, number[]> = {};
  for (const [key, keyed] of byKey) {
    const flat: number[] = [];
    let previous = 0;
    for (const bucket of [...keyed].sort((a, b) => a.second - b.second)) {
      const startMs = bucket.second * 1000;
      flat.push(bucket.second - previous, bucket.count, bucket.totalMs - startMs * bucket.count, bucket.minMs - startMs, bucket.maxMs - startMs);
      previous = bucket.second;
    }
    packed[key] = flat;
  }
  return packed;
}

const groupKey = (group: ConversationGroup) =>
  `${group.status}|${group.assignedAgentId}|${group.csatScore}|${Number(group.queued)}|${Number(group.escalated)}`;

function parseKey(key: string): { metric: DurationMetric; agentId: number } {
  const separator = key.lastIndexOf(':');
  return { metric: key.slice(0, separator) as DurationMetric, agentId: Number(key.slice(separator + 1)) };
}

/** One histogram being added up, by second; buckets are changed in place, not copied per day. */
class HistogramSum {
  private readonly buckets = new Map<number, KeyedBucket>();

  constructor(
    private readonly metric: DurationMetric,
    private readonly agentId: number,
  ) {}

  add(second: number, count: number, totalMs: number, minMs: number, maxMs: number): void {
    const known = this.buckets.get(second);
    if (!known) {
      this.buckets.set(second, { metric: this.metric, agentId: this.agentId, second, count, totalMs, minMs, maxMs });
      return;
    }
    known.count += count;
    known.totalMs += totalMs;
    if (minMs < known.minMs) known.minMs = minMs;
    if (maxMs > known.maxMs) known.maxMs = maxMs;
  }

  addPacked(flat: readonly number[]): void {
    let second = 0;
    for (let at = 0; at < flat.length; at += BUCKET_WIDTH) {
      second += flat[at];
      const count = flat[at + 1];
      const startMs = second * 1000;
      this.add(second, count, flat[at + 2] + startMs * count, flat[at + 3] + startMs, flat[at + 4] + startMs);
    }
  }

  sorted(): KeyedBucket[] {
    return [...this.buckets.values()].sort((a, b) => a.second - b.second);
  }
}

/**
 * Adds the rolled-up days and the live aggregates together. Counts add; a second's bucket adds
 * its counts and totals and keeps the smallest and largest value, so the merged histogram is the
 * one the database would have returned for the whole range.
 */
export function mergeFigures(
  days: readonly DayFigures[],
  live: { groups: readonly ConversationGroup[]; escalations: readonly EscalationCount[]; buckets: readonly KeyedBucket[] },
): MergedFigures {
  const groups = new Map<string, ConversationGroup>();
  const escalations = new Map<string, EscalationCount>();
  const histograms = new Map<string, HistogramSum>();
  const addGroup = (group: ConversationGroup) => {
    const key = groupKey(group);
    const known = groups.get(key);
    if (known) known.count += group.count;
    else groups.set(key, { ...group });
  };
  const addEscalation = (escalation: EscalationCount) => {
    const key = `${escalation.date}|${escalation.trigger}`;
    const known = escalations.get(key);
    if (known) known.count += escalation.count;
    else escalations.set(key, { ...escalation });
  };
  const histogramOf = (key: string) => {
    let histogram = histograms.get(key);
    if (!histogram) {
      const { metric, agentId } = parseKey(key);
      histograms.set(key, (histogram = new HistogramSum(metric, agentId)));
    }
    return histogram;
  };

  for (const day of days) {
    day.groups.forEach(addGroup);
    day.escalations.forEach(addEscalation);
    for (const [key, flat] of Object.entries(day.histograms)) histogramOf(key).addPacked(flat);
  }
  live.groups.forEach(addGroup);
  live.escalations.forEach(addEscalation);
  for (const bucket of live.buckets) {
    histogramOf(histogramKey(bucket.metric, bucket.agentId)).add(bucket.second, bucket.count, bucket.totalMs, bucket.minMs, bucket.maxMs);
  }

  return {
    groups: [...groups.values()],
    escalations: [...escalations.values()],
    histograms: new Map([...histograms].map(([key, histogram]) => [key, histogram.sorted()])),
  };
}

/**
 * The instants of the range's days that are not rolled up, as few spans as possible (adjacent
 * days joined): the part of the range the database still aggregates live.
 */
export function liveSpans(days: readonly string[], rolledUp: ReadonlySet<string>, timeZone: string): Span[] {
  const spans: Span[] = [];
  let runStart: string | null = null;
  const close = (lastDay: string) => {
    if (runStart === null) return;
    spans.push({ start: rangeInstants(runStart, lastDay, timeZone).start, end: rangeInstants(runStart, lastDay, timeZone).end });
    runStart = null;
  };
  days.forEach((day, index) => {
    if (rolledUp.has(day)) close(days[index - 1]);
    else runStart ??= day;
  });
  if (days.length > 0) close(days[days.length - 1]);
  return spans;
}

/** The last day that ended at least `settleMs` before `now`: the day holding `now − settleMs` has not. */
export function lastClosedDay(now: Date, settleMs: number, timeZone: string): string {
  return addDays(toLocalTime(new Date(now.getTime() - settleMs), timeZone).date, -1);
}

/**
 * The days that may be rolled up now, oldest first: from the day of the first recorded
 * conversation or claim to the last day that ended `settleMs` before `now` (so that a node
 * whose clock runs a little behind cannot still write into it), less those already rolled up.
 * Whether every conversation of a day has ended is for the database to say.
 */
export function daysToRollUp(input: {
  firstDay: string | null;
  timeZone: string;
  now: Date;
  settleMs: number;
  rolledUp: ReadonlySet<string>;
  limit: number;
}): string[] {
  const { firstDay, timeZone, now, settleMs, rolledUp, limit } = input;
  if (firstDay === null) return [];
  const lastDay = lastClosedDay(now, settleMs, timeZone);
  const days: string[] = [];
  for (let day = firstDay; day <= lastDay && days.length < limit; day = addDays(day, 1)) {
    if (!rolledUp.has(day)) days.push(day);
  }
  return days;
}

/** The first day of the month holding `day`. */
export const monthOf = (day: string) => `${day.slice(0, 7)}-01`;

/** The last day of the month starting on `month`. */
export function lastDayOfMonth(month: string): string {
  const [year, monthNumber] = month.split('-').map(Number);
  return new Date(Date.UTC(year, monthNumber, 0)).toISOString().slice(0, 10);
}

/**
 * The months that may be rolled up from their days, oldest first: from the month of `firstDay`
 * to the last month whose last day is `lastClosedDay` or earlier, less those already rolled up.
 */
export function monthsToRollUp(firstDay: string | null, lastClosedDay: string, rolledUp: ReadonlySet<string>, limit: number): string[] {
  if (firstDay === null) return [];
  const months: string[] = [];
  for (let month = monthOf(firstDay); lastDayOfMonth(month) <= lastClosedDay && months.length < limit; month = addDays(lastDayOfMonth(month), 1)) {
    if (!rolledUp.has(month)) months.push(month);
  }
  return months;
}

/** The whole months inside `from`..`to`, by their first day. */
export function wholeMonthsIn(from: string, to: string): string[] {
  const months: string[] = [];
  for (let month = monthOf(from) === from ? from : addDays(lastDayOfMonth(from), 1); lastDayOfMonth(month) <= to; month = addDays(lastDayOfMonth(month), 1)) {
    months.push(month);
  }
  return months;
}

/** The days of `from`..`to` outside the given days, as runs of adjacent days (first and last). */
export function dayRunsOutside(days: readonly string[], covered: ReadonlySet<string>): Array<{ first: string; last: string }> {
  const runs: Array<{ first: string; last: string }> = [];
  days.forEach((day, index) => {
    if (covered.has(day)) return;
    const last = runs.at(-1);
    if (last && last.last === days[index - 1] && !covered.has(days[index - 1])) last.last = day;
    else runs.push({ first: day, last: day });
  });
  return runs;
}

/** The figures of several periods as one (a month from its days). */
export function combineFigures(periods: readonly DayFigures[]): DayFigures {
  const merged = mergeFigures(periods, { groups: [], escalations: [], buckets: [] });
  return { groups: merged.groups, escalations: merged.escalations, histograms: packHistograms([...merged.histograms.values()].flat()) };
}
