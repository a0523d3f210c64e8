/**
 * The figures site owners read (docs/product.md#analytics). Pure. The analytics service
 * aggregates the conversations started in the range in SQL (`ReportAggregates`) and
 * `reportFromAggregates` turns those counts and duration summaries into the report;
 * `aggregateFacts` is the same aggregation over conversations held in memory, the reference
 * the SQL must agree with.
 */
import type { AgentFigures, AnalyticsReport, DailyEscalations } from '../contracts/analytics';

import { daysOf } from './analytics-days';
import { EMPTY_DURATIONS, round, summariseDurations, toDurationStats, type DurationSummary } from './analytics-durations';
import { ESCALATION_TRIGGERS, isFinalStatus, type ConversationStatus, type EscalationTrigger } from './conversation-status';
import { toLocalTime } from './opening-hours';

export { dayIndexAt, dayRuns, daysOf, rangeInstants, type DayRun } from './analytics-days';
export { durationStats, EMPTY_DURATIONS, percentile, summaryFromRanks, type DurationSummary } from './analytics-durations';
export { csvLines, reportToCsv } from './analytics-csv';

export interface ConversationFacts {
  status: ConversationStatus;
  createdAt: Date;
  escalationTrigger: EscalationTrigger | null;
  /** First entry into the queue (kept across transfers back to it). */
  queuedAt: Date | null;
  offlineAt: Date | null;
  claimedAt: Date | null;
  firstAgentReplyAt: Date | null;
  resolvedAt: Date | null;
  abandonedAt: Date | null;
  csatScore: number | null;
  assignedAgentId: number | null;
}

export interface ClaimFact {
  agentId: number;
  /** Queue to claim, as recorded on the `claimed` event. */
  waitSeconds: number | null;
}

interface ReportContext {
  from: string;
  to: string;
  timeZone: string;
  offlineMessages: number;
  agentNames: ReadonlyMap<number, string>;
}

export interface ReportInput extends ReportContext {
  conversations: readonly ConversationFacts[];
  claims: readonly ClaimFact[];
}

/** How many conversations share everything the report tells apart. */
export interface ConversationGroup {
  status: ConversationStatus;
  assignedAgentId: number | null;
  csatScore: number | null;
  /** Entered the queue. */
  queued: boolean;
  /** Handed over to a person: queued or offline. */
  escalated: boolean;
  count: number;
}

/** Escalations on one local day (the day they were queued or went offline), by trigger. */
export interface EscalationCount {
  date: string;
  trigger: EscalationTrigger | null;
  count: number;
}

export interface ReportAggregates extends ReportContext {
  groups: readonly ConversationGroup[];
  escalations: readonly EscalationCount[];
  /** From entering the queue to an agent's claim (the claims made in the range). */
  waiting: DurationSummary;
  /** From entering the queue to the agent's first reply. */
  response: DurationSummary;
  /** From entering the queue to resolution. */
  resolution: DurationSummary;
  /** From each agent's claim to their first reply, by agent. */
  firstResponseByAgent: ReadonlyMap<number, DurationSummary>;
}

const millisecondsBetween = (start: Date | null, end: Date | null): number[] => (start && end ? [end.getTime() - start.getTime()] : []);

/** Durations are measured in milliseconds, as the SQL does, and reported in seconds. */
const summariseMilliseconds = (milliseconds: number[]): DurationSummary => summariseDurations(milliseconds.map((value) => value / 1000));

/** The aggregation of the SQL queries, over conversations held in memory. */
export function aggregateFacts(input: ReportInput): ReportAggregates {
  const { conversations, timeZone } = input;
  const groups = new Map<string, ConversationGroup>();
  const escalations = new Map<string, EscalationCount>();
  for (const conversation of conversations) {
    const group: ConversationGroup = {
      status: conversation.status,
      assignedAgentId: conversation.assignedAgentId,
      csatScore: conversation.csatScore,
      queued: conversation.queuedAt !== null,
      escalated: conversation.queuedAt !== null || conversation.offlineAt !== null,
      count: 1,
    };
    const groupKey = JSON.stringify({ ...group, count: 0 });
    const known = groups.get(groupKey);
    if (known) known.count += 1;
    else groups.set(groupKey, group);

    const escalatedAt = conversation.queuedAt ?? conversation.offlineAt;
    if (!escalatedAt) continue;
    const date = toLocalTime(escalatedAt, timeZone).date;
    const escalationKey = `${date} ${conversation.escalationTrigger}`;
    const counted = escalations.get(escalationKey);
    if (counted) counted.count += 1;
    else escalations.set(escalationKey, { date, trigger: conversation.escalationTrigger, count: 1 });
  }

  const queued = conversations.filter((conversation) => conversation.queuedAt);
  const agentIds = new Set(conversations.flatMap((conversation) => (conversation.assignedAgentId ? [conversation.assignedAgentId] : [])));
  return {
    ...input,
    groups: [...groups.values()],
    escalations: [...escalations.values()],
    waiting: summariseDurations(input.claims.flatMap((claim) => (claim.waitSeconds === null ? [] : [claim.waitSeconds]))),
    response: summariseMilliseconds(queued.flatMap((conversation) => millisecondsBetween(conversation.queuedAt, conversation.firstAgentReplyAt))),
    resolution: summariseMilliseconds(queued.flatMap((conversation) => millisecondsBetween(conversation.queuedAt, conversation.resolvedAt))),
    firstResponseByAgent: new Map(
      [...agentIds].map((agentId) => [
        agentId,
        summariseMilliseconds(
          conversations
            .filter((conversation) => conversation.assignedAgentId === agentId)
            .flatMap((conversation) => millisecondsBetween(conversation.claimedAt, conversation.firstAgentReplyAt)),
        ),
      ]),
    ),
  };
}

