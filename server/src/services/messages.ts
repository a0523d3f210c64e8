import type { Core } from '@strapi/strapi';

import { UID } from '../constants';
import type { MessageView } from '../contracts/views';
import type { AuthorKind } from '../domain/conversation-status';
import { conflict } from '../errors';
import { toIso } from '../utils/dates';
import { getService } from '../utils/get-service';

export interface MessageRow {
  id: number;
  conversationId: number;
  authorKind: AuthorKind;
  agentId: number | null;
  text: string;
  clientId: string;
  seq: number;
  createdAt: unknown;
}

export interface NewMessage {
  conversationId: number;
  authorKind: AuthorKind;
  agentId?: number | null;
  clientId: string;
  text: string;
}

/**
 * Messages are persisted before anyone is told about them. Each gets the next sequence number
 * of its conversation inside one transaction; the unique indexes on (conversation, seq) and
 * (conversation, clientId) keep order and idempotency even with several Strapi nodes.
 */
const messagesService = ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection;
  const conversationTable = () => strapi.db.metadata.get(UID.conversation).tableName;

  const findByClientId = (conversationId: number, clientId: string) =>
    strapi.db.query(UID.message).findOne({ where: { conversationId, clientId } }) as Promise<MessageRow | null>;

  /** The same clientId from another author is a client bug, not a retry: refuse it. */
  const sameAuthorOrConflict = (message: MessageRow, input: NewMessage): MessageRow => {
    if (message.authorKind !== input.authorKind) {
      throw conflict('This clientId is already used in this conversation', { code: 'CLIENT_ID_TAKEN' });
    }
    return message;
  };

  return {
    findByClientId,

    /** Stores the message, or returns the one already stored under the same clientId. */
    async append(input: NewMessage, now: Date = new Date()): Promise<{ message: MessageRow; created: boolean }> {
      const existing = await findByClientId(input.conversationId, input.clientId);
      if (existing) return { message: sameAuthorOrConflict(existing, input), created: false };

      try {
        const message = await strapi.db.transaction(async ({ trx }) => {
          await knex()(conversationTable())
            .transacting(trx)
            .where({ id: input.conversationId })
            .update({
              last_message_seq: knex().raw('?? + 1', ['last_message_seq']),
              last_activity_at: now,
              // Kept on the row so the idle sweep needs no message lookups.
              ...(input.authorKind === 'customer' ? { last_customer_message_at: now } : {}),
              ...(input.authorKind === 'agent' ? { last_agent_message_at: now } : {}),
              updated_at: now,
            });
          const row = (await knex()(conversationTable())
            .transacting(trx)
            .where({ id: input.conversationId })
            .first('last_message_seq')) as { last_message_seq: number } | undefined;
          if (!row) throw new Error(`conversation ${input.conversationId} vanished while appending a message`);
          return (await strapi.db.query(UID.message).create({
            data: {
              conversationId: input.conversationId,
              authorKind: input.authorKind,
              agentId: input.agentId ?? null,
              clientId: input.clientId,
              text: input.text,
              seq: Number(row.last_message_seq),
            },
          })) as MessageRow;
        });
        return { message, created: true };
      } catch (error) {
        // The same clientId committed concurrently: this attempt rolled back, return the winner.
        const raced = await findByClientId(input.conversationId, input.clientId);
        if (raced) return { message: sameAuthorOrConflict(raced, input), created: false };
        throw error;
      }
    },

    /** What a client that has seen up to `afterSeq` missed, ready to send. */
    async viewsAfter(conversationId: number, afterSeq: number, limit: number): Promise<MessageView[]> {
      return this.toViews(await this.listAfter(conversationId, afterSeq, limit));
    },

    async listAfter(conversationId: number, afterSeq: number, limit: number): Promise<MessageRow[]> {
      return strapi.db.query(UID.message).findMany({
        where: { conversationId, seq: { $gt: afterSeq } },
        orderBy: { seq: 'asc' },
        limit,
      }) as Promise<MessageRow[]>;
    },

    /** The last message of each conversation, in one query. */
    async lastMessages(conversations: Array<{ id: number; lastMessageSeq: number }>): Promise<Map<number, MessageRow>> {
      const withMessages = conversations.filter((conversation) => conversation.lastMessageSeq > 0);
      if (withMessages.length === 0) return new Map();
      // Found by the (conversation, seq) unique index as row-value pairs: one indexed lookup each,
      // where an OR of many (conversation AND seq) terms made SQLite scan.
      const found = (await knex()(strapi.db.metadata.get(UID.message).tableName)
        .whereIn(
          ['conversation_id', 'seq'],
          withMessages.map((conversation) => [conversation.id, conversation.lastMessageSeq]),
        )
        .select('id')) as Array<{ id: number }>;
      if (found.length === 0) return new Map();
      const rows = (await strapi.db.query(UID.message).findMany({
        where: { id: { $in: found.map((row) => row.id) } },
      })) as MessageRow[];
      return new Map(rows.map((row) => [row.conversationId, row]));
    },

    async toViews(rows: MessageRow[]): Promise<MessageView[]> {
      const names = await getService('agents', { strapi }).displayNames(rows.map((row) => row.agentId));
      return rows.map((row) => ({
        id: row.id,
        conversationId: row.conversationId,
        seq: row.seq,
        clientId: row.clientId,
        author: row.authorKind,
        agentName: row.agentId ? (names.get(row.agentId) ?? null) : null,
        text: row.text,
        createdAt: toIso(row.createdAt) ?? new Date(0).toISOString(),
      }));
    },
  };
};

export default messagesService;
