import { z } from 'zod';

import type { EscalationTrigger } from '../domain/conversation-status';
import { ANALYTICS_MAX_DAYS } from './limits';

export { ANALYTICS_MAX_DAYS };

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date such as 2026-11-25');

/**
 * `GET /analytics` and `GET /analytics/export`: whole days, `from` and `to` included, counted in
 * the opening hours' time zone (where the support team works).
 */
export const analyticsQuerySchema = z
  .object({ from: isoDay, to: isoDay })
  .strict()
  .refine(({ from, to }) => from <= to, { message: '`from` must not be after `to`', path: ['to'] })
  .refine(({ from, to }) => (Date.parse(to) - Date.parse(from)) / 86_400_000 < ANALYTICS_MAX_DAYS, {
    message: `at most ${ANALYTICS_MAX_DAYS} days`,
    path: ['to'],
  });
export type AnalyticsQuery = z.infer<typeof analyticsQuerySchema>;

/** Durations in seconds; null when there is nothing to measure. */
export interface DurationStats {
  count: number;
  averageSeconds: number | null;
  medianSeconds: number | null;
  p90Seconds: number | null;
}

export interface DailyEscalations {
  /** YYYY-MM-DD in the report's time zone. */
  date: string;
  total: number;
  byTrigger: Record<EscalationTrigger, number>;
}

export interface AgentFigures {
  agentId: number;
  name: string;
  /** Conversations this agent had last (claimed, or received by transfer). */
  conversations: number;
  resolved: number;
  /** From their claim to their first reply. */
  firstResponse: DurationStats;
  averageScore: number | null;
  ratings: number;
}

/** The figures of docs/product.md#analytics, for conversations started in the range. */
export interface AnalyticsReport {
  range: { from: string; to: string; timeZone: string };
  totals: {
    conversations: number;
    /** Handed over to a person (queued or, when unavailable, offline). */
    escalations: number;
    /** Never handed over: the bot (or the customer) ended it. */
    botOnly: number;
    resolved: number;
    /** Left the queue before an agent came. */
    abandoned: number;
    /** `abandoned` / conversations that waited in the queue; null without any. */
    abandonedShare: number | null;
    offlineMessages: number;
    /** Conversations that have ended: resolved, offline, abandoned, or ended with the bot. */
    ended: number;
    /** Ended with the bot (`ended`), no person involved. */
    botContained: number;
    /** Bot containment rate: `botContained` / `ended`; null when none has ended. */
    botContainmentRate: number | null;
  };
  escalationsPerDay: DailyEscalations[];
  /** From entering the queue to an agent's claim. */
  waitingTime: DurationStats;
  /** From entering the queue to the agent's first reply. */
  responseTime: DurationStats;
  /** From entering the queue to resolution. */
  resolutionTime: DurationStats;
  satisfaction: {
    averageScore: number | null;
    /** Ratings / resolved conversations; null without any resolved. */
    responseRate: number | null;
    ratings: number;
    /** How many gave 1, 2, 3, 4 and 5. */
    distribution: [number, number, number, number, number];
  };
  agents: AgentFigures[];
}
