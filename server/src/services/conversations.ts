import { randomUUID } from 'node:crypto';

import type { Core } from '@strapi/strapi';

import { UID } from '../constants';
import { MESSAGE_TEXT_MAX } from '../contracts/conversation';
import type { Settings } from '../contracts/settings';
import type {
  CsatInput,
  CustomerDetailsInput,
  OfflineMessageInput,
  PostMessageInput,
  StartSessionInput,
  TransferInput,
} from '../contracts/conversation';
import type {
  AgentConversationView,
  ConversationEventView,
  MessageView,
  QueueCardView,
  VisitorConversationView,
} from '../contracts/views';
import type { AuthorKind, ConversationStatus, EscalationTrigger, EventKind } from '../domain/conversation-status';
import {
  EVENT_KIND_FOR_ACTION,
  nextStatus,
  type ConversationAction,
} from '../domain/conversation-state';
import { isVipEmail } from '../domain/queue';
import { assertFreeSeat } from '../domain/seats';
import { systemText, type SystemTextKey } from '../domain/system-texts';
import { conflict, conflictFromDomain, forbidden, NotFoundError, ValidationError } from '../errors';
import { toDate, toIso } from '../utils/dates';
import { getService } from '../utils/get-service';
import type { MessageRow } from './messages';

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
  csatScore: number | null;
  csatComment: string | null;
  csatAt: unknown;
  createdAt: unknown;
}

export interface Actor {
  kind: AuthorKind;
  id?: number | null;
}

export interface EscalationRequest {
  trigger: EscalationTrigger;
  reason?: string;
  actor: Actor;
}

interface TransitionOptions {
  actor: Actor;
  now: Date;
  patch?: Partial<Record<keyof ConversationRow, unknown>>;
  eventData?: Record<string, unknown>;
  /** Extra conditions for the conditional update, e.g. the assigned agent. */
  where?: Record<string, unknown>;
}

const OPEN_FOR_MESSAGES: ConversationStatus[] = ['bot', 'queued', 'active'];

/** The advisory lock that serialises escalations on PostgreSQL (any constant of our own). */
const QUEUE_LOCK_KEY = 0x4c495645; // "LIVE"

/**
 * The conversation engine: every state change goes through a conditional UPDATE (compare and
 * set on the status), so two requests racing for the same change cannot both win, on one
 * Strapi node or several sharing a database. Each change appends its event in the same
 * transaction, then the real-time layer is told.
 */
const conversationsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const query = () => strapi.db.query(UID.conversation);
  const knex = () => strapi.db.connection;
  const table = (uid: string) => strapi.db.metadata.get(uid as never).tableName;
  const agents = () => getService('agents', { strapi });
  const messages = () => getService('messages', { strapi });
  const notifier = () => getService('notifier', { strapi });

  async function find(id: number): Promise<ConversationRow> {
    const row = (await query().findOne({ where: { id } })) as ConversationRow | null;
    if (!row) throw new NotFoundError('Conversation not found', { conversationId: id });
    return row;
  }

  async function appendEvent(event: {
    conversationId: number;
    kind: EventKind;
    fromStatus: ConversationStatus | null;
    toStatus: ConversationStatus | null;
    actor: Actor;
    occurredAt: Date;
    data?: Record<string, unknown>;
  }): Promise<void> {
    await strapi.db.query(UID.conversationEvent).create({
      data: {
        conversationId: event.conversationId,
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

  /**
   * Applies one state-machine action: checks it against the current status, then updates only
   * if the status is still the one checked. Losing that race is a 409, and changes nothing.
   */
  async function transition(id: number, action: ConversationAction, options: TransitionOptions): Promise<ConversationRow> {
    const current = await find(id);
    let to: ConversationStatus;
    try {
      to = nextStatus(current.status, action);
    } catch (error) {
      throw conflictFromDomain(error);
    }
    await strapi.db.transaction(async () => {
      const { count } = await query().updateMany({
        where: { id, status: current.status, ...options.where },
        data: { status: to, ...options.patch, lastActivityAt: options.now },
      });
      if (count !== 1) {
        throw conflict('The conversation changed meanwhile; reload it', { code: 'STALE_STATE', action });
      }
      await appendEvent({
        conversationId: id,
        kind: EVENT_KIND_FOR_ACTION[action],
        fromStatus: current.status,
        toStatus: to,
        actor: options.actor,
        occurredAt: options.now,
        data: options.eventData,
      });
    });
    return find(id);
  }

  async function postSystemMessage(conversation: ConversationRow, key: SystemTextKey, values: Record<string, string> = {}) {
    const { message } = await messages().append({
      conversationId: conversation.id,
      authorKind: 'system',
      clientId: `system:${randomUUID()}`,
      text: systemText(key, conversation.language, values),
    });
    await notifier().messageCreated(message);
  }

  function assertAssignedTo(conversation: ConversationRow, agentId: number): void {
    if (conversation.status !== 'active') {
      throw conflict(`The conversation is ${conversation.status}, not active`, {
        code: 'INVALID_TRANSITION',
        from: conversation.status,
      });
    }
    if (conversation.assignedAgentId !== agentId) {
      throw forbidden('This conversation is assigned to another agent', { code: 'NOT_ASSIGNED' });
    }
  }

  /** The locked part of an escalation: the queue's length is read and acted on as one step. */
  async function enterQueueOrOffline(
    id: number,
    request: EscalationRequest,
    settings: Settings,
    availability: { open: boolean; nextOpeningAt: Date | null },
    now: Date,
  ): Promise<ConversationRow> {
    const queueLength = await query().count({ where: { status: 'queued' } });
    const agentsOnline = settings.queue.requireOnlineAgent
      ? await strapi.db.query(UID.agentState).count({ where: { presence: 'online' } })
      : 1;
    const unavailableBecause = !availability.open
      ? 'closed'
      : queueLength >= settings.queue.maxQueueLength
        ? 'queue_full'
        : agentsOnline === 0
          ? 'no_agent_online'
          : null;

    const escalation = { escalationTrigger: request.trigger, escalationReason: request.reason ?? null };
    return unavailableBecause
      ? await transition(id, 'go_offline', {
          actor: request.actor,
          now,
          patch: { ...escalation, offlineAt: now },
          eventData: {
            trigger: request.trigger,
            reason: request.reason ?? null,
            unavailable: unavailableBecause,
            nextOpeningAt: availability.nextOpeningAt?.toISOString() ?? null,
          },
        })
      : await transition(id, 'escalate', {
          actor: request.actor,
          now,
          patch: { ...escalation, queuedAt: now },
          eventData: { trigger: request.trigger, reason: request.reason ?? null },
        });
  }

  /**
   * Serialises escalations for the length of a transaction, so that the queue-length check and
   * the move into the queue are one step: PostgreSQL takes a transaction-scoped advisory lock,
   * MySQL a named lock released when the work is done; SQLite already runs one writer at a time.
   */
  async function withQueueLock<T>(work: () => Promise<T>): Promise<T> {
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
  }

  /** Locks the agent's state row (where the database can) and checks a free seat. */
  async function reserveSeat(agentId: number, trx: unknown): Promise<void> {
    const limit = await agents().seatLimit(agentId);
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
  }

  /** The time this conversation last entered the queue: a transfer back to the queue counts. */
  async function lastQueuedAt(conversation: ConversationRow): Promise<Date | null> {
    const transfer = (await strapi.db.query(UID.conversationEvent).findOne({
      where: { conversationId: conversation.id, kind: 'transferred', toStatus: 'queued' },
      orderBy: { occurredAt: 'desc' },
    })) as { occurredAt: unknown } | null;
    return toDate(transfer?.occurredAt) ?? toDate(conversation.queuedAt);
  }

  return {
    find,

    async startSession(input: StartSessionInput, now: Date = new Date()): Promise<{ token: string; conversation: VisitorConversationView }> {
      const { queue: queueSettings } = await getService('settings', { strapi }).get();
      const created = (await query().create({
        data: {
          status: 'bot',
          isVip: isVipEmail(input.email, queueSettings.vipEmailDomains),
          language: input.locale ?? 'fi',
          customerName: input.name ?? null,
          customerEmail: input.email ?? null,
          customerPhone: input.phone ?? null,
          externalId: input.externalId ?? null,
          metadata: input.metadata ?? null,
          lastMessageSeq: 0,
          lastActivityAt: now,
        },
      })) as ConversationRow;
      await appendEvent({
        conversationId: created.id,
        kind: 'created',
        fromStatus: null,
        toStatus: 'bot',
        actor: { kind: 'customer' },
        occurredAt: now,
      });
      const token = getService('visitorTokens', { strapi }).issue(created.id);
      return { token, conversation: await this.visitorView(created.id) };
    },

    /**
     * The customer's details given by the site after the chat started (`identify()`); what is
     * left out stays. An email in a VIP domain makes the conversation VIP (never the reverse:
     * server code may have marked it).
     */
    async updateCustomer(id: number, details: CustomerDetailsInput): Promise<VisitorConversationView> {
      const conversation = await find(id);
      if (!OPEN_FOR_MESSAGES.includes(conversation.status)) {
        throw conflict(`The conversation is ${conversation.status}`, { code: 'CONVERSATION_CLOSED', status: conversation.status });
      }
      const { queue: queueSettings } = await getService('settings', { strapi }).get();
      const data: Record<string, unknown> = {};
      if (details.name !== undefined) data.customerName = details.name;
      if (details.email !== undefined) data.customerEmail = details.email;
      if (details.phone !== undefined) data.customerPhone = details.phone;
      if (details.externalId !== undefined) data.externalId = details.externalId;
      if (details.metadata !== undefined) data.metadata = details.metadata;
      if (isVipEmail(details.email, queueSettings.vipEmailDomains)) data.isVip = true;
      await query().update({ where: { id }, data });
      await notifier().conversationChanged(id);
      return this.visitorView(id);
    },

    async postCustomerMessage(id: number, input: PostMessageInput): Promise<MessageView> {
      const conversation = await find(id);
      // A retry of a message stored before the conversation closed still gets its answer.
      const stored = await messages().findByClientId(id, input.clientId);
      if (stored && stored.authorKind === 'customer') return (await messages().toViews([stored]))[0];
      if (!OPEN_FOR_MESSAGES.includes(conversation.status)) {
        throw conflict(`The conversation is ${conversation.status}; it takes no more messages`, {
          code: 'CONVERSATION_CLOSED',
          status: conversation.status,
        });
      }
      const { message, created } = await messages().append({
        conversationId: id,
        authorKind: 'customer',
        clientId: input.clientId,
        text: input.text,
      });
      if (created) {
        await notifier().messageCreated(message);
        if (conversation.status === 'bot') void getService('bots', { strapi }).respond(conversation, message);
      }
      return (await messages().toViews([message]))[0];
    },

    /** A bot's message (the built-in bot, a registered provider or an external bot). */
    async postBotMessage(id: number, input: { clientId: string; text: string }): Promise<MessageView> {
      const conversation = await find(id);
      // Bots are code, not validated requests: hold their text to the same limits as everyone's.
      const trimmed = input.text.trim();
      if (!trimmed) throw new ValidationError('text: must not be empty');
      const text = trimmed.length > MESSAGE_TEXT_MAX ? `${trimmed.slice(0, MESSAGE_TEXT_MAX - 1)}…` : trimmed;
      if (conversation.status !== 'bot') {
        throw conflict('The bot can only write while the conversation is with the bot', {
          code: 'NOT_WITH_BOT',
          status: conversation.status,
        });
      }
      const { message, created } = await messages().append({
        conversationId: id,
        authorKind: 'bot',
        clientId: input.clientId,
        text,
      });
      if (created) await notifier().messageCreated(message);
      return (await messages().toViews([message]))[0];
    },

    /**
     * Moves a bot conversation to the queue, or to the offline flow when live support is
     * unavailable (closed, or the queue is at its maximum length). Asking again while already
     * queued or active changes nothing and answers the conversation as it is.
     */
    async escalate(id: number, request: EscalationRequest, now: Date = new Date()): Promise<VisitorConversationView> {
      const conversation = await find(id);
      if (conversation.status === 'queued' || conversation.status === 'active') return this.visitorView(id);

      const settings = await getService('settings', { strapi }).get();
      if (request.trigger === 'button' && !settings.escalation.buttonEnabled) {
        throw forbidden('The "talk to a person" button is switched off', { code: 'BUTTON_DISABLED' });
      }
      const availability = settings.queue.enforceOpeningHours
        ? await getService('openingHours', { strapi }).availability(now)
        : { open: true, nextOpeningAt: null };
      const updated = await withQueueLock(() => enterQueueOrOffline(id, request, settings, availability, now));
      await postSystemMessage(updated, updated.status === 'offline' ? 'offline' : 'queued');
      await notifier().conversationChanged(updated.id);
      return this.visitorView(id);
    },


    async leave(id: number, now: Date = new Date()): Promise<VisitorConversationView> {
      await transition(id, 'abandon', { actor: { kind: 'customer' }, now, patch: { abandonedAt: now } });
      await notifier().conversationChanged(id);
      return this.visitorView(id);
    },

    async rate(id: number, input: CsatInput, now: Date = new Date()): Promise<VisitorConversationView> {
      const conversation = await find(id);
      if (conversation.status !== 'resolved') {
        throw conflict('Only a resolved conversation can be rated', { code: 'NOT_RESOLVED', status: conversation.status });
      }
      await strapi.db.transaction(async () => {
        const { count } = await query().updateMany({
          where: { id, status: 'resolved', csatScore: { $null: true } },
          data: { csatScore: input.score, csatComment: input.comment ?? null, csatAt: now },
        });
        if (count !== 1) throw conflict('The conversation has already been rated', { code: 'ALREADY_RATED' });
        await appendEvent({
          conversationId: id,
          kind: 'rated',
          fromStatus: 'resolved',
          toStatus: 'resolved',
          actor: { kind: 'customer' },
          occurredAt: now,
          data: { score: input.score, hasComment: Boolean(input.comment) },
        });
      });
      await notifier().conversationChanged(id);
      return this.visitorView(id);
    },

    /** Exactly one of any number of concurrent claims wins; the others get 409 with the winner. */
    async claim(id: number, agentId: number, now: Date = new Date()): Promise<AgentConversationView> {
      await agents().ensureState(agentId);
      const before = await find(id);
      if (before.status !== 'queued') throw await this.claimConflict(before);
      const waitedSince = await lastQueuedAt(before);

      try {
        await strapi.db.transaction(async ({ trx }) => {
          await reserveSeat(agentId, trx);
          const { count } = await query().updateMany({
            where: { id, status: 'queued' },
            data: { status: 'active', assignedAgentId: agentId, claimedAt: now, lastActivityAt: now },
          });
          if (count !== 1) throw conflict('Already claimed', { code: 'ALREADY_CLAIMED' });
          await appendEvent({
            conversationId: id,
            kind: 'claimed',
            fromStatus: 'queued',
            toStatus: 'active',
            actor: { kind: 'agent', id: agentId },
            occurredAt: now,
            data: {
              agentId,
              waitSeconds: waitedSince ? Math.max(0, Math.round((now.getTime() - waitedSince.getTime()) / 1000)) : null,
            },
          });
        });
      } catch (error) {
        const details = (error as { details?: { code?: string } }).details;
        if (details?.code === 'ALREADY_CLAIMED') throw await this.claimConflict(await find(id));
        throw error;
      }

      const claimed = await find(id);
      await notifier().agentJoined(agentId, id);
      await postSystemMessage(claimed, 'claimed', { agentName: (await agents().displayName(agentId)) ?? '' });
      await notifier().conversationChanged(id);
      return this.agentView(id);
    },

    async claimConflict(conversation: ConversationRow): Promise<Error> {
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
    },

    async postAgentMessage(id: number, agentId: number, input: PostMessageInput, now: Date = new Date()): Promise<MessageView> {
      const conversation = await find(id);
      assertAssignedTo(conversation, agentId);
      const { message, created } = await messages().append(
        { conversationId: id, authorKind: 'agent', agentId, clientId: input.clientId, text: input.text },
        now,
      );
      if (created) {
        // Only the first reply sets the response time; later ones find the column filled.
        await query().updateMany({ where: { id, firstAgentReplyAt: { $null: true } }, data: { firstAgentReplyAt: now } });
        await notifier().messageCreated(message);
      }
      return (await messages().toViews([message]))[0];
    },

    async transfer(id: number, agentId: number, input: TransferInput, now: Date = new Date()): Promise<AgentConversationView> {
      const conversation = await find(id);
      assertAssignedTo(conversation, agentId);
      const eventData = { fromAgentId: agentId, toAgentId: input.toAgentId ?? null, note: input.note ?? null };

      if (input.toAgentId === undefined) {
        const updated = await transition(id, 'transfer_to_queue', {
          actor: { kind: 'agent', id: agentId },
          now,
          where: { assignedAgentId: agentId },
          patch: { assignedAgentId: null },
          eventData,
        });
        await postSystemMessage(updated, 'transferred_to_queue');
        await notifier().agentLeft(agentId, id);
      } else {
        const target = input.toAgentId;
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
        await strapi.db.transaction(async ({ trx }) => {
          await reserveSeat(target, trx);
          const { count } = await query().updateMany({
            where: { id, status: 'active', assignedAgentId: agentId },
            data: { assignedAgentId: target, claimedAt: now, lastActivityAt: now },
          });
          if (count !== 1) throw conflict('The conversation changed meanwhile; reload it', { code: 'STALE_STATE' });
          await appendEvent({
            conversationId: id,
            kind: EVENT_KIND_FOR_ACTION.transfer_to_agent,
            fromStatus: 'active',
            toStatus: 'active',
            actor: { kind: 'agent', id: agentId },
            occurredAt: now,
            data: eventData,
          });
        });
        await notifier().agentJoined(target, id);
        await postSystemMessage(await find(id), 'transferred_to_agent', {
          agentName: (await agents().displayName(target)) ?? '',
        });
        await notifier().agentLeft(agentId, id);
      }
      await notifier().conversationChanged(id);
      return this.agentView(id);
    },

    async resolve(id: number, agentId: number, now: Date = new Date()): Promise<AgentConversationView> {
      const conversation = await find(id);
      assertAssignedTo(conversation, agentId);
      const updated = await transition(id, 'resolve', {
        actor: { kind: 'agent', id: agentId },
        now,
        where: { assignedAgentId: agentId },
        patch: { resolvedAt: now },
      });
      await postSystemMessage(updated, 'resolved');
      await notifier().conversationChanged(id);
      return this.agentView(id);
    },

    /**
     * Closes a chat the customer has left unanswered (the idle rules): resolved by the system,
     * only while the same agent still has it; a conflict means someone acted first.
     */
    async closeInactive(id: number, agentId: number, quietSince: Date, now: Date = new Date()): Promise<void> {
      const updated = await transition(id, 'resolve', {
        actor: { kind: 'system' },
        now,
        where: { assignedAgentId: agentId },
        patch: { resolvedAt: now },
        eventData: { reason: 'inactive', quietSince: quietSince.toISOString() },
      });
      await postSystemMessage(updated, 'closed_inactive');
      await notifier().conversationChanged(id);
    },

    /**
     * VIP flag and priority, set by trusted server code (never by the widget): VIP
     * conversations go to the front of the queue, then higher priority.
     */
    async setPriority(id: number, input: { isVip?: boolean; priority?: number }): Promise<void> {
      await find(id);
      const data: Record<string, unknown> = {};
      if (input.isVip !== undefined) data.isVip = input.isVip;
      if (input.priority !== undefined) data.priority = Math.trunc(input.priority);
      if (Object.keys(data).length === 0) return;
      await query().update({ where: { id }, data });
      await notifier().conversationChanged(id);
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

    /** The customer's message in the offline flow; agents answer it later by email or phone. */
    async leaveOfflineMessage(id: number, input: OfflineMessageInput, now: Date = new Date()): Promise<{ id: number; status: string; createdAt: string }> {
      const conversation = await find(id);
      if (conversation.status !== 'offline') {
        throw conflict('A message can be left only when live support was unavailable', {
          code: 'NOT_OFFLINE',
          status: conversation.status,
        });
      }
      const offlineMessages = strapi.db.query(UID.offlineMessage);
      if (await offlineMessages.count({ where: { conversationId: id } })) {
        throw conflict('A message has already been left in this conversation', { code: 'ALREADY_LEFT' });
      }
      const created = (await offlineMessages.create({
        data: {
          conversationId: id,
          name: input.name ?? conversation.customerName ?? null,
          email: input.email ?? conversation.customerEmail ?? null,
          phone: input.phone ?? conversation.customerPhone ?? null,
          message: input.message,
          language: conversation.language,
          status: 'new',
        },
      })) as { id: number; name: string | null; createdAt: unknown };
      await query().update({
        where: { id },
        data: {
          customerName: conversation.customerName ?? input.name ?? null,
          customerEmail: conversation.customerEmail ?? input.email ?? null,
          customerPhone: conversation.customerPhone ?? input.phone ?? null,
          lastActivityAt: now,
        },
      });
      const createdAt = toIso(created.createdAt) ?? now.toISOString();
      await notifier().offlineMessageLeft({ id: created.id, conversationId: id, name: created.name, createdAt });
      return { id: created.id, status: 'new', createdAt };
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

    async visitorView(id: number): Promise<VisitorConversationView> {
      const conversation = await find(id);
      const standing =
        conversation.status === 'queued'
          ? await getService('queue', { strapi }).standingOf(id)
          : { position: null, estimatedWaitSeconds: null };
      return {
        id: conversation.id,
        status: conversation.status,
        language: conversation.language,
        agentName: conversation.status === 'active' ? await agents().displayName(conversation.assignedAgentId) : null,
        lastSeq: conversation.lastMessageSeq,
        createdAt: toIso(conversation.createdAt) ?? '',
        queuedAt: toIso(conversation.queuedAt),
        resolvedAt: toIso(conversation.resolvedAt),
        csatScore: conversation.csatScore ?? null,
        ...standing,
      };
    },

    async cardViews(rows: ConversationRow[], standings = new Map<number, { position: number; estimatedWaitSeconds: number | null }>()): Promise<QueueCardView[]> {
      const [names, lastMessages] = await Promise.all([
        agents().displayNames(rows.map((row) => row.assignedAgentId)),
        messages().lastMessages(rows),
      ]);
      return rows.map((row) => {
        const last: MessageRow | undefined = lastMessages.get(row.id);
        const standing = standings.get(row.id);
        return {
          id: row.id,
          status: row.status,
          isVip: Boolean(row.isVip),
          priority: row.priority ?? 0,
          language: row.language,
          escalationTrigger: row.escalationTrigger ?? null,
          escalationReason: row.escalationReason ?? null,
          customerName: row.customerName ?? null,
          assignedAgent: row.assignedAgentId
            ? { id: row.assignedAgentId, name: names.get(row.assignedAgentId) ?? `#${row.assignedAgentId}` }
            : null,
          queuedAt: toIso(row.queuedAt),
          claimedAt: toIso(row.claimedAt),
          resolvedAt: toIso(row.resolvedAt),
          csatScore: row.csatScore ?? null,
          lastMessage: last ? { author: last.authorKind, text: last.text, createdAt: toIso(last.createdAt) ?? '' } : null,
          position: standing?.position ?? null,
          estimatedWaitSeconds: standing?.estimatedWaitSeconds ?? null,
        };
      });
    },

    async agentView(id: number): Promise<AgentConversationView> {
      const conversation = await find(id);
      const standings =
        conversation.status === 'queued'
          ? new Map([[id, await getService('queue', { strapi }).standingOf(id)]])
          : new Map();
      const [[card], messageRows, eventRows] = await Promise.all([
        this.cardViews([conversation], standings as Map<number, { position: number; estimatedWaitSeconds: number | null }>),
        messages().listAfter(id, 0, 10_000),
        strapi.db.query(UID.conversationEvent).findMany({
          where: { conversationId: id },
          orderBy: [{ occurredAt: 'asc' }, { id: 'asc' }],
        }) as Promise<Array<Record<string, unknown>>>,
      ]);
      const agentIdOf = (value: unknown) => (typeof value === 'number' ? value : null);
      const names = await getService('agents', { strapi }).displayNames(
        eventRows.flatMap((event) => [
          event.actorKind === 'agent' ? agentIdOf(event.actorId) : null,
          agentIdOf((event.data as Record<string, unknown> | null)?.toAgentId),
        ]),
      );
      const nameOf = (agentId: number | null) => (agentId === null ? null : (names.get(agentId) ?? `#${agentId}`));
      const events: ConversationEventView[] = eventRows.map((event) => {
        const data = (event.data as Record<string, unknown> | null) ?? null;
        const actorId = agentIdOf(event.actorId);
        return {
          id: event.id as number,
          kind: event.kind as EventKind,
          fromStatus: (event.fromStatus as ConversationStatus | null) ?? null,
          toStatus: (event.toStatus as ConversationStatus | null) ?? null,
          actorKind: event.actorKind as AuthorKind,
          actorId,
          actorName: event.actorKind === 'agent' ? nameOf(actorId) : null,
          targetAgentName: nameOf(agentIdOf(data?.toAgentId)),
          occurredAt: toIso(event.occurredAt) ?? '',
          data,
        };
      });
      return {
        ...card,
        customer: {
          name: conversation.customerName ?? null,
          email: conversation.customerEmail ?? null,
          phone: conversation.customerPhone ?? null,
          externalId: conversation.externalId ?? null,
          metadata: conversation.metadata ?? null,
        },
        createdAt: toIso(conversation.createdAt) ?? '',
        firstAgentReplyAt: toIso(conversation.firstAgentReplyAt),
        abandonedAt: toIso(conversation.abandonedAt),
        offlineAt: toIso(conversation.offlineAt),
        csatComment: conversation.csatComment ?? null,
        lastSeq: conversation.lastMessageSeq,
        messages: await messages().toViews(messageRows),
        events,
      };
    },
  };
};

export default conversationsService;
