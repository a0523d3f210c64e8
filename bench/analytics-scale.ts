/**
 * Analytics at scale (`node bench/run.mjs analytics-scale.ts [conversations] [--no-year]`): the playground
 * booted for real on a fresh SQLite database, seeded with batched inserts with 100,000
 * conversations (about ten messages and four events each) spread over four months, then the
 * report and the CSV timed against two baselines measured in the same run:
 *
 * - in memory: the previous implementation, which read every conversation of the range (and
 *   every claim event) through the query engine and computed the figures in JavaScript
 *   (`buildReport` over the facts);
 * - plain rows: a bare SELECT of those conversations' columns, the floor of any approach that
 *   reads them all.
 *
 * Each report is timed twice in the same run: first with every day aggregated live (no day
 * rolled up yet: the implementation before the rollup), then after the analytics job has rolled
 * up the closed days (the bench's clock for it is the first of January 2027, so the last day of
 * each seeded range, whose conversations are partly still open, stays live).
 *
 * Then the rest of the year is seeded (1,000,000 conversations in all, without messages, which
 * the report never reads) and a whole-year report is timed the same way. Figures are the median
 * of ROUNDS runs.
 */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { Readable } from 'node:stream';

import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';

import { UID } from '../server/src/constants';
import type { AnalyticsReport } from '../server/src/contracts/analytics';
import { dayRuns, daysOf, rangeInstants } from '../server/src/domain/analytics';
import { liveSpans, mergeFigures } from '../server/src/domain/analytics-rollup';
import { analyticsQueries } from '../server/src/services/analytics-queries';
import type { RolledUp } from '../server/src/services/analytics-rollup';
import { inMemoryReport as inMemory } from '../tests/helpers/analytics-reference';
import type { BootedStrapi } from '../tests/helpers/strapi';

import { benchmarkOnBootedStrapi } from './on-booted-strapi';
import { seedConversations } from './analytics-seed';

const ROUNDS = Number(process.env.ROUNDS ?? 5);
const FOUR_MONTHS = { from: '2026-07-01', to: '2026-10-31' };
const YEAR = { from: '2026-01-01', to: '2026-12-31' };
const TIME_ZONE = 'Europe/Helsinki';
/** The analytics job's clock: every seeded day but the ranges' last ones has closed. */
const ROLLUP_NOW = new Date('2027-01-01T12:00:00Z');

/** Wall time, and the CPU time of this process (SQLite runs in it): the CPU figure barely moves with the machine's load. */
interface Timing {
  wallMs: number;
  cpuMs: number;
}

async function median(operation: () => Promise<unknown>): Promise<Timing> {
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    const started = performance.now();
    const cpu = process.cpuUsage();
    await operation();
    const used = process.cpuUsage(cpu);
    cpus.push((used.user + used.system) / 1000);
    walls.push(performance.now() - started);
  }
  const middle = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(ROUNDS / 2)];
  return { wallMs: middle(walls), cpuMs: middle(cpus) };
}

