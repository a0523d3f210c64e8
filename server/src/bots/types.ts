import type { AuthorKind } from '../domain/conversation-status';

/** What a bot is told about each customer message while it has the conversation. */
export interface BotContext {
  conversation: { id: number; language: string; status: string };
  message: { seq: number; clientId: string; text: string };
  /** The conversation so far, oldest first, the current message included. */
  history: Array<{ seq: number; author: AuthorKind; text: string }>;
}

/**
 * A bot's answer. `failed` marks an answer that did not help (it counts towards the
 * failed-answers escalation rule); `escalate` asks for a person right away.
 */
export interface BotAnswer {
  reply: string | null;
  failed: boolean;
  escalate: boolean;
  reason: string | null;
  error?: string | null;
}

/** A pluggable bot: the built-in ones implement it, and other Strapi code can register its own. */
export interface BotProvider {
  name: string;
  answer(context: BotContext): Promise<BotAnswer>;
}
