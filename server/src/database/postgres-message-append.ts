import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';

import { UID } from '../constants';
import type { ConversationStatus } from '../domain/conversation-status';
import { conversationBump, MESSAGE_COLUMNS, messageValues, returningBumped, type MessageWriter } from './message-append-sql';

/**
 * The message path's write on PostgreSQL as one statement: the conversation's UPDATE … RETURNING
 * in a data-modifying WITH, and the message's INSERT fed by it. One statement is atomic on its
 * own, so there is no BEGIN and COMMIT: one round trip instead of four, and a pooled connection
 * held for that one round trip. A guard that refuses leaves the WITH empty and inserts nothing;
 * a retried client id breaks the unique index and undoes the UPDATE with it. The statement goes
 * to the pooled `pg` connection itself, with knex's own placeholder numbering: through
 * `knex.raw` a message allocated a sixth more (its builder, bindings and query events). It stays
 * an unnamed statement, so a pooler in transaction mode (PgBouncer) can serve it. Null on any
 * other database.
 */
export function postgresMessageAppend(strapi: Core.Strapi): MessageWriter | null {
  if (strapi.db.dialect.client !== 'postgres') return null;
  const knex = strapi.db.connection as unknown as Knex;
  const client = knex.client as unknown as PgKnexClient;
  const conversations = strapi.db.metadata.get(UID.conversation).tableName;
  const messages = strapi.db.metadata.get(UID.message).tableName;
  const asDate = (instant: Date) => instant;

  return async (message) => {
    const bump = returningBumped(conversationBump(conversations, message, asDate));
    const { before, after } = messageValues(message, asDate);
    const text = client.positionBindings(
      `WITH bumped AS (${bump.sql})
       INSERT INTO ${messages} (${MESSAGE_COLUMNS})
       SELECT ?, ?, ?, ?, ?, ?, bumped.last_message_seq, ?, ?, ? FROM bumped
       RETURNING id, seq, (SELECT status FROM bumped) AS status`,
    );
    const connection = (await client.acquireConnection()) as PgConnection;
    let result: { rows: AppendedRow[] };
    try {
      result = await connection.query({ text, values: bump.parameters.concat(before, after) });
    } finally {
      await client.releaseConnection(connection);
    }
    const [row] = result.rows;
    return row ? { id: Number(row.id), seq: Number(row.seq), status: row.status } : null;
  };
}

/** What the statement hands back (pg returns a bigint id as a string). */
interface AppendedRow {
  id: number | string;
  seq: number | string;
  status: ConversationStatus;
}
/** The parts of `pg`'s client and knex's PostgreSQL client this module uses. */
interface PgConnection {
  query(config: { text: string; values: unknown[] }): Promise<{ rows: AppendedRow[] }>;
}
interface PgKnexClient {
  positionBindings(sql: string): string;
  acquireConnection(): Promise<unknown>;
  releaseConnection(connection: unknown): Promise<void>;
}
