import type { Core } from '@strapi/strapi';

import { UID } from '../constants';
import {
  type BumpedRow,
  conversationBump,
  MESSAGE_COLUMNS,
  messageValues,
  returningBumped,
  type MessageWrite,
  type MessageWriter,
  type MessageWritten,
  type Statement,
} from './message-append-sql';

/** The parts of better-sqlite3 this module uses (the driver under Strapi's SQLite client). */
interface NativeStatement {
  /** Anonymous parameters may come as one array: no spread, which allocates per item here (see `messageDocumentId`). */
  get(parameters: unknown[]): unknown;
  run(parameters: unknown[]): { lastInsertRowid: number | bigint };
}
interface NativeDatabase {
  readonly open: boolean;
  prepare(sql: string): NativeStatement;
  transaction<Args extends unknown[], Result>(work: (...args: Args) => Result): (...args: Args) => Result;
}
/** knex's pool (tarn): how many connections are taken, and how many takers wait. */
interface ConnectionPool {
  numUsed(): number;
  numPendingAcquires(): number;
}
interface KnexClient {
  driverName?: string;
  pool?: ConnectionPool;
  acquireConnection(): Promise<unknown>;
  releaseConnection(connection: unknown): Promise<void>;
}

/**
 * The message path's write on SQLite, straight on the app's one better-sqlite3 connection: the
 * conversation's UPDATE … RETURNING and the message's INSERT in one native transaction, with
 * statements prepared once. Through knex and Strapi's query engine the same two statements cost
 * about three times the CPU (a statement compiled per call, a transaction object per message, the
 * entity manager's row processing), which capped the persisted rate. The connection is taken from
 * knex's pool, so the write queues behind any knex transaction holding it, and the work between
 * taking and giving it back is synchronous. When nothing holds it and nobody waits for it, the
 * write runs on it without taking it: nothing else can run until a synchronous write returns,
 * and taking it through the pool was a sixth of everything a message allocated. The columns are the ones Strapi writes for the same
 * row (datetimes as milliseconds, as knex binds them for better-sqlite3). Null when the app's
 * database is not SQLite through better-sqlite3: the caller then writes through knex.
 */
export function sqliteMessageAppend(strapi: Core.Strapi): MessageWriter | null {
  const client = (strapi.db.connection as unknown as { client: KnexClient }).client;
  if (strapi.db.dialect.client !== 'sqlite' || client.driverName !== 'better-sqlite3') return null;
  const conversations = strapi.db.metadata.get(UID.conversation).tableName;
  const messages = strapi.db.metadata.get(UID.message).tableName;
  const insertSql = `INSERT INTO ${messages} (${MESSAGE_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;
  const milliseconds = (instant: Date) => instant.getTime();
  type Write = (update: Statement, write: MessageWrite) => MessageWritten | null;
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
    const write = database.transaction((update: Statement, message: MessageWrite): MessageWritten | null => {
      const bumped = statement(update.sql).get(update.parameters) as BumpedRow | undefined;
      if (!bumped) return null;
      const seq = Number(bumped.last_message_seq);
      const { before, after } = messageValues(message, milliseconds);
      const { lastInsertRowid } = statement(insertSql).run(before.concat(seq, after));
      return { id: Number(lastInsertRowid), seq, status: bumped.status };
    });
    writers.set(database, write);
    return write;
  }

  // The pool's connection as last taken: used directly while the pool is idle and it is open
  // (the pool closes a connection it replaces).
  let lastTaken: NativeDatabase | null = null;
  const poolIsIdle = () => client.pool !== undefined && client.pool.numUsed() === 0 && client.pool.numPendingAcquires() === 0;

  async function writeThroughPool(update: Statement, message: MessageWrite): Promise<MessageWritten | null> {
    const database = (await client.acquireConnection()) as NativeDatabase;
    lastTaken = database;
    try {
      return writerFor(database)(update, message);
    } finally {
      await client.releaseConnection(database);
    }
  }

  return (message) => {
    const update = returningBumped(conversationBump(conversations, message, milliseconds));
    if (lastTaken?.open && poolIsIdle()) return writerFor(lastTaken)(update, message);
    return writeThroughPool(update, message);
  };
}
