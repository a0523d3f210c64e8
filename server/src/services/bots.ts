import type { Core } from '@strapi/strapi';

import type { BotAnswer, BotContext, BotProvider } from '../bots/types';
import { callWebhookBot } from '../bots/webhook-client';
import type { ErrorCode } from '../contracts/error-codes';
import type { Settings } from '../contracts/settings';
import type { EscalationTrigger } from '../domain/conversation-status';
import { detectCustomerEscalation, detectFailedAnswers, type EscalationDecision } from '../domain/escalation';
import { systemText } from '../domain/customer-texts';
import { codeOfError } from '../errors';
import { getService } from '../utils/get-service';
import type { ConversationRow } from './conversation-store';
import type { MessageRow } from './messages';

const HISTORY_LIMIT = 50;
/** Conflicts that mean the conversation left the bot while the bot was answering. */
const MOVED_ON_CODES: ReadonlySet<ErrorCode> = new Set<ErrorCode>(['NOT_WITH_BOT', 'INVALID_TRANSITION', 'STALE_STATE']);
const SHUTDOWN_WAIT_MS = 5000;

/**
 * The bot side of a conversation. For each customer message while the bot has the
 * conversation: first the escalation rules (phrases, keywords, frustration), then the bot's
 * answer, then the failed-answers rule. Bots run after the customer's message is stored and
 * answered, one message at a time per conversation, so a slow bot never delays the customer.
 */
const botsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const registered = new Map<string, BotProvider>();
  const pending = new Map<number, Promise<void>>();
  const store = () => getService('conversationStore', { strapi });

  const fallback: BotProvider = {
    name: 'fallback',
    async answer(context) {
      const { texts } = await getService('settings', { strapi }).get();
      return { reply: systemText('default_bot_reply', context.conversation.language, {}, texts), failed: true, escalate: false, reason: null };
    },
  };

  const knowledgeBase: BotProvider = {
    name: 'knowledge-base',
    async answer(context) {
      const settings = (await getService('settings', { strapi }).get()).bot.knowledgeBase;
      const [best] = await getService('knowledgeBase', { strapi }).find(context.message.text, context.conversation.language, 1);
      if (!best || best.confidence < settings.confidenceThreshold) return fallback.answer(context);
      return { reply: best.body || best.title, failed: false, escalate: false, reason: null };
    },
  };

  const webhook: BotProvider = {
    name: 'webhook',
    async answer(context) {
      const settings = (await getService('settings', { strapi }).get()).bot.webhook;
      if (!settings.url) return fallback.answer(context);
      const answer = await callWebhookBot({ url: settings.url, secret: settings.secret, timeoutMs: settings.timeoutMs }, context);
      if (answer.error) strapi.log.warn(`[live-support] webhook bot: ${answer.error}`);
      return answer;
    },
  };

  /** An external bot answers over the bot API: the plugin only applies the escalation rules. */
  const external: BotProvider = {
    name: 'external',
    async answer() {
      return { reply: null, failed: false, escalate: false, reason: null };
    },
  };

  async function providerFor(settings: Settings['bot']): Promise<BotProvider> {
    if (settings.provider === 'external') return external;
    if (settings.provider === 'fallback') return fallback;
    if (settings.provider === 'webhook') return webhook;
    if (settings.provider === 'auto') {
      return (await getService('knowledgeBase', { strapi }).isConfigured()) ? knowledgeBase : fallback;
    }
    if (settings.provider === 'knowledge-base') return knowledgeBase;
    const custom = registered.get(settings.provider);
    if (!custom) strapi.log.warn(`[live-support] no bot provider "${settings.provider}" is registered; using the fallback`);
    return custom ?? fallback;
  }

  async function escalate(conversationId: number, trigger: EscalationTrigger, reason: string, actorKind: 'bot' | 'system') {
    try {
      await getService('escalation', { strapi }).escalate(conversationId, { trigger, reason, actor: { kind: actorKind } });
    } catch (error) {
      // Its address has as many chats waiting as it may: this one stays with the bot, and the
      // customer's own "talk to a person" is refused with the reason.
      if (codeOfError(error) !== 'TOO_MANY_QUEUED') throw error;
      strapi.log.debug(`[live-support] conversation ${conversationId} stays with the bot: ${(error as Error).message}`);
    }
  }

  async function handle(conversationId: number, customerMessage: MessageRow): Promise<void> {
    const conversation: ConversationRow = await store().find(conversationId);
    if (conversation.status !== 'bot') return;
    const settings = await getService('settings', { strapi }).get();

    const previous = (await strapi.db.query('plugin::live-support.message').findMany({
      where: { conversationId, authorKind: 'customer', seq: { $lt: customerMessage.seq } },
      orderBy: { seq: 'desc' },
      limit: settings.escalation.frustration.window,
    })) as MessageRow[];
    const decision: EscalationDecision = detectCustomerEscalation({
      text: customerMessage.text,
      language: conversation.language,
      previousCustomerMessages: previous.reverse().map((message) => message.text),
      settings: settings.escalation,
    });
    if (decision.escalate) {
      await escalate(conversationId, decision.trigger, decision.reason, 'system');
      return;
    }

    const history = (await strapi.db.query('plugin::live-support.message').findMany({
      where: { conversationId, seq: { $lte: customerMessage.seq } },
      orderBy: { seq: 'desc' },
      limit: HISTORY_LIMIT,
    })) as MessageRow[];
    const context: BotContext = {
      conversation: { id: conversationId, language: conversation.language, status: conversation.status },
      message: { seq: customerMessage.seq, clientId: customerMessage.clientId, text: customerMessage.text },
      history: history.reverse().map((message) => ({ seq: message.seq, author: message.authorKind, text: message.text })),
    };

    const provider = await providerFor(settings.bot);
    let answer: BotAnswer;
    try {
      answer = await provider.answer(context);
    } catch (error) {
      strapi.log.error(`[live-support] bot "${provider.name}" failed: ${(error as Error).message}`);
      answer = await fallback.answer(context);
    }

    // A bot that fails silently still owes the customer an answer: never leave them hanging.
    const silent = provider === external;
    const given = answer.reply?.trim() ? answer.reply : null;
    const reply = given ?? (answer.escalate || silent ? null : (await fallback.answer(context)).reply);
    if (reply) {
      // Derived from the customer message, so a retried customer message never gets two replies.
      await getService('chat', { strapi }).postBotMessage(conversationId, { clientId: `bot:reply:${customerMessage.seq}`, text: reply });
    }
    const streak = await store().recordBotOutcome(conversationId, answer.failed);
    if (answer.escalate) {
      await escalate(conversationId, 'bot_request', answer.reason ?? 'the bot asked for a person', 'bot');
      return;
    }
    const failed = detectFailedAnswers(streak, settings.escalation);
    if (failed.escalate) await escalate(conversationId, failed.trigger, failed.reason, 'bot');
  }

  return {
    /** Lets other Strapi code plug in its own bot; choose it with the `bot.provider` setting. */
    register(provider: BotProvider): void {
      if (['auto', 'fallback', 'knowledge-base', 'webhook', 'external'].includes(provider.name)) {
        throw new Error(`[live-support] the bot provider name "${provider.name}" is reserved`);
      }
      if (!/^[a-z0-9][a-z0-9-]*$/.test(provider.name)) {
        throw new Error(`[live-support] a bot provider name is lower-case letters, digits and "-": "${provider.name}"`);
      }
      registered.set(provider.name, provider);
    },

    unregister(name: string): void {
      registered.delete(name);
    },

    /** Queues the bot's turn for this customer message; turns of one conversation never overlap. */
    respond(conversation: Pick<ConversationRow, 'id'>, customerMessage: MessageRow): Promise<void> {
      const previous = pending.get(conversation.id) ?? Promise.resolve();
      const turn = previous
        .then(() => handle(conversation.id, customerMessage))
        .catch((error: unknown) => {
          // The conversation moved on (escalated, closed) while the bot thought: nothing to do.
          const code = codeOfError(error);
          if (code && MOVED_ON_CODES.has(code)) return;
          strapi.log.error(`[live-support] bot turn failed: ${(error as Error).stack ?? error}`);
        })
        .finally(() => {
          if (pending.get(conversation.id) === turn) pending.delete(conversation.id);
        });
      pending.set(conversation.id, turn);
      return turn;
    },

    /** Lets running bot turns finish before the database closes. */
    async stop(): Promise<void> {
      const timeout = new Promise((resolve) => setTimeout(resolve, SHUTDOWN_WAIT_MS).unref());
      await Promise.race([Promise.allSettled([...pending.values()]), timeout]);
    },
  };
};

export default botsService;
