/**
 * Exact medians and percentiles from a histogram of whole seconds. The database counts a
 * metric's durations per second (with their total, smallest and largest value); the ranks the
 * figures need are located in that histogram, and only a bucket that cannot tell the value at a
 * rank by itself has its values read and ranked. Pure.
 */
import { medianRanks, p90Rank, summaryFromRanks, EMPTY_DURATIONS, type DurationSummary } from './analytics-durations';

/** What is timed: queue to claim, to first reply, to resolution, and each agent's claim to first reply. */
export type DurationMetric = 'waiting' | 'response' | 'resolution' | 'first_response';

/** The key of one histogram: a metric, and the agent for first responses (0 for the others). */
export const histogramKey = (metric: DurationMetric, agentId: number) => `${metric}:${agentId}`;

/** The durations (milliseconds) of one metric that fall in one whole second. */
export interface DurationBucket {
  second: number;
  count: number;
  totalMs: number;
  minMs: number;
  maxMs: number;
}

/** Where a rank lies: its value, when its bucket alone tells it, or the bucket and the rank within it. */
export type RankLocation = { rank: number; valueMs: number } | { rank: number; second: number; rankInBucket: number };

/** The ranks (ascending from 1) a summary of `count` durations needs. */
export function summaryRanks(count: number): number[] {
  return count === 0 ? [] : [...new Set([...medianRanks(count), p90Rank(count)])];
}

/**
 * Locates each rank in the buckets (sorted by second): a bucket of one value, or a rank on its
 * first or last value, gives the value itself (its smallest or largest); any other rank needs
 * the bucket's values.
 */
export function locateRanks(buckets: readonly DurationBucket[], ranks: readonly number[]): RankLocation[] {
  return ranks.map((rank) => {
    let before = 0;
    for (const bucket of buckets) {
      if (rank <= before + bucket.count) {
        const rankInBucket = rank - before;
        if (rankInBucket === 1 || bucket.minMs === bucket.maxMs) return { rank, valueMs: bucket.minMs };
        if (rankInBucket === bucket.count) return { rank, valueMs: bucket.maxMs };
        return { rank, second: bucket.second, rankInBucket };
      }
      before += bucket.count;
    }
    throw new RangeError(`Rank ${rank} is beyond the ${before} durations of the histogram`);
  });
}

/** The seconds whose values the located ranks still need. */
export function bucketsToRead(locations: readonly RankLocation[]): number[] {
  return [...new Set(locations.flatMap((location) => ('second' in location ? [location.second] : [])))];
}

/**
 * The summary of a metric from its histogram and, for the buckets `bucketsToRead` named, their
 * values in ascending order (`valuesIn(second)`).
 */
export function summaryFromHistogram(
  buckets: readonly DurationBucket[],
  locations: readonly RankLocation[],
  valuesIn: (second: number) => readonly number[],
): DurationSummary {
  const count = buckets.reduce((sum, bucket) => sum + bucket.count, 0);
  if (count === 0) return EMPTY_DURATIONS;
  const totalMs = buckets.reduce((sum, bucket) => sum + bucket.totalMs, 0);
  const valueMsAt = (rank: number): number => {
    const location = locations.find((candidate) => candidate.rank === rank);
    if (!location) throw new RangeError(`Rank ${rank} was not located`);
    if ('valueMs' in location) return location.valueMs;
    const value = valuesIn(location.second)[location.rankInBucket - 1];
    if (value === undefined) throw new RangeError(`Second ${location.second} has no value at rank ${location.rankInBucket}`);
    return value;
  };
  return summaryFromRanks(count, totalMs / 1000, (rank) => valueMsAt(rank) / 1000);
}
