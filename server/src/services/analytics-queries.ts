/**
 * The analytics figures aggregated in SQL, on SQLite and PostgreSQL alike: the database returns
 * counts by group, counts per local day, a histogram of whole seconds per duration metric and
 * then the values of only the few buckets where a median or percentile lies, never every
 * conversation of the range. Every statement reads the conversations through one covering index
 * (created_at and the columns the report reads), so no table row is visited.
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
import type { DurationMetric } from '../domain/analytics-histogram';
import type { KeyedBucket, Span } from '../domain/analytics-rollup';
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
      // Integer division truncates, which is the floor for a non-negative numerator; CAST makes a REAL one integer too.
      floorDivide: (numerator, denominator) => `CAST((${numerator}) / ${integer(denominator)} AS INTEGER)`,
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

/** `column` within any of the spans, with its bindings. */
function inSpans(column: string, spans: readonly Span[]): { sql: string; bindings: Knex.Value[] } {
  return {
    sql: `(${spans.map(() => `(${column} >= ? AND ${column} < ?)`).join(' OR ')})`,
    bindings: spans.flatMap((span) => [span.start, span.end]),
  };
}

const rowsOf = (result: unknown): Row[] => (Array.isArray(result) ? (result as Row[]) : ((result as { rows: Row[] }).rows ?? []));
const numberOrNull = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));
const flag = (value: unknown) => value === true || Number(value) === 1;


/** Whole seconds of a non-negative milliseconds expression. */
const secondOf = (dialect: SqlDialect, milliseconds: string) => dialect.floorDivide(milliseconds, 1000);

/**
 * Every duration of the range, one row each (metric, agent, duration_ms): from queue to first
 * reply and to resolution, each agent's claim to first reply, and the waits the claim events
 * recorded. Read through the conversations' covering range index and the events' kind index.
 * (`assigned_agent_id + 0`: a filter on the agent, as the bucket values have, would otherwise
 * lead SQLite to the agent index and every conversation the agent ever had.)
 */
function durationsSql(dialect: SqlDialect, conversations: string, events: string, spans: readonly Span[]): { sql: string; bindings: Knex.Value[] } {
  const ms = (column: string) => dialect.epochMs(column);
  const created = inSpans('created_at', spans);
  const claimed = inSpans('occurred_at', spans);
  return {
    sql: `SELECT 'response' AS metric, 0 AS agent, ${ms('first_agent_reply_at')} - ${ms('queued_at')} AS duration_ms
        FROM ${conversations} WHERE ${created.sql} AND queued_at IS NOT NULL AND first_agent_reply_at IS NOT NULL
      UNION ALL
      SELECT 'resolution', 0, ${ms('resolved_at')} - ${ms('queued_at')}
        FROM ${conversations} WHERE ${created.sql} AND queued_at IS NOT NULL AND resolved_at IS NOT NULL
      UNION ALL
      SELECT 'first_response', assigned_agent_id + 0, ${ms('first_agent_reply_at')} - ${ms('claimed_at')}
        FROM ${conversations}
        WHERE ${created.sql} AND assigned_agent_id IS NOT NULL AND assigned_agent_id <> 0 AND claimed_at IS NOT NULL AND first_agent_reply_at IS NOT NULL
      UNION ALL
      SELECT 'waiting', 0, ${dialect.jsonNumber('data', 'waitSeconds')} * 1000
        FROM ${events} WHERE kind = 'claimed' AND ${claimed.sql} AND actor_id IS NOT NULL`,
    bindings: [...created.bindings, ...created.bindings, ...created.bindings, ...claimed.bindings],
  };
}

/**
 * SQLite indexes on the conversations' durations (epoch milliseconds subtract exactly there), so
 * that the values of one second of one metric are read alone, not picked out of the range.
 */
