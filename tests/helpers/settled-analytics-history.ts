import type { Core } from '@strapi/strapi';

import type { AnalyticsReport } from '../../server/src/contracts/analytics';
import { closedHistoryRows, historyConversation, insertHistory, servedConversation } from './analytics-reference';

const MINUTE = 60_000;
const at = (iso: string, plusMinutes = 0) => new Date(Date.parse(iso) + plusMinutes * MINUTE);

/**
 * The history of `seedAnalyticsHistory` (the night the clocks go back in Helsinki, reported as
 * `HISTORY_RANGE`) for a file whose app runs its queue and idle jobs: the conversations still
 * open are created a few minutes before `now` instead of in the range. A job may close them
 * at any tick; that changes today, never a day of the range, so every day of the range can be
 * rolled up and its figures are fixed from the moment they are written.
 */
export async function seedSettledAnalyticsHistory(strapi: Core.Strapi, agentIds: readonly [number, number], now: Date): Promise<void> {
  const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * MINUTE).toISOString();
  const openedToday = minutesAgo(10);
  const queuedToday = minutesAgo(5);
  await insertHistory(strapi, [
    ...Object.values(closedHistoryRows(agentIds)),
    // Still open, today: with agent two, and one waiting in the queue.
    servedConversation(openedToday, agentIds[1], 0.5, 2, { status: 'active', resolved_at: null }),
    historyConversation(queuedToday, { status: 'queued', escalation_trigger: 'api', queued_at: at(queuedToday, 1) }),
  ]);
}

/** The figures of `seedSettledAnalyticsHistory` over `HISTORY_RANGE`, worked out by hand. */
export function expectSettledHistoryFigures(report: AnalyticsReport): void {
  expect(report.totals).toEqual({
    conversations: 5,
    escalations: 4,
    botOnly: 1,
    resolved: 2,
    abandoned: 1,
    // One left of the three that were queued (the offline one never was).
    abandonedShare: 0.3333,
    offlineMessages: 0,
    ended: 5,
    botContained: 1,
    botContainmentRate: 0.2,
  });
  expect(report.escalationsPerDay.map((day) => [day.date, day.total, day.byTrigger.phrase, day.byTrigger.button, day.byTrigger.keyword])).toEqual([
    ['2026-10-24', 1, 1, 0, 0],
    ['2026-10-25', 2, 1, 0, 1],
    ['2026-10-26', 1, 0, 1, 0],
  ]);
  // Waits of 120 s and 60 s, replies 180 s and 300 s after the hand-over: an even count's median is the middle pair's mean.
  expect(report.waitingTime).toEqual({ count: 2, averageSeconds: 90, medianSeconds: 90, p90Seconds: 120 });
  expect(report.responseTime).toEqual({ count: 2, averageSeconds: 240, medianSeconds: 240, p90Seconds: 300 });
  expect(report.resolutionTime).toEqual({ count: 2, averageSeconds: 1140, medianSeconds: 1140, p90Seconds: 1140 });
  expect(report.satisfaction).toEqual({ averageScore: 3.5, responseRate: 1, ratings: 2, distribution: [0, 1, 0, 0, 1] });
  // Agent two's only conversation in the range is today's open one.
  expect(report.agents.map((agent) => [agent.conversations, agent.resolved, agent.firstResponse, agent.averageScore])).toEqual([
    [2, 2, { count: 2, averageSeconds: 150, medianSeconds: 150, p90Seconds: 240 }, 3.5],
  ]);
}
