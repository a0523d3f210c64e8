import { setImmediate as yieldToEventLoop } from 'node:timers/promises';

import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';

import { UID } from '../constants';
import { ANALYTICS_MAX_DAYS } from '../contracts/analytics';
import { dayRuns, daysOf, rangeInstants } from '../domain/analytics';
import {
  combineFigures,
  dayRunsOutside,
  daysToRollUp,
  lastClosedDay,
  lastDayOfMonth,
  monthOf,
  monthsToRollUp,
  packHistograms,
  wholeMonthsIn,
  type DayFigures,
  type Span,
} from '../domain/analytics-rollup';
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
/** Months rolled up from their days per run. */
const MONTHS_PER_RUN = 12;
/** Days looked at per run: one with a conversation still open is passed over and looked at again next run. */
const CANDIDATES_PER_RUN = 2 * ANALYTICS_MAX_DAYS;
/** Instants per invalidating statement. */
const INSTANTS_PER_STATEMENT = 100;

type Period = 'day' | 'month';

interface PeriodRow {
  day: string;
  figures: string | DayFigures | null;
}

/** SQLite hands back JSON as text, PostgreSQL as the value. */
const parseFigures = (figures: string | DayFigures): DayFigures => (typeof figures === 'string' ? (JSON.parse(figures) as DayFigures) : figures);

/** The rolled-up part of a range: the days it covers, and their figures (a whole month as one). */
export interface RolledUp {
  days: Set<string>;
  figures: DayFigures[];
}

export interface RollupOutcome {
  /** Days rolled up. */
  rolledUp: number;
  /** Months rolled up from their days. */
  months: number;
  /** Past days left for a later run because a conversation created on them has not ended. */
  open: number;
}

