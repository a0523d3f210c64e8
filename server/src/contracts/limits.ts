/**
 * Limits that the server's schemas enforce and the desk's forms show, written once. Plain
 * numbers and patterns with no zod, so the admin bundle can import them: the settings schemas
 * (`settings.ts`) are built from these, and the settings form checks and shows the same values.
 */
import { SUPPORTED_LANGUAGES, type SupportedLanguage } from './constants';

/** The longest range one analytics report covers, in days. */
export const ANALYTICS_MAX_DAYS = 366;

/**
 * The desk's resolved column counts its cards up to this many and then reads "1000+": the
 * column grows without end, and an exact count would read every resolved row on every snapshot.
 */
export const QUEUE_RESOLVED_COUNT_LIMIT = 1000;

/** The longest text an agent can search the knowledge base with (the desk's knowledge panel). */
export const KNOWLEDGE_SEARCH_MAX_LENGTH = 200;

/** A number setting: inclusive bounds, and whether it must be a whole number. */
export interface NumberLimit {
  readonly min: number;
  readonly max: number;
  readonly integer: boolean;
}

/** A text setting's length, inclusive, counted after trimming unless `untrimmed`. */
export interface TextLimit {
  readonly min: number;
  readonly max: number;
  /** It may be left unset: `null` in the settings, an empty input in the form. */
  readonly optional: boolean;
  /** Taken as typed, spaces included (a secret); every other text is trimmed first. */
  readonly untrimmed?: boolean;
}

/** A list setting, edited one entry per line: how many entries, and each entry's length (trimmed). */
export interface ListLimit {
  readonly maxEntries: number;
  /** `null` where the entry's pattern is its only rule (a site origin). */
  readonly entryLength: Omit<TextLimit, 'optional'> | null;
}

/** One value for the same setting in every supported language: `widget.texts.fi.title`, … */
export function eachLanguage<Value, Prefix extends string, Suffix extends string>(
  prefix: Prefix,
  suffix: Suffix,
  value: Value,
): Record<`${Prefix}.${SupportedLanguage}${Suffix}`, Value> {
  return Object.fromEntries(SUPPORTED_LANGUAGES.map((language) => [`${prefix}.${language}${suffix}`, value])) as Record<
    `${Prefix}.${SupportedLanguage}${Suffix}`,
    Value
  >;
}

/** The number settings, by their path in the settings. */
export const NUMBER_LIMITS = {
  'queue.maxQueueLength': { min: 1, max: 1000, integer: true },
  'queue.seatsPerAgent': { min: 1, max: 50, integer: true },
  'queue.defaultWaitSeconds': { min: 0, max: 86_400, integer: true },
  'queue.reminderAfterMinutes': { min: 0, max: 240, integer: true },
  'queue.closeInactiveAfterMinutes': { min: 0, max: 1440, integer: true },
  // Below 15 s a page reload or a short network change would cost a customer their place.
  'queue.abandonAfterSeconds': { min: 15, max: 3600, integer: true },
  'queue.maxWaitMinutes': { min: 0, max: 1440, integer: true },
  'escalation.failedAnswers.threshold': { min: 1, max: 20, integer: true },
  'escalation.frustration.threshold': { min: 0, max: 1, integer: false },
  'escalation.frustration.window': { min: 1, max: 20, integer: true },
  // Below one half the classifier would escalate messages it thinks more likely not a request.
  'escalation.intent.threshold': { min: 0.5, max: 0.99, integer: false },
  'bot.knowledgeBase.confidenceThreshold': { min: 0, max: 1, integer: false },
  'bot.webhook.timeoutMs': { min: 100, max: 30_000, integer: true },
  'retention.keepDays': { min: 0, max: 3650, integer: true },
  'bot.closeAfterMinutes': { min: 0, max: 10_080, integer: true },
} as const satisfies Record<string, NumberLimit>;
export type NumberSettingPath = keyof typeof NUMBER_LIMITS;

/** The longest domain name DNS allows. */
const DOMAIN_MAX_LENGTH = 253;

/** Escalation phrases and keywords: the words a customer may write. */
export const PHRASE_LIST_LIMIT = { maxEntries: 200, entryLength: { min: 1, max: 200 } } as const satisfies ListLimit;

/** The list settings, by their path in the settings. */
export const LIST_LIMITS = {
  'queue.vipEmailDomains': { maxEntries: 200, entryLength: { min: 1, max: DOMAIN_MAX_LENGTH } },
  ...eachLanguage('escalation.phrases.lists', '', PHRASE_LIST_LIMIT),
  'escalation.keywords.list': PHRASE_LIST_LIMIT,
  'widget.allowedOrigins': { maxEntries: 50, entryLength: null },
} as const satisfies Record<string, ListLimit>;
export type ListSettingPath = keyof typeof LIST_LIMITS;

/** A name of a field or of a bot provider. */
const NAME_LENGTH = { min: 1, max: 100 } as const;

/** The widget's texts, the same in every language. */
export const WIDGET_TEXT_LIMITS = {
  title: { min: 1, max: 60, optional: false },
  welcome: { min: 1, max: 500, optional: false },
} as const satisfies Record<string, TextLimit>;

/** The text settings with a length limit, by their path in the settings. */
export const TEXT_LIMITS = {
  'bot.provider': { ...NAME_LENGTH, optional: false },
  'bot.knowledgeBase.titleField': { ...NAME_LENGTH, optional: false },
  'bot.knowledgeBase.bodyField': { ...NAME_LENGTH, optional: false },
  'bot.knowledgeBase.languageField': { ...NAME_LENGTH, optional: true },
  'bot.webhook.url': { min: 1, max: 2000, optional: true },
  'bot.webhook.secret': { min: 16, max: 200, optional: true, untrimmed: true },
  'identity.secret': { min: 32, max: 200, optional: true, untrimmed: true },
  ...eachLanguage('widget.texts', '.title', WIDGET_TEXT_LIMITS.title),
  ...eachLanguage('widget.texts', '.welcome', WIDGET_TEXT_LIMITS.welcome),
} as const satisfies Record<string, TextLimit>;
export type TextSettingPath = keyof typeof TEXT_LIMITS;

/** The widget's colour: `#rrggbb`. */
export const COLOUR_PATTERN = /^#[0-9a-fA-F]{6}$/;
/** A domain such as example.com (checked after trimming and lower-casing). */
export const EMAIL_DOMAIN_PATTERN = new RegExp(
  `^(?=.{1,${DOMAIN_MAX_LENGTH}}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$`,
);
/** A site origin such as https://www.example.com: scheme, host and port, no path. */
export const SITE_ORIGIN_PATTERN = /^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/i;
/** A bot provider's name: lower-case letters, digits and "-". */
export const PROVIDER_NAME_PATTERN = /^[a-z0-9][a-z0-9-]*$/;
/** A collection type UID such as `api::faq.faq`. */
export const CONTENT_TYPE_UID_PATTERN = /^(api|plugin)::[a-z0-9-]+\.[a-z0-9-]+$/;
/** The schemes a webhook URL may use. */
export const WEBHOOK_URL_PROTOCOL = /^https?$/;
