import type { Core } from '@strapi/strapi';

import { UID } from '../constants';
import type { TransferInput } from '../contracts/conversation';
import type { ErrorCode } from '../contracts/error-codes';
import type { AgentConversationView } from '../contracts/views';
import { EVENT_KIND_FOR_ACTION } from '../domain/conversation-state';
import { queueOrderBy } from '../domain/queue';
import { codeOfError, conflict, NotFoundError, ValidationError } from '../errors';
import { getService } from '../utils/get-service';
import { assertAssignedTo } from './conversation-guards';
import type { ConversationRow } from './conversation-store';

/** How many waiting conversations one "next" tries before leaving the rest to colleagues. */
const CLAIM_NEXT_ATTEMPTS = 10;
/** Conflicts that mean a colleague got that conversation first: try the next one. */
const TAKEN_CODES: ReadonlySet<ErrorCode> = new Set<ErrorCode>(['ALREADY_CLAIMED', 'INVALID_TRANSITION', 'STALE_STATE']);

/**
 * Which agent has a conversation: claiming it from the queue (of any number of racing claims,
 * one wins), the next one in queue order, transfers, resolving it and closing it for
 * inactivity. Seats are checked in the same transaction as the change.
 */
const assignmentService = ({ strapi }: { strapi: Core.Strapi }) => {
  const store = () => getService('conversationStore', { strapi });
  const agents = () => getService('agents', { strapi });
  const notifier = () => getService('notifier', { strapi });
  const chat = () => getService('chat', { strapi });
  const agentView = (id: number) => getService('conversationViews', { strapi }).agentView(id);
  /** Without a name (a deleted account), the system text says "an agent" in the customer's language. */
  const nameForCustomers = async (agentId: number) => (await agents().displayName(agentId)) ?? undefined;

  /** The 409 a losing claim gets: who won, or why the conversation is not waiting. */
  async function claimConflict(conversation: ConversationRow): Promise<Error> {
    if (conversation.status === 'active' && conversation.assignedAgentId) {
      const name = await agents().displayName(conversation.assignedAgentId);
      return conflict(`Already claimed by ${name ?? 'another agent'}`, {
        code: 'ALREADY_CLAIMED',
        claimedBy: { id: conversation.assignedAgentId, name },
      });
    }
    return conflict(`The conversation is ${conversation.status}, not waiting`, {
      code: 'INVALID_TRANSITION',
      from: conversation.status,
      action: 'claim',
    });
  }

  async function transferToQueue(id: number, agentId: number, eventData: Record<string, unknown>, now: Date): Promise<void> {
    const updated = await store().transition(id, 'transfer_to_queue', {
      actor: { kind: 'agent', id: agentId },
      now,
      where: { assignedAgentId: agentId },
      // The customer's wait (and the time they have to be gone before they lose their place) starts again.
      patch: { assignedAgentId: null, queueEnteredAt: now },
      eventData,
    });
    await chat().postSystemMessage(updated, 'transferred_to_queue');
    await notifier().agentLeft(agentId, id);
  }

  async function transferToAgent(
    id: number,
    agentId: number,
    target: number,
    eventData: Record<string, unknown>,
    now: Date,
  ): Promise<void> {
    if (target === agentId) throw new ValidationError('toAgentId: cannot transfer to yourself', { code: 'SELF_TRANSFER' });
    if (!(await agents().canChat(target))) {
      throw new ValidationError('toAgentId: no active agent with the chat permission has this id', {
        code: 'UNKNOWN_AGENT',
      });
    }
    if ((await agents().presenceOf(target)) !== 'online') {
      throw conflict('That agent is not online', { code: 'AGENT_UNAVAILABLE', toAgentId: target });
    }
    await agents().ensureState(target);
    await store().applyGuarded(id, {
      before: async (trx) => store().reserveSeat(target, await agents().seatLimit(target), trx),
      where: { status: 'active', assignedAgentId: agentId },
      data: { assignedAgentId: target, claimedAt: now, lastActivityAt: now },
      event: {
        kind: EVENT_KIND_FOR_ACTION.transfer_to_agent,
        fromStatus: 'active',
        toStatus: 'active',
        actor: { kind: 'agent', id: agentId },
        occurredAt: now,
        data: eventData,
      },
      lost: () => conflict('The conversation changed meanwhile; reload it', { code: 'STALE_STATE' }),
    });
    await notifier().agentJoined(target, id);
    await chat().postSystemMessage(await store().find(id), 'transferred_to_agent', { agentName: await nameForCustomers(target) });
    await notifier().agentLeft(agentId, id);
  }

  return {
    /** Exactly one of any number of concurrent claims wins; the others get 409 with the winner. */
    async claim(id: number, agentId: number, now: Date = new Date()): Promise<AgentConversationView> {
      await agents().ensureState(agentId);
      const before = await store().find(id);
      if (before.status !== 'queued') throw await claimConflict(before);
      const waitedSince = await store().lastQueuedAt(before);

      try {
        await store().applyGuarded(id, {
          before: async (trx) => store().reserveSeat(agentId, await agents().seatLimit(agentId), trx),
          where: { status: 'queued' },
          data: { status: 'active', assignedAgentId: agentId, claimedAt: now, lastActivityAt: now },
          event: {
            kind: 'claimed',
            fromStatus: 'queued',
            toStatus: 'active',
            actor: { kind: 'agent', id: agentId },
            occurredAt: now,
            data: {
              agentId,
              waitSeconds: waitedSince ? Math.max(0, Math.round((now.getTime() - waitedSince.getTime()) / 1000)) : null,
            },
          },
          lost: () => conflict('Already claimed', { code: 'ALREADY_CLAIMED' }),
        });
      } catch (error) {
        if (codeOfError(error) === 'ALREADY_CLAIMED') throw await claimConflict(await store().find(id));
        throw error;
      }

      const claimed = await store().find(id);
      await notifier().agentJoined(agentId, id);
      await chat().postSystemMessage(claimed, 'claimed', { agentName: await nameForCustomers(agentId) });
      await notifier().conversationChanged(id);
      return agentView(id);
    },

    /**
     * Claims the first waiting conversation in queue order for this agent; when a colleague is
     * faster, the next one. 404 when nobody is waiting; a full agent gets the seat-limit conflict.
     */
    async claimNext(agentId: number): Promise<AgentConversationView> {
      const { queue: queueSettings } = await getService('settings', { strapi }).get();
      const waiting = (await strapi.db.query(UID.conversation).findMany({
        where: { status: 'queued' },
        orderBy: queueOrderBy(queueSettings),
        select: ['id'],
        limit: CLAIM_NEXT_ATTEMPTS,
      })) as Array<{ id: number }>;
      for (const { id } of waiting) {
        try {
          return await this.claim(id, agentId);
        } catch (error) {
          const code = codeOfError(error);
          if (!code || !TAKEN_CODES.has(code)) throw error;
        }
      }
      throw new NotFoundError('Nobody is waiting', { code: 'QUEUE_EMPTY' });
    },

    /** Back to the queue (no `toAgentId`), or to an online colleague with a free seat. */
    async transfer(id: number, agentId: number, input: TransferInput, now: Date = new Date()): Promise<AgentConversationView> {
      assertAssignedTo(await store().find(id), agentId);
      const eventData = { fromAgentId: agentId, toAgentId: input.toAgentId ?? null, note: input.note ?? null };
      if (input.toAgentId === undefined) await transferToQueue(id, agentId, eventData, now);
      else await transferToAgent(id, agentId, input.toAgentId, eventData, now);
      await notifier().conversationChanged(id);
      return agentView(id);
    },

    async resolve(id: number, agentId: number, now: Date = new Date()): Promise<AgentConversationView> {
      assertAssignedTo(await store().find(id), agentId);
      const updated = await store().transition(id, 'resolve', {
        actor: { kind: 'agent', id: agentId },
        now,
        where: { assignedAgentId: agentId },
        patch: { resolvedAt: now },
      });
      await chat().postSystemMessage(updated, 'resolved');
      await notifier().conversationChanged(id);
      return agentView(id);
    },

    /**
     * Closes a chat the customer has left unanswered (the idle rules): resolved by the system,
     * only while the same agent still has it; a conflict means someone acted first.
     */
    async closeInactive(id: number, agentId: number, quietSince: Date, now: Date = new Date()): Promise<void> {
      const updated = await store().transition(id, 'resolve', {
        actor: { kind: 'system' },
        now,
        where: { assignedAgentId: agentId },
        patch: { resolvedAt: now },
        eventData: { reason: 'inactive', quietSince: quietSince.toISOString() },
      });
      await chat().postSystemMessage(updated, 'closed_inactive');
      await notifier().conversationChanged(id);
    },
  };
};

export default assignmentService;
