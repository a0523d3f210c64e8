import type { Core } from '@strapi/strapi';

import { UID } from '../constants';
import type { AuthorKind, ConversationStatus, EscalationTrigger, EventKind } from '../domain/conversation-status';
import { EVENT_KIND_FOR_ACTION, nextStatus, type ConversationAction } from '../domain/conversation-state';
import { assertFreeSeat } from '../domain/seats';
import { conflict, conflictFromDomain, NotFoundError } from '../errors';
import { toDate } from '../utils/dates';

export interface ConversationRow {
  id: number;
  status: ConversationStatus;
  escalationTrigger: EscalationTrigger | null;
  escalationReason: string | null;
  priority: number;
  isVip: boolean;
  language: string;
  customerName: string | null;
  customerEmail: string | null;
  customerPhone: string | null;
  externalId: string | null;
  /** The site signed the external id (or email) with its identity secret: see domain/identity. */
  identityVerified: boolean;
  metadata: Record<string, unknown> | null;
  assignedAgentId: number | null;
  lastMessageSeq: number;
  lastActivityAt: unknown;
  queuedAt: unknown;
  claimedAt: unknown;
  firstAgentReplyAt: unknown;
  resolvedAt: unknown;
  abandonedAt: unknown;
  offlineAt: unknown;
  endedAt: unknown;
  queueEnteredAt: unknown;
  customerSeenAt: unknown;
  leaveMessageOfferedAt: unknown;
  csatScore: number | null;
  csatComment: string | null;
  csatAt: unknown;
  createdAt: unknown;
  /**
   * The address the chat was started from, as the per-address limits key it (never shown or
   * exported; anonymising clears it): caps this address's conversations waiting in the queue.
   */
  customerAddressKey: string | null;
}

export type ConversationPatch = Partial<Record<keyof ConversationRow, unknown>>;

export interface Actor {
  kind: AuthorKind;
  id?: number | null;
}

/** One entry of a conversation's history, written in the same transaction as its change. */
export interface ConversationEvent {
  kind: EventKind;
  fromStatus: ConversationStatus | null;
  toStatus: ConversationStatus | null;
  actor: Actor;
  occurredAt: Date;
  data?: Record<string, unknown>;
}

export interface TransitionOptions {
  actor: Actor;
  now: Date;
  patch?: ConversationPatch;
  eventData?: Record<string, unknown>;
  /** Extra conditions for the conditional update, e.g. the assigned agent. */
  where?: Record<string, unknown>;
}

/** A conditional update and its event: both are made, or neither. */
export interface GuardedChange {
  /** What the row must still be (besides its id) for the change to apply. */
  where: Record<string, unknown>;
  data: ConversationPatch;
  event: ConversationEvent;
  /** The error when the row no longer matches: someone changed it first. */
  lost: () => Error;
  /** Runs first in the same transaction, e.g. to lock and check an agent's seats. */
  before?: (trx: unknown) => Promise<void>;
}

/** The advisory lock that serialises escalations on PostgreSQL (any constant of our own). */
const QUEUE_LOCK_KEY = 0x4c495645; // "LIVE"

/**
 * Where conversations are kept. Every change that a race could decide is a conditional UPDATE
 * (compare and set, usually on the status), so two requests racing for the same change cannot
 * both win, on one Strapi node or several sharing a database; each appends its event in the
 * same transaction. This service stores: it neither decides what should happen nor tells
 * anyone.
 */
