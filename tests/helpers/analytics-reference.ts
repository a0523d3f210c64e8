import type { Core } from '@strapi/strapi';

import { UID } from '../../server/src/constants';
import type { AnalyticsQuery, AnalyticsReport } from '../../server/src/contracts/analytics';
import { buildReport, rangeInstants, type ConversationFacts } from '../../server/src/domain/analytics';
import type { ConversationStatus, EscalationTrigger } from '../../server/src/domain/conversation-status';
import { toDate } from '../../server/src/utils/dates';

const FACT_COLUMNS = ['status', 'createdAt', 'escalationTrigger', 'queuedAt', 'offlineAt', 'claimedAt', 'firstAgentReplyAt', 'resolvedAt', 'abandonedAt', 'csatScore', 'assignedAgentId'];

/**
 * The analytics report computed the way it was before SQL aggregation: every conversation and
 * claim event of the range read through the query engine, the figures computed in JavaScript
 * (`buildReport`). The reference the SQL report must equal (tests), and the baseline it is
 * timed against (bench/analytics-scale.ts).
 */
export async function inMemoryReport(strapi: Core.Strapi, query: AnalyticsQuery, timeZone: string): Promise<AnalyticsReport> {
  const { start, end } = rangeInstants(query.from, query.to, timeZone);
  const inRange = { $gte: start, $lt: end };
  const [rows, claimEvents, offlineMessages] = await Promise.all([
    strapi.db.query(UID.conversation).findMany({ where: { createdAt: inRange }, select: FACT_COLUMNS }) as Promise<Array<Record<string, unknown>>>,
    strapi.db.query(UID.conversationEvent).findMany({ where: { kind: 'claimed', occurredAt: inRange }, select: ['actorId', 'data'] }) as Promise<
      Array<{ actorId: number | null; data: { waitSeconds?: unknown } | null }>
    >,
    strapi.db.query(UID.offlineMessage).count({ where: { createdAt: inRange } }),
  ]);
  const conversations: ConversationFacts[] = rows.map((row) => ({
    status: row.status as ConversationStatus,
    createdAt: toDate(row.createdAt) ?? start,
    escalationTrigger: (row.escalationTrigger as EscalationTrigger | null) ?? null,
    queuedAt: toDate(row.queuedAt),
    offlineAt: toDate(row.offlineAt),
    claimedAt: toDate(row.claimedAt),
    firstAgentReplyAt: toDate(row.firstAgentReplyAt),
    resolvedAt: toDate(row.resolvedAt),
    abandonedAt: toDate(row.abandonedAt),
    csatScore: (row.csatScore as number | null) ?? null,
    assignedAgentId: (row.assignedAgentId as number | null) ?? null,
  }));
  const agents = strapi.plugin('live-support').service('agents') as { displayNames(ids: Iterable<number | null>): Promise<Map<number, string>> };
  return buildReport({
    ...query,
    timeZone,
    conversations,
    claims: claimEvents.flatMap((event) =>
      event.actorId === null ? [] : [{ agentId: event.actorId, waitSeconds: typeof event.data?.waitSeconds === 'number' ? event.data.waitSeconds : null }],
    ),
    offlineMessages,
    agentNames: await agents.displayNames(conversations.map((conversation) => conversation.assignedAgentId)),
  });
}

const MINUTE = 60_000;

/**
 * A few conversations around the night the clocks go back in Helsinki (25 October 2026, a day
 * of 25 hours), written with knex as Strapi writes them, so the SQL's day mapping and ranked
 * durations meet edge cases: a hand-over just after local midnight, one the day after the
 * range, one started before it, medians of an even count.
 */
export const HISTORY_RANGE = { from: '2026-10-24', to: '2026-10-26' } as const;

const at = (iso: string, plusMinutes = 0) => new Date(Date.parse(iso) + plusMinutes * MINUTE);

/** A conversation row as Strapi writes it, created at `createdAt` (ISO), with the bot unless `fields` say otherwise. */
export function historyConversation(createdAt: string, fields: Record<string, unknown>): Record<string, unknown> {
  return {
    document_id: `history-${createdAt}`,
    status: 'bot',
    priority: 0,
    is_vip: false,
    language: 'en',
    identity_verified: false,
    last_message_seq: 0,
    consecutive_bot_failures: 0,
    created_at: at(createdAt),
    updated_at: at(createdAt),
    ...fields,
  };
}

/** A conversation handed over a minute after it started, claimed and answered after the given minutes, resolved after 20. */
export function servedConversation(createdAt: string, agentId: number, waitMinutes: number, replyMinutes: number, extra: Record<string, unknown> = {}) {
  return historyConversation(createdAt, {
    status: 'resolved',
    escalation_trigger: 'phrase',
    assigned_agent_id: agentId,
    queued_at: at(createdAt, 1),
    claimed_at: at(createdAt, 1 + waitMinutes),
    first_agent_reply_at: at(createdAt, 1 + replyMinutes),
    resolved_at: at(createdAt, 20),
    ...extra,
  });
}

