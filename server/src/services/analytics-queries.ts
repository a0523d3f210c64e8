/**
 * The analytics figures aggregated in SQL, on SQLite and PostgreSQL alike: the database returns
 * counts by group, counts per local day and the few ranked durations the medians and percentiles
 * need, never every conversation of the range.
 *
 * Datetimes are compared in SQL as epoch milliseconds. SQLite holds them as integers already
 * (knex binds a Date as its milliseconds). PostgreSQL holds `timestamp without time zone` in the
 * Node process's own zone (node-postgres writes and reads a Date in local time), so
 * `AT TIME ZONE <that zone>` gives back the true instant before taking its epoch.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';

import { UID } from '../constants';
import type { ConversationGroup } from '../domain/analytics';
import type { DayRun } from '../domain/analytics-days';
import type { ConversationStatus, EscalationTrigger } from '../domain/conversation-status';

type Row = Record<string, unknown>;

interface SqlDialect {
  /** Epoch milliseconds of a datetime column. */
  epochMs(column: string): string;
  /** ⌊numerator / denominator⌋ of a non-negative numerator and a positive integer. */
  floorDivide(numerator: string, denominator: number): string;
  /** The JSON number at `key` of a JSON column, or NULL when it is not a number. */
  jsonNumber(column: string, key: string): string;
}

const processTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** Only identifiers and numbers this module writes itself are put into SQL text. */
const identifier = (name: string) => {
  if (!/^[a-z_][a-z0-9_]*$/i.test(name)) throw new Error(`Unexpected SQL identifier ${name}`);
  return name;
};
const integer = (value: number) => {
  if (!Number.isSafeInteger(value)) throw new Error(`Unexpected SQL integer ${value}`);
  return String(value);
};

function dialectOf(client: string): SqlDialect {
  if (client === 'postgres') {
    const zone = processTimeZone().replace(/'/g, "''");
    return {
      epochMs: (column) => `(EXTRACT(EPOCH FROM (${column} AT TIME ZONE '${zone}')) * 1000)`,
      floorDivide: (numerator, denominator) => `FLOOR((${numerator}) / ${integer(denominator)})`,
      jsonNumber: (column, key) =>
        `(CASE WHEN jsonb_typeof(${column} -> '${identifier(key)}') = 'number' THEN (${column} ->> '${identifier(key)}')::numeric END)`,
    };
  }
  if (client === 'sqlite') {
    return {
      epochMs: (column) => column,
      floorDivide: (numerator, denominator) => `((${numerator}) / ${integer(denominator)})`,
      jsonNumber: (column, key) =>
        `(CASE WHEN json_type(${column}, '$.${identifier(key)}') IN ('integer', 'real') THEN json_extract(${column}, '$.${identifier(key)}') END)`,
    };
  }
  throw new Error(`Analytics supports SQLite and PostgreSQL, not ${client}`);
}

/** The range day (index) of an epoch-milliseconds expression, NULL before the range. */
function dayIndexSql(dialect: SqlDialect, instantMs: string, runs: readonly DayRun[]): string {
  const branches = [...runs]
    .reverse()
    .map((run) => `WHEN ${instantMs} >= ${integer(run.startMs)} THEN ${integer(run.firstDay)} + ${dialect.floorDivide(`${instantMs} - ${integer(run.startMs)}`, run.dayMs)}`);
  return `(CASE ${branches.join(' ')} END)`;
}

const rowsOf = (result: unknown): Row[] => (Array.isArray(result) ? (result as Row[]) : ((result as { rows: Row[] }).rows ?? []));
const numberOrNull = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));
const flag = (value: unknown) => value === true || Number(value) === 1;


export interface DayRow {
  day: number;
  trigger: EscalationTrigger | null;
  count: number;
}

export type DurationMetric = 'waiting' | 'response' | 'resolution' | 'first_response';

/** One ranked duration (in milliseconds) of a metric, with the metric's count and total. */
export interface RankedDurationRow {
  metric: DurationMetric;
  agentId: number;
  rank: number;
  count: number;
  totalMs: number;
  valueMs: number;
}

