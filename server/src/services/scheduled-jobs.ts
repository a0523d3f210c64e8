import type { Core } from '@strapi/strapi';

import { UID } from '../constants';
import { leaseExpiry, tickRefusal, type JsonValue, type TickRefusal } from '../domain/scheduling';
import { toDate } from '../utils/dates';

interface ScheduledJobRow {
  id: number;
  name: string;
  lastTickAt: unknown;
  leaseOwner: string | null;
  leaseUntil: unknown;
  lastStartedAt: unknown;
  lastFinishedAt: unknown;
  lastError: string | null;
  lastOutcome: JsonValue | undefined;
  runCount: number | string | null;
}

export interface ScheduledJobRecord {
  name: string;
  lastTickAt: Date | null;
  leaseOwner: string | null;
  leaseUntil: Date | null;
  lastStartedAt: Date | null;
  lastFinishedAt: Date | null;
  lastError: string | null;
  lastOutcome: JsonValue;
  runCount: number;
}

export type TickClaim = { won: true } | { won: false; reason: TickRefusal };

export interface TickRecord {
  name: string;
  nodeId: string;
  tickAt: Date;
  finishedAt: Date;
  outcome: JsonValue;
  error: string | null;
}

function toRecord(row: ScheduledJobRow): ScheduledJobRecord {
  return {
    name: row.name,
    lastTickAt: toDate(row.lastTickAt),
    leaseOwner: row.leaseOwner,
    leaseUntil: toDate(row.leaseUntil),
    lastStartedAt: toDate(row.lastStartedAt),
    lastFinishedAt: toDate(row.lastFinishedAt),
    lastError: row.lastError,
    lastOutcome: row.lastOutcome ?? null,
    runCount: Number(row.runCount ?? 0),
  };
}

/**
 * Storage of the scheduled jobs' lease rows: one row per job name. A tick is taken with one
 * conditional `UPDATE` (the compare-and-set on the tick time and the lease), so of several
 * nodes firing the same tick exactly one runs it, on SQLite and PostgreSQL alike.
 */
const scheduledJobsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const query = () => strapi.db.query(UID.scheduledJob);

  return {
    /** The job's row, created on first use (by whichever node gets there first). */
    async ensure(name: string): Promise<void> {
      if (await query().findOne({ where: { name }, select: ['id'] })) return;
      try {
        await query().create({ data: { name, runCount: 0 } });
      } catch (error) {
        // Another node created it at the same moment (unique name).
        if (!(await query().findOne({ where: { name }, select: ['id'] }))) throw error;
      }
    },

    async find(name: string): Promise<ScheduledJobRecord | null> {
      const row = (await query().findOne({ where: { name } })) as ScheduledJobRow | null;
      return row ? toRecord(row) : null;
    },

    async findAll(): Promise<ScheduledJobRecord[]> {
      return ((await query().findMany({ orderBy: { name: 'asc' } })) as ScheduledJobRow[]).map(toRecord);
    },

    /**
     * Takes the tick `tickAt` for this node if no node has started it (or a later one) and no
     * live node holds the lease: the condition `tickRefusal` states, as one `UPDATE`.
     */
    async claimTick(name: string, nodeId: string, tickAt: Date, now: Date, leaseMs: number): Promise<TickClaim> {
      await this.ensure(name);
      const { count } = await query().updateMany({
        where: {
          name,
          $and: [
            { $or: [{ lastTickAt: null }, { lastTickAt: { $lt: tickAt } }] },
            { $or: [{ leaseUntil: null }, { leaseUntil: { $lte: now } }] },
          ],
        },
        data: { lastTickAt: tickAt, leaseOwner: nodeId, leaseUntil: leaseExpiry(now, leaseMs), lastStartedAt: now },
      });
      if (count === 1) return { won: true };
      const current = await this.find(name);
      return { won: false, reason: (current && tickRefusal(current, tickAt, now)) ?? 'already-run' };
    },

    /**
     * Records how the tick went and frees the lease. Written only while this node still holds
     * that tick: a node that overran its lease and was taken over records nothing.
     */
    async finishTick(record: TickRecord): Promise<boolean> {
      const held = { name: record.name, leaseOwner: record.nodeId, lastTickAt: record.tickAt };
      const row = (await query().findOne({ where: held, select: ['runCount'] })) as Pick<ScheduledJobRow, 'runCount'> | null;
      if (!row) return false;
      const { count } = await query().updateMany({
        where: held,
        data: {
          leaseUntil: null,
          lastFinishedAt: record.finishedAt,
          lastError: record.error,
          lastOutcome: record.error === null ? record.outcome : null,
          runCount: Number(row.runCount ?? 0) + 1,
        },
      });
      return count === 1;
    },
  };
};

export default scheduledJobsService;