/** Inserts the rows with knex, each claimed one with its `claimed` event; answers their ids in order. */
export async function insertHistory(strapi: Core.Strapi, rows: ReadonlyArray<Record<string, unknown>>): Promise<number[]> {
  const conversationTable = strapi.db.metadata.get(UID.conversation).tableName;
  const eventTable = strapi.db.metadata.get(UID.conversationEvent).tableName;
  const ids: number[] = [];
  for (const row of rows) {
    const [inserted] = (await strapi.db.connection(conversationTable).insert(row, ['id'])) as Array<{ id: number } | number>;
    const id = typeof inserted === 'number' ? inserted : inserted.id;
    ids.push(id);
    if (!(row.claimed_at instanceof Date) || !(row.queued_at instanceof Date)) continue;
    const claimedAt = row.claimed_at;
    const waitSeconds = (claimedAt.getTime() - row.queued_at.getTime()) / 1000;
    await strapi.db.connection(eventTable).insert({
      document_id: `history-claim-${id}`,
      conversation_id: id,
      kind: 'claimed',
      actor_kind: 'agent',
      actor_id: row.assigned_agent_id as number,
      occurred_at: claimedAt,
      data: JSON.stringify({ waitSeconds }),
      created_at: claimedAt,
      updated_at: claimedAt,
    });
  }
  return ids;
}

/** The conversations of the history that have ended, by what each one tests. */
export function closedHistoryRows(agentIds: readonly [number, number]) {
  const [first, second] = agentIds;
  return {
    // 00:30 on the 24th in Helsinki (UTC+3).
    servedEarly: servedConversation('2026-10-23T21:30:00Z', first, 2, 3, { csat_score: 5 }),
    // 23:30 on the 25th (UTC+2 since 04:00), handed over 23:31.
    servedLate: servedConversation('2026-10-25T21:30:00Z', first, 1, 5, { csat_score: 2 }),
    // Started 23:50 on the 25th, queued 00:10 on the 26th, left.
    abandoned: historyConversation('2026-10-25T21:50:00Z', { status: 'abandoned', escalation_trigger: 'button', queued_at: at('2026-10-25T22:10:00Z'), abandoned_at: at('2026-10-25T22:20:00Z') }),
    // Started 23:59 on the 24th (UTC+3), offline at 00:01 on the 25th.
    offline: historyConversation('2026-10-24T20:59:00Z', { status: 'offline', escalation_trigger: 'keyword', offline_at: at('2026-10-24T21:01:00Z') }),
    // Ended with the bot.
    botOnly: historyConversation('2026-10-24T12:00:00Z', { status: 'ended', ended_at: at('2026-10-24T12:05:00Z') }),
    // Before the range (23:00 on the 23rd in Helsinki).
    beforeRange: servedConversation('2026-10-23T20:00:00Z', second, 1, 2, { csat_score: 1 }),
  };
}

export async function seedAnalyticsHistory(strapi: Core.Strapi, agentIds: readonly [number, number]): Promise<void> {
  const closed = closedHistoryRows(agentIds);
  await insertHistory(strapi, [
    closed.servedEarly,
    closed.servedLate,
    // Still open, with agent two.
    servedConversation('2026-10-25T10:00:00Z', agentIds[1], 0.5, 2, { status: 'active', resolved_at: null }),
    closed.abandoned,
    closed.offline,
    // Started on the last day, handed over after the range ended: a hand-over, on no day of the range.
    // Its customer was seen just now: with no sign of them, the app's queue job would take them
    // for gone and abandon the conversation at its next tick (every 5 s), changing the range's
    // figures while a test reads them; this way it waits `queue.abandonAfterSeconds` (90 s).
    historyConversation('2026-10-26T21:30:00Z', {
      status: 'queued',
      escalation_trigger: 'api',
      queued_at: at('2026-10-26T22:30:00Z'),
      customer_seen_at: new Date(),
    }),
    closed.botOnly,
    closed.beforeRange,
  ]);
}

/** The figures of `seedAnalyticsHistory`, worked out by hand. */
export function expectHistoryFigures(report: AnalyticsReport): void {
  expect(report.totals).toEqual({
    conversations: 7,
    escalations: 6,
    botOnly: 1,
    resolved: 2,
    abandoned: 1,
    abandonedShare: 0.2,
    offlineMessages: 0,
    ended: 5,
    botContained: 1,
    botContainmentRate: 0.2,
  });
  expect(report.escalationsPerDay.map((day) => [day.date, day.total, day.byTrigger.phrase, day.byTrigger.button, day.byTrigger.keyword])).toEqual([
    ['2026-10-24', 1, 1, 0, 0],
    ['2026-10-25', 3, 2, 0, 1],
    ['2026-10-26', 1, 0, 1, 0],
  ]);
  expect(report.waitingTime).toEqual({ count: 3, averageSeconds: 70, medianSeconds: 60, p90Seconds: 120 });
  expect(report.responseTime).toEqual({ count: 3, averageSeconds: 200, medianSeconds: 180, p90Seconds: 300 });
  expect(report.resolutionTime).toEqual({ count: 2, averageSeconds: 1140, medianSeconds: 1140, p90Seconds: 1140 });
  expect(report.satisfaction).toEqual({ averageScore: 3.5, responseRate: 1, ratings: 2, distribution: [0, 1, 0, 0, 1] });
  expect(report.agents.map((agent) => [agent.conversations, agent.resolved, agent.firstResponse, agent.averageScore])).toEqual([
    [2, 2, { count: 2, averageSeconds: 150, medianSeconds: 150, p90Seconds: 240 }, 3.5],
    [1, 0, { count: 1, averageSeconds: 90, medianSeconds: 90, p90Seconds: 90 }, null],
  ]);
}
