import type { Core } from '@strapi/strapi';

import { UID } from '../constants';
import type { QueueStanding } from '../contracts/views';
import { estimateWait, orderQueue, type QueueEntry } from '../domain/queue';
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

/**
 * The waiting line's order, each waiting conversation's place in it and its estimated wait
 * (from recent real waits, agents online and free seats).
 */
const queueStandingsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const conversations = () => strapi.db.query(UID.conversation);

  async function recentWaitsSeconds(now: Date): Promise<number[]> {
    const events = (await strapi.db.query(UID.conversationEvent).findMany({
      where: { kind: 'claimed', occurredAt: { $gt: new Date(now.getTime() - RECENT_WINDOW_MS) } },
      orderBy: { occurredAt: 'desc' },
      limit: RECENT_CLAIMS,
    })) as Array<{ data: { waitSeconds?: unknown } | null }>;
    return events
      .map((event) => event.data?.waitSeconds)
      .filter((wait): wait is number => typeof wait === 'number' && Number.isFinite(wait));
  }

  return {
    /** Place and estimated wait of every waiting conversation, in queue order. */
    async standings(now: Date = new Date()): Promise<Map<number, Standing>> {
      const waiting = (await conversations().findMany({
        where: { status: 'queued' },
        select: ['id', 'isVip', 'priority', 'queuedAt'],
      })) as Array<{ id: number; isVip: boolean; priority: number; queuedAt: unknown }>;
      const entries: QueueEntry[] = waiting.map((row) => ({
        id: row.id,
        isVip: Boolean(row.isVip),
        priority: row.priority ?? 0,
        queuedAt: toDate(row.queuedAt) ?? new Date(0),
      }));
      if (entries.length === 0) return new Map();

      const [settings, loads, waits] = await Promise.all([
        getService('settings', { strapi }).get(),
        getService('agents', { strapi }).loads(),
        recentWaitsSeconds(now),
      ]);
      const ordered = orderQueue(entries, settings.queue);
      const context = {
        recentWaitsSeconds: waits,
        agentsOnline: countOnline(loads),
        freeSeats: totalFreeSeats(loads),
        defaultWaitSeconds: settings.queue.defaultWaitSeconds,
      };
      return new Map(
        ordered.map((entry, index) => {
          const position = index + 1;
          const estimate = estimateWait({ ...context, position });
          return [entry.id, { position, estimatedWaitSeconds: settings.queue.showEstimatedWait ? estimate.seconds : null }];
        }),
      );
    },

    async standingOf(id: number, now: Date = new Date()): Promise<QueueStanding> {
      const standing = (await this.standings(now)).get(id);
      return standing ?? { position: null, estimatedWaitSeconds: null };
    },
  };
};

export default queueStandingsService;
