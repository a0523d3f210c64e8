import type { Core } from '@strapi/strapi';

import type { PluginConfig } from '../contracts/plugin-config';
import type { IdleAction } from '../domain/idle';
import { cronEvery } from '../domain/scheduling';
import { getService } from '../utils/get-service';

/**
 * One periodic job. The scheduler runs `run` once per tick across all nodes (a lease row in
 * the database), on node-cron, in the team's time zone. To add a job, add one entry to
 * `SCHEDULED_JOBS` below; its row, its status in Settings and its `jobs.<name>` config key
 * follow. A service method `sweep(now: Date)` that is safe to repeat (compare-and-set) and
 * returns a JSON-able summary fits as it is:
 *
 *   { name: 'queue', cron: () => '*\/5 * * * * *', leaseMs: 60_000,
 *     run: (strapi, now) => getService('queue', { strapi }).sweep(now) },
 *   { name: 'retention', cron: () => '0 30 3 * * *', leaseMs: 30 * 60_000,
 *     run: (strapi, now) => getService('retention', { strapi }).sweep(now) },
 */
export interface ScheduledJobDefinition {
  /** Unique: the key of its lease row and of `jobs.<name>` in the plugin config. */
  name: string;
  /** Its default cron expression (six fields, seconds first, in the team's time zone). */
  cron: (config: PluginConfig) => string;
  /**
   * How long one tick may run before other nodes presume its node died and take the job over.
   * Longer than a run ever takes; short enough that a crash does not stall the job for long.
   */
  leaseMs: number;
  /** The tick's work, once across all nodes; `now` is the time to judge deadlines by. */
  run: (strapi: Core.Strapi, now: Date) => Promise<unknown>;
  /** Work that every node does at each tick, before the lease is tried (its own heartbeat). */
  onEveryNode?: (strapi: Core.Strapi, now: Date) => Promise<void>;
}

function idleSummary(actions: readonly IdleAction[]): { reminded: number; closed: number } {
  return {
    reminded: actions.filter((action) => action.kind === 'remind_agent').length,
    closed: actions.filter((action) => action.kind === 'close_inactive').length,
  };
}

export const SCHEDULED_JOBS: readonly ScheduledJobDefinition[] = [
  {
    // Idle reminders and closing of active conversations.
    name: 'idle',
    cron: (config) => cronEvery(config.idleCheckIntervalMs),
    leaseMs: 2 * 60_000,
    run: async (strapi, now) => idleSummary(await getService('idle', { strapi }).sweep(now)),
  },
  {
    // Each node renews the presence rows of the desk sockets it holds; one node turns agents
    // whose rows have all run out offline.
    name: 'presence',
    cron: () => '*/5 * * * * *',
    leaseMs: 10_000,
    onEveryNode: (strapi, now) => getService('presence', { strapi }).heartbeat(now),
    run: (strapi, now) => getService('presence', { strapi }).sweep(now),
  },
  {
    // Customers who are gone leave the queue; long waits are offered to leave a message.
    // Two seconds after the presence ticks, so that the jobs do not all fire in the same second.
    name: 'queue',
    cron: () => '2-59/5 * * * * *',
    leaseMs: 60_000,
    run: (strapi, now) => getService('queueHousekeeping', { strapi }).sweep(now),
  },
  {
    // Conversations left with the bot end after `bot.closeAfterMinutes` without a customer message.
    name: 'bot',
    // Clear of the idle (0, 30), presence (0, 5, …) and queue (2, 7, …) ticks.
    cron: () => '4 * * * * *',
    leaseMs: 2 * 60_000,
    run: (strapi, now) => getService('botClosing', { strapi }).sweep(now),
  },
  {
    // Closed conversations and offline messages past `retention.keepDays`, anonymised or
    // deleted in batches; at night in the team's time zone, when chat is quiet.
    name: 'retention',
    cron: () => '0 30 3 * * *',
    leaseMs: 30 * 60_000,
    run: (strapi, now) => getService('retention', { strapi }).sweep(now),
  },
  {
    // The analytics of days that can no longer change, rolled up into one row per day; clear of
    // the other jobs' seconds.
    name: 'analytics',
    cron: () => '9 */10 * * * *',
    leaseMs: 10 * 60_000,
    run: (strapi, now) => getService('analyticsRollup', { strapi }).rollUp(now),
  },
];
