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
 * a retried client id breaks the unique index and undoes the UPDATE with it. Null on any other
 * database.
 */
export function postgresMessageAppend(strapi: Core.Strapi): MessageWriter | null {
  if (strapi.db.dialect.client !== 'postgres') return null;
  const knex = strapi.db.connection as unknown as Knex;
  const conversations = strapi.db.metadata.get(UID.conversation).tableName;
  const messages = strapi.db.metadata.get(UID.message).tableName;
  const asDate = (instant: Date) => instant;

  return async (message) => {
    const bump = returningBumped(conversationBump(conversations, message, asDate));
    const { before, after } = messageValues(message, asDate);
    const result = (await knex.raw(
      `WITH bumped AS (${bump.sql})
       INSERT INTO ${messages} (${MESSAGE_COLUMNS})
       SELECT ?, ?, ?, ?, ?, ?, bumped.last_message_seq, ?, ?, ? FROM bumped
       RETURNING id, seq, (SELECT status FROM bumped) AS status`,
      [...bump.parameters, ...before, ...after] as Knex.RawBinding[],
    )) as { rows: Array<{ id: number | string; seq: number | string; status: ConversationStatus }> };
    const [row] = result.rows;
    return row ? { id: Number(row.id), seq: Number(row.seq), status: row.status } : null;
  };
}
