import { setImmediate as yieldToEventLoop } from 'node:timers/promises';

import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';

import { UID } from '../constants';
import { ANALYTICS_MAX_DAYS } from '../contracts/analytics';
import { dayRuns, daysOf, rangeInstants } from '../domain/analytics';
import { daysToRollUp, packHistograms, type DayFigures, type Span } from '../domain/analytics-rollup';
import type { PluginConfig } from '../contracts/plugin-config';
import { errorSummary } from '../domain/scheduling';
import { FINAL_STATUSES } from '../domain/conversation-status';
import { addDays, toLocalTime } from '../domain/opening-hours';
import { toDate } from '../utils/dates';
import { getService } from '../utils/get-service';
import { analyticsQueries } from './analytics-queries';

/** A day is rolled up only this long after it ended, so that a node whose clock is behind cannot still write into it. */
const SETTLE_MS = 10 * 60_000;
/** Days rolled up per run; each is a few small indexed statements, with a yield between days. */
const DAYS_PER_RUN = 62;
/** Days looked at per run (most are skipped because some conversation of theirs is still open). */
const CANDIDATES_PER_RUN = 2 * ANALYTICS_MAX_DAYS;
/** Instants per invalidating statement. */
const INSTANTS_PER_STATEMENT = 100;

interface DayRow {
  day: string;
}

export interface RollupOutcome {
  rolledUp: number;
  /** Past days left for a later run because a conversation created on them has not ended. */
  open: number;
}

/**
 * The per-day rollup of the analytics (`analytics-day` rows, one per day and time zone). A day
 * is rolled up once it can no longer change: it ended (in the zone) and every conversation
 * created on it has ended (a final status has no way out in the state machine), so its counts,
 * hand-overs, durations and the claims made on it are fixed. What can still change such a day
 * calls `invalidate` with the instants it touched, after its own change is committed:
 *
 * - a rating after the resolution (`customers.rate`): the conversation's creation instant;
 * - deleting conversations (retention, the Customer data page: `personalData.deleteConversations`):
 *   each one's creation instant and its claims' instants.
 *
 * Anonymising changes no column the report reads (names, contacts, texts), so it invalidates
 * nothing; offline messages are counted live. A row is written in two steps so that an
 * invalidation racing with the rollup of the same day always wins: a `building` row first, then
 * the figures read, then the row turned `ready` only if it is still `building` (an invalidation
 * deletes it, whatever its state). The rows are keyed by time zone: after a change of the
 * opening hours' zone the report reads the new zone's rows, which the job then builds.
 */
