/**
 * Duration figures (count, average, median, 90th percentile) from either every value or only the
 * few ranks the median and percentile need: the analytics queries rank the durations in SQL and
 * return just those rows, so the figures stay exact without loading every duration.
 */
import type { DurationStats } from '../contracts/analytics';

/** Raw (unrounded) duration figures; `totalSeconds` over `count` is the average. */
export interface DurationSummary {
  count: number;
  totalSeconds: number;
  medianSeconds: number | null;
  p90Seconds: number | null;
}

export const EMPTY_DURATIONS: DurationSummary = { count: 0, totalSeconds: 0, medianSeconds: null, p90Seconds: null };

/** The value below which `share` of the values lie (nearest rank); null for none. */
export function percentile(values: readonly number[], share: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil(share * sorted.length));
  return sorted[rank - 1];
}

/** The 1-based ranks (ascending) of the two middle values: one rank when `count` is odd. */
export function medianRanks(count: number): [number, number] {
  return [Math.floor((count + 1) / 2), Math.floor(count / 2) + 1];
}

/** The nearest rank of the 90th percentile: ⌈0.9 × count⌉, in integers as SQL computes it. */
export function p90Rank(count: number): number {
  return Math.floor((9 * count + 9) / 10);
}

/**
 * The figures of `count` durations from their total and the values at the ranks of
 * `medianRanks` and `p90Rank` (`valueAt(rank)`, ranks ascending from 1).
 */
export function summaryFromRanks(count: number, totalSeconds: number, valueAt: (rank: number) => number): DurationSummary {
  if (count === 0) return EMPTY_DURATIONS;
  const [lower, upper] = medianRanks(count);
  return { count, totalSeconds, medianSeconds: (valueAt(lower) + valueAt(upper)) / 2, p90Seconds: valueAt(p90Rank(count)) };
}

/** The figures of every duration given; negative and non-finite ones are not durations. */
export function summariseDurations(seconds: readonly number[]): DurationSummary {
  const sorted = seconds.filter((value) => Number.isFinite(value) && value >= 0).sort((a, b) => a - b);
  const total = sorted.reduce((sum, value) => sum + value, 0);
  return summaryFromRanks(sorted.length, total, (rank) => sorted[rank - 1]);
}

export const round = (value: number | null, digits = 0): number | null => {
  if (value === null) return null;
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
};

/** The report's rounded figures. */
export function toDurationStats(summary: DurationSummary): DurationStats {
  return {
    count: summary.count,
    averageSeconds: round(summary.count === 0 ? null : summary.totalSeconds / summary.count),
    medianSeconds: round(summary.medianSeconds),
    p90Seconds: round(summary.p90Seconds),
  };
}

export function durationStats(seconds: readonly number[]): DurationStats {
  return toDurationStats(summariseDurations(seconds));
}
