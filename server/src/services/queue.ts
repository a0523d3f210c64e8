import type { Core } from '@strapi/strapi';

import { UID } from '../constants';
import type { QueueQuery } from '../contracts/conversation';
import { decodeResolvedCursor, encodeResolvedCursor } from '../contracts/queue-cursor';
import type { QueueSnapshot, QueueSnapshotMeta } from '../contracts/views';
import { QUEUE_RESOLVED_COUNT_LIMIT } from '../contracts/limits';
import { queueOrderBy } from '../domain/queue';
import { toDate } from '../utils/dates';
import { getService } from '../utils/get-service';
import { CARD_FIELDS, type CardRow } from './conversation-views';
import type { Standing } from './queue-standings';

/**
 * The resolved cards after the cursor, in the column's order: an earlier resolution, or the
 * same instant and a lower id.
 */
function resolvedAfter(before: string | undefined): Record<string, unknown> {
  const cursor = before ? decodeResolvedCursor(before) : null;
  if (!cursor) return { status: 'resolved' };
  return {
    status: 'resolved',
    $or: [{ resolvedAt: { $lt: cursor.resolvedAt } }, { resolvedAt: cursor.resolvedAt, id: { $lt: cursor.id } }],
  };
}

/**
 * The agent desk's queue: its three columns (waiting, mine, resolved), each paged and counted.
 * It reads only what it shows: one page per column, the totals by count (the resolved one only
 * up to a limit), and the waiting page's places from its own offset (the page is already in
 * queue order).
 */
const queueService = ({ strapi }: { strapi: Core.Strapi }) => {
  const conversations = () => strapi.db.query(UID.conversation);

  /**
   * The three columns' totals in one statement: the resolved one counted up to one past the
   * limit, so its index is read no further.
   */
  async function columnCounts(agentId: number): Promise<{ waiting: number; mine: number; resolved: number }> {
    const knex = strapi.db.connection;
    const table = strapi.db.metadata.get(UID.conversation).tableName;
    const capped = knex(table).select('id').where({ status: 'resolved' }).limit(QUEUE_RESOLVED_COUNT_LIMIT + 1).as('capped');
    const row = (await knex
      .select(
        knex(table).count('*').where({ status: 'queued' }).as('waiting'),
        knex(table).count('*').where({ status: 'active', assigned_agent_id: agentId }).as('mine'),
        knex.count('*').from(capped).as('resolved'),
      )
      .first()) as { waiting: number | string; mine: number | string; resolved: number | string };
    return { waiting: Number(row.waiting), mine: Number(row.mine), resolved: Number(row.resolved) };
  }

  return {
    /** The agent desk's three columns, each paged, with their total counts. */
    async snapshot(agentId: number, paging: QueueQuery): Promise<{ data: QueueSnapshot; meta: QueueSnapshotMeta }> {
      const offset = (paging.page - 1) * paging.pageSize;
      const { queue: queueSettings } = await getService('settings', { strapi }).get();
      const mineWhere = { status: 'active', assignedAgentId: agentId };
      const [waitingRows, mineRows, resolvedRows, counts] = await Promise.all([
        conversations().findMany({ select: [...CARD_FIELDS], where: { status: 'queued' }, orderBy: queueOrderBy(queueSettings), offset, limit: paging.pageSize }),
        conversations().findMany({ select: [...CARD_FIELDS], where: mineWhere, orderBy: [{ claimedAt: 'asc' }, { id: 'asc' }], offset, limit: paging.pageSize }),
        conversations().findMany({
          select: [...CARD_FIELDS],
          where: resolvedAfter(paging.before),
          orderBy: [{ resolvedAt: 'desc' }, { id: 'desc' }],
          // A cursor replaces the offset for this column; without one, `page` still pages it.
          ...(paging.before ? {} : { offset }),
          limit: paging.pageSize,
        }),
        columnCounts(agentId),
      ]);
      // The estimate's inputs are read only for a page that shows waiting customers.
      const standingAt = waitingRows.length > 0 ? await getService('queueStandings', { strapi }).standingAt() : null;
      const standings = new Map<number, Standing>(
        standingAt ? (waitingRows as CardRow[]).map((row, index) => [row.id, standingAt(offset + index + 1)]) : [],
      );
      // One pass over all three columns: one query for the last messages, one set of names.
      const cards = await getService('conversationViews', { strapi }).cardViews([...waitingRows, ...mineRows, ...resolvedRows] as CardRow[], standings);
      const waiting = cards.slice(0, waitingRows.length);
      const mine = cards.slice(waitingRows.length, waitingRows.length + mineRows.length);
      const resolved = cards.slice(waitingRows.length + mineRows.length);
      const lastResolved = resolvedRows.at(-1) as CardRow | undefined;
      const lastResolvedAt = toDate(lastResolved?.resolvedAt);
      return {
        data: { waiting, mine, resolved },
        meta: {
          counts: { waiting: counts.waiting, mine: counts.mine, resolved: Math.min(counts.resolved, QUEUE_RESOLVED_COUNT_LIMIT) },
          resolvedCountCapped: counts.resolved > QUEUE_RESOLVED_COUNT_LIMIT,
          pagination: {
            page: paging.page,
            pageSize: paging.pageSize,
            nextBefore:
              lastResolved && lastResolvedAt && resolvedRows.length === paging.pageSize
                ? encodeResolvedCursor({ resolvedAt: lastResolvedAt, id: lastResolved.id })
                : null,
          },
          agentId,
          serverTime: new Date().toISOString(),
        },
      };
    },
  };
};

export default queueService;
