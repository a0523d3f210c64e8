/**
 * The per-day rollup of the analytics: what one past day of one time zone adds to a report, kept
 * once none of that day's figures can change, and how the report merges those days with the
 * figures the database still aggregates live (today, and days with conversations still open).
 * Pure: days, time zones and instants are arguments.
 */
import { addDays } from './opening-hours';
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
 * that day. Stored as JSON; each histogram is flat, five numbers per bucket
 * (second, count, totalMs, minMs, maxMs), which keeps a year of days small and quick to parse.
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

export function packHistograms(buckets: readonly KeyedBucket[]): Record<string, number[]> {
  const packed: Record<string, number[]> = {};
  for (const bucket of buckets) {
    const key = histogramKey(bucket.metric, bucket.agentId);
    (packed[key] ??= []).push(bucket.second, bucket.count, bucket.totalMs, bucket.minMs, bucket.maxMs);
  }
  return packed;
}

const groupKey = (group: ConversationGroup) =>
  `${group.status}|${group.assignedAgentId}|${group.csatScore}|${Number(group.queued)}|${Number(group.escalated)}`;

function parseKey(key: string): { metric: DurationMetric; agentId: number } {
  const separator = key.lastIndexOf(':');
  return { metric: key.slice(0, separator) as DurationMetric, agentId: Number(key.slice(separator + 1)) };
}

/**
 * Adds the rolled-up days and the live aggregates together. Counts add; a second's bucket adds
 * its counts and totals and keeps the smallest and largest value, so the merged histogram is the
 * one the database would have returned for the whole range.
 */
export function mergeFigures(days: readonly DayFigures[], live: { groups: readonly ConversationGroup[]; escalations: readonly EscalationCount[]; buckets: readonly KeyedBucket[] }): MergedFigures {
  const groups = new Map<string, ConversationGroup>();
  const escalations = new Map<string, EscalationCount>();
  const histograms = new Map<string, Map<number, KeyedBucket>>();
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
    if (!histogram) histograms.set(key, (histogram = new Map()));
    return histogram;
  };
  const addBucket = (histogram: Map<number, KeyedBucket>, bucket: KeyedBucket) => {
    const known = histogram.get(bucket.second);
    if (!known) {
      histogram.set(bucket.second, { ...bucket });
      return;
    }
    known.count += bucket.count;
    known.totalMs += bucket.totalMs;
    if (bucket.minMs < known.minMs) known.minMs = bucket.minMs;
    if (bucket.maxMs > known.maxMs) known.maxMs = bucket.maxMs;
  };

  for (const day of days) {
    day.groups.forEach(addGroup);
    day.escalations.forEach(addEscalation);
    for (const [key, flat] of Object.entries(day.histograms)) {
      const { metric, agentId } = parseKey(key);
      const histogram = histogramOf(key);
      for (let at = 0; at < flat.length; at += BUCKET_WIDTH) {
        addBucket(histogram, { metric, agentId, second: flat[at], count: flat[at + 1], totalMs: flat[at + 2], minMs: flat[at + 3], maxMs: flat[at + 4] });
      }
    }
  }
  live.groups.forEach(addGroup);
  live.escalations.forEach(addEscalation);
  for (const bucket of live.buckets) addBucket(histogramOf(histogramKey(bucket.metric, bucket.agentId)), bucket);

  return {
    groups: [...groups.values()],
    escalations: [...escalations.values()],
    histograms: new Map([...histograms].map(([key, histogram]) => [key, [...histogram.values()].sort((a, b) => a.second - b.second)])),
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
  const days: string[] = [];
  for (let day = firstDay; days.length < limit; day = addDays(day, 1)) {
    if (rangeInstants(day, day, timeZone).end.getTime() > now.getTime() - settleMs) break;
    if (!rolledUp.has(day)) days.push(day);
  }
  return days;
}
