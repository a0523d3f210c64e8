import { randomUUID } from 'node:crypto';

import type { Core } from '@strapi/strapi';

import { MESSAGE_TEXT_MAX, type PostMessageInput } from '../contracts/conversation';
import type { MessageView } from '../contracts/views';
import { systemText, type TextPlaceholder } from '../domain/customer-texts';
import type { SystemTextKey } from '../domain/system-texts';
import { conflict, ValidationError } from '../errors';
import { getService } from '../utils/get-service';
import { assertAssignedTo, isOpenForMessages, OPEN_FOR_MESSAGES } from './conversation-guards';
import type { ConversationRow } from './conversation-store';
import { messageView } from './messages';

/** The customer's messages are stored only while the conversation takes messages (one object for every message). */
const WHILE_OPEN = Object.freeze({ onlyIf: Object.freeze({ statuses: OPEN_FOR_MESSAGES }) });

/**
 * Who may write into a conversation, and when: the customer's, the bot's, the agent's and the
 * system's messages are stored, then pushed; a customer's message starts the bot's turn while
 * the bot has the conversation. Typing indicators follow the same rules.
 */
const chatService = ({ strapi }: { strapi: Core.Strapi }) => {
  const store = () => getService('conversationStore', { strapi });
  const messages = () => getService('messages', { strapi });
  const notifier = () => getService('notifier', { strapi });
  /** The conversation as it is now, read only to explain why a message was refused. */
  const conversationAfterRefusal = (id: number) => store().find(id);

  return {
    /**
     * The customer's message: stored only while the conversation is open (the UPDATE checks the
     * status, so there is no read before it), pushed with the view built once, and, while the
     * bot has the conversation, the bot's turn queued behind it without waiting for it.
     */
    async postCustomerMessage(id: number, input: PostMessageInput): Promise<MessageView> {
      const appended = await messages().append(
        { conversationId: id, authorKind: 'customer', clientId: input.clientId, text: input.text },
        WHILE_OPEN,
      );
      if (!appended) {
        // A retry of a message stored before the conversation closed still gets its answer.
        const stored = await messages().findByClientId(id, input.clientId);
        if (stored && stored.authorKind === 'customer') return messages().toView(stored);
        const conversation = await conversationAfterRefusal(id);
        throw conflict(`The conversation is ${conversation.status}; it takes no more messages`, {
          code: isOpenForMessages(conversation.status) ? 'STALE_STATE' : 'CONVERSATION_CLOSED',
          status: conversation.status,
        });
      }
      const view = messageView(appended.message, null);
      if (appended.created) {
        notifier().messageCreated(view);
        if (appended.status === 'bot') void getService('bots', { strapi }).respond({ id }, appended.message);
      }
      return view;
    },

    /** A bot's message (the built-in bot, a registered provider or an external bot). */
    async postBotMessage(id: number, input: { clientId: string; text: string }): Promise<MessageView> {
      // Bots are code, not validated requests: hold their text to the same limits as everyone's.
      const trimmed = input.text.trim();
      if (!trimmed) throw new ValidationError('text: must not be empty');
      const text = trimmed.length > MESSAGE_TEXT_MAX ? `${trimmed.slice(0, MESSAGE_TEXT_MAX - 1)}…` : trimmed;
      const appended = await messages().append(
        { conversationId: id, authorKind: 'bot', clientId: input.clientId, text },
        { onlyIf: { statuses: ['bot'] } },
      );
      if (!appended) {
        const conversation = await conversationAfterRefusal(id);
        throw conflict('The bot can only write while the conversation is with the bot', {
          code: 'NOT_WITH_BOT',
          status: conversation.status,
        });
      }
      const view = messageView(appended.message, null);
      if (appended.created) notifier().messageCreated(view);
      return view;
    },

    /**
     * The assigned agent's reply: the UPDATE that stores it checks the conversation is active and
     * theirs, and sets the first-reply time if this is the first; only a refusal reads the
     * conversation, to say why.
     */
    async postAgentMessage(id: number, agentId: number, input: PostMessageInput, now: Date = new Date()): Promise<MessageView> {
      const appended = await messages().append(
        { conversationId: id, authorKind: 'agent', agentId, clientId: input.clientId, text: input.text },
        { now, onlyIf: { statuses: ['active'], assignedAgentId: agentId } },
      );
      if (!appended) {
        assertAssignedTo(await conversationAfterRefusal(id), agentId);
        throw conflict('The conversation changed meanwhile; reload it', { code: 'STALE_STATE' });
      }
      const view = await messages().toView(appended.message);
      if (appended.created) notifier().messageCreated(view);
      return view;
    },

    /**
     * A line from the system, in the customer's language (queued, claimed, resolved…): the site
     * owner's wording when they wrote one, read at the time of posting, so a change applies to
     * the next message on every node.
     */
    async postSystemMessage(
      conversation: ConversationRow,
      key: SystemTextKey,
      values: Partial<Record<TextPlaceholder, string>> = {},
    ): Promise<void> {
      const { texts } = await getService('settings', { strapi }).get();
      const appended = await messages().append({
        conversationId: conversation.id,
        authorKind: 'system',
        clientId: `system:${randomUUID()}`,
        text: systemText(key, conversation.language, values, texts),
      });
      if (appended?.created) notifier().messageCreated(messageView(appended.message, null));
    },

    /** The customer typing reaches the agents watching the conversation. */
    async customerTyping(id: number, isTyping: boolean): Promise<void> {
      notifier().customerTyping(id, isTyping);
    },

    /** An agent typing reaches the customer, and only while the conversation is theirs. */
    async agentTyping(id: number, agentId: number, isTyping: boolean): Promise<void> {
      const conversation = await store().find(id);
      if (conversation.status !== 'active' || conversation.assignedAgentId !== agentId) return;
      notifier().agentTyping(id, await getService('agents', { strapi }).displayName(agentId), isTyping);
    },
  };
};

export default chatService;
