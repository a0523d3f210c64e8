import type { Core } from '@strapi/strapi';

import { systemText } from '../domain/system-texts';
import { getService } from '../utils/get-service';
import type { ConversationRow } from './conversations';
import type { MessageRow } from './messages';

/**
 * The default bot, so that the whole flow works before a real bot is configured: it says it
 * cannot help and offers a person. Its replies are ordinary stored messages of the history.
 */
const botService = ({ strapi }: { strapi: Core.Strapi }) => ({
  async respond(conversation: ConversationRow, customerMessage: MessageRow): Promise<void> {
    await getService('conversations', { strapi }).postBotMessage(conversation.id, {
      // Derived from the customer message, so a retried customer message never gets two replies.
      clientId: `bot:reply:${customerMessage.seq}`,
      text: systemText('default_bot_reply', conversation.language),
    });
  },
});

export default botService;
