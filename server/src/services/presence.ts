import type { Core } from '@strapi/strapi';

import type { PluginConfig } from '../contracts/plugin-config';
import type { AgentPresenceView } from '../contracts/views';
import { UID } from '../constants';
import {
  agentsToTurnOffline,
  connectedLiveUntil,
  disconnectedLiveUntil,
  type PresenceTiming,
} from '../domain/presence';
import type { PresenceStatus } from '../domain/seats';
import { keysetPages, yieldToOthers } from '../utils/batches';
import { getService } from '../utils/get-service';

export interface PresenceSweep {
  /** Agents turned offline because none of their desk sockets is open anywhere any more. */
  turnedOffline: number;
  /** Connection rows forgotten (run out, their presence settled). */
  forgotten: number;
}

/**
 * Agent presence from their desk sockets, kept in the database so that it outlives the node
 * that saw them. The first socket brings an offline agent online. Each node keeps a connection
 * row per agent whose sockets it holds (renewed by its heartbeat, the `presence` job's part on
 * every node); when the last one closes, the row runs out after the grace period, so that a
 * page reload or a brief network loss does not bounce the agent out of the queue. The
 * `presence` job turns agents whose rows have all run out offline — also when the node that
 * held their sockets died or every node restarted.
 */
const presenceService = ({ strapi }: { strapi: Core.Strapi }) => {
  let stopped = false;
  let heartbeatMs: number | null = null;
  const agents = () => getService('agents', { strapi });
  const notifier = () => getService('notifier', { strapi });
  const connections = () => getService('agentConnections', { strapi });
  const scheduler = () => getService('scheduler', { strapi });

  function timing(): PresenceTiming {
    const { presenceGracePeriodMs } = strapi.config.get('plugin::live-support') as PluginConfig;
    heartbeatMs ??= scheduler().periodMs('presence');
    return { graceMs: presenceGracePeriodMs, heartbeatMs };
  }

  async function change(agentId: number, status: PresenceStatus): Promise<void> {
    const { changed } = await agents().setPresence(agentId, status);
    if (changed) await notifier().presenceChanged(agentId);
  }

  /** This node's open desk sockets that may chat, by agent. */
  function localSockets(): Map<number, number> {
    const counts = new Map<number, number>();
    const server = getService('realtime', { strapi }).get();
    for (const socket of server?.agent.sockets.values() ?? []) {
      if (socket.data.canChat) counts.set(socket.data.agentId, (counts.get(socket.data.agentId) ?? 0) + 1);
    }
    return counts;
  }

  return {
    /** The agent's own choice (online, away, offline); answers their line of the agents list. */
    async set(agentId: number, status: PresenceStatus): Promise<AgentPresenceView> {
      await change(agentId, status);
      const view = await agents().presenceView(agentId);
      if (!view) throw new Error('presence of the current agent is missing');
      return view;
    },

    async socketConnected(agentId: number, now: Date = new Date()): Promise<void> {
      // The row first: a sweep deciding at this moment then either sees it or is undone (see `sweep`).
      const sockets = Math.max(1, localSockets().get(agentId) ?? 0);
      await connections().put(agentId, scheduler().nodeId(), sockets, connectedLiveUntil(now, timing()));
      if ((await agents().presenceOf(agentId)) === 'offline') await change(agentId, 'online');
    },

    async socketDisconnected(agentId: number, now: Date = new Date()): Promise<void> {
      // A node shutting down leaves its rows to run out, as a crashed one would.
      if (stopped) return;
      const sockets = localSockets().get(agentId) ?? 0;
      const liveUntil = sockets > 0 ? connectedLiveUntil(now, timing()) : disconnectedLiveUntil(now, timing());
      await connections().put(agentId, scheduler().nodeId(), sockets, liveUntil);
    },

    /**
     * This node's part of each `presence` tick: it still holds these agents' sockets. One
     * statement renews all of the node's rows (the socket counts were written as sockets came
     * and went); only a row that went missing is written again.
     */
    async heartbeat(now: Date): Promise<void> {
      if (stopped) return;
      const nodeId = scheduler().nodeId();
      const liveUntil = connectedLiveUntil(now, timing());
      const sockets = localSockets();
      const missing = await connections().renew(nodeId, [...sockets.keys()], liveUntil);
      for (const agentId of missing) await connections().put(agentId, nodeId, sockets.get(agentId) ?? 1, liveUntil);
    },

    /** Once per `presence` tick across all nodes: agents with no live connection row go offline. */
    async sweep(now: Date): Promise<PresenceSweep> {
      const presentPages = keysetPages(
        async (afterId, limit) =>
          (await strapi.db.query(UID.agentState).findMany({
            where: { presence: { $in: ['online', 'away'] }, id: { $gt: afterId } },
            select: ['id', 'agentId', 'presence'],
            orderBy: { id: 'asc' },
            limit,
          })) as Array<{ id: number; agentId: number; presence: PresenceStatus }>,
      );
      let turnedOffline = 0;
      for await (const states of presentPages) {
        // One query for the connection rows of the whole page.
        const facts = await connections().ofAgents(states.map((state) => state.agentId));
        const gone = agentsToTurnOffline(states, facts, now);
        for (const agentId of gone) {
          const before = states.find((state) => state.agentId === agentId)!.presence;
          await change(agentId, 'offline');
          // A desk that connected while this sweep decided wrote its row before reading the
          // presence: if it read the old presence, its agent is put back here.
          if (await connections().hasLive(agentId, now)) await change(agentId, before);
          await yieldToOthers();
        }
        turnedOffline += gone.length;
      }
      return { turnedOffline, forgotten: await connections().deleteExpired(now) };
    },

    stop(): void {
      stopped = true;
    },
  };
};

export default presenceService;
