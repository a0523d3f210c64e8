import { randomFillSync } from 'node:crypto';

import type { AuthorKind, ConversationStatus } from '../domain/conversation-status';

/**
 * The SQL every message writer shares: the conversation's UPDATE that checks the status (and for
 * an agent the assignment), takes the next sequence number and records the activity, written once
 * for the direct writers (`sqlite-message-append.ts`, `postgres-message-append.ts`) and the knex
 * path (`knex-conversation-bump.ts`); and the direct writers' INSERT with the columns Strapi
 * writes for such a row. Identifiers are left unquoted: the same text runs on SQLite, PostgreSQL
 * and MySQL.
 */

/** What the conversation must still be for the message to be stored: checked by the UPDATE. */
export interface MessageWriteGuard {
  statuses: readonly ConversationStatus[];
  assignedAgentId?: number;
}

export interface MessageWrite {
  conversationId: number;
  authorKind: AuthorKind;
  agentId: number | null;
  clientId: string;
  text: string;
  now: Date;
  guard?: MessageWriteGuard;
}

export interface MessageWritten {
  id: number;
  seq: number;
  status: ConversationStatus;
}

/** What the conversation's UPDATE hands back: the message's sequence number and the status it found. */
export type ConversationBumped = Omit<MessageWritten, 'id'>;

/** The conversation's columns the UPDATE hands back, as the driver returns them. */
export interface BumpedRow {
  last_message_seq: number | string;
  status: ConversationStatus;
}

/**
 * A direct writer: null when the guard refused the message. It answers at once, without a
 * promise, when it could write synchronously (SQLite with nobody else on the connection): each
 * promise on the message path costs an allocation and, with Strapi's async hooks, more.
 */
export type MessageWriter = (write: MessageWrite) => MessageWritten | null | Promise<MessageWritten | null>;

export interface Statement<Value = unknown> {
  sql: string;
  parameters: Value[];
}

const DOCUMENT_ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/**
 * A document id of Strapi's shape (24 lower-case letters and digits, a letter first). Messages
 * are never read through the Document Service; Strapi's own generator hashes with SHA-3 and cost
 * more than the rest of the INSERT. Random bytes are drawn for 256 ids at a time and the letters
 * written into one reused buffer, so an id costs its string and nothing else (no spread either:
 * in Strapi's process an array spread goes through the iterator protocol, allocating per item).
 */
const IDS_PER_DRAW = 256;
const randomPool = Buffer.alloc(24 * IDS_PER_DRAW);
let poolOffset = randomPool.length;
const idLetters = Buffer.alloc(24);
export function messageDocumentId(): string {
  if (poolOffset === randomPool.length) {
    randomFillSync(randomPool);
    poolOffset = 0;
  }
  idLetters[0] = DOCUMENT_ID_ALPHABET.charCodeAt(randomPool[poolOffset] % 26);
  for (let index = 1; index < 24; index += 1) idLetters[index] = DOCUMENT_ID_ALPHABET.charCodeAt(randomPool[poolOffset + index] % 36);
  poolOffset += 24;
  return idLetters.toString('latin1');
}

/**
 * `UPDATE <conversations> SET … WHERE …` (without RETURNING) with `?` placeholders; `at` turns
 * the write's instant into what the driver binds (milliseconds for better-sqlite3, a Date for pg;
 * through knex the Date itself, which knex's client converts as its driver needs).
 */
export function conversationBump<Time>(table: string, write: MessageWrite, at: (instant: Date) => Time): Statement<unknown> {
  const now = at(write.now);
  const parameters: unknown[] = [now, now];
  // Kept on the row so the idle sweep needs no message lookups.
  if (write.authorKind === 'customer') parameters.push(now);
  if (write.authorKind === 'agent') parameters.push(now, now);
  parameters.push(write.conversationId);
  if (write.guard) {
    for (const status of write.guard.statuses) parameters.push(status);
    if (write.guard.assignedAgentId !== undefined) parameters.push(write.guard.assignedAgentId);
  }
  return { sql: bumpSql(table, write.authorKind, write.guard), parameters };
}

/**
 * The UPDATE's text for one shape of write, built once: a message would otherwise build and
 * hash the same few hundred characters again (the writers look their prepared statements up by
 * it). The shapes are few: the author kinds times the guards the services pass.
 */
const bumpSqlByShape = new Map<string, string>();
function bumpSql(table: string, authorKind: AuthorKind, guard: MessageWriteGuard | undefined): string {
  const shape = `${table} ${authorKind} ${guard ? guard.statuses.length : -1} ${guard?.assignedAgentId !== undefined}`;
  const known = bumpSqlByShape.get(shape);
  if (known) return known;
  const sets = ['last_message_seq = last_message_seq + 1', 'last_activity_at = ?', 'updated_at = ?'];
  if (authorKind === 'customer') sets.push('last_customer_message_at = ?');
  if (authorKind === 'agent') sets.push('last_agent_message_at = ?', 'first_agent_reply_at = coalesce(first_agent_reply_at, ?)');
  const conditions = ['id = ?'];
  if (guard) {
    // No allowed status refuses every message (`IN ()` is not SQL outside SQLite).
    conditions.push(guard.statuses.length > 0 ? `status IN (${guard.statuses.map(() => '?').join(', ')})` : '1 = 0');
    if (guard.assignedAgentId !== undefined) conditions.push('assigned_agent_id = ?');
  }
  const sql = `UPDATE ${table} SET ${sets.join(', ')} WHERE ${conditions.join(' AND ')}`;
  bumpSqlByShape.set(shape, sql);
  return sql;
}

const returningByBump = new Map<string, string>();
/** The bump handing back a `BumpedRow` (PostgreSQL and SQLite; MySQL has no RETURNING). */
export function returningBumped(bump: Statement<unknown>): Statement<unknown> {
  let sql = returningByBump.get(bump.sql);
  if (!sql) returningByBump.set(bump.sql, (sql = `${bump.sql} RETURNING last_message_seq, status`));
  return { sql, parameters: bump.parameters };
}

/** The message's columns, in the order of `messageValues`. */
export const MESSAGE_COLUMNS = 'document_id, conversation_id, author_kind, agent_id, text, client_id, seq, created_at, updated_at, published_at';

/** The message's values but its `seq` (the UPDATE hands it out), around where it goes. */
export function messageValues<Time>(write: MessageWrite, at: (instant: Date) => Time): { before: unknown[]; after: unknown[] } {
  const now = at(write.now);
  return {
    before: [messageDocumentId(), write.conversationId, write.authorKind, write.agentId, write.text, write.clientId],
    after: [now, now, now],
  };
}
