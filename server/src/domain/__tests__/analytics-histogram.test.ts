import { summariseDurations } from '../analytics-durations';
import { bucketsToRead, locateRanks, summaryFromHistogram, summaryRanks, type DurationBucket } from '../analytics-histogram';

/** The histogram of whole seconds the database would return for these milliseconds. */
function histogramOf(milliseconds: readonly number[]): DurationBucket[] {
  const buckets = new Map<number, DurationBucket>();
  for (const value of milliseconds) {
    const second = Math.floor(value / 1000);
    const bucket = buckets.get(second) ?? { second, count: 0, totalMs: 0, minMs: value, maxMs: value };
    buckets.set(second, {
      second,
      count: bucket.count + 1,
      totalMs: bucket.totalMs + value,
      minMs: Math.min(bucket.minMs, value),
      maxMs: Math.max(bucket.maxMs, value),
    });
  }
  return [...buckets.values()].sort((a, b) => a.second - b.second);
}

/** The summary through the histogram, reading the named buckets' values as the database would. */
function summaryThroughHistogram(milliseconds: readonly number[]) {
  const buckets = histogramOf(milliseconds);
  const count = milliseconds.length;
  const locations = locateRanks(buckets, summaryRanks(count));
  const read: number[] = [];
  const summary = summaryFromHistogram(buckets, locations, (second) => {
    read.push(second);
    return milliseconds.filter((value) => Math.floor(value / 1000) === second).sort((a, b) => a - b);
  });
  return { summary, read, toRead: bucketsToRead(locations) };
}

describe('medians and percentiles from a histogram of whole seconds', () => {
  it('equals the figures of every value sorted, for any spread of values', () => {
    let state = 7;
    const random = () => {
      state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
      return state / 2 ** 32;
    };
    for (let trial = 0; trial < 200; trial += 1) {
      const count = 1 + Math.floor(random() * 60);
      const spreadMs = [1500, 20_000, 600_000][trial % 3];
      const milliseconds = Array.from({ length: count }, () => Math.floor(random() * spreadMs));
      const { summary } = summaryThroughHistogram(milliseconds);
      const expected = summariseDurations(milliseconds.map((value) => value / 1000));
      expect(summary).toEqual({ ...expected, totalSeconds: summary.totalSeconds });
      expect(summary.totalSeconds).toBeCloseTo(expected.totalSeconds, 6);
    }
  });

  it('reads no values when each needed rank is told by its bucket: one value, whole seconds, or a bucket edge', () => {
    expect(summaryThroughHistogram([4000, 9000, 12_000]).toRead).toEqual([]);
    expect(summaryThroughHistogram([60_000, 60_000, 60_000, 120_000]).toRead).toEqual([]);
    // Ranks 1 and 2 (median of two) are the first and last value of second 5.
    expect(summaryThroughHistogram([5100, 5900]).toRead).toEqual([]);
  });

  it('reads only the bucket a rank falls inside of', () => {
    // Five values in second 3: the median (rank 3) is neither its smallest nor its largest.
    const { toRead, summary } = summaryThroughHistogram([3100, 3200, 3300, 3400, 3500]);
    expect(toRead).toEqual([3]);
    expect(summary.medianSeconds).toBe(3.3);
    expect(summary.p90Seconds).toBe(3.5);
  });

  it('needs the two middle ranks and the 90th percentile, once each', () => {
    expect(summaryRanks(0)).toEqual([]);
    expect(summaryRanks(1)).toEqual([1]);
    expect(summaryRanks(4)).toEqual([2, 3, 4]);
    expect(summaryRanks(10)).toEqual([5, 6, 9]);
  });

  it('refuses a rank beyond the histogram', () => {
    expect(() => locateRanks([{ second: 1, count: 2, totalMs: 2500, minMs: 1000, maxMs: 1500 }], [3])).toThrow(RangeError);
  });
});
