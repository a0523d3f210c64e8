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
import { bucketsToRead, locateRanks, summaryFromHistogram, summaryRanks } from '../domain/analytics-histogram';
import { analyticsQueries, type AnalyticsQueries, type BucketKey, type DurationMetric } from './analytics-queries';
import { getService } from '../utils/get-service';

const keyOf = (metric: DurationMetric, agentId: number) => `${metric}:${agentId}`;

function groupBy<Item>(items: readonly Item[], keyOfItem: (item: Item) => string): Map<string, Item[]> {
  const groups = new Map<string, Item[]>();
  for (const item of items) {
    const key = keyOfItem(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/**
 * Each metric's (and agent's) durations summarised in seconds: the ranks located in the
 * histograms, then the values of only the buckets where a rank cannot be told from its bucket.
 */
async function durationSummaries(queries: AnalyticsQueries, start: Date, end: Date): Promise<Map<string, DurationSummary>> {
  const histograms = groupBy(await queries.durationHistogram(start, end), (bucket) => keyOf(bucket.metric, bucket.agentId));
  const located = [...histograms.values()].map((buckets) => {
    buckets.sort((a, b) => a.second - b.second);
    const count = buckets.reduce((sum, bucket) => sum + bucket.count, 0);
    return { buckets, locations: locateRanks(buckets, summaryRanks(count)) };
  });
  const toRead: BucketKey[] = located.flatMap(({ buckets: [{ metric, agentId }], locations }) =>
    bucketsToRead(locations).map((second) => ({ metric, agentId, second })),
  );
  const values = groupBy(await queries.bucketValues(start, end, toRead), (row) => `${keyOf(row.metric, row.agentId)}:${row.second}`);
  return new Map(
    located.map(({ buckets, locations }) => {
      const key = keyOf(buckets[0].metric, buckets[0].agentId);
      return [key, summaryFromHistogram(buckets, locations, (second) => (values.get(`${key}:${second}`) ?? []).map((row) => row.valueMs))];
    }),
  );
}

/**
 * The analytics of conversations started in a range of days (the opening hours' time zone),
 * aggregated by the database (analytics-queries): what is held in memory grows with the number
 * of days, agents and distinct seconds of the durations, not with the number of conversations.
 */
const analyticsService = ({ strapi }: { strapi: Core.Strapi }) => ({
  async report(query: AnalyticsQuery): Promise<AnalyticsReport> {
    const { timeZone } = await getService('openingHours', { strapi }).get();
    const { start, end } = rangeInstants(query.from, query.to, timeZone);
    const queries = analyticsQueries(strapi);
    const [groups, escalationDays, summaries, offlineMessages] = await Promise.all([
      queries.groups(start, end),
      queries.escalationsPerDay(start, end, dayRuns(query.from, query.to, timeZone)),
      durationSummaries(queries, start, end),
      strapi.db.query(UID.offlineMessage).count({ where: { createdAt: { $gte: start, $lt: end } } }),
    ]);
    const days = daysOf(query.from, query.to);
    const summary = (metric: DurationMetric, agentId = 0) => summaries.get(keyOf(metric, agentId)) ?? EMPTY_DURATIONS;
    const agentIds = [...new Set(groups.flatMap((group) => (group.assignedAgentId ? [group.assignedAgentId] : [])))];
    return reportFromAggregates({
      from: query.from,
      to: query.to,
      timeZone,
      offlineMessages,
      agentNames: await getService('agents', { strapi }).displayNames(agentIds),
      groups,
      escalations: escalationDays.flatMap((row) => (days[row.day] ? [{ date: days[row.day], trigger: row.trigger, count: row.count }] : [])),
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