export const ANALYTICS_DURATION_INDEXES = {
  response: { name: 'live_support_conv_response_ms_idx', duration: 'first_agent_reply_at - queued_at', agent: false },
  resolution: { name: 'live_support_conv_resolution_ms_idx', duration: 'resolved_at - queued_at', agent: false },
  first_response: { name: 'live_support_conv_first_response_ms_idx', duration: 'first_agent_reply_at - claimed_at', agent: true },
} as const;

/** The SQLite statement creating one of `ANALYTICS_DURATION_INDEXES` on the conversations' table. */
export function durationIndexSql(table: string, metric: keyof typeof ANALYTICS_DURATION_INDEXES): string {
  const index = ANALYTICS_DURATION_INDEXES[metric];
  const columns = [...(index.agent ? ['assigned_agent_id'] : []), `(${index.duration})`, 'created_at'];
  return `CREATE INDEX IF NOT EXISTS ${index.name} ON ${identifier(table)} (${columns.join(', ')})`;
}

/** One bucket's durations read through its duration index (SQLite, not the waits of claims). */
function indexedBucketSql(conversations: string, bucket: BucketKey, start: Date, end: Date): { sql: string; bindings: Knex.Value[] } {
  const index = ANALYTICS_DURATION_INDEXES[bucket.metric as keyof typeof ANALYTICS_DURATION_INDEXES];
  const agent = index.agent ? 'assigned_agent_id = ? AND ' : '';
  return {
    sql: `SELECT * FROM (SELECT ? AS metric, ? AS agent, ? AS second, ${index.duration} AS duration_ms FROM ${conversations} INDEXED BY ${index.name}
      WHERE ${agent}${index.duration} >= ? AND ${index.duration} < ? AND created_at >= ? AND created_at < ?)`,
    bindings: [
      bucket.metric,
      bucket.agentId,
      bucket.second,
      ...(index.agent ? [bucket.agentId] : []),
      bucket.second * 1000,
      (bucket.second + 1) * 1000,
      start,
      end,
    ],
  };
}

export interface DayRow {
  day: number;
  trigger: EscalationTrigger | null;
  count: number;
}

export type { DurationMetric };
/** The durations of one metric (and agent, for first responses) in one whole second. */
export type DurationBucketRow = KeyedBucket;

/** One bucket whose values a rank needs, and (in the answer) one of those values. */
export interface BucketKey {
  metric: DurationMetric;
  agentId: number;
  second: number;
}
export interface BucketValueRow extends BucketKey {
  valueMs: number;
}

export type AnalyticsQueries = ReturnType<typeof analyticsQueries>;