/** Each statement of the report on its own (the live ones over the range's live days), with SQLite's plan for it. */
async function profileStatements(strapi: Core.Strapi, query: { from: string; to: string }): Promise<void> {
  const { start, end } = rangeInstants(query.from, query.to, TIME_ZONE);
  const queries = analyticsQueries(strapi);
  const rollup = strapi.plugin('live-support').service('analyticsRollup');
  const rolledUp = (await rollup.rolledUp(query.from, query.to, TIME_ZONE)) as RolledUp;
  const spans = liveSpans(daysOf(query.from, query.to), rolledUp.days, TIME_ZONE);
  const whole = [{ start, end }];
  const histogram = await queries.durationHistogram(whole);
  const someBuckets = histogram.filter((bucket) => bucket.count > 2 && bucket.metric !== 'waiting').slice(0, 12).map(({ metric, agentId, second }) => ({ metric, agentId, second }));
  const statements: Array<[string, () => Promise<unknown>]> = [
    [`rolled-up rows read (${rolledUp.figures.length} rows for ${rolledUp.days.size} days)`, () => rollup.rolledUp(query.from, query.to, TIME_ZONE)],
    [`rolled-up rows merged`, async () => mergeFigures(rolledUp.figures, { groups: [], escalations: [], buckets: [] })],
    [`groups, live days (${spans.length} spans)`, () => queries.groups(spans)],
    ['escalations per day, live days', () => queries.escalationsPerDay(spans, dayRuns(query.from, query.to, TIME_ZONE))],
    ['duration histograms, live days', () => queries.durationHistogram(spans)],
    ['groups, the whole range live', () => queries.groups(whole)],
    ['escalations per day, the whole range live', () => queries.escalationsPerDay(whole, dayRuns(query.from, query.to, TIME_ZONE))],
    ['duration histograms, the whole range live', () => queries.durationHistogram(whole)],
    [`values of ${someBuckets.length} buckets`, () => queries.bucketValues(start, end, someBuckets)],
  ];
  console.log('\n| statement | wall (ms) | CPU (ms) |\n| --- | ---: | ---: |');
  for (const [name, run] of statements) {
    const timing = await median(run);
    console.log(`| ${name} | ${timing.wallMs.toFixed(0)} | ${timing.cpuMs.toFixed(0)} |`);
  }
  // The statements of one whole report, as knex sends them, each with SQLite's plan.
  const sent: Array<{ sql: string; bindings: Knex.Value[] }> = [];
  const collect = (statement: { sql: string; bindings?: Knex.Value[] }) => sent.push({ sql: statement.sql, bindings: statement.bindings ?? [] });
  strapi.db.connection.on('query', collect);
  await strapi.plugin('live-support').service('analytics').report(query);
  strapi.db.connection.off('query', collect);
  for (const { sql, bindings } of sent.filter((statement) => /^\s*SELECT/i.test(statement.sql))) {
    const plan = (await strapi.db.connection.raw(`EXPLAIN QUERY PLAN ${sql}`, bindings)) as Array<{ detail: string }>;
    console.log(`\n${sql.replace(/\s+/g, ' ').slice(0, 90)}…\n  ${plan.map((step) => step.detail).join('\n  ')}`);
  }
}

/** Runs the analytics job until no day is left to roll up; answers the days rolled up and the time it took. */
async function rollUpAll(strapi: Core.Strapi): Promise<{ days: number; months: number; wallMs: number; cpuMs: number }> {
  const rollup = strapi.plugin('live-support').service('analyticsRollup');
  const started = performance.now();
  const cpu = process.cpuUsage();
  const { rolledUp: days, months } = (await rollup.rollUpUntilDone(ROLLUP_NOW)) as { rolledUp: number; months: number };
  const used = process.cpuUsage(cpu);
  return { days, months, wallMs: performance.now() - started, cpuMs: (used.user + used.system) / 1000 };
}

async function expectReference(strapi: Core.Strapi, query: { from: string; to: string }, what: string): Promise<void> {
  const ours = (await strapi.plugin('live-support').service('analytics').report(query)) as AnalyticsReport;
  const reference = await inMemoryReport(strapi, query);
  if (JSON.stringify(ours) !== JSON.stringify(reference)) {
    console.error(JSON.stringify({ ours, reference }, null, 1));
    throw new Error(`The report (${what}) differs from the in-memory report`);
  }
  console.log(`The report (${what}) equals the in-memory report, figure for figure.`);
}

/** The previous analytics service: every conversation and claim of the range into memory. */
const inMemoryReport = (strapi: Core.Strapi, query: { from: string; to: string }) => inMemory(strapi, query, TIME_ZONE);

async function plainRows(strapi: Core.Strapi, query: { from: string; to: string }): Promise<number> {
  const { start, end } = rangeInstants(query.from, query.to, TIME_ZONE);
  const rows = await strapi.db
    .connection(strapi.db.metadata.get(UID.conversation).tableName)
    .select('status', 'created_at', 'escalation_trigger', 'queued_at', 'offline_at', 'claimed_at', 'first_agent_reply_at', 'resolved_at', 'abandoned_at', 'csat_score', 'assigned_agent_id')
    .where('created_at', '>=', start)
    .andWhere('created_at', '<', end);
  return rows.length;
}

async function drain(stream: Readable): Promise<number> {
  let bytes = 0;
  for await (const chunk of stream) bytes += String(chunk).length;
  return bytes;
}

type ResultRow = [name: string, rolledUp: Timing, live: Timing, inMemory: Timing, rows: Timing];

