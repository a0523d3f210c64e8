import type { Core } from '@strapi/strapi';

import type { AnalyticsReport } from '../../server/src/contracts/analytics';
import { historyConversation, insertHistory, servedConversation } from './analytics-reference';

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
  const [first, second] = agentIds;
  const conversation = historyConversation;
  const served = servedConversation;
  const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * MINUTE).toISOString();
  const openedToday = minutesAgo(10);
  const queuedToday = minutesAgo(5);
  await insertHistory(strapi, [
    // 00:30 on the 24th in Helsinki (UTC+3).
    served('2026-10-23T21:30:00Z', first, 2, 3, { csat_score: 5 }),
    // 23:30 on the 25th (UTC+2 since 04:00), handed over 23:31.
    served('2026-10-25T21:30:00Z', first, 1, 5, { csat_score: 2 }),
    // Started 23:50 on the 25th, queued 00:10 on the 26th, left.
    conversation('2026-10-25T21:50:00Z', { status: 'abandoned', escalation_trigger: 'button', queued_at: at('2026-10-25T22:10:00Z'), abandoned_at: at('2026-10-25T22:20:00Z') }),
    // Started 23:59 on the 24th (UTC+3), offline at 00:01 on the 25th.
    conversation('2026-10-24T20:59:00Z', { status: 'offline', escalation_trigger: 'keyword', offline_at: at('2026-10-24T21:01:00Z') }),
    // Ended with the bot.
    conversation('2026-10-24T12:00:00Z', { status: 'ended', ended_at: at('2026-10-24T12:05:00Z') }),
    // Before the range (23:00 on the 23rd in Helsinki).
    served('2026-10-23T20:00:00Z', second, 1, 2, { csat_score: 1 }),
    // Still open, today: with agent two, and one waiting in the queue.
    served(openedToday, second, 0.5, 2, { status: 'active', resolved_at: null }),
    conversation(queuedToday, { status: 'queued', escalation_trigger: 'api', queued_at: at(queuedToday, 1) }),
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
