import type { Core } from '@strapi/strapi';

import { UID } from '../constants';
import { botConversationEnds, type BotConversation } from '../domain/housekeeping';
import { toDate } from '../utils/dates';
import { getService } from '../utils/get-service';

interface BotRow {
  id: number;
  created_at: unknown;
  last_message_seq: number | string;
  last_customer_message_at: unknown;
}

/**
 * Ends the conversations that stayed with the bot (setting `bot.closeAfterMinutes`): after that
 * long without a customer message a `bot` conversation becomes `ended`, which analytics counts as
 * contained by the bot. Safe on several nodes at once: the end is the state machine's
 * compare-and-set, guarded by the message count read, so a customer who writes meanwhile keeps
 * the chat.
 */
const botClosingService = ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection;
  const table = (uid: string) => strapi.db.metadata.get(uid as never).tableName;

  /** The bot conversations started before `cutoff`, each with its last customer message, in one query. */
  async function quietCandidates(cutoff: Date): Promise<BotRow[]> {
    const conversations = table(UID.conversation);
    const messages = table(UID.message);
    return (await knex()(`${conversations} as c`)
      .leftJoin(`${messages} as m`, function joinCustomerMessages() {
        this.on('m.conversation_id', '=', 'c.id').andOn('m.author_kind', '=', knex().raw('?', ['customer']));
      })
      .where('c.status', 'bot')
      .andWhere('c.created_at', '<=', cutoff)
      .groupBy('c.id', 'c.created_at', 'c.last_message_seq')
      .select('c.id', 'c.created_at', 'c.last_message_seq', knex().raw('max(m.created_at) as last_customer_message_at'))) as BotRow[];
  }

  return {
    /** Ends every bot conversation quiet for `bot.closeAfterMinutes`; returns their ids. */
    async sweep(now: Date = new Date()): Promise<{ ended: number[] }> {
      const { bot } = await getService('settings', { strapi }).get();
      if (bot.closeAfterMinutes <= 0) return { ended: [] };
      const rows = await quietCandidates(new Date(now.getTime() - bot.closeAfterMinutes * 60_000));
      const ended: number[] = [];
      for (const row of rows) {
        const conversation: BotConversation = {
          id: Number(row.id),
          createdAt: toDate(row.created_at) ?? now,
          lastCustomerMessageAt: toDate(row.last_customer_message_at),
        };
        if (!botConversationEnds(conversation, bot.closeAfterMinutes, now)) continue;
        try {
          await getService('conversationStore', { strapi }).transition(conversation.id, 'end', {
            actor: { kind: 'bot' },
            now,
            patch: { endedAt: now },
            where: { lastMessageSeq: Number(row.last_message_seq) },
            eventData: {
              reason: 'quiet',
              quietSince: (conversation.lastCustomerMessageAt ?? conversation.createdAt).toISOString(),
            },
          });
          ended.push(conversation.id);
        } catch {
          // Escalated, written in, or ended by another node meanwhile.
        }
      }
      const notifier = getService('notifier', { strapi });
      for (const id of ended) await notifier.conversationChanged(id);
      return { ended };
    },
  };
};

export default botClosingService;