const analyticsRollupService = ({ strapi }: { strapi: Core.Strapi }) => {
  const rows = () => strapi.db.query(UID.analyticsDay);
  const knex = () => strapi.db.connection as unknown as Knex;
  const table = (uid: typeof UID.conversation | typeof UID.conversationEvent) => strapi.db.metadata.get(uid).tableName;

  /** The first conversation's creation or the first claim, whichever is earlier. */
  async function firstInstant(): Promise<Date | null> {
    const [conversation, claim] = await Promise.all([
      knex()(table(UID.conversation)).min({ first: 'created_at' }).first(),
      knex()(table(UID.conversationEvent)).where('kind', 'claimed').min({ first: 'occurred_at' }).first(),
    ]);
    const instants = [toDate(conversation?.first), toDate(claim?.first)].filter((instant): instant is Date => instant !== null);
    return instants.length === 0 ? null : new Date(Math.min(...instants.map((instant) => instant.getTime())));
  }

  async function hasOpenConversation(span: Span): Promise<boolean> {
    const open = await knex()(table(UID.conversation))
      .select('id')
      .where('created_at', '>=', span.start)
      .andWhere('created_at', '<', span.end)
      .whereNotIn('status', [...FINAL_STATUSES])
      .first();
    return open !== undefined;
  }

  /**
   * The days the hand-overs of the conversations created in the span happened on: from the
   * earliest to the latest (usually the day itself and the next), within what a report holding
   * the day can show. Mapping only those days keeps the day's statements and their setup small.
   */
  async function escalationDays(day: string, span: Span, timeZone: string): Promise<{ first: string; last: string }> {
    const row = (await knex()(table(UID.conversation))
      .where('created_at', '>=', span.start)
      .andWhere('created_at', '<', span.end)
      .min({ earliest: 'queued_at', earliestOffline: 'offline_at' })
      .max({ latest: 'queued_at', latestOffline: 'offline_at' })
      .first()) as Record<string, unknown> | undefined;
    const dates = Object.values(row ?? {}).flatMap((value) => {
      const instant = toDate(value);
      return instant ? [toLocalTime(instant, timeZone).date] : [];
    });
    const earliest = dates.reduce((first, date) => (date < first ? date : first), day);
    const latest = dates.reduce((last, date) => (date > last ? date : last), day);
    const lowest = addDays(day, 1 - ANALYTICS_MAX_DAYS);
    const highest = addDays(day, ANALYTICS_MAX_DAYS - 1);
    return { first: earliest < lowest ? lowest : earliest, last: latest > highest ? highest : latest };
  }

  /** What the day adds to a report: aggregated by the same statements as the report's live part. */
  async function dayFigures(day: string, timeZone: string, span: Span): Promise<DayFigures> {
    const queries = analyticsQueries(strapi);
    // A hand-over is counted on its own day, which may be another day of a report that holds this one.
    const { first, last } = await escalationDays(day, span, timeZone);
    const handOverDays = daysOf(first, last);
    const [groups, escalations, buckets] = await Promise.all([
      queries.groups([span]),
      queries.escalationsPerDay([span], dayRuns(first, last, timeZone)),
      queries.durationHistogram([span]),
    ]);
    return {
      groups,
      escalations: escalations.map((row) => ({ date: handOverDays[row.day], trigger: row.trigger, count: row.count })),
      histograms: packHistograms(buckets),
    };
  }

  let catchingUp: Promise<unknown> | null = null;

  return {
    /**
     * The job's tick now, in the background (at boot: days that closed while the app was down),
     * unless the job is switched off; `stopCatchUp` waits for it.
     */
    startCatchUp(): void {
      const config = strapi.config.get('plugin::live-support') as PluginConfig;
      if (config.jobs.analytics?.enabled === false || catchingUp) return;
      const now = new Date();
      catchingUp = getService('scheduler', { strapi })
        .runTick('analytics', now, now)
        .catch((error: unknown) => strapi.log.error(`[live-support] analytics catch-up failed: ${errorSummary(error)}`))
        .finally(() => {
          catchingUp = null;
        });
    },

    async stopCatchUp(): Promise<void> {
      await catchingUp;
    },

    /**
     * The rolled-up days of `from`..`to` in `timeZone`, with their figures. Read with knex and
     * parsed here: a year of days is some megabytes of JSON, parsed once.
     */
    async rolledUpDays(from: string, to: string, timeZone: string): Promise<Map<string, DayFigures>> {
      const found = (await knex()(strapi.db.metadata.get(UID.analyticsDay).tableName)
        .select('day', 'figures')
        .where({ time_zone: timeZone, state: 'ready' })
        .andWhere('day', '>=', from)
        .andWhere('day', '<=', to)) as Array<{ day: string; figures: string | DayFigures | null }>;
      return new Map(
        found.flatMap((row) => (row.figures ? [[row.day, typeof row.figures === 'string' ? (JSON.parse(row.figures) as DayFigures) : row.figures] as const] : [])),
      );
    },

    /**
     * Rolls up the days that have become fixed since the last run, oldest first, at most
     * `limit` of them, yielding to the event loop between days. Safe to repeat and to run on
     * two nodes at once (a day already rolled up is skipped; the last write of a day wins, with
     * the same figures).
     */
    async rollUp(now: Date = new Date(), limit = DAYS_PER_RUN): Promise<RollupOutcome> {
      const { timeZone } = await getService('openingHours', { strapi }).get();
      const first = await firstInstant();
      if (!first) return { rolledUp: 0, open: 0 };
      const firstDay = toLocalTime(first, timeZone).date;
      const done = (await rows().findMany({ where: { timeZone, state: 'ready', day: { $gte: firstDay } }, select: ['day'] })) as DayRow[];
      const candidates = daysToRollUp({
        firstDay,
        timeZone,
        now,
        settleMs: SETTLE_MS,
        rolledUp: new Set(done.map((row) => row.day)),
        limit: CANDIDATES_PER_RUN,
      });
      const outcome: RollupOutcome = { rolledUp: 0, open: 0 };
      for (const day of candidates) {
        if (outcome.rolledUp >= limit) break;
        if (await this.rollUpDay(day, timeZone, now)) outcome.rolledUp += 1;
        else outcome.open += 1;
        await yieldToEventLoop();
      }
      return outcome;
    },

    /** Rolls up one day of one zone if every conversation created on it has ended; false otherwise. */
    async rollUpDay(day: string, timeZone: string, now: Date = new Date()): Promise<boolean> {
      const span = rangeInstants(day, day, timeZone);
      if (await hasOpenConversation(span)) return false;
      const existing = (await rows().findOne({ where: { timeZone, day }, select: ['id'] })) as { id: number } | null;
      if (existing) {
        await rows().update({ where: { id: existing.id }, data: { state: 'building', figures: null, builtAt: null } });
      } else {
        await rows()
          .create({ data: { day, timeZone, startsAt: span.start, endsAt: span.end, state: 'building' } })
          .catch(async (error: unknown) => {
            // Another node created the day's row first (the unique day and zone): both build the same figures.
            if (!(await rows().findOne({ where: { timeZone, day }, select: ['id'] }))) throw error;
          });
      }
      const figures = await dayFigures(day, timeZone, span);
      const { count } = await rows().updateMany({ where: { timeZone, day, state: 'building' }, data: { state: 'ready', figures, builtAt: now } });
      return count === 1;
    },

    /**
     * Drops the rolled-up days (of every time zone) holding any of the instants: the next run
     * rolls them up again. Called after the change that made them stale has been committed.
     */
    async invalidate(instants: readonly Date[]): Promise<number> {
      let dropped = 0;
      for (let at = 0; at < instants.length; at += INSTANTS_PER_STATEMENT) {
        const some = instants.slice(at, at + INSTANTS_PER_STATEMENT);
        const { count } = await rows().deleteMany({
          where: { $or: some.map((instant) => ({ startsAt: { $lte: instant }, endsAt: { $gt: instant } })) },
        });
        dropped += count;
      }
      return dropped;
    },
  };
};

export default analyticsRollupService;
