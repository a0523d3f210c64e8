import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { performance } from 'node:perf_hooks';

import type { Core } from '@strapi/strapi';
import { createTask, schedule, type ScheduledTask } from 'node-cron';

import type { PluginConfig } from '../contracts/plugin-config';
import type { ScheduledJobView } from '../contracts/scheduled-jobs';
import { errorSummary, longestGapMs, outcomeSummary, type JsonValue, type TickRefusal } from '../domain/scheduling';
import { getService } from '../utils/get-service';
import { SCHEDULED_JOBS, type ScheduledJobDefinition } from './scheduled-job-registry';

export type TickResult =
  | { ran: true; outcome: JsonValue; error: null }
  | { ran: true; outcome: null; error: string }
  | { ran: false; reason: TickRefusal };

/**
 * All periodic work of the plugin, on node-cron: started at bootstrap, stopped in destroy.
 * Every node schedules every job; at each tick the nodes race for the job's lease row and the
 * winner runs it (`runTick`), so each tick runs once across all nodes. The jobs are listed in
 * `scheduled-job-registry.ts`.
 */
const schedulerService = ({ strapi }: { strapi: Core.Strapi }) => {
  /** Per process start: presence rows and leases of an earlier run are never taken for this one's. */
  const nodeId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const tasks = new Map<string, ScheduledTask>();
  let timeZone: string | null = null;

  const store = () => getService('scheduledJobs', { strapi });
  const config = () => strapi.config.get('plugin::live-support') as PluginConfig;
  const cronOf = (job: ScheduledJobDefinition) => config().jobs[job.name]?.cron ?? job.cron(config());
  const isEnabled = (job: ScheduledJobDefinition) => config().jobs[job.name]?.enabled ?? true;

  function definition(name: string): ScheduledJobDefinition {
    const job = SCHEDULED_JOBS.find((candidate) => candidate.name === name);
    if (!job) throw new Error(`unknown scheduled job "${name}"`);
    return job;
  }

  /** The team's time zone, read at start (a change of the opening hours' zone applies at the next start). */
  async function teamTimeZone(): Promise<string> {
    timeZone ??= (await getService('openingHours', { strapi }).get()).timeZone;
    return timeZone;
  }

  return {
    /** This process's id in lease and presence rows. */
    nodeId(): string {
      return nodeId;
    },

    async start(): Promise<void> {
      if (tasks.size > 0) return;
      const zone = await teamTimeZone();
      for (const name of Object.keys(config().jobs)) {
        if (!SCHEDULED_JOBS.some((job) => job.name === name)) strapi.log.warn(`[live-support] config jobs.${name}: no such job`);
      }
      for (const job of SCHEDULED_JOBS) {
        await store().ensure(job.name);
        if (!isEnabled(job)) continue;
        const task = schedule(
          cronOf(job),
          // The tick is the scheduled time, the same on every node, not when this timer woke up.
          (context) =>
            this.runTick(job.name, context.date).catch((error: unknown) => {
              strapi.log.error(`[live-support] job ${job.name} could not run: ${errorSummary(error)}`);
            }),
          // A tick missed under load is not worth a warning: the next one does the same work.
          { name: `live-support:${job.name}`, timezone: zone, noOverlap: true, suppressMissedWarning: true },
        );
        tasks.set(job.name, task);
      }
    },

    async stop(): Promise<void> {
      for (const task of tasks.values()) await task.destroy();
      tasks.clear();
    },

    /**
     * One tick of a job: this node's own part, then the job's run if this node wins the tick's
     * lease. Cron calls it with the scheduled time; tests call it with a controlled clock.
     */
    async runTick(name: string, tickAt: Date, now: Date = new Date()): Promise<TickResult> {
      const job = definition(name);
      if (job.onEveryNode) {
        await job.onEveryNode(strapi, now).catch((error: unknown) => {
          strapi.log.error(`[live-support] job ${name} (this node's part) failed: ${errorSummary(error)}`);
        });
      }
      const claim = await store().claimTick(name, nodeId, tickAt, now, job.leaseMs);
      if (!claim.won) return { ran: false, reason: claim.reason };
      const started = performance.now();
      let result: TickResult;
      try {
        result = { ran: true, outcome: outcomeSummary(await job.run(strapi, now)), error: null };
      } catch (error) {
        result = { ran: true, outcome: null, error: errorSummary(error) };
        strapi.log.error(`[live-support] job ${name} failed: ${result.error}`);
      }
      await store().finishTick({
        name,
        nodeId,
        tickAt,
        finishedAt: new Date(now.getTime() + Math.round(performance.now() - started)),
        outcome: result.outcome,
        error: result.error,
      });
      return result;
    },

    /** About how often a job ticks, from its cron expression. */
    periodMs(name: string): number {
      const running = tasks.get(name);
      if (running) return longestGapMs(running.getNextRuns(4));
      const probe = createTask(cronOf(definition(name)), () => undefined);
      try {
        return longestGapMs(probe.getNextRuns(4));
      } finally {
        void probe.destroy();
      }
    },

    /** Every job's schedule and last run, for Settings. */
    async statuses(now: Date = new Date()): Promise<ScheduledJobView[]> {
      const [records, zone] = await Promise.all([store().findAll(), teamTimeZone()]);
      const byName = new Map(records.map((record) => [record.name, record]));
      return SCHEDULED_JOBS.map((job) => {
        const record = byName.get(job.name);
        const nextRun = tasks.get(job.name)?.getNextRun() ?? null;
        return {
          name: job.name,
          cron: cronOf(job),
          timeZone: zone,
          enabled: isEnabled(job),
          lastTickAt: record?.lastTickAt?.toISOString() ?? null,
          lastStartedAt: record?.lastStartedAt?.toISOString() ?? null,
          lastFinishedAt: record?.lastFinishedAt?.toISOString() ?? null,
          lastNode: record?.leaseOwner ?? null,
          running: Boolean(record?.leaseUntil && record.leaseUntil.getTime() > now.getTime()),
          lastError: record?.lastError ?? null,
          lastOutcome: record?.lastOutcome ?? null,
          runCount: record?.runCount ?? 0,
          nextRunAt: nextRun?.toISOString() ?? null,
        };
      });
    },
  };
};

export default schedulerService;
