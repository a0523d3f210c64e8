import type { Core } from '@strapi/strapi';

import { UID } from '../constants';
import {
  goneCutoff,
  leaveMessageOfferDue,
  mayHaveGone,
  type QueueHousekeepingRules,
  type WaitingConversation,
} from '../domain/housekeeping';
import { rooms } from '../realtime/rooms';
import { keysetPages, yieldToOthers } from '../utils/batches';
import { toDate } from '../utils/dates';
import { getService } from '../utils/get-service';

interface WaitingRow {
  id: number;
  queuedAt: unknown;
  queueEnteredAt: unknown;
  customerSeenAt: unknown;
  leaveMessageOfferedAt: unknown;
}

/** What one queue sweep did, for the scheduler's log and the tests. */
export interface QueueSweepResult {
  /** Conversations abandoned because their customer had gone. */
  abandoned: number[];
  /** Conversations whose customer was offered to leave a message after the maximum wait. */
  offered: number[];
  /** Conversations past the deadline whose customer still had a widget socket open somewhere. */
  stillConnected: number[];
}

/** Signs of life closer together than this are not written again: one REST call after another costs no update. */
const SEEN_WRITE_INTERVAL_MS = 5000;

/**
 * The queue tells the truth: customers who have gone leave it (settings
 * `queue.abandonAfterSeconds`), and customers who have waited too long are offered to leave a
 * message instead (`queue.maxWaitMinutes`). Safe on several nodes at once: an abandon is the
 * state machine's compare-and-set transition and an offer is claimed with a conditional update,
 * so each happens once whoever sweeps.
 */
const queueHousekeepingService = ({ strapi }: { strapi: Core.Strapi }) => {
  const conversations = () => strapi.db.query(UID.conversation);

  function toWaiting(row: WaitingRow): WaitingConversation {
    return {
      id: row.id,
      // Rows queued before `queueEnteredAt` existed wait from their first escalation.
      enteredQueueAt: toDate(row.queueEnteredAt) ?? toDate(row.queuedAt) ?? new Date(0),
      customerSeenAt: toDate(row.customerSeenAt),
      leaveMessageOfferedAt: toDate(row.leaveMessageOfferedAt),
    };
  }

  /**
   * Whether a widget socket of this conversation is open on any node (`fetchSockets` asks every
   * node through the adapter). `null` when that cannot be known now (a node did not answer):
   * nobody is abandoned on a guess.
   */
  async function isConnected(conversationId: number): Promise<boolean | null> {
    const realtime = getService('realtime', { strapi }).get();
    if (!realtime) return false;
    try {
      const sockets = await realtime.widget.in(rooms.conversation(conversationId)).fetchSockets();
      return sockets.length > 0;
    } catch (error) {
      strapi.log.warn(`[live-support] could not ask the nodes for conversation ${conversationId}'s sockets: ${(error as Error).message}`);
      return null;
    }
  }

  /** Abandons a gone customer's conversation unless they showed a sign of life since the check. */
  async function abandonGone(conversation: WaitingConversation, rules: QueueHousekeepingRules, now: Date): Promise<boolean> {
    const cutoff = goneCutoff(rules, now);
    try {
      await getService('conversationStore', { strapi }).transition(conversation.id, 'abandon', {
        actor: { kind: 'system' },
        now,
        patch: { abandonedAt: now },
        where: { $or: [{ customerSeenAt: { $null: true } }, { customerSeenAt: { $lte: cutoff } }] },
        eventData: { reason: 'customer_gone', lastSeenAt: (conversation.customerSeenAt ?? conversation.enteredQueueAt).toISOString() },
      });
      return true;
    } catch {
      // Claimed, left, or seen again meanwhile, or another node abandoned it first.
      return false;
    }
  }

  /** Claims the offer for this wait: of several nodes sweeping at once, one makes it. */
  async function offerLeavingAMessage(conversation: WaitingConversation, now: Date): Promise<boolean> {
    const { count } = await conversations().updateMany({
      where: {
        id: conversation.id,
        status: 'queued',
        $or: [{ leaveMessageOfferedAt: { $null: true } }, { leaveMessageOfferedAt: { $lt: conversation.enteredQueueAt } }],
      },
      data: { leaveMessageOfferedAt: now },
    });
    return count === 1;
  }

  return {
    /**
     * Records a sign of life of the customer (a REST call with their token, or their widget
     * socket closing): a gone customer is counted from the last one. Cheap when called often.
     */
    async customerSeen(conversationId: number, now: Date = new Date()): Promise<void> {
      await conversations().updateMany({
        where: {
          id: conversationId,
          $or: [{ customerSeenAt: { $null: true } }, { customerSeenAt: { $lt: new Date(now.getTime() - SEEN_WRITE_INTERVAL_MS) } }],
        },
        data: { customerSeenAt: now },
      });
    },

    /**
     * Checks every waiting conversation once: one query per page of the queue (yielding to the
     * event loop between pages), and a question to the sockets only for a customer with no sign
     * of life within `abandonAfterSeconds`. Meant to run every few seconds on any number of nodes.
     */
    async sweep(now: Date = new Date()): Promise<QueueSweepResult> {
      const { queue } = await getService('settings', { strapi }).get();
      const rules: QueueHousekeepingRules = { abandonAfterSeconds: queue.abandonAfterSeconds, maxWaitMinutes: queue.maxWaitMinutes };
      const waitingPages = keysetPages(
        async (afterId, limit) =>
          (await conversations().findMany({
            where: { status: 'queued', id: { $gt: afterId } },
            select: ['id', 'queuedAt', 'queueEnteredAt', 'customerSeenAt', 'leaveMessageOfferedAt'],
            orderBy: { id: 'asc' },
            limit,
          })) as WaitingRow[],
      );
      const result: QueueSweepResult = { abandoned: [], offered: [], stillConnected: [] };
      for await (const rows of waitingPages) {
        for (const conversation of rows.map(toWaiting)) {
          if (mayHaveGone(conversation, rules, now)) {
            // Asking the sockets and abandoning write and wait: live chat gets a turn before each.
            await yieldToOthers();
            const connected = await isConnected(conversation.id);
            if (connected === false && (await abandonGone(conversation, rules, now))) {
              result.abandoned.push(conversation.id);
              continue;
            }
            if (connected) {
              // An open socket is a sign of life: the sockets are asked again only after another full period.
              await this.customerSeen(conversation.id, now);
              result.stillConnected.push(conversation.id);
            }
          }
          if (leaveMessageOfferDue(conversation, rules, now) && (await offerLeavingAMessage(conversation, now))) {
            result.offered.push(conversation.id);
          }
        }
      }
      const notifier = getService('notifier', { strapi });
      // Each change reaches its customer and the desks; the places behind them are pushed once, coalesced.
      for (const id of [...result.abandoned, ...result.offered]) {
        await notifier.conversationChanged(id);
        await yieldToOthers();
      }
      return result;
    },
  };
};

export default queueHousekeepingService;
