/**
 * `npm run bench:load [-- --quick]`: the load benchmark of issue #15, never part of `npm test`.
 * The real playground (`node server.js`, its production start) runs pinned to core 0, this process (the load generator)
 * to core 1; a bare Socket.IO relay doing the same fan-out runs after it on core 0, and a
 * seeded database measures the desk's read paths. Results go to bench/results/load-<date>.json.
 * See bench/results/README.md for the fields.
 */
import os from 'node:os';
import path from 'node:path';

import { parseOptions, type LoadOptions } from './load/options';
import { explainLostMessages } from './load/lost-messages';
import { DeliveryMeter, escalationFanOut, type FanOutTarget, type RateResult } from './load/phases';
import type { HeapProbe } from './load/heap';
import { bootPlayground, type BootedPlayground } from './load/playground';
import { killAllChildren, pinSelf } from './load/processes';
import { RELAY_FLAG, runRelayServer, setUpRelay } from './load/relay';
import { highestSustained, newResults, printSummary, targetChecks, writeResults, type FanOutResults, type LoadResults } from './load/report';
import { seedHistory } from './load/seed';
import { startPostgres } from '../tests/helpers/postgres';
import { measureSeededReads, timeRawAnalyticsRows, type SeededReadsResult } from './load/seeded-reads';
import { setUpOurs } from './load/ours-setup';
import { startKernelWaitSampler } from './load/kernel-waits';
import { startServerTrace } from './load/server-trace';
import { DeliveryLog, stallReport, type StallReport } from './load/stall-report';

const benchDir = path.resolve(process.cwd(), 'bench');
const log = (line: string) => console.log(line);
const describe = (result: RateResult) =>
  `achieved ${result.achievedRate} msg/s, p50 ${result.latencyMs.p50} ms, p99 ${result.latencyMs.p99} ms, ` +
  `backlog ${result.backlogAtWindowEnd}, lost ${result.lost}` +
  (Object.keys(result.refused).length > 0 ? `, refused ${JSON.stringify(result.refused)}` : '');

/** The timed phases shared by ours and the relay, after a warm-up at the base rate. */
/** How long the base rate runs under the sampling heap profiler (it slows the server, so apart from the timed runs). */
const ALLOCATION_SECONDS = 5;

async function measureFanOut(
  target: FanOutTarget,
  heap: HeapProbe,
  options: LoadOptions,
): Promise<Omit<FanOutResults, 'heapPerIdleSocketBytes' | 'idleSocketsMeasured' | 'disconnects'>> {
  const meter = new DeliveryMeter(target);
  log(`  warm-up ${options.warmupSeconds} s at ${options.rate} msg/s`);
  await meter.run(options.rate, options.warmupSeconds, options.seed);
  const delivery = await meter.run(options.rate, options.measureSeconds, options.seed + 1);
  log(`  delivery: ${describe(delivery)}`);
  await logLostMessages(target, delivery);
  const sampled = await heap.allocatedDuring(() => meter.run(options.rate, ALLOCATION_SECONDS, options.seed + 50));
  const perMessage = (bytes: number) => Math.round(bytes / Math.max(1, sampled.result.delivered));
  const allocatedPerMessageBytes = perMessage(sampled.bytes);
  log(`  allocated: ${(allocatedPerMessageBytes / 1024).toFixed(1)} KB per message`);
  const allocatorsPerMessage = sampled.topAllocators.map(({ site, bytes }) => ({ site, bytes: perMessage(bytes) }));
  for (const { site, bytes } of allocatorsPerMessage.slice(0, 8)) log(`    ${String(bytes).padStart(6)} B  ${site}`);
  const steps = [];
  for (const [index, rate] of options.steps.entries()) {
    const step = await meter.run(rate, options.stepSeconds, options.seed + 2 + index);
    log(`  step ${rate} msg/s: ${describe(step)}`);
    await logLostMessages(target, step);
    steps.push(step);
    // A higher rate cannot be sustained either; its backlog would only delay the next phases.
    if (!step.sustained) break;
  }
  const escalation = await escalationFanOut(target, meter, options.escalationsPerSecond);
  log(`  escalation fan-out: p50 ${escalation.latencyMs.p50} ms, p99 ${escalation.latencyMs.p99} ms, missing ${escalation.missing}`);
  return { delivery, allocatedPerMessageBytes, allocatorsPerMessage, steps, highestSustainedRate: highestSustained(steps), escalation };
}

