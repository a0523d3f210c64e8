import { randomBytes } from 'node:crypto';

import type { Core } from '@strapi/strapi';

import { UID } from '../constants';
import type { AuthorKind, ConversationStatus } from '../domain/conversation-status';

/** The parts of better-sqlite3 this module uses (the driver under Strapi's SQLite client). */
interface NativeStatement {
  get(...parameters: unknown[]): unknown;
  run(...parameters: unknown[]): { lastInsertRowid: number | bigint };
}
interface NativeDatabase {
  prepare(sql: string): NativeStatement;
  transaction<Args extends unknown[], Result>(work: (...args: Args) => Result): (...args: Args) => Result;
}
interface KnexClient {
  driverName?: string;
  acquireConnection(): Promise<unknown>;
  releaseConnection(connection: unknown): Promise<void>;
}

/** What the conversation must still be for the message to be stored: checked by the UPDATE. */
export interface NativeAppendGuard {
  statuses: readonly ConversationStatus[];
  assignedAgentId?: number;
}

export interface NativeAppendInput {
  conversationId: number;
  authorKind: AuthorKind;
  agentId: number | null;
  clientId: string;
  text: string;
  now: Date;
  guard?: NativeAppendGuard;
}

export interface NativeAppended {
  id: number;
  seq: number;
  status: ConversationStatus;
}

export type NativeMessageAppend = (input: NativeAppendInput) => Promise<NativeAppended | null>;

const DOCUMENT_ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/**
 * A document id of Strapi's shape (24 lower-case letters and digits, a letter first). Messages
 * are never read through the Document Service; Strapi's own generator hashes with SHA-3 and cost
 * more than the rest of the INSERT.
 */
export function messageDocumentId(): string {
  const bytes = randomBytes(24);
  let id = DOCUMENT_ID_ALPHABET[bytes[0] % 26];
  for (let index = 1; index < 24; index += 1) id += DOCUMENT_ID_ALPHABET[bytes[index] % 36];
  return id;
}

/**
 * The message path's write on SQLite, straight on the app's one better-sqlite3 connection: the
 * conversation's UPDATE … RETURNING and the message's INSERT in one native transaction, with
 * statements prepared once. Through knex and Strapi's query engine the same two statements cost
 * about three times the CPU (a statement compiled per call, a transaction object per message, the
 * entity manager's row processing), which capped the persisted rate. The connection is taken from
 * knex's pool, so the write queues behind any knex transaction holding it, and the work between
 * taking and giving it back is synchronous. The columns are the ones Strapi writes for the same
 * row (datetimes as milliseconds, as knex binds them for better-sqlite3). Null when the app's
 * database is not SQLite through better-sqlite3: the caller then writes through knex.
 */
export function sqliteMessageAppend(strapi: Core.Strapi): NativeMessageAppend | null {
  const client = (strapi.db.connection as unknown as { client: KnexClient }).client;
  if (strapi.db.dialect.client !== 'sqlite' || client.driverName !== 'better-sqlite3') return null;
  const conversations = strapi.db.metadata.get(UID.conversation).tableName;
  const messages = strapi.db.metadata.get(UID.message).tableName;
  const insertSql =
    `INSERT INTO ${messages} (document_id, conversation_id, author_kind, agent_id, text, client_id, seq, created_at, updated_at, published_at) ` +
    'VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)';
  type Write = (update: { sql: string; parameters: unknown[] }, input: NativeAppendInput) => NativeAppended | null;
  // Per connection (the pool may replace it): its prepared statements and its transaction.
  const writers = new WeakMap<NativeDatabase, Write>();

  function writerFor(database: NativeDatabase): Write {
    const known = writers.get(database);
    if (known) return known;
    const statements = new Map<string, NativeStatement>();
    const statement = (sql: string): NativeStatement => {
      let found = statements.get(sql);
      if (!found) statements.set(sql, (found = database.prepare(sql)));
      return found;
    };
    const write = database.transaction((update: { sql: string; parameters: unknown[] }, input: NativeAppendInput): NativeAppended | null => {
      const bumped = statement(update.sql).get(...update.parameters) as { last_message_seq: number; status: ConversationStatus } | undefined;
      if (!bumped) return null;
      const seq = Number(bumped.last_message_seq);
      const now = input.now.getTime();
      const { lastInsertRowid } = statement(insertSql).run(
        messageDocumentId(),
        input.conversationId,
        input.authorKind,
        input.agentId,
        input.text,
        input.clientId,
        seq,
        now,
        now,
        now,
      );
      return { id: Number(lastInsertRowid), seq, status: bumped.status };
    });
    writers.set(database, write);
    return write;
  }

  function updateOf(input: NativeAppendInput): { sql: string; parameters: unknown[] } {
    const now = input.now.getTime();
    const sets = ['last_message_seq = last_message_seq + 1', 'last_activity_at = ?', 'updated_at = ?'];
    const parameters: unknown[] = [now, now];
    // Kept on the row so the idle sweep needs no message lookups.
    if (input.authorKind === 'customer') {
      sets.push('last_customer_message_at = ?');
      parameters.push(now);
    }
    if (input.authorKind === 'agent') {
      sets.push('last_agent_message_at = ?', 'first_agent_reply_at = coalesce(first_agent_reply_at, ?)');
      parameters.push(now, now);
    }
    const conditions = ['id = ?'];
    parameters.push(input.conversationId);
    if (input.guard) {
      conditions.push(`status IN (${input.guard.statuses.map(() => '?').join(', ')})`);
      parameters.push(...input.guard.statuses);
      if (input.guard.assignedAgentId !== undefined) {
        conditions.push('assigned_agent_id = ?');
        parameters.push(input.guard.assignedAgentId);
      }
    }
    return {
      sql: `UPDATE ${conversations} SET ${sets.join(', ')} WHERE ${conditions.join(' AND ')} RETURNING last_message_seq, status`,
      parameters,
    };
  }

  return async (input) => {
    const database = (await client.acquireConnection()) as NativeDatabase;
    try {
      return writerFor(database)(updateOf(input), input);
    } finally {
      await client.releaseConnection(database);
    }
  };
}
