/** Vocabulary shared by the content types, the protocol and the analytics. */
/** `ended`: the conversation stayed with the bot and ended after a quiet time, no person involved. */
export const CONVERSATION_STATUSES = ['bot', 'queued', 'active', 'resolved', 'offline', 'abandoned', 'ended'] as const;
export type ConversationStatus = (typeof CONVERSATION_STATUSES)[number];

/** The states a conversation ends in: analytics counts them, retention expires them, tokens lapse after them. */
export const FINAL_STATUSES = ['resolved', 'offline', 'abandoned', 'ended'] as const satisfies readonly ConversationStatus[];
export type FinalStatus = (typeof FINAL_STATUSES)[number];
export const isFinalStatus = (status: string): status is FinalStatus => (FINAL_STATUSES as readonly string[]).includes(status);

export const ESCALATION_TRIGGERS = [
  'phrase',
  'button',
  'failed_answers',
  'keyword',
  'frustration',
  'bot_request',
  'api',
  // Last, so that the analytics CSV keeps its earlier columns where they were.
  'intent',
] as const;
export type EscalationTrigger = (typeof ESCALATION_TRIGGERS)[number];

export const AUTHOR_KINDS = ['customer', 'bot', 'agent', 'system'] as const;
export type AuthorKind = (typeof AUTHOR_KINDS)[number];

export const EVENT_KINDS = [
  'created',
  'escalated',
  'claimed',
  'transferred',
  'resolved',
  'abandoned',
  'offline',
  'rated',
  'ended',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export const TEMPLATE_CATEGORIES = ['greeting', 'transfer', 'closing', 'other'] as const;
export type TemplateCategory = (typeof TEMPLATE_CATEGORIES)[number];

export const OFFLINE_MESSAGE_STATUSES = ['new', 'read', 'replied'] as const;
export type OfflineMessageStatus = (typeof OFFLINE_MESSAGE_STATUSES)[number];

export const SUPPORTED_LANGUAGES = ['fi', 'en', 'sv'] as const;
export type SupportedLanguage = (typeof SUPPORTED_LANGUAGES)[number];

export const PRESENCE_STATUSES = ['online', 'away', 'offline'] as const;
export type PresenceStatus = (typeof PRESENCE_STATUSES)[number];
