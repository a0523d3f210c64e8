import type { Core } from '@strapi/strapi';

import { UID } from '../constants';
import type { QueueQuery } from '../contracts/conversation';
import type { QueueSnapshot, QueueSnapshotMeta } from '../contracts/views';
import { queueOrderBy } from '../domain/queue';
import { getService } from '../utils/get-service';
import type { ConversationRow } from './conversation-store';

/** The agent desk's queue: its three columns (waiting, mine, resolved), each paged and counted. */
const queueService = ({ strapi }: { strapi: Core.Strapi }) => {
  const conversations = () => strapi.db.query(UID.conversation);

  return {
    /** The agent desk's three columns, each paged, with their total counts. */
    async snapshot(agentId: number, paging: QueueQuery): Promise<{ data: QueueSnapshot; meta: QueueSnapshotMeta }> {
      const offset = (paging.page - 1) * paging.pageSize;
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
        getService('queueStandings', { strapi }).standings(),
      ]);
      // One pass over all three columns: one query for the last messages, one set of names.
      const cards = await getService('conversationViews', { strapi }).cardViews([...waitingRows, ...mineRows, ...resolvedRows] as ConversationRow[], standings);
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