export function analyticsQueries(strapi: Core.Strapi) {
  const knex = () => strapi.db.connection as unknown as Knex;
  const dialect = () => dialectOf(strapi.db.dialect.client);
  const conversations = () => identifier(strapi.db.metadata.get(UID.conversation).tableName);
  const events = () => identifier(strapi.db.metadata.get(UID.conversationEvent).tableName);
  const raw = async (sql: string, bindings: readonly Knex.Value[]) => rowsOf(await knex().raw(sql, bindings));

  return {
    /** Conversations created in the spans, counted by status, agent, rating and hand-over. */
    async groups(spans: readonly Span[]): Promise<ConversationGroup[]> {
      if (spans.length === 0) return [];
      const queued = 'CASE WHEN queued_at IS NULL THEN 0 ELSE 1 END';
      const escalated = 'CASE WHEN queued_at IS NULL AND offline_at IS NULL THEN 0 ELSE 1 END';
      const created = inSpans('created_at', spans);
      const rows = await raw(
        `SELECT status, assigned_agent_id AS agent, csat_score AS score, ${queued} AS queued, ${escalated} AS escalated, COUNT(*) AS n
         FROM ${conversations()} WHERE ${created.sql}
         GROUP BY status, assigned_agent_id, csat_score, ${queued}, ${escalated}`,
        created.bindings,
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

    /**
     * Hand-overs of the conversations created in the spans, by the day (an index into the days
     * the runs cover) they happened on and trigger; those on no day of the runs are left out.
     */
    async escalationsPerDay(spans: readonly Span[], runs: readonly DayRun[]): Promise<DayRow[]> {
      if (spans.length === 0) return [];
      const sql = dialect();
      const day = dayIndexSql(sql, sql.epochMs('COALESCE(queued_at, offline_at)'), runs);
      const created = inSpans('created_at', spans);
      const rows = await raw(
        `SELECT ${day} AS day_index, escalation_trigger AS trigger_name, COUNT(*) AS n
         FROM ${conversations()}
         WHERE ${created.sql} AND (queued_at IS NOT NULL OR offline_at IS NOT NULL)
         GROUP BY 1, 2`,
        created.bindings,
      );
      return rows.flatMap((row) =>
        row.day_index === null ? [] : [{ day: Number(row.day_index), trigger: (row.trigger_name as EscalationTrigger | null) ?? null, count: Number(row.n) }],
      );
    },

    /**
     * Each duration metric's (and each agent's first responses') histogram of whole seconds:
     * per second, the count, total, smallest and largest value in milliseconds, for the
     * conversations created in the spans and the claims made in them. Negative durations (clock
     * skew) are left out, as the report leaves them out.
     */
    async durationHistogram(spans: readonly Span[]): Promise<DurationBucketRow[]> {
      if (spans.length === 0) return [];
      const { sql: durations, bindings } = durationsSql(dialect(), conversations(), events(), spans);
      const rows = await raw(
        `SELECT metric, agent, ${secondOf(dialect(), 'duration_ms')} AS second, COUNT(*) AS n, SUM(duration_ms) AS total,
           MIN(duration_ms) AS smallest, MAX(duration_ms) AS largest
         FROM (${durations}) durations WHERE duration_ms >= 0 GROUP BY 1, 2, 3`,
        bindings,
      );
      return rows.map((row) => ({
        metric: row.metric as DurationMetric,
        agentId: Number(row.agent),
        second: Number(row.second),
        count: Number(row.n),
        totalMs: Number(row.total),
        minMs: Number(row.smallest),
        maxMs: Number(row.largest),
      }));
    },

    /**
     * The values (milliseconds) of only the given buckets, in ascending order, for the range
     * [start, end). On SQLite the conversations' durations are read through the duration
     * indexes (`ANALYTICS_DURATION_INDEXES`), only the rows of the wanted seconds; elsewhere,
     * and for the waits of claims, the range's durations are filtered.
     */
    async bucketValues(start: Date, end: Date, buckets: readonly BucketKey[]): Promise<BucketValueRow[]> {
      if (buckets.length === 0) return [];
      const indexed = strapi.db.dialect.client === 'sqlite' ? buckets.filter((bucket) => bucket.metric !== 'waiting') : [];
      const scanned = buckets.filter((bucket) => !indexed.includes(bucket));
      const statements: Array<{ sql: string; bindings: Knex.Value[] }> = indexed.map((bucket) =>
        indexedBucketSql(conversations(), bucket, start, end),
      );
      if (scanned.length > 0) {
        const { sql: durations, bindings } = durationsSql(dialect(), conversations(), events(), [{ start, end }]);
        const second = secondOf(dialect(), 'duration_ms');
        const wanted = scanned.map(() => `(metric = ? AND agent = ? AND ${second} = ?)`).join(' OR ');
        statements.push({
          sql: `SELECT metric, agent, ${second} AS second, duration_ms FROM (${durations}) durations WHERE duration_ms >= 0 AND (${wanted})`,
          bindings: [...bindings, ...scanned.flatMap((bucket) => [bucket.metric, bucket.agentId, bucket.second])],
        });
      }
      const rows = await raw(
        `SELECT metric, agent, second, duration_ms FROM (${statements.map((statement) => statement.sql).join(' UNION ALL ')}) wanted ORDER BY 1, 2, 4`,
        statements.flatMap((statement) => statement.bindings),
      );
      return rows.map((row) => ({
        metric: row.metric as DurationMetric,
        agentId: Number(row.agent),
        second: Number(row.second),
        valueMs: Number(row.duration_ms),
      }));
    },
  };
}
