import type { Core } from '@strapi/strapi';

import { UID } from '../constants';
import type { Settings } from '../contracts/settings';
import type { QueueStanding } from '../contracts/views';
import { orderQueue, queueAheadFilter, waitEstimator, type QueueEntry } from '../domain/queue';
import { countOnline, totalFreeSeats } from '../domain/seats';
import { toDate } from '../utils/dates';
import { getService } from '../utils/get-service';

/** How many recent claims feed the estimated wait, and how far back they may be. */
const RECENT_CLAIMS = 50;
const RECENT_WINDOW_MS = 24 * 60 * 60 * 1000;

export interface Standing {
  position: number;
  estimatedWaitSeconds: number | null;
}

/** Place → standing, for any number of places: the estimate's inputs were read once. */
export type StandingAt = (position: number) => Standing;

const NO_STANDING: QueueStanding = { position: null, estimatedWaitSeconds: null };

type QueueEntryRow = { id: number; isVip: boolean | null; priority: number | null; queuedAt: unknown };
const QUEUE_ENTRY_FIELDS = ['id', 'isVip', 'priority', 'queuedAt'];

const toQueueEntry = (row: QueueEntryRow): QueueEntry => ({
  id: row.id,
  isVip: Boolean(row.isVip),
  priority: row.priority ?? 0,
  queuedAt: toDate(row.queuedAt) ?? new Date(0),
});

/**
 * The waiting line's order, each waiting conversation's place in it and its estimated wait
 * (from recent real waits, agents online and free seats). A change to the queue reads the
 * line once (`standings`); one conversation's place is a count (`standingOf`); the page of
 * the desk numbers its own rows (`standingAt`).
 */
const queueStandingsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const conversations = () => strapi.db.query(UID.conversation);

  async function recentWaitsSeconds(now: Date): Promise<number[]> {
    const events = (await strapi.db.query(UID.conversationEvent).findMany({
      where: { kind: 'claimed', occurredAt: { $gt: new Date(now.getTime() - RECENT_WINDOW_MS) } },
      select: ['data'],
      // Both descending, so the (kind, occurred_at) index gives the order with no sort (Strapi
      // would otherwise add `id asc` as the tie-breaker).
      orderBy: [{ occurredAt: 'desc' }, { id: 'desc' }],
      limit: RECENT_CLAIMS,
    })) as Array<{ data: { waitSeconds?: unknown } | null }>;
    return events
      .map((event) => event.data?.waitSeconds)
      .filter((wait): wait is number => typeof wait === 'number' && Number.isFinite(wait));
  }

  async function standingAtWith(settings: Settings, now: Date): Promise<StandingAt> {
    // Hidden estimates need none of their inputs.
    if (!settings.queue.showEstimatedWait) return (position) => ({ position, estimatedWaitSeconds: null });
    const [loads, waits] = await Promise.all([getService('agents', { strapi }).loads(), recentWaitsSeconds(now)]);
    const estimate = waitEstimator({
      recentWaitsSeconds: waits,
      agentsOnline: countOnline(loads),
      freeSeats: totalFreeSeats(loads),
      defaultWaitSeconds: settings.queue.defaultWaitSeconds,
    });
    return (position) => ({ position, estimatedWaitSeconds: estimate(position).seconds });
  }

  return {
    /**
     * The estimate's inputs (settings, agents' loads, recent waits), read once and shared by
     * every place it is asked for.
     */
    async standingAt(now: Date = new Date()): Promise<StandingAt> {
      return standingAtWith(await getService('settings', { strapi }).get(), now);
    },

    /** Place and estimated wait of every waiting conversation, in queue order: one read of the line. */
    async standings(now: Date = new Date()): Promise<Map<number, Standing>> {
      const waiting = (await conversations().findMany({
        where: { status: 'queued' },
        select: QUEUE_ENTRY_FIELDS,
      })) as QueueEntryRow[];
      if (waiting.length === 0) return new Map();
      const settings = await getService('settings', { strapi }).get();
      const standingAt = await standingAtWith(settings, now);
      return new Map(orderQueue(waiting.map(toQueueEntry), settings.queue).map((entry, index) => [entry.id, standingAt(index + 1)]));
    },

    /** One waiting conversation's place: those ahead of it are counted, not read. */
    async standingOf(id: number, now: Date = new Date()): Promise<QueueStanding> {
      const row = (await conversations().findOne({ where: { id, status: 'queued' }, select: QUEUE_ENTRY_FIELDS })) as QueueEntryRow | null;
      if (!row) return NO_STANDING;
      const settings = await getService('settings', { strapi }).get();
      const [ahead, standingAt] = await Promise.all([
        conversations().count({ where: { $and: [{ status: 'queued' }, queueAheadFilter(toQueueEntry(row), settings.queue)] } }),
        standingAtWith(settings, now),
      ]);
      return standingAt(ahead + 1);
    },
  };
};

export default queueStandingsService;
