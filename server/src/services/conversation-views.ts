import type { Core } from '@strapi/strapi';

import type {
  AgentConversationView,
  ConversationEventView,
  MessageView,
  QueueCardView,
  VisitorConversationView,
} from '../contracts/views';
import type { AuthorKind, ConversationStatus, EventKind } from '../domain/conversation-status';
import { isLeaveMessageOffered } from '../domain/housekeeping';
import { toDate, toIso } from '../utils/dates';
import { getService } from '../utils/get-service';
import type { ConversationRow } from './conversation-store';
import type { LastMessage } from './messages';
import type { Standing } from './queue-standings';

/** The columns a queue card is built from: the desk's pages read these and no more. */
export const CARD_FIELDS = [
  'id',
  'status',
  'isVip',
  'priority',
  'language',
  'escalationTrigger',
  'escalationReason',
  'customerName',
  'assignedAgentId',
  'lastMessageSeq',
  'queuedAt',
  'queueEnteredAt',
  'claimedAt',
  'resolvedAt',
  'csatScore',
] as const satisfies ReadonlyArray<keyof ConversationRow>;

export type CardRow = Pick<ConversationRow, (typeof CARD_FIELDS)[number]>;

const integerOrNull = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));

/**
 * A card's row as the database driver returns it (SQLite's booleans as 0 or 1, datetimes as
 * milliseconds; PostgreSQL's as Date), in the types the views expect; datetimes stay as they
 * are, since every view reads them through `toIso`/`toDate`.
 */
export function toCardRow(raw: Record<(typeof CARD_FIELDS)[number], unknown>): CardRow {
  return {
    ...(raw as CardRow),
    id: Number(raw.id),
    isVip: Boolean(raw.isVip),
    priority: Number(raw.priority ?? 0),
    assignedAgentId: integerOrNull(raw.assignedAgentId),
    lastMessageSeq: Number(raw.lastMessageSeq ?? 0),
    csatScore: integerOrNull(raw.csatScore),
  };
}

const agentIdOf = (value: unknown) => (typeof value === 'number' ? value : null);

/** When a waiting conversation's current wait began; rows queued before the column existed count from their first escalation. */
const waitingSinceOf = (row: Pick<ConversationRow, 'status' | 'queueEnteredAt' | 'queuedAt'>): Date | null =>
  row.status === 'queued' ? (toDate(row.queueEnteredAt) ?? toDate(row.queuedAt)) : null;

/**
 * What each side sees of a conversation: the customer's view, the queue card and the agent's
 * full view with its history. Reads only: the notifier, the queue and the actions answer with
 * these, and nothing here changes a conversation.
 */
const conversationViewsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const store = () => getService('conversationStore', { strapi });
  const agents = () => getService('agents', { strapi });
  const messages = () => getService('messages', { strapi });
  const standingOf = (id: number) => getService('queueStandings', { strapi }).standingOf(id);

  /** The history, with the agents' names filled in (the actor's and a transfer's target). */
  async function eventViews(eventRows: Array<Record<string, unknown>>): Promise<ConversationEventView[]> {
    const names = await agents().displayNames(
      eventRows.flatMap((event) => [
        event.actorKind === 'agent' ? agentIdOf(event.actorId) : null,
        agentIdOf((event.data as Record<string, unknown> | null)?.toAgentId),
      ]),
    );
    const nameOf = (agentId: number | null) => (agentId === null ? null : (names.get(agentId) ?? `#${agentId}`));
    return eventRows.map((event) => {
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
  }

  function leaveMessageOffered(conversation: ConversationRow): boolean {
    const enteredQueueAt = waitingSinceOf(conversation);
    return enteredQueueAt !== null && isLeaveMessageOffered({ enteredQueueAt, leaveMessageOfferedAt: toDate(conversation.leaveMessageOfferedAt) });
  }

  return {
    /** Whether the customer has waited `queue.maxWaitMinutes` in this wait and may leave a message instead. */
    leaveMessageOffered,

    /** The customer's view, read from the database. */
    async visitorView(id: number): Promise<VisitorConversationView> {
      return this.visitorViewOf(await store().find(id));
    },

    /**
     * The customer's view of a row the caller has just read. `standings`, when the caller has
     * just read the whole line, give the place without another query.
     */
    async visitorViewOf(conversation: ConversationRow, standings?: ReadonlyMap<number, Standing>): Promise<VisitorConversationView> {
      const id = conversation.id;
      const standing =
        conversation.status !== 'queued'
          ? { position: null, estimatedWaitSeconds: null }
          : standings
            ? (standings.get(id) ?? { position: null, estimatedWaitSeconds: null })
            : await standingOf(id);
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
        leaveMessageOffered: leaveMessageOffered(conversation),
        ...standing,
      };
    },

    async cardViews(rows: CardRow[], standings: ReadonlyMap<number, Standing> = new Map()): Promise<QueueCardView[]> {
      const [names, lastMessages, settings] = await Promise.all([
        agents().displayNames(rows.map((row) => row.assignedAgentId)),
        messages().lastMessages(rows),
        getService('settings', { strapi }).get(),
      ]);
      return rows.map((row) => {
        const last: LastMessage | undefined = lastMessages.get(row.id);
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
          waitingSince: toIso(waitingSinceOf(row)),
          maxWaitMinutes: row.status === 'queued' ? settings.queue.maxWaitMinutes : 0,
        };
      });
    },

    async agentView(id: number): Promise<AgentConversationView> {
      const conversation = await store().find(id);
      const standings = new Map<number, Standing>();
      if (conversation.status === 'queued') {
        const { position, estimatedWaitSeconds } = await standingOf(id);
        if (position !== null) standings.set(id, { position, estimatedWaitSeconds });
      }
      const [[card], messageRows, eventRows] = await Promise.all([
        this.cardViews([conversation], standings),
        messages().listAfter(id, 0, 10_000),
        store().events(id),
      ]);
      return {
        ...card,
        customer: {
          name: conversation.customerName ?? null,
          email: conversation.customerEmail ?? null,
          phone: conversation.customerPhone ?? null,
          externalId: conversation.externalId ?? null,
          verified: Boolean(conversation.identityVerified),
          metadata: conversation.metadata ?? null,
        },
        createdAt: toIso(conversation.createdAt) ?? '',
        firstAgentReplyAt: toIso(conversation.firstAgentReplyAt),
        abandonedAt: toIso(conversation.abandonedAt),
        offlineAt: toIso(conversation.offlineAt),
        csatComment: conversation.csatComment ?? null,
        lastSeq: conversation.lastMessageSeq,
        messages: await messages().toViews(messageRows),
        events: await eventViews(eventRows),
      };
    },

    /** A page of an existing conversation's messages (404 when there is no such conversation). */
    async messagesAfter(id: number, after: number, limit: number): Promise<MessageView[]> {
      await store().find(id);
      return messages().viewsAfter(id, after, limit);
    },

    /** What an external bot reads: the conversation as the customer sees it, and its messages. */
    async botView(
      id: number,
      after: number,
      limit: number,
    ): Promise<{ conversation: VisitorConversationView; messages: MessageView[] }> {
      return { conversation: await this.visitorView(id), messages: await messages().viewsAfter(id, after, limit) };
    },
  };
};

export default conversationViewsService;
