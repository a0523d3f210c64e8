import type { Core } from '@strapi/strapi';

import { UID } from '../constants';
import { botConversationEnds, type BotConversation } from '../domain/housekeeping';
import { keysetPages, yieldToOthers } from '../utils/batches';
import { toDate } from '../utils/dates';
import { getService } from '../utils/get-service';

interface BotRow {
  id: number;
  createdAt: unknown;
  lastMessageSeq: number | string;
  lastCustomerMessageAt: unknown;
}

/**
 * Ends the conversations that stayed with the bot (setting `bot.closeAfterMinutes`): after that
 * long without a customer message a `bot` conversation becomes `ended`, which analytics counts as
 * contained by the bot. Safe on several nodes at once: the end is the state machine's
 * compare-and-set, guarded by the message count read, so a customer who writes meanwhile keeps
 * the chat. The conversation row carries its last customer message time, so the candidates are
 * read a page at a time from the conversations alone.
 */
const botClosingService = ({ strapi }: { strapi: Core.Strapi }) => {
  /** The bot conversations started before `cutoff`, a page at a time. */
  const quietCandidates = (cutoff: Date) =>
    keysetPages(
      async (afterId, limit) =>
        (await strapi.db.query(UID.conversation).findMany({
          where: { status: 'bot', createdAt: { $lte: cutoff }, id: { $gt: afterId } },
          select: ['id', 'createdAt', 'lastMessageSeq', 'lastCustomerMessageAt'],
          orderBy: { id: 'asc' },
          limit,
        })) as BotRow[],
    );

  return {
    /** Ends every bot conversation quiet for `bot.closeAfterMinutes`; returns their ids. */
    async sweep(now: Date = new Date()): Promise<{ ended: number[] }> {
      const { bot } = await getService('settings', { strapi }).get();
      if (bot.closeAfterMinutes <= 0) return { ended: [] };
      const ended: number[] = [];
      for await (const rows of quietCandidates(new Date(now.getTime() - bot.closeAfterMinutes * 60_000))) {
        for (const row of rows) {
          const conversation: BotConversation = {
            id: Number(row.id),
            createdAt: toDate(row.createdAt) ?? now,
            lastCustomerMessageAt: toDate(row.lastCustomerMessageAt),
          };
          if (!botConversationEnds(conversation, bot.closeAfterMinutes, now)) continue;
          try {
            await getService('conversationStore', { strapi }).transition(conversation.id, 'end', {
              actor: { kind: 'bot' },
              now,
              patch: { endedAt: now },
              where: { lastMessageSeq: Number(row.lastMessageSeq) },
              eventData: {
                reason: 'quiet',
                quietSince: (conversation.lastCustomerMessageAt ?? conversation.createdAt).toISOString(),
              },
            });
            ended.push(conversation.id);
          } catch {
            // Escalated, written in, or ended by another node meanwhile.
          }
          // Each end is a transaction: live chat gets a turn after it.
          await yieldToOthers();
        }
      }
      const notifier = getService('notifier', { strapi });
      for (const id of ended) {
        await notifier.conversationChanged(id);
        await yieldToOthers();
      }
      return { ended };
    },
  };
};

export default botClosingService;
