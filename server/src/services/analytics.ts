import { Readable } from 'node:stream';

import type { Core } from '@strapi/strapi';

import { UID } from '../constants';
import type { AnalyticsQuery, AnalyticsReport } from '../contracts/analytics';
import {
  csvLines,
  dayRuns,
  daysOf,
  EMPTY_DURATIONS,
  rangeInstants,
  reportFromAggregates,
  type DurationSummary,
} from '../domain/analytics';
import { bucketsToRead, histogramKey, locateRanks, summaryFromHistogram, summaryRanks } from '../domain/analytics-histogram';
import { liveSpans, mergeFigures, type KeyedBucket } from '../domain/analytics-rollup';
import { analyticsQueries, type AnalyticsQueries, type BucketKey, type DurationMetric } from './analytics-queries';
import { getService } from '../utils/get-service';

/**
 * Each metric's (and agent's) durations summarised in seconds: the ranks located in the merged
 * histograms, then the values of only the buckets where a rank cannot be told from its bucket,
 * read for the whole range [start, end).
 */
async function durationSummaries(
  queries: AnalyticsQueries,
  histograms: ReadonlyMap<string, readonly KeyedBucket[]>,
  start: Date,
  end: Date,
): Promise<Map<string, DurationSummary>> {
  const located = [...histograms.values()].map((buckets) => {
    const count = buckets.reduce((sum, bucket) => sum + bucket.count, 0);
    return { buckets, locations: locateRanks(buckets, summaryRanks(count)) };
  });
  const toRead: BucketKey[] = located.flatMap(({ buckets: [{ metric, agentId }], locations }) =>
    bucketsToRead(locations).map((second) => ({ metric, agentId, second })),
  );
  const values = new Map<string, number[]>();
  for (const row of await queries.bucketValues(start, end, toRead)) {
    const key = `${histogramKey(row.metric, row.agentId)}:${row.second}`;
    const known = values.get(key);
    if (known) known.push(row.valueMs);
    else values.set(key, [row.valueMs]);
  }
  return new Map(
    located.map(({ buckets, locations }) => {
      const key = histogramKey(buckets[0].metric, buckets[0].agentId);
      return [key, summaryFromHistogram(buckets, locations, (second) => values.get(`${key}:${second}`) ?? [])];
    }),
  );
}

/**
 * The analytics of conversations started in a range of days (the opening hours' time zone).
 * Days (and whole months) rolled up by the analytics-rollup service are read from their rows; the rest of the
 * range (today, days with conversations still open, days not rolled up yet) is aggregated by
 * the database (analytics-queries), and the two are added together (`mergeFigures`). What is
 * held in memory grows with the number of days, agents and distinct seconds of the durations,
 * not with the number of conversations.
 */
const analyticsService = ({ strapi }: { strapi: Core.Strapi }) => ({
  async report(query: AnalyticsQuery): Promise<AnalyticsReport> {
    const { timeZone } = await getService('openingHours', { strapi }).get();
    const { start, end } = rangeInstants(query.from, query.to, timeZone);
    const days = daysOf(query.from, query.to);
    const rolledUp = await getService('analyticsRollup', { strapi }).rolledUp(query.from, query.to, timeZone);
    const spans = liveSpans(days, rolledUp.days, timeZone);
    const queries = analyticsQueries(strapi);
    const [groups, escalationDays, buckets, offlineMessages] = await Promise.all([
      queries.groups(spans),
      queries.escalationsPerDay(spans, dayRuns(query.from, query.to, timeZone)),
      queries.durationHistogram(spans),
      strapi.db.query(UID.offlineMessage).count({ where: { createdAt: { $gte: start, $lt: end } } }),
    ]);
    const merged = mergeFigures(rolledUp.figures, {
      groups,
      escalations: escalationDays.flatMap((row) => (days[row.day] ? [{ date: days[row.day], trigger: row.trigger, count: row.count }] : [])),
      buckets,
    });
    const summaries = await durationSummaries(queries, merged.histograms, start, end);
    const summary = (metric: DurationMetric, agentId = 0) => summaries.get(histogramKey(metric, agentId)) ?? EMPTY_DURATIONS;
    const agentIds = [...new Set(merged.groups.flatMap((group) => (group.assignedAgentId ? [group.assignedAgentId] : [])))];
    return reportFromAggregates({
      from: query.from,
      to: query.to,
      timeZone,
      offlineMessages,
      agentNames: await getService('agents', { strapi }).displayNames(agentIds),
      groups: merged.groups,
      escalations: merged.escalations,
      waiting: summary('waiting'),
      response: summary('response'),
      resolution: summary('resolution'),
      firstResponseByAgent: new Map(agentIds.map((agentId) => [agentId, summary('first_response', agentId)])),
    });
  },

  /** The report as CSV, a stream of lines written as they are produced. */
  async csv(query: AnalyticsQuery): Promise<Readable> {
    return Readable.from(csvLines(await this.report(query)));
  },
});

export default analyticsService;