/**
 * The per-day rollup of the analytics (`analytics-day` rows, one per day or month and time zone). A day
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
 * deletes it, whatever its state). A month whose days are all rolled up gets a row of its own
 * (its span is the month, so an invalidation of any of its days drops it too). The rows are
 * keyed by time zone: after a change of the opening hours' zone the report reads the new zone's
 * rows, which the job then builds.
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

  const periodTable = () => strapi.db.metadata.get(UID.analyticsDay).tableName;

  /**
   * The period's row, written as `building` before its figures are read: an invalidation from
   * now on deletes it, and `finishPeriod` then writes nothing.
   */
  async function claimPeriod(period: Period, day: string, timeZone: string, span: Span): Promise<void> {
    const existing = (await rows().findOne({ where: { timeZone, period, day }, select: ['id'] })) as { id: number } | null;
    if (existing) {
      await rows().update({ where: { id: existing.id }, data: { state: 'building', figures: null, builtAt: null } });
      return;
    }
    await rows()
      .create({ data: { period, day, timeZone, startsAt: span.start, endsAt: span.end, state: 'building' } })
      .catch(async (error: unknown) => {
        // Another node created the row first (unique by zone, period and day): both build the same figures.
        if (!(await rows().findOne({ where: { timeZone, period, day }, select: ['id'] }))) throw error;
      });
  }

  /** Turns the period's row `ready` with its figures, if nothing invalidated it meanwhile. */
  async function finishPeriod(period: Period, day: string, timeZone: string, figures: DayFigures, now: Date): Promise<boolean> {
    const { count } = await rows().updateMany({ where: { timeZone, period, day, state: 'building' }, data: { state: 'ready', figures, builtAt: now } });
    return count === 1;
  }

  /** A month from its rolled-up days, once every day of it is: a year is then twelve rows to read. */
  async function rollUpMonth(month: string, timeZone: string, now: Date): Promise<boolean> {
    const last = lastDayOfMonth(month);
    const readyDays = () =>
      knex()(periodTable()).where({ time_zone: timeZone, state: 'ready', period: 'day' }).andWhere('day', '>=', month).andWhere('day', '<=', last);
    const dayCount = daysOf(month, last).length;
    const counted = (await readyDays().count({ n: '*' }).first()) as { n: number | string } | undefined;
    if (Number(counted?.n ?? 0) !== dayCount) return false;
    await claimPeriod('month', month, timeZone, rangeInstants(month, last, timeZone));
    const days = (await readyDays().select('figures')) as Array<Pick<PeriodRow, 'figures'>>;
    // A day invalidated since the count: the month waits for it to be rolled up again.
    if (days.length !== dayCount || days.some((row) => !row.figures)) return false;
    return finishPeriod('month', month, timeZone, combineFigures(days.map((row) => parseFigures(row.figures!))), now);
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
     * The rolled-up part of `from`..`to` in `timeZone`: the whole months rolled up, then the
     * rolled-up days outside them, with their figures and the days they cover. Read with knex
     * and parsed here.
     */
    async rolledUp(from: string, to: string, timeZone: string): Promise<RolledUp> {
      const ready = () => knex()(periodTable()).select('day', 'figures').where({ time_zone: timeZone, state: 'ready' });
      const months = (await ready().where('period', 'month').whereIn('day', wholeMonthsIn(from, to))) as PeriodRow[];
      const days = new Set(months.flatMap((row) => daysOf(row.day, lastDayOfMonth(row.day))));
      const outside = dayRunsOutside(daysOf(from, to), days);
      const dayRows =
        outside.length === 0
          ? []
          : ((await ready()
              .where('period', 'day')
              .andWhere((where) => {
                for (const run of outside) where.orWhereBetween('day', [run.first, run.last]);
              })) as PeriodRow[]);
      for (const row of dayRows) days.add(row.day);
      return { days, figures: [...months, ...dayRows].flatMap((row) => (row.figures ? [parseFigures(row.figures)] : [])) };
    },

    /**
     * Rolls up the days that have become fixed since the last run, oldest first, at most
     * `limit` of them, then the months whose days are all rolled up, yielding to the event loop
     * between days. Safe to repeat and to run on two nodes at once (a period already rolled up
     * is skipped; two nodes building the same one write the same figures).
     */
    async rollUp(now: Date = new Date(), limit = DAYS_PER_RUN): Promise<RollupOutcome> {
      const { timeZone } = await getService('openingHours', { strapi }).get();
      const first = await firstInstant();
      const outcome: RollupOutcome = { rolledUp: 0, months: 0, open: 0 };
      if (!first) return outcome;
      // From the start of the first month, so that the month can be rolled up from its days.
      const firstDay = monthOf(toLocalTime(first, timeZone).date);
      const done = async (period: Period) =>
        new Set(
          ((await knex()(periodTable()).select('day').where({ time_zone: timeZone, state: 'ready', period }).andWhere('day', '>=', firstDay)) as PeriodRow[]).map(
            (row) => row.day,
          ),
        );
      const days = daysToRollUp({ firstDay, timeZone, now, settleMs: SETTLE_MS, rolledUp: await done('day'), limit: CANDIDATES_PER_RUN });
      for (const day of days) {
        if (outcome.rolledUp >= limit) break;
        if (await this.rollUpDay(day, timeZone, now)) outcome.rolledUp += 1;
        else outcome.open += 1;
        await yieldToEventLoop();
      }
      const months = monthsToRollUp(firstDay, lastClosedDay(now, SETTLE_MS, timeZone), await done('month'), MONTHS_PER_RUN);
      for (const month of months) {
        if (await rollUpMonth(month, timeZone, now)) outcome.months += 1;
        await yieldToEventLoop();
      }
      return outcome;
    },

    /**
     * `rollUp` again and again until nothing is left: what the job's ticks do over weeks, at
     * once (each run is bounded, and the job keeps its ticks bounded). For the tests and the
     * benchmarks.
     */
    async rollUpUntilDone(now: Date = new Date()): Promise<RollupOutcome> {
      const total: RollupOutcome = { rolledUp: 0, months: 0, open: 0 };
      for (;;) {
        const outcome = await this.rollUp(now);
        total.rolledUp += outcome.rolledUp;
        total.months += outcome.months;
        total.open = outcome.open;
        if (outcome.rolledUp === 0 && outcome.months === 0) return total;
      }
    },

    /** Rolls up one day of one zone if every conversation created on it has ended; false otherwise. */
    async rollUpDay(day: string, timeZone: string, now: Date = new Date()): Promise<boolean> {
      const span = rangeInstants(day, day, timeZone);
      if (await hasOpenConversation(span)) return false;
      await claimPeriod('day', day, timeZone, span);
      return finishPeriod('day', day, timeZone, await dayFigures(day, timeZone, span), now);
    },

    /**
     * Drops the rolled-up days and months (of every time zone) holding any of the instants: the next run
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