export function analyticsQueries(strapi: Core.Strapi) {
  const knex = () => strapi.db.connection as unknown as Knex;
  const dialect = () => dialectOf(strapi.db.dialect.client);
  const conversations = () => identifier(strapi.db.metadata.get(UID.conversation).tableName);
  const events = () => identifier(strapi.db.metadata.get(UID.conversationEvent).tableName);
  const raw = async (sql: string, bindings: readonly Knex.Value[]) => rowsOf(await knex().raw(sql, bindings));

  return {
    /** Conversations created in [start, end), counted by status, agent, rating and hand-over. */
    async groups(start: Date, end: Date): Promise<ConversationGroup[]> {
      const queued = 'CASE WHEN queued_at IS NULL THEN 0 ELSE 1 END';
      const escalated = 'CASE WHEN queued_at IS NULL AND offline_at IS NULL THEN 0 ELSE 1 END';
      const rows = await raw(
        `SELECT status, assigned_agent_id AS agent, csat_score AS score, ${queued} AS queued, ${escalated} AS escalated, COUNT(*) AS n
         FROM ${conversations()} WHERE created_at >= ? AND created_at < ?
         GROUP BY status, assigned_agent_id, csat_score, ${queued}, ${escalated}`,
        [start, end],
      );
      return rows.map((row) => ({
        status: row.status as ConversationStatus,
        assignedAgentId: numberOrNull(row.agent),
        csatScore: numberOrNull(row.score),
        queued: flag(row.queued),
        escalated: flag(row.escalated),
        count: Number(row.n),
      }));
    },

    /** Hand-overs of the conversations created in [start, end), by the range day they happened on and trigger. */
    async escalationsPerDay(start: Date, end: Date, runs: readonly DayRun[]): Promise<DayRow[]> {
      const sql = dialect();
      const day = dayIndexSql(sql, sql.epochMs('COALESCE(queued_at, offline_at)'), runs);
      const rows = await raw(
        `SELECT ${day} AS day_index, escalation_trigger AS trigger_name, COUNT(*) AS n
         FROM ${conversations()}
         WHERE created_at >= ? AND created_at < ? AND (queued_at IS NOT NULL OR offline_at IS NOT NULL)
         GROUP BY 1, 2`,
        [start, end],
      );
      return rows.flatMap((row) =>
        row.day_index === null ? [] : [{ day: Number(row.day_index), trigger: (row.trigger_name as EscalationTrigger | null) ?? null, count: Number(row.n) }],
      );
    },

    /**
     * For each duration metric (and each agent's first response), the count, the total and only
     * the values at the ranks of the median and the 90th percentile (domain `medianRanks`,
     * `p90Rank`, in integer arithmetic), ranked by a window function. Negative
     * durations (clock skew) are left out, as the report leaves them out.
     */
    async rankedDurations(start: Date, end: Date): Promise<RankedDurationRow[]> {
      const sql = dialect();
      const ms = (column: string) => sql.epochMs(column);
      const created = 'created_at >= ? AND created_at < ?';
      const rows = await raw(
        `WITH durations AS (
           SELECT 'response' AS metric, 0 AS agent, ${ms('first_agent_reply_at')} - ${ms('queued_at')} AS duration_ms
             FROM ${conversations()} WHERE ${created} AND queued_at IS NOT NULL AND first_agent_reply_at IS NOT NULL
           UNION ALL
           SELECT 'resolution', 0, ${ms('resolved_at')} - ${ms('queued_at')}
             FROM ${conversations()} WHERE ${created} AND queued_at IS NOT NULL AND resolved_at IS NOT NULL
           UNION ALL
           SELECT 'first_response', assigned_agent_id, ${ms('first_agent_reply_at')} - ${ms('claimed_at')}
             FROM ${conversations()}
             WHERE ${created} AND assigned_agent_id IS NOT NULL AND assigned_agent_id <> 0 AND claimed_at IS NOT NULL AND first_agent_reply_at IS NOT NULL
           UNION ALL
           SELECT 'waiting', 0, ${sql.jsonNumber('data', 'waitSeconds')} * 1000
             FROM ${events()} WHERE kind = 'claimed' AND occurred_at >= ? AND occurred_at < ? AND actor_id IS NOT NULL
         ), ranked AS (
           SELECT metric, agent, duration_ms,
             ROW_NUMBER() OVER (PARTITION BY metric, agent ORDER BY duration_ms) AS rank_number,
             COUNT(*) OVER (PARTITION BY metric, agent) AS n,
             SUM(duration_ms) OVER (PARTITION BY metric, agent) AS total
           FROM durations WHERE duration_ms >= 0
         )
         SELECT metric, agent, rank_number, n, total, duration_ms FROM ranked
         WHERE rank_number = (n + 1) / 2 OR rank_number = n / 2 + 1 OR rank_number = (9 * n + 9) / 10`,
        [start, end, start, end, start, end, start, end],
      );
      return rows.map((row) => ({
        metric: row.metric as DurationMetric,
        agentId: Number(row.agent),
        rank: Number(row.rank_number),
        count: Number(row.n),
        totalMs: Number(row.total),
        valueMs: Number(row.duration_ms),
      }));
    },
  };
}
