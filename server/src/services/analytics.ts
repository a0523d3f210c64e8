import type { Core } from '@strapi/strapi';

import { UID } from '../constants';
import type { AnalyticsQuery, AnalyticsReport } from '../contracts/analytics';
import { buildReport, rangeInstants, reportToCsv, type ConversationFacts } from '../domain/analytics';
import type { ConversationStatus, EscalationTrigger } from '../domain/conversation-status';
import { toDate } from '../utils/dates';
import { getService } from '../utils/get-service';

const FACT_COLUMNS = [
  'status',
  'createdAt',
  'escalationTrigger',
  'queuedAt',
  'offlineAt',
  'claimedAt',
  'firstAgentReplyAt',
  'resolvedAt',
  'abandonedAt',
  'csatScore',
  'assignedAgentId',
];

/** The analytics of conversations started in a range of days (the opening hours' time zone). */
const analyticsService = ({ strapi }: { strapi: Core.Strapi }) => ({
  async report(query: AnalyticsQuery): Promise<AnalyticsReport> {
    const { timeZone } = await getService('openingHours', { strapi }).get();
    const { start, end } = rangeInstants(query.from, query.to, timeZone);
    const inRange = { $gte: start, $lt: end };
    const [rows, claimEvents, offlineMessages] = await Promise.all([
      strapi.db.query(UID.conversation).findMany({ where: { createdAt: inRange }, select: FACT_COLUMNS }) as Promise<
        Array<Record<string, unknown>>
      >,
      strapi.db.query(UID.conversationEvent).findMany({
        where: { kind: 'claimed', occurredAt: inRange },
        select: ['actorId', 'data'],
      }) as Promise<Array<{ actorId: number | null; data: { waitSeconds?: unknown } | null }>>,
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
    const agentNames = await getService('agents', { strapi }).displayNames(
      conversations.map((conversation) => conversation.assignedAgentId),
    );
    return buildReport({
      from: query.from,
      to: query.to,
      timeZone,
      conversations,
      claims: claimEvents.flatMap((event) =>
        event.actorId === null
          ? []
          : [{ agentId: event.actorId, waitSeconds: typeof event.data?.waitSeconds === 'number' ? event.data.waitSeconds : null }],
      ),
      offlineMessages,
      agentNames,
    });
  },

  async csv(query: AnalyticsQuery): Promise<string> {
    return reportToCsv(await this.report(query));
  },
});

export default analyticsService;