function printTable(results: readonly ResultRow[]): void {
  console.log(`\nAnalytics at scale: median of ${ROUNDS} runs, same run and database (SQLite); wall / CPU ms; load: ${loadAverage()}\n`);
  console.log('| figure | rolled up + live | all days live (before) | in memory | plain SELECT of the rows | rolled ÷ live (CPU) | rolled ÷ rows (CPU) |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  const both = (timing: Timing) => `${timing.wallMs.toFixed(0)} / ${timing.cpuMs.toFixed(0)}`;
  for (const [name, rolledUp, live, inMemory, rows] of results) {
    console.log(
      `| ${name} | ${both(rolledUp)} | ${both(live)} | ${both(inMemory)} | ${both(rows)} | ${(rolledUp.cpuMs / live.cpuMs).toFixed(2)} | ${(rolledUp.cpuMs / rows.cpuMs).toFixed(2)} |`,
    );
  }
}

const loadAverage = () => loadavg().map((value) => value.toFixed(1)).join(' ');

async function measure(app: BootedStrapi): Promise<void> {
  const conversationsInFourMonths = Number(process.argv.slice(2).find((argument) => /^\d+$/.test(argument)) ?? 100_000);
  const { strapi } = app;
  const analytics = strapi.plugin('live-support').service('analytics');
  const dropRollup = () => strapi.db.query(UID.analyticsDay).deleteMany({ where: {} });

  let started = performance.now();
  const seeded = await seedConversations(strapi, { ...FOUR_MONTHS, timeZone: TIME_ZONE, conversations: conversationsInFourMonths, messagesEach: 10 });
  console.log(`Seeded ${seeded.conversations} conversations, ${seeded.messages} messages, ${seeded.events} events in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  await dropRollup();
  await expectReference(strapi, FOUR_MONTHS, 'every day live');

  const results: ResultRow[] = [];
  const live = {
    report: await median(() => analytics.report(FOUR_MONTHS)),
    csv: await median(async () => drain(await analytics.csv(FOUR_MONTHS))),
  };
  let rolled = await rollUpAll(strapi);
  console.log(`Rolled up ${rolled.days} days and ${rolled.months} months in ${rolled.wallMs.toFixed(0)} ms wall, ${rolled.cpuMs.toFixed(0)} ms CPU (${(rolled.cpuMs / Math.max(1, rolled.days)).toFixed(1)} ms CPU a day)`);
  await expectReference(strapi, FOUR_MONTHS, 'rolled up + live');
  const fourMonths = {
    report: await median(() => analytics.report(FOUR_MONTHS)),
    csv: await median(async () => drain(await analytics.csv(FOUR_MONTHS))),
    inMemory: await median(() => inMemoryReport(strapi, FOUR_MONTHS)),
    rows: await median(() => plainRows(strapi, FOUR_MONTHS)),
  };
  results.push([`report, 4 months (${seeded.conversations} conversations)`, fourMonths.report, live.report, fourMonths.inMemory, fourMonths.rows]);
  results.push(['CSV, 4 months', fourMonths.csv, live.csv, fourMonths.inMemory, fourMonths.rows]);
  printTable(results);
  await profileStatements(strapi, FOUR_MONTHS);
  if (process.argv.includes('--no-year')) return;

  started = performance.now();
  const rest = await seedConversations(strapi, {
    from: YEAR.from,
    to: YEAR.to,
    timeZone: TIME_ZONE,
    conversations: conversationsInFourMonths * 10 - seeded.conversations,
    messagesEach: 0,
  });
  console.log(`Seeded ${rest.conversations} more conversations over the year in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const yearCount = seeded.conversations + rest.conversations;
  await dropRollup();
  const yearLive = await median(() => analytics.report(YEAR));
  rolled = await rollUpAll(strapi);
  console.log(`Rolled up ${rolled.days} days and ${rolled.months} months in ${rolled.wallMs.toFixed(0)} ms wall, ${rolled.cpuMs.toFixed(0)} ms CPU (${(rolled.cpuMs / Math.max(1, rolled.days)).toFixed(1)} ms CPU a day)`);
  await expectReference(strapi, YEAR, 'a year, rolled up + live');
  const year = {
    report: await median(() => analytics.report(YEAR)),
    inMemory: await median(() => inMemoryReport(strapi, YEAR)),
    rows: await median(() => plainRows(strapi, YEAR)),
  };
  results.push([`report, a year (${yearCount} conversations)`, year.report, yearLive, year.inMemory, year.rows]);

  printTable(results);
  await profileStatements(strapi, YEAR);
}

benchmarkOnBootedStrapi(measure);