const conversationStoreService = ({ strapi }: { strapi: Core.Strapi }) => {
  const query = () => strapi.db.query(UID.conversation);
  const knex = () => strapi.db.connection;
  const table = (uid: string) => strapi.db.metadata.get(uid as never).tableName;

  async function find(id: number): Promise<ConversationRow> {
    const row = (await query().findOne({ where: { id } })) as ConversationRow | null;
    if (!row) throw new NotFoundError('Conversation not found', { conversationId: id });
    return row;
  }

  async function appendEvent(conversationId: number, event: ConversationEvent): Promise<void> {
    await strapi.db.query(UID.conversationEvent).create({
      data: {
        conversationId,
        kind: event.kind,
        fromStatus: event.fromStatus,
        toStatus: event.toStatus,
        actorKind: event.actor.kind,
        actorId: event.actor.id ?? null,
        occurredAt: event.occurredAt,
        data: event.data ?? null,
      },
    });
  }

  /** Makes a guarded change: losing the race throws `change.lost()` and changes nothing. */
  async function applyGuarded(id: number, change: GuardedChange): Promise<void> {
    await strapi.db.transaction(async ({ trx }) => {
      await change.before?.(trx);
      const { count } = await query().updateMany({ where: { id, ...change.where }, data: change.data });
      if (count !== 1) throw change.lost();
      await appendEvent(id, change.event);
    });
  }

  return {
    find,
    applyGuarded,

    /** A new conversation, with the bot, and its `created` event. */
    async create(data: ConversationPatch, actor: Actor, now: Date): Promise<ConversationRow> {
      const created = (await query().create({
        data: { status: 'bot', ...data, lastMessageSeq: 0, lastActivityAt: now },
      })) as ConversationRow;
      await appendEvent(created.id, { kind: 'created', fromStatus: null, toStatus: 'bot', actor, occurredAt: now });
      return created;
    },

    /** A plain update of fields no race decides (the customer's details, VIP, priority). */
    async update(id: number, data: ConversationPatch): Promise<void> {
      await query().update({ where: { id }, data });
    },

    /**
     * Applies one state-machine action: checks it against the current status, then updates only
     * if the status is still the one checked. Losing that race is a 409, and changes nothing.
     * Resolves to the row as changed (its times as this change set them: Dates, not strings).
     */
    async transition(id: number, action: ConversationAction, options: TransitionOptions): Promise<ConversationRow> {
      const current = await find(id);
      let to: ConversationStatus;
      try {
        to = nextStatus(current.status, action);
      } catch (error) {
        throw conflictFromDomain(error);
      }
      const data: ConversationPatch = { status: to, ...options.patch, lastActivityAt: options.now };
      await applyGuarded(id, {
        where: { status: current.status, ...options.where },
        data,
        event: {
          kind: EVENT_KIND_FOR_ACTION[action],
          fromStatus: current.status,
          toStatus: to,
          actor: options.actor,
          occurredAt: options.now,
          data: options.eventData,
        },
        lost: () => conflict('The conversation changed meanwhile; reload it', { code: 'STALE_STATE', action }),
      });
      // The guarded update wrote exactly `data` over the row read: no need to read it back.
      return { ...current, ...data } as ConversationRow;
    },

    /**
     * Serialises escalations for the length of a transaction, so that the queue-length check and
     * the move into the queue are one step: PostgreSQL takes a transaction-scoped advisory lock,
     * MySQL a named lock released when the work is done; SQLite already runs one writer at a time.
     */
    async withQueueLock<T>(work: () => Promise<T>): Promise<T> {
      return strapi.db.transaction(async ({ trx }) => {
        const client = strapi.db.dialect.client;
        if (client === 'postgres') {
          await knex().raw('select pg_advisory_xact_lock(?)', [QUEUE_LOCK_KEY]).transacting(trx as never);
          return work();
        }
        if (client === 'mysql') {
          await knex().raw('select get_lock(?, 10)', [`live-support-queue`]).transacting(trx as never);
          try {
            return await work();
          } finally {
            await knex().raw('select release_lock(?)', [`live-support-queue`]).transacting(trx as never);
          }
        }
        return work();
      });
    },

    /** Locks the agent's state row (where the database can) and checks a free seat under `limit`. */
    async reserveSeat(agentId: number, limit: number, trx: unknown): Promise<void> {
      const stateQuery = knex()(table(UID.agentState)).transacting(trx as never).where({ agent_id: agentId });
      // Serialises this agent's claims on PostgreSQL/MySQL; SQLite already runs one writer at a time.
      if (strapi.db.dialect.client !== 'sqlite') stateQuery.forUpdate();
      await stateQuery.first('id');
      const counted = (await knex()(table(UID.conversation))
        .transacting(trx as never)
        .where({ assigned_agent_id: agentId, status: 'active' })
        .count({ count: '*' })) as Array<{ count: number | string }>;
      try {
        assertFreeSeat(Number(counted[0]?.count ?? 0), limit);
      } catch (error) {
        throw conflictFromDomain(error);
      }
    },

    async countWaiting(): Promise<number> {
      return query().count({ where: { status: 'queued' } });
    },

    /** Conversations started from this address (its limit key) that wait in the queue now. */
    async countWaitingFrom(addressKey: string): Promise<number> {
      return query().count({ where: { status: 'queued', customerAddressKey: addressKey } });
    },

    /** The time this conversation last entered the queue: a transfer back to the queue counts. */
    async lastQueuedAt(conversation: ConversationRow): Promise<Date | null> {
      const transfer = (await strapi.db.query(UID.conversationEvent).findOne({
        where: { conversationId: conversation.id, kind: 'transferred', toStatus: 'queued' },
        orderBy: { occurredAt: 'desc' },
      })) as { occurredAt: unknown } | null;
      return toDate(transfer?.occurredAt) ?? toDate(conversation.queuedAt);
    },

    /** Counts the bot's failed answers in a row; a good answer resets it. Returns the new count. */
    async recordBotOutcome(id: number, failed: boolean): Promise<number> {
      if (!failed) {
        await query().update({ where: { id }, data: { consecutiveBotFailures: 0 } });
        return 0;
      }
      await knex()(table(UID.conversation))
        .where({ id })
        .update({ consecutive_bot_failures: knex().raw('?? + 1', ['consecutive_bot_failures']) });
      const row = (await query().findOne({ where: { id }, select: ['consecutiveBotFailures'] })) as {
        consecutiveBotFailures: number;
      };
      return row.consecutiveBotFailures;
    },

    async countActiveByAgent(): Promise<Map<number, number>> {
      const rows = (await knex()(table(UID.conversation))
        .where({ status: 'active' })
        .whereNotNull('assigned_agent_id')
        .select('assigned_agent_id')
        .count({ count: '*' })
        .groupBy('assigned_agent_id')) as Array<{ assigned_agent_id: number; count: number | string }>;
      return new Map(rows.map((row) => [Number(row.assigned_agent_id), Number(row.count)]));
    },

    /** The conversation's history, oldest first. */
    async events(id: number): Promise<Array<Record<string, unknown>>> {
      return strapi.db.query(UID.conversationEvent).findMany({
        where: { conversationId: id },
        orderBy: [{ occurredAt: 'asc' }, { id: 'asc' }],
      }) as Promise<Array<Record<string, unknown>>>;
    },
  };
};

export default conversationStoreService;
