import type { Core } from '@strapi/strapi';

import { UID } from '../constants';
import { idleActionFor, type ActiveConversationActivity, type IdleAction } from '../domain/idle';
import { toDate } from '../utils/dates';
import { getService } from '../utils/get-service';

interface ActiveRow {
  id: number;
  assignedAgentId: number | null;
  claimedAt: unknown;
  idleRemindedAt: unknown;
  customerName: string | null;
}

/**
 * Applies the idle rules (settings `queue.reminderAfterMinutes`, `queue.closeInactiveAfterMinutes`)
 * to the active conversations: the scheduler's `idle` job. Safe to run on several nodes at once
 * all the same: a reminder is claimed with a conditional update and a close is a state
 * transition, so each happens once.
 */
const idleService = ({ strapi }: { strapi: Core.Strapi }) => {
  async function lastMessageAt(conversationId: number, authorKind: 'customer' | 'agent'): Promise<Date | null> {
    const row = (await strapi.db.query(UID.message).findOne({
      where: { conversationId, authorKind },
      orderBy: { seq: 'desc' },
      select: ['createdAt'],
    })) as { createdAt: unknown } | null;
    return toDate(row?.createdAt);
  }

  async function activityOf(row: ActiveRow): Promise<ActiveConversationActivity | null> {
    const claimedAt = toDate(row.claimedAt);
    if (row.assignedAgentId === null || !claimedAt) return null;
    const [lastCustomerMessageAt, lastAgentMessageAt] = await Promise.all([
      lastMessageAt(row.id, 'customer'),
      lastMessageAt(row.id, 'agent'),
    ]);
    return {
      id: row.id,
      agentId: row.assignedAgentId,
      claimedAt,
      lastCustomerMessageAt,
      lastAgentMessageAt,
      remindedAt: toDate(row.idleRemindedAt),
    };
  }

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
      const rows = (await strapi.db.query(UID.conversation).findMany({
        where: { status: 'active' },
        select: ['id', 'assignedAgentId', 'claimedAt', 'idleRemindedAt', 'customerName'],
      })) as ActiveRow[];
      const done: IdleAction[] = [];
      for (const row of rows) {
        const activity = await activityOf(row);
        const action = activity && idleActionFor(activity, rules, now);
        if (action && (await apply(action, row, now))) done.push(action);
      }
      return done;
    },
  };
};

export default idleService;
