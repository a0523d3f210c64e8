import type { Core } from '@strapi/strapi';

import { UID } from '../constants';
import type { QueueQuery } from '../contracts/conversation';
import type { AgentConversationView, QueueSnapshot, QueueSnapshotMeta, QueueStanding } from '../contracts/views';
import { estimateWait, orderQueue, queueOrderBy, type QueueEntry } from '../domain/queue';
import { countOnline, totalFreeSeats } from '../domain/seats';
import { toDate } from '../utils/dates';
import { getService } from '../utils/get-service';
import type { ConversationRow } from './conversations';

/** How many recent claims feed the estimated wait, and how far back they may be. */
const RECENT_CLAIMS = 50;
const RECENT_WINDOW_MS = 24 * 60 * 60 * 1000;
/** How many waiting conversations one "next" tries before leaving the rest to colleagues. */
const CLAIM_NEXT_ATTEMPTS = 10;
/** Conflicts that mean a colleague got that conversation first: try the next one. */
const TAKEN_CODES = new Set(['ALREADY_CLAIMED', 'INVALID_TRANSITION', 'STALE_STATE']);

export interface Standing {
  position: number;
  estimatedWaitSeconds: number | null;
}

/** The waiting line: its order, each conversation's place, the estimates and the agents' snapshot. */
const queueService = ({ strapi }: { strapi: Core.Strapi }) => {
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

    /**
     * Claims the first waiting conversation in queue order for this agent; when a colleague is
     * faster, the next one. Null when nobody is waiting. A full agent gets the seat-limit conflict.
     */
    async claimNext(agentId: number): Promise<AgentConversationView | null> {
      const { queue: queueSettings } = await getService('settings', { strapi }).get();
      const waiting = (await conversations().findMany({
        where: { status: 'queued' },
        orderBy: queueOrderBy(queueSettings),
        select: ['id'],
        limit: CLAIM_NEXT_ATTEMPTS,
      })) as Array<{ id: number }>;
      for (const { id } of waiting) {
        try {
          return await getService('conversations', { strapi }).claim(id, agentId);
        } catch (error) {
          const code = (error as { details?: { code?: string } }).details?.code;
          if (!code || !TAKEN_CODES.has(code)) throw error;
        }
      }
      return null;
    },

    /** The agent desk's three columns, each paged, with their total counts. */
    async snapshot(agentId: number, paging: QueueQuery): Promise<{ data: QueueSnapshot; meta: QueueSnapshotMeta }> {
      const offset = (paging.page - 1) * paging.pageSize;
      const engine = getService('conversations', { strapi });
      const { queue: queueSettings } = await getService('settings', { strapi }).get();
      const [waitingRows, mineRows, resolvedRows, mineCount, resolvedCount, standings] = await Promise.all([
        conversations().findMany({ where: { status: 'queued' }, orderBy: queueOrderBy(queueSettings), offset, limit: paging.pageSize }),
        conversations().findMany({
          where: { status: 'active', assignedAgentId: agentId },
          orderBy: [{ claimedAt: 'asc' }, { id: 'asc' }],
          offset,
          limit: paging.pageSize,
        }),
        conversations().findMany({
          where: { status: 'resolved' },
          orderBy: [{ resolvedAt: 'desc' }, { id: 'desc' }],
          offset,
          limit: paging.pageSize,
        }),
        conversations().count({ where: { status: 'active', assignedAgentId: agentId } }),
        conversations().count({ where: { status: 'resolved' } }),
        this.standings(),
      ]);
      // One pass over all three columns: one query for the last messages, one set of names.
      const cards = await engine.cardViews([...waitingRows, ...mineRows, ...resolvedRows] as ConversationRow[], standings);
      const waiting = cards.slice(0, waitingRows.length);
      const mine = cards.slice(waitingRows.length, waitingRows.length + mineRows.length);
      const resolved = cards.slice(waitingRows.length + mineRows.length);
      return {
        data: { waiting, mine, resolved },
        meta: {
          // Every waiting conversation has a standing: their number is the queue's length.
          counts: { waiting: standings.size, mine: mineCount, resolved: resolvedCount },
          pagination: { page: paging.page, pageSize: paging.pageSize },
          serverTime: new Date().toISOString(),
        },
      };
    },
  };
};

export default queueService;
