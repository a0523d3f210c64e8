import { createHash } from 'node:crypto';

import type { Core } from '@strapi/strapi';

/** The tables whose rows a conversation owns: none of their existing rows may change. */
export const CONVERSATION_TABLES = {
  conversations: 'live_support_conversations',
  messages: 'live_support_messages',
  events: 'live_support_conversation_events',
  offlineMessages: 'live_support_offline_messages',
} as const;
type ConversationTable = keyof typeof CONVERSATION_TABLES;

type Row = Record<string, unknown>;

/**
 * Columns left out of the comparison: the customer's last sign of life, which every call made
 * with their valid visitor token records (before the body is read) so that a customer who is
 * still there keeps their place in the queue. A refused request from them is still a sign of life.
 */
const SIGN_OF_LIFE_COLUMNS = ['customer_seen_at'];

const withoutSignsOfLife = (row: Row): Row => Object.fromEntries(Object.entries(row).filter(([column]) => !SIGN_OF_LIFE_COLUMNS.includes(column)));

export interface DatabaseSnapshot {
  /** Row count of every table of the (SQLite) database. */
  counts: Record<string, number>;
  /** Every row of the conversation tables, by id. */
  rows: Record<ConversationTable, Map<number, Row>>;
}

/** Reads the whole SQLite database: row counts of all tables and the conversation tables' rows. */
export async function snapshotDatabase(strapi: Core.Strapi): Promise<DatabaseSnapshot> {
  const knex = strapi.db.connection;
  const tables = (await knex('sqlite_master').where({ type: 'table' }).select('name')) as Array<{ name: string }>;
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    if (name.startsWith('sqlite_')) continue;
    const [{ total }] = (await knex(name).count({ total: '*' })) as Array<{ total: number }>;
    counts[name] = Number(total);
  }
  const rows = {} as DatabaseSnapshot['rows'];
  for (const [key, table] of Object.entries(CONVERSATION_TABLES) as Array<[ConversationTable, string]>) {
    const all = (await knex(table).select('*').orderBy('id')) as Row[];
    rows[key] = new Map(all.map((row) => [Number(row.id), withoutSignsOfLife(row)]));
  }
  return { counts, rows };
}

/** A SHA-256 of the given rows, in id order: what a byte-for-byte comparison compares. */
export function contentHash(rows: Iterable<Row>): string {
  const hash = createHash('sha256');
  for (const row of rows) hash.update(JSON.stringify(row, (_key, value: unknown) => (Buffer.isBuffer(value) ? value.toString('hex') : value)));
  return hash.digest('hex');
}

export interface SnapshotComparison {
  /** Per conversation table: the hash of the rows that existed before, then and now. */
  hashes: Record<ConversationTable, { before: string; after: string }>;
  /** Rows added per table. */
  added: Record<string, number>;
  /** Tables whose count went down, or changed outside the conversation tables. */
  unexpectedCountChanges: Record<string, { before: number; after: number }>;
  /** Added rows of the conversation tables that belong to no conversation started during the run. */
  strayRows: Array<{ table: ConversationTable; row: Row }>;
  /** Conversations started during the run (the rows added to the conversations table). */
  newConversationIds: number[];
}

export function compareSnapshots(before: DatabaseSnapshot, after: DatabaseSnapshot): SnapshotComparison {
  const tableNames = new Set([...Object.keys(before.counts), ...Object.keys(after.counts)]);
  const conversationTableNames = new Set<string>(Object.values(CONVERSATION_TABLES));
  const added: Record<string, number> = {};
  const unexpectedCountChanges: SnapshotComparison['unexpectedCountChanges'] = {};
  for (const name of tableNames) {
    const then = before.counts[name] ?? 0;
    const now = after.counts[name] ?? 0;
    if (now === then) continue;
    added[name] = now - then;
    if (now < then || !conversationTableNames.has(name)) unexpectedCountChanges[name] = { before: then, after: now };
  }

  const newConversationIds = [...after.rows.conversations.keys()].filter((id) => !before.rows.conversations.has(id));
  const started = new Set(newConversationIds);
  const hashes = {} as SnapshotComparison['hashes'];
  const strayRows: SnapshotComparison['strayRows'] = [];
  for (const table of Object.keys(CONVERSATION_TABLES) as ConversationTable[]) {
    const existed = [...before.rows[table].keys()];
    hashes[table] = {
      before: contentHash(existed.map((id) => before.rows[table].get(id) as Row)),
      after: contentHash(existed.map((id) => after.rows[table].get(id) ?? { missing: id })),
    };
    if (table === 'conversations') continue;
    for (const [id, row] of after.rows[table]) {
      if (!before.rows[table].has(id) && !started.has(Number(row.conversation_id))) strayRows.push({ table, row });
    }
  }
  return { hashes, added, unexpectedCountChanges, strayRows, newConversationIds };
}

/** The rows that existed before and differ now, for a readable failure. */
export function changedRows(before: DatabaseSnapshot, after: DatabaseSnapshot): Array<{ table: string; before: Row; after: Row | undefined }> {
  const changes: Array<{ table: string; before: Row; after: Row | undefined }> = [];
  for (const table of Object.keys(CONVERSATION_TABLES) as ConversationTable[]) {
    for (const [id, row] of before.rows[table]) {
      const now = after.rows[table].get(id);
      if (contentHash([row]) !== contentHash(now ? [now] : [])) changes.push({ table, before: row, after: now });
    }
  }
  return changes;
}
