/**
 * The figures site owners read (docs/product.md#analytics). Pure: the analytics service loads the facts of the
 * conversations started in the range and passes them in.
 */
import type { AgentFigures, AnalyticsReport, DailyEscalations, DurationStats } from '../contracts/analytics';

import { ESCALATION_TRIGGERS, isFinalStatus, type ConversationStatus, type EscalationTrigger } from './conversation-status';
import { addDays, fromLocalTime, toLocalTime } from './opening-hours';
import { median } from './queue';

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

export interface ReportInput {
  from: string;
  to: string;
  timeZone: string;
  conversations: readonly ConversationFacts[];
  claims: readonly ClaimFact[];
  offlineMessages: number;
  agentNames: ReadonlyMap<number, string>;
}

/** The instants that bound whole days `from`..`to` in `timeZone` (end exclusive). */
export function rangeInstants(from: string, to: string, timeZone: string): { start: Date; end: Date } {
  return { start: fromLocalTime(from, 0, timeZone), end: fromLocalTime(addDays(to, 1), 0, timeZone) };
}

/** Every day from `from` to `to`, both included. */
export function daysOf(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  return days;
}

/** The value below which `share` of the values lie (nearest rank); null for none. */
export function percentile(values: readonly number[], share: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil(share * sorted.length));
  return sorted[rank - 1];
}

const round = (value: number | null, digits = 0): number | null => {
  if (value === null) return null;
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
};

export function durationStats(seconds: readonly number[]): DurationStats {
  const valid = seconds.filter((value) => Number.isFinite(value) && value >= 0);
  const average = valid.length === 0 ? null : valid.reduce((sum, value) => sum + value, 0) / valid.length;
  return {
    count: valid.length,
    averageSeconds: round(average),
    medianSeconds: round(median(valid)),
    p90Seconds: round(percentile(valid, 0.9)),
  };
}

const secondsBetween = (start: Date | null, end: Date | null): number[] =>
  start && end ? [(end.getTime() - start.getTime()) / 1000] : [];

/** The statuses a conversation ends in: nothing more happens to it (a rating aside). */

/** Of the conversations that have ended, how many ended without a person, and their share. */
export function botContainment(conversations: ReadonlyArray<Pick<ConversationFacts, 'status'>>): {
  ended: number;
  botContained: number;
  botContainmentRate: number | null;
} {
  const ended = conversations.filter((conversation) => isFinalStatus(conversation.status)).length;
  const botContained = conversations.filter((conversation) => conversation.status === 'ended').length;
  return { ended, botContained, botContainmentRate: ended === 0 ? null : round(botContained / ended, 4) };
}

const emptyByTrigger = (): Record<EscalationTrigger, number> =>
  Object.fromEntries(ESCALATION_TRIGGERS.map((trigger) => [trigger, 0])) as Record<EscalationTrigger, number>;

