import type { Core } from '@strapi/strapi';

import { UID } from '../constants';
import { FINAL_STATUSES } from '../domain/conversation-status';

/** The conversation columns that `messages.append` keeps, by the author kind they follow. */
const LAST_MESSAGE_COLUMNS = { customer: 'last_customer_message_at', agent: 'last_agent_message_at' } as const;

/**
 * Conversations still open from before the conversation row kept its last customer and agent
 * message times get them from their messages, once: each column is only filled where it is
 * empty, so a second boot, or another node booting at the same time, changes nothing.
 * Closed conversations are left alone; nothing reads these times after the close.
 */
export async function backfillLastMessageTimes(strapi: Core.Strapi): Promise<number> {
  const knex = strapi.db.connection;
  const conversationTable = strapi.db.metadata.get(UID.conversation).tableName;
  const messageTable = strapi.db.metadata.get(UID.message).tableName;
  let filled = 0;
  for (const [authorKind, column] of Object.entries(LAST_MESSAGE_COLUMNS)) {
    const lastMessageAt = knex(messageTable)
      .select('created_at')
      .where('conversation_id', knex.ref(`${conversationTable}.id`))
      .andWhere('author_kind', authorKind)
      .orderBy('seq', 'desc')
      .limit(1);
    filled += await knex(conversationTable)
      .whereNotIn('status', [...FINAL_STATUSES])
      .whereNull(column)
      .where('last_message_seq', '>', 0)
      .whereExists(
        knex(messageTable)
          .select(knex.raw('1'))
          .where('conversation_id', knex.ref(`${conversationTable}.id`))
          .andWhere('author_kind', authorKind),
      )
      .update({ [column]: lastMessageAt });
  }
  return filled;
}
