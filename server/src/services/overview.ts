import type { Core } from '@strapi/strapi';

import { UID } from '../constants';
import { CONVERSATION_STATUSES, type ConversationStatus } from '../domain/conversation-status';

export type ConversationCounts = Record<ConversationStatus, number>;

/** A one-glance summary for the agent desk's landing page. */
const overviewService = ({ strapi }: { strapi: Core.Strapi }) => ({
  async countConversationsByStatus(): Promise<ConversationCounts> {
    const rows = (await strapi.db
      .connection(strapi.db.metadata.get(UID.conversation).tableName)
      .select('status')
      .count({ count: '*' })
      .groupBy('status')) as Array<{ status: ConversationStatus; count: number | string }>;

    const counts = Object.fromEntries(CONVERSATION_STATUSES.map((status) => [status, 0])) as ConversationCounts;
    for (const row of rows) counts[row.status] = Number(row.count);
    return counts;
  },
});

export default overviewService;