export function buildReport(input: ReportInput): AnalyticsReport {
  const { conversations, timeZone } = input;
  const escalated = conversations.filter((conversation) => conversation.queuedAt || conversation.offlineAt);
  const queued = conversations.filter((conversation) => conversation.queuedAt);

  const perDay = new Map<string, DailyEscalations>(
    daysOf(input.from, input.to).map((date) => [date, { date, total: 0, byTrigger: emptyByTrigger() }]),
  );
  for (const conversation of escalated) {
    const at = (conversation.queuedAt ?? conversation.offlineAt)!;
    const day = perDay.get(toLocalTime(at, timeZone).date);
    if (!day) continue;
    day.total += 1;
    if (conversation.escalationTrigger) day.byTrigger[conversation.escalationTrigger] += 1;
  }

  const resolved = conversations.filter((conversation) => conversation.status === 'resolved');
  const abandoned = conversations.filter((conversation) => conversation.status === 'abandoned').length;
  const rated = conversations.filter((conversation) => conversation.csatScore !== null);
  const distribution: [number, number, number, number, number] = [0, 0, 0, 0, 0];
  for (const conversation of rated) distribution[conversation.csatScore! - 1] += 1;
  const averageOf = (values: number[]) => (values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length);

  const agentIds = new Set(conversations.flatMap((conversation) => (conversation.assignedAgentId ? [conversation.assignedAgentId] : [])));
  const agents: AgentFigures[] = [...agentIds]
    .map((agentId) => {
      const theirs = conversations.filter((conversation) => conversation.assignedAgentId === agentId);
      const scores = theirs.flatMap((conversation) => (conversation.csatScore === null ? [] : [conversation.csatScore]));
      return {
        agentId,
        name: input.agentNames.get(agentId) ?? `#${agentId}`,
        conversations: theirs.length,
        resolved: theirs.filter((conversation) => conversation.status === 'resolved').length,
        firstResponse: durationStats(theirs.flatMap((conversation) => secondsBetween(conversation.claimedAt, conversation.firstAgentReplyAt))),
        averageScore: round(averageOf(scores), 2),
        ratings: scores.length,
      };
    })
    .sort((a, b) => b.conversations - a.conversations || a.name.localeCompare(b.name));

  return {
    range: { from: input.from, to: input.to, timeZone },
    totals: {
      conversations: conversations.length,
      escalations: escalated.length,
      botOnly: conversations.length - escalated.length,
      resolved: resolved.length,
      abandoned,
      abandonedShare: queued.length === 0 ? null : round(abandoned / queued.length, 4),
      offlineMessages: input.offlineMessages,
      ...botContainment(conversations),
    },
    escalationsPerDay: [...perDay.values()],
    waitingTime: durationStats(input.claims.flatMap((claim) => (claim.waitSeconds === null ? [] : [claim.waitSeconds]))),
    responseTime: durationStats(queued.flatMap((conversation) => secondsBetween(conversation.queuedAt, conversation.firstAgentReplyAt))),
    resolutionTime: durationStats(queued.flatMap((conversation) => secondsBetween(conversation.queuedAt, conversation.resolvedAt))),
    satisfaction: {
      averageScore: round(averageOf(rated.map((conversation) => conversation.csatScore!)), 2),
      responseRate: resolved.length === 0 ? null : round(rated.length / resolved.length, 4),
      ratings: rated.length,
      distribution,
    },
    agents,
  };
}

const CSV_HEADER = ['date', 'escalations', ...ESCALATION_TRIGGERS];

/** One row per day; the summary figures follow the days, for spreadsheets. */
export function reportToCsv(report: AnalyticsReport): string {
  const rows: Array<Array<string | number | null>> = [CSV_HEADER];
  for (const day of report.escalationsPerDay) {
    rows.push([day.date, day.total, ...ESCALATION_TRIGGERS.map((trigger) => day.byTrigger[trigger])]);
  }
  rows.push([]);
  rows.push(['figure', 'value']);
  const { totals, responseTime, resolutionTime, waitingTime, satisfaction } = report;
  rows.push(['conversations', totals.conversations]);
  rows.push(['escalations', totals.escalations]);
  rows.push(['bot only', totals.botOnly]);
  rows.push(['resolved', totals.resolved]);
  rows.push(['abandoned', totals.abandoned]);
  rows.push(['abandoned share', totals.abandonedShare]);
  rows.push(['offline messages', totals.offlineMessages]);
  rows.push(['ended', totals.ended]);
  rows.push(['ended with the bot', totals.botContained]);
  rows.push(['bot containment rate', totals.botContainmentRate]);
  rows.push(['waiting time median (s)', waitingTime.medianSeconds]);
  rows.push(['response time average (s)', responseTime.averageSeconds]);
  rows.push(['response time median (s)', responseTime.medianSeconds]);
  rows.push(['response time p90 (s)', responseTime.p90Seconds]);
  rows.push(['resolution time average (s)', resolutionTime.averageSeconds]);
  rows.push(['CSAT average', satisfaction.averageScore]);
  rows.push(['CSAT response rate', satisfaction.responseRate]);
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

function csvCell(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  // Quoted when needed; a leading =, +, - or @ is defused so a spreadsheet never runs it.
  const safe = /^[=+\-@]/.test(text) && typeof value === 'string' ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
