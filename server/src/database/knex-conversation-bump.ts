import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';

import { UID } from '../constants';
import { type BumpedRow, conversationBump, type ConversationBumped, type MessageWrite, returningBumped } from './message-append-sql';

// What knex's `raw` resolves to is the driver's own result: mysql2's result header and field
// list, pg's result object, better-sqlite3's rows.
type MysqlRawResult = [{ affectedRows: number }, unknown];
type ReturningRawResult = { rows: BumpedRow[] } | BumpedRow[];

/**
 * The conversation's UPDATE for a message written through knex: inside a caller's transaction
 * (only knex joins it) and always on MySQL. It runs the very statement the direct writers run
 * (`conversationBump`), on `trx`, so the columns a message sets and the guard it checks are
 * written once. The write's instant is bound as a Date: knex's client converts it as its driver
 * needs, as the query builder would (better-sqlite3: milliseconds, the direct SQLite writer's
 * binding; pg and mysql2 take the Date). PostgreSQL and SQLite hand back the new values with
 * RETURNING; MySQL has none, so it reads them in the same transaction, where the UPDATE's lock
 * keeps them as written. Null when the guard refused the message.
 */
export async function knexConversationBump(strapi: Core.Strapi, trx: Knex.Transaction, write: MessageWrite): Promise<ConversationBumped | null> {
  const table = strapi.db.metadata.get(UID.conversation).tableName;
  const bump = conversationBump(table, write, (instant) => instant);
  let row: BumpedRow | undefined;
  if (strapi.db.dialect.client === 'mysql') {
    const [header] = (await trx.raw(bump.sql, bump.parameters as Knex.RawBinding[])) as MysqlRawResult;
    if (header.affectedRows !== 1) return null;
    row = (await trx(table).where({ id: write.conversationId }).first('last_message_seq', 'status')) as BumpedRow | undefined;
  } else {
    const returning = returningBumped(bump);
    const result = (await trx.raw(returning.sql, returning.parameters as Knex.RawBinding[])) as ReturningRawResult;
    row = Array.isArray(result) ? result[0] : result.rows[0];
  }
  return row ? { seq: Number(row.last_message_seq), status: row.status } : null;
}