/** Looks up the first few messages a run lost (see `lost-messages.ts`) and prints what the server holds of them. */
async function logLostMessages(target: FanOutTarget, result: RateResult): Promise<void> {
  if (result.lost === 0) return;
  log(`  ${result.lost} message(s) acknowledged but never delivered; the first ${result.lostMessages.length}:`);
  for (const line of await explainLostMessages(target, result.lostMessages)) log(`    ${line}`);
}

function reportDisconnects(counts: Record<string, number>): Record<string, number> {
  const total = Object.values(counts).reduce((sum, count) => sum + count, 0);
  log(`  sockets dropped during the run: ${total}${total > 0 ? ` ${JSON.stringify(counts)}` : ''}`);
  return counts;
}

/** The stall report's window: the idle rules and the jobs tick every few seconds to a minute. */
const STALL_WINDOW_MS = 10_000;

const sizesOf = (options: LoadOptions) => ({ customers: options.customers, agents: options.agents, escalators: options.escalations });

/** The base rate with the idle rules on, traced inside the server to say what held it up. */
async function stallProbe(server: BootedPlayground, target: FanOutTarget, options: LoadOptions) {
  const meter = new DeliveryMeter(target);
  await meter.settle();
  const deliveries = new DeliveryLog();
  const trace = await startServerTrace(server.inspector, STALL_WINDOW_MS);
  const kernelWaits = await startKernelWaitSampler(server.pid);
  const stall = await meter.run(options.rate, options.stallSeconds, options.seed + 100, deliveries.record);
  const report: StallReport = stallReport(deliveries, await trace.finish(), await kernelWaits.finish());
  await logLostMessages(target, stall);
  return { stall, stallReport: report };
}

async function runOurs(options: LoadOptions): Promise<FanOutResults> {
  const postgres = options.postgres ? await startPostgres() : null;
  try {
    return await runOursOn(options, postgres?.env);
  } finally {
    postgres?.stop();
  }
}

async function runOursOn(options: LoadOptions, env: Record<string, string> | undefined): Promise<FanOutResults> {
  log(`Ours: booting the playground on ${env ? 'PostgreSQL' : 'SQLite'}`);
  const server = await bootPlayground({ databaseDir: options.databaseDir, env, nodeFlags: options.serverNodeFlags, pluginConfig: options.pluginConfig, logFile: options.serverLog ?? undefined });
  try {
    const setup = await setUpOurs(server, sizesOf(options), log);
    try {
      const measured = await measureFanOut(setup.target, server.heap, options);
      log(`  stall probe: ${options.stallSeconds} s at ${options.rate} msg/s`);
      const { stall, stallReport } = await stallProbe(server, setup.target, options);
      return {
        setupSeconds: setup.setupSeconds,
        heapPerIdleSocketBytes: setup.heapPerIdleSocketBytes,
        idleSocketsMeasured: setup.idleSocketsMeasured,
        ...measured,
        stall,
        stallReport,
        disconnects: reportDisconnects(setup.disconnects()),
      };
    } finally {
      setup.close();
    }
  } finally {
    await server.stop();
    server.removeDatabase();
  }
}

async function runRelay(options: LoadOptions): Promise<FanOutResults> {
  log('Relay: starting the bare Socket.IO relay');
  const setup = await setUpRelay(sizesOf(options), options.serverNodeFlags);
  try {
    const measured = await measureFanOut(setup.target, setup.heap, options);
    // The same probe as ours, so "no delivery over 20 ms" has a baseline: what the machine, Node
    // and Socket.IO alone deliver late at this rate over the same time.
    log(`  stall probe: ${options.stallSeconds} s at ${options.rate} msg/s`);
    const stall = await new DeliveryMeter(setup.target).run(options.rate, options.stallSeconds, options.seed + 100);
    log(`  stall probe: max ${stall.latencyMs.max} ms, ${stall.over20Ms} deliveries above 20 ms`);
    return {
      heapPerIdleSocketBytes: setup.heapPerIdleSocketBytes,
      idleSocketsMeasured: setup.idleSocketsMeasured,
      ...measured,
      stall,
      disconnects: reportDisconnects(setup.disconnects()),
    };
  } finally {
    await setup.close();
  }
}

