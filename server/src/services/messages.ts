import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';

import { UID } from '../constants';
import type { MessageView } from '../contracts/views';
import type { AuthorKind, ConversationStatus } from '../domain/conversation-status';
import { knexConversationBump } from '../database/knex-conversation-bump';
import type { MessageWrite, MessageWriteGuard, MessageWriter } from '../database/message-append-sql';
import { postgresMessageAppend } from '../database/postgres-message-append';
import { sqliteMessageAppend } from '../database/sqlite-message-append';
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

/** A conversation's latest message as its queue card shows it. */
export type LastMessage = Pick<MessageRow, 'conversationId' | 'authorKind' | 'text' | 'createdAt'>;

/** What the conversation must still be for the message to be stored: checked by the UPDATE itself. */
export type AppendGuard = MessageWriteGuard;

export interface AppendOptions {
  now?: Date;
  onlyIf?: AppendGuard;
}

export interface AppendResult {
  message: MessageRow;
  /** False when the clientId was already stored (a retry): nothing new to tell anyone. */
  created: boolean;
  /** The conversation's status as the message was stored (null for a retry). */
  status: ConversationStatus | null;
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

  // Resolved on first use: the database is not connected yet when services are created.
  let directWriter: MessageWriter | null | undefined;
  const direct = () => (directWriter === undefined ? (directWriter = sqliteMessageAppend(strapi) ?? postgresMessageAppend(strapi)) : directWriter);

  const findByClientId = (conversationId: number, clientId: string) =>
    strapi.db.query(UID.message).findOne({ where: { conversationId, clientId } }) as Promise<MessageRow | null>;

  const rowOf = (input: NewMessage, seq: number, now: Date, id: number): MessageRow => ({
    id,
    conversationId: input.conversationId,
    authorKind: input.authorKind,
    agentId: input.agentId ?? null,
    clientId: input.clientId,
    text: input.text,
    seq,
    createdAt: now,
  });

  /** The same clientId from another author is a client bug, not a retry: refuse it. */
  const sameAuthorOrConflict = (message: MessageRow, input: NewMessage): MessageRow => {
    if (message.authorKind !== input.authorKind) {
      throw conflict('This clientId is already used in this conversation', { code: 'CLIENT_ID_TAKEN' });
    }
    return message;
  };

  return {
    findByClientId,

    /**
     * Stores the message, or returns the one already stored under the same clientId; `null` when
     * `onlyIf` refused it (the conversation is not, or no longer, in a state that takes it: the
     * caller reads it to say why). One transaction of two statements: the conversation's UPDATE
     * hands back the new sequence number (RETURNING), the INSERT the new id, and the row is built
     * from what is in hand. A retry's clientId is found by the unique index, rolling back. On
     * SQLite the two run on the native connection (`sqlite-message-append.ts`), on PostgreSQL as
     * one statement (`postgres-message-append.ts`); on MySQL through knex.
     */
    async append(input: NewMessage, options: AppendOptions = {}): Promise<AppendResult | null> {
      const now = options.now ?? new Date();
      try {
        // Fields written out, not spread: a spread here cost about 0.8 KB per message of old
        // generation (measured at 1,000 msg/s), so full collections came sooner.
        const write: MessageWrite = {
          conversationId: input.conversationId,
          authorKind: input.authorKind,
          agentId: input.agentId ?? null,
          clientId: input.clientId,
          text: input.text,
          now,
          guard: options.onlyIf,
        };
        // Inside a caller's transaction the write must join it, which only the knex path does.
        const writeDirectly = strapi.db.inTransaction() ? null : direct();
        if (writeDirectly) {
          const pending = writeDirectly(write);
          const written = pending instanceof Promise ? await pending : pending;
          if (!written) return null;
          const message: MessageRow = rowOf(input, written.seq, now, written.id);
          return { message, created: true, status: written.status };
        }
        return await strapi.db.transaction(async ({ trx }: { trx: Knex.Transaction }) => {
          // The same UPDATE as the direct writers', joined to this transaction.
          const bumped = await knexConversationBump(strapi, trx, write);
          if (!bumped) return null;
          const { id: _unknownYet, ...data } = rowOf(input, bumped.seq, now, 0);
          // createMany inserts without reading the row back (create would select it again).
          const { ids } = await strapi.db.query(UID.message).createMany({ data: [data] });
          const message: MessageRow = { ...data, id: Number(ids[0]) };
          return { message, created: true, status: bumped.status };
        });
      } catch (error) {
        // A retry, or the same clientId committed concurrently: this attempt rolled back, return the one stored.
        const stored = await findByClientId(input.conversationId, input.clientId);
        if (stored) return { message: sameAuthorOrConflict(stored, input), created: false, status: null };
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
    async lastMessages(conversations: Array<{ id: number; lastMessageSeq: number }>): Promise<Map<number, LastMessage>> {
      const withMessages = conversations.filter((conversation) => conversation.lastMessageSeq > 0);
      if (withMessages.length === 0) return new Map();
      // Found by the (conversation, seq) unique index as row-value pairs: one indexed lookup each,
      // where an OR of many (conversation AND seq) terms made SQLite scan. Only the columns a
      // card shows, read straight: the desk asks for up to 300 of them at a time.
      const rows = (await knex()(strapi.db.metadata.get(UID.message).tableName)
        .whereIn(
          ['conversation_id', 'seq'],
          withMessages.map((conversation) => [conversation.id, conversation.lastMessageSeq]),
        )
        .select('conversation_id', 'author_kind', 'text', 'created_at')) as Array<{
        conversation_id: number;
        author_kind: AuthorKind;
        text: string;
        created_at: unknown;
      }>;
      return new Map(
        rows.map((row) => [
          Number(row.conversation_id),
          { conversationId: Number(row.conversation_id), authorKind: row.author_kind, text: row.text, createdAt: row.created_at },
        ]),
      );
    },

    async toViews(rows: MessageRow[]): Promise<MessageView[]> {
      const names = await getService('agents', { strapi }).displayNames(rows.map((row) => row.agentId));
      return rows.map((row) => messageView(row, row.agentId ? (names.get(row.agentId) ?? null) : null));
    },

    /** One message's view, its author's name looked up (from the agents' name cache). */
    async toView(row: MessageRow): Promise<MessageView> {
      return messageView(row, await getService('agents', { strapi }).displayName(row.agentId));
    },
  };
};

/** What clients are sent of a message; `agentName` is its author's, for an agent's message. */
export function messageView(row: MessageRow, agentName: string | null): MessageView {
  return {
    id: row.id,
    conversationId: row.conversationId,
    seq: row.seq,
    clientId: row.clientId,
    author: row.authorKind,
    agentName,
    text: row.text,
    createdAt: toIso(row.createdAt) ?? new Date(0).toISOString(),
  };
}

export default messagesService;
