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
  summaryFromRanks,
  type DurationSummary,
} from '../domain/analytics';
import { analyticsQueries, type DurationMetric, type RankedDurationRow } from './analytics-queries';
import { getService } from '../utils/get-service';

/** Each metric's (and agent's) ranked durations, summarised in seconds. */
function summariesOf(rows: readonly RankedDurationRow[]): Map<string, DurationSummary> {
  const byKey = new Map<string, RankedDurationRow[]>();
  for (const row of rows) {
    const key = `${row.metric}:${row.agentId}`;
    byKey.set(key, [...(byKey.get(key) ?? []), row]);
  }
  return new Map(
    [...byKey].map(([key, ranked]) => {
      const valueAt = (rank: number) => ranked.find((row) => row.rank === rank)!.valueMs / 1000;
      return [key, summaryFromRanks(ranked[0].count, ranked[0].totalMs / 1000, valueAt)];
    }),
  );
}

/**
 * The analytics of conversations started in a range of days (the opening hours' time zone),
 * aggregated by the database (analytics-queries): the work grows with the number of days and
 * agents, not with the number of conversations held in memory.
 */
const analyticsService = ({ strapi }: { strapi: Core.Strapi }) => ({
  async report(query: AnalyticsQuery): Promise<AnalyticsReport> {
    const { timeZone } = await getService('openingHours', { strapi }).get();
    const { start, end } = rangeInstants(query.from, query.to, timeZone);
    const queries = analyticsQueries(strapi);
    const [groups, escalationDays, durations, offlineMessages] = await Promise.all([
      queries.groups(start, end),
      queries.escalationsPerDay(start, end, dayRuns(query.from, query.to, timeZone)),
      queries.rankedDurations(start, end),
      strapi.db.query(UID.offlineMessage).count({ where: { createdAt: { $gte: start, $lt: end } } }),
    ]);
    const days = daysOf(query.from, query.to);
    const summaries = summariesOf(durations);
    const summary = (metric: DurationMetric, agentId = 0) => summaries.get(`${metric}:${agentId}`) ?? EMPTY_DURATIONS;
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