/**
 * What the analytics job does over a site's life, at once: every closed day of the seeded
 * history rolled up (the job rolls up a bounded number per tick), so the report is read as a
 * site that has run for months reads it.
 */
async function rollUpEveryClosedDay(server: BootedPlayground): Promise<{ days: number; months: number; seconds: number }> {
  const started = performance.now();
  const inspector = await server.inspector();
  const total = await inspector.evaluate<{ rolledUp: number; months: number }>(
    "strapi.plugin('live-support').service('analyticsRollup').rollUpUntilDone(new Date())",
    // A year of a million conversations takes a while.
    600_000,
  );
  return { days: total.rolledUp, months: total.months, seconds: Math.round((performance.now() - started) / 100) / 10 };
}

async function runSeeded(options: LoadOptions): Promise<NonNullable<LoadResults['seeded']>> {
  const historyDays = options.seededConversations >= 1_000_000 ? 365 : 120;
  log(`Seeded: ${options.seededConversations} conversations over ${historyDays} days`);
  const fresh = await bootPlayground({ databaseDir: options.databaseDir });
  await fresh.stop();
  try {
    const seed = seedHistory(fresh.databaseFile, {
      conversations: options.seededConversations,
      messagesPerConversation: options.messagesPerConversation,
      historyDays,
      seed: options.seed,
    });
    log(`  seeded ${seed.conversations} conversations, ${seed.messages} messages, ${seed.events} events in ${seed.seconds} s`);
    const server = await bootPlayground({ databaseDir: options.databaseDir, databaseFile: fresh.databaseFile });
    const slowRounds = options.quick ? 3 : 10;
    let reads: SeededReadsResult;
    try {
      const rollup = await rollUpEveryClosedDay(server);
      log(`  analytics job caught up: ${rollup.days} days and ${rollup.months} months rolled up in ${rollup.seconds} s`);
      reads = await measureSeededReads(server.url, { rangeDays: historyDays, fastRounds: options.quick ? 30 : 100, slowRounds });
      log(`  queue p50 ${reads.queueSnapshotMs.p50} ms, analytics p50 ${reads.analyticsMs.p50} ms, users/me p50 ${reads.usersMeMs.p50} ms`);
    } finally {
      await server.stop();
    }
    reads.rawSqliteRowsMs = timeRawAnalyticsRows(fresh.databaseFile, { rangeDays: historyDays, rounds: slowRounds, datetimeStorage: seed.datetimeStorage });
    return { seed, reads };
  } finally {
    fresh.removeDatabase();
  }
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  pinSelf();
  const results = newResults(options);
  let failed = false;
  try {
    if (!options.skip.has('ours')) results.ours = await runOurs(options);
    if (!options.skip.has('relay')) results.relay = await runRelay(options);
    if (!options.skip.has('seeded')) results.seeded = await runSeeded(options);
  } catch (error) {
    failed = true;
    results.error = error instanceof Error ? (error.stack ?? error.message) : String(error);
    console.error(error);
  } finally {
    killAllChildren();
  }
  results.finishedAt = new Date().toISOString();
  results.machine.loadAverageAtEnd = os.loadavg();
  results.targets = targetChecks(results);
  const file = writeResults(results, options.output, benchDir);
  printSummary(results);
  log(`\nResults: ${path.relative(process.cwd(), file)}`);
  process.exit(failed ? 1 : 0);
}

if (process.argv.includes(RELAY_FLAG)) {
  runRelayServer();
} else {
  main().catch((error: unknown) => {
    console.error(error);
    killAllChildren();
    process.exit(1);
  });
}
