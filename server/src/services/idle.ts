import type { Core } from '@strapi/strapi';

import { UID } from '../constants';
import { idleActionFor, type ActiveConversationActivity, type IdleAction } from '../domain/idle';
import { keysetPages, yieldToOthers } from '../utils/batches';
import { toDate } from '../utils/dates';
import { getService } from '../utils/get-service';

interface ActiveRow {
  id: number;
  assignedAgentId: number | null;
  claimedAt: unknown;
  idleRemindedAt: unknown;
  customerName: string | null;
  lastCustomerMessageAt: unknown;
  lastAgentMessageAt: unknown;
}

function activityOf(row: ActiveRow): ActiveConversationActivity | null {
  const claimedAt = toDate(row.claimedAt);
  if (row.assignedAgentId === null || !claimedAt) return null;
  return {
    id: row.id,
    agentId: row.assignedAgentId,
    claimedAt,
    lastCustomerMessageAt: toDate(row.lastCustomerMessageAt),
    lastAgentMessageAt: toDate(row.lastAgentMessageAt),
    remindedAt: toDate(row.idleRemindedAt),
  };
}

/**
 * Applies the idle rules (settings `queue.reminderAfterMinutes`, `queue.closeInactiveAfterMinutes`)
 * to the active conversations: the scheduler's `idle` job. Safe to run on several nodes at once
 * all the same: a reminder is claimed with a conditional update and a close is a state
 * transition, so each happens once. The conversation row carries its last customer and agent
 * message times (written with each message), so a batch of conversations is one query.
 */
const idleService = ({ strapi }: { strapi: Core.Strapi }) => {
  async function apply(action: IdleAction, row: ActiveRow, now: Date): Promise<boolean> {
    if (action.kind === 'remind_agent') {
      // Claimed here so that of several nodes sweeping at once, one sends the reminder.
      const { count } = await strapi.db.query(UID.conversation).updateMany({
        where: {
          id: action.conversationId,
          status: 'active',
          assignedAgentId: action.agentId,
          $or: [{ idleRemindedAt: null }, { idleRemindedAt: { $lt: action.waitingSince } }],
        },
        data: { idleRemindedAt: now },
      });
      if (count !== 1) return false;
      await getService('notifier', { strapi }).agentReminder(action.agentId, {
        conversationId: action.conversationId,
        customerName: row.customerName,
        waitingSince: action.waitingSince,
      });
      return true;
    }
    try {
      await getService('assignment', { strapi }).closeInactive(action.conversationId, row.assignedAgentId!, action.quietSince, now);
      return true;
    } catch {
      // The agent resolved or transferred it, or another node closed it, meanwhile.
      return false;
    }
  }

  return {
    /** Checks every active conversation once; returns what was done. */
    async sweep(now: Date = new Date()): Promise<IdleAction[]> {
      const { queue } = await getService('settings', { strapi }).get();
      const rules = { reminderAfterMinutes: queue.reminderAfterMinutes, closeInactiveAfterMinutes: queue.closeInactiveAfterMinutes };
      if (rules.reminderAfterMinutes <= 0 && rules.closeInactiveAfterMinutes <= 0) return [];
      const activePages = keysetPages(
        async (afterId, limit) =>
          (await strapi.db.query(UID.conversation).findMany({
            where: { status: 'active', id: { $gt: afterId } },
            select: ['id', 'assignedAgentId', 'claimedAt', 'idleRemindedAt', 'customerName', 'lastCustomerMessageAt', 'lastAgentMessageAt'],
            orderBy: { id: 'asc' },
            limit,
          })) as ActiveRow[],
      );
      const done: IdleAction[] = [];
      for await (const rows of activePages) {
        for (const row of rows) {
          const activity = activityOf(row);
          const action = activity && idleActionFor(activity, rules, now);
          if (!action) continue;
          if (await apply(action, row, now)) done.push(action);
          // A close writes, reads the line and pushes: live chat gets a turn after each.
          await yieldToOthers();
        }
      }
      return done;
    },
  };
};

export default idleService;