/** Of the conversations that have ended, how many ended without a person, and their share. */
export function botContainment(conversations: ReadonlyArray<{ status: ConversationStatus; count?: number }>): {
  ended: number;
  botContained: number;
  botContainmentRate: number | null;
} {
  const countOf = (matches: (status: ConversationStatus) => boolean) =>
    conversations.reduce((sum, conversation) => (matches(conversation.status) ? sum + (conversation.count ?? 1) : sum), 0);
  const ended = countOf(isFinalStatus);
  const botContained = countOf((status) => status === 'ended');
  return { ended, botContained, botContainmentRate: ended === 0 ? null : round(botContained / ended, 4) };
}

const emptyByTrigger = (): Record<EscalationTrigger, number> =>
  Object.fromEntries(ESCALATION_TRIGGERS.map((trigger) => [trigger, 0])) as Record<EscalationTrigger, number>;

const sumOf = (groups: readonly ConversationGroup[], value: (group: ConversationGroup) => number = () => 1): number =>
  groups.reduce((sum, group) => sum + group.count * value(group), 0);

const averageScore = (groups: readonly ConversationGroup[]): number | null => {
  const rated = groups.filter((group) => group.csatScore !== null);
  const ratings = sumOf(rated);
  return ratings === 0 ? null : round(sumOf(rated, (group) => group.csatScore!) / ratings, 2);
};

export function reportFromAggregates(input: ReportAggregates): AnalyticsReport {
  const { groups } = input;
  const perDay = new Map<string, DailyEscalations>(
    daysOf(input.from, input.to).map((date) => [date, { date, total: 0, byTrigger: emptyByTrigger() }]),
  );
  for (const escalation of input.escalations) {
    const day = perDay.get(escalation.date);
    if (!day) continue;
    day.total += escalation.count;
    if (escalation.trigger) day.byTrigger[escalation.trigger] += escalation.count;
  }

  const conversations = sumOf(groups);
  const escalated = sumOf(groups.filter((group) => group.escalated));
  const queued = sumOf(groups.filter((group) => group.queued));
  const resolved = sumOf(groups.filter((group) => group.status === 'resolved'));
  const abandoned = sumOf(groups.filter((group) => group.status === 'abandoned'));
  const rated = groups.filter((group) => group.csatScore !== null);
  const ratings = sumOf(rated);
  const distribution: [number, number, number, number, number] = [0, 0, 0, 0, 0];
  for (const group of rated) distribution[group.csatScore! - 1] += group.count;

  const agentIds = new Set(groups.flatMap((group) => (group.assignedAgentId ? [group.assignedAgentId] : [])));
  const agents: AgentFigures[] = [...agentIds]
    .map((agentId) => {
      const theirs = groups.filter((group) => group.assignedAgentId === agentId);
      return {
        agentId,
        name: input.agentNames.get(agentId) ?? `#${agentId}`,
        conversations: sumOf(theirs),
        resolved: sumOf(theirs.filter((group) => group.status === 'resolved')),
        firstResponse: toDurationStats(input.firstResponseByAgent.get(agentId) ?? EMPTY_DURATIONS),
        averageScore: averageScore(theirs),
        ratings: sumOf(theirs.filter((group) => group.csatScore !== null)),
      };
    })
    .sort((a, b) => b.conversations - a.conversations || a.name.localeCompare(b.name));

  return {
    range: { from: input.from, to: input.to, timeZone: input.timeZone },
    totals: {
      conversations,
      escalations: escalated,
      botOnly: conversations - escalated,
      resolved,
      abandoned,
      abandonedShare: queued === 0 ? null : round(abandoned / queued, 4),
      offlineMessages: input.offlineMessages,
      ...botContainment(groups),
    },
    escalationsPerDay: [...perDay.values()],
    waitingTime: toDurationStats(input.waiting),
    responseTime: toDurationStats(input.response),
    resolutionTime: toDurationStats(input.resolution),
    satisfaction: {
      averageScore: averageScore(groups),
      responseRate: resolved === 0 ? null : round(ratings / resolved, 4),
      ratings,
      distribution,
    },
    agents,
  };
}

/** The report of conversations held in memory. */
export function buildReport(input: ReportInput): AnalyticsReport {
  return reportFromAggregates(aggregateFacts(input));
}
