import type { Core } from '@strapi/strapi';

import { UID } from '../constants';
import type { ConnectionFact } from '../domain/presence';
import { toDate } from '../utils/dates';

interface ConnectionRow {
  agentId: number;
  liveUntil: unknown;
}

/**
 * Storage of the agents' connection rows: one per (agent, node), saying until when that node
 * vouches for the agent's desk sockets. Every node sees every row, so presence does not depend
 * on the memory of the node that saw the sockets.
 */
const agentConnectionsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const query = () => strapi.db.query(UID.agentConnection);

  return {
    /** Writes this node's row for an agent: how many of their sockets it holds, live until when. */
    async put(agentId: number, nodeId: string, sockets: number, liveUntil: Date): Promise<void> {
      const where = { agentId, nodeId };
      const data = { sockets, liveUntil };
      const { count } = await query().updateMany({ where, data });
      if (count > 0) return;
      try {
        await query().create({ data: { ...where, ...data } });
      } catch (error) {
        // A heartbeat and a socket event of this node created it at the same moment (unique pair).
        const { count: updated } = await query().updateMany({ where, data });
        if (updated === 0) throw error;
      }
    },

    /**
     * Pushes this node's rows for these agents forward to `liveUntil` in one statement (the
     * heartbeat), whatever the number of agents. Returns the agents whose row is missing (it ran
     * out and was forgotten while this node was stalled): the caller writes those again.
     */
    async renew(nodeId: string, agentIds: readonly number[], liveUntil: Date): Promise<number[]> {
      if (agentIds.length === 0) return [];
      const where = { nodeId, agentId: { $in: [...agentIds] } };
      const { count } = await query().updateMany({ where, data: { liveUntil } });
      if (count === agentIds.length) return [];
      const present = new Set(((await query().findMany({ where, select: ['agentId'] })) as Array<{ agentId: number }>).map((row) => row.agentId));
      return agentIds.filter((agentId) => !present.has(agentId));
    },

    async ofAgents(agentIds: readonly number[]): Promise<ConnectionFact[]> {
      if (agentIds.length === 0) return [];
      const rows = (await query().findMany({
        where: { agentId: { $in: [...agentIds] } },
        select: ['agentId', 'liveUntil'],
      })) as ConnectionRow[];
      return rows.flatMap((row) => {
        const liveUntil = toDate(row.liveUntil);
        return liveUntil ? [{ agentId: row.agentId, liveUntil }] : [];
      });
    },

    async hasLive(agentId: number, now: Date): Promise<boolean> {
      return (await query().count({ where: { agentId, liveUntil: { $gt: now } } })) > 0;
    },

    /** Forgets rows that no longer vouch for anything (their agents' presence was settled first). */
    async deleteExpired(now: Date): Promise<number> {
      const { count } = await query().deleteMany({ where: { liveUntil: { $lte: now } } });
      return count;
    },
  };
};

export default agentConnectionsService;
