import { z } from 'zod';

import { DEFAULT_ESCALATION_SETTINGS } from '../domain/escalation';
import { RETENTION_ACTIONS } from '../domain/retention';
import { IDENTITY_VERIFICATION_MODES } from '../domain/identity-modes';

import { SUPPORTED_LANGUAGES, type SupportedLanguage } from './constants';
import { storedTextOverridesSchema, textOverridesSchema } from './customer-texts';
import {
  COLOUR_PATTERN,
  CONTENT_TYPE_UID_PATTERN,
  EMAIL_DOMAIN_PATTERN,
  LIST_LIMITS,
  NUMBER_LIMITS,
  PHRASE_LIST_LIMIT,
  PROVIDER_NAME_PATTERN,
  SITE_ORIGIN_PATTERN,
  TEXT_LIMITS,
  WEBHOOK_URL_PROTOCOL,
  WIDGET_TEXT_LIMITS,
  type NumberLimit,
  type TextLimit,
} from './limits';

/*
 * What site owners change at run time; stored in the plugin store, applied without restart.
 *
 * Each section's rules are written once, without defaults (`…Fields`). The stored-settings
 * schemas add the defaults, so settings stored by an older version read with the new keys
 * filled in; the update schema (a PUT body) is built from the same rules without them, so an
 * update holds exactly the keys the client sent. Every bound comes from `limits.ts`, which the
 * admin's settings form reads too.
 */

const boundedNumber = ({ min, max, integer }: NumberLimit) => (integer ? z.number().int() : z.number()).min(min).max(max);

const boundedText = ({ min, max, untrimmed }: Pick<TextLimit, 'min' | 'max' | 'untrimmed'>) =>
  (untrimmed ? z.string() : z.string().trim()).min(min).max(max);

/** The same rule for each supported language: `{ fi, en, sv }`. */
const perLanguage = <Schema extends z.ZodType>(schema: Schema) =>
  Object.fromEntries(SUPPORTED_LANGUAGES.map((language) => [language, schema])) as Record<SupportedLanguage, Schema>;

type DefaultsOf<Shape extends z.ZodRawShape> = { [Key in keyof Shape]: z.output<Shape[Key]> };
type WithDefaults<Shape extends Record<string, z.ZodType>> = { [Key in keyof Shape]: z.ZodDefault<Shape[Key]> };

/** A section's rules as the stored settings read them: each absent key is its default. */
function withDefaults<Shape extends Record<string, z.ZodType>>(shape: Shape, defaults: DefaultsOf<Shape>): WithDefaults<Shape> {
  return Object.fromEntries(
    Object.entries(shape).map(([key, schema]) => [key, schema.default(defaults[key] as never)]),
  ) as WithDefaults<Shape>;
}

const queueFields = {
  /** Waiting conversations beyond this send new escalations to the offline flow. */
  maxQueueLength: boundedNumber(NUMBER_LIMITS['queue.maxQueueLength']),
  /** Simultaneous active chats per agent. */
  seatsPerAgent: boundedNumber(NUMBER_LIMITS['queue.seatsPerAgent']),
  /** Whether customers see the estimated wait (their position is always shown). */
  showEstimatedWait: z.boolean(),
  /** Estimate used while there is too little history of real waits. */
  defaultWaitSeconds: boundedNumber(NUMBER_LIMITS['queue.defaultWaitSeconds']),
  /** Follow the opening hours; off means live support is available whenever agents are. */
  enforceOpeningHours: z.boolean(),
  /**
   * Send escalations to the offline flow when no agent is online, rather than leave the
   * customer waiting for nobody.
   */
  requireOnlineAgent: z.boolean(),
  /** Remind the agent when a customer has waited this many minutes for an answer; 0: never. */
  reminderAfterMinutes: boundedNumber(NUMBER_LIMITS['queue.reminderAfterMinutes']),
  /** Close a chat the customer has left unanswered this many minutes after the agent's last message; 0: never. */
  closeInactiveAfterMinutes: boundedNumber(NUMBER_LIMITS['queue.closeInactiveAfterMinutes']),
  /**
   * A waiting customer with no widget socket on any node and no REST call for this many seconds
   * has gone: their conversation is abandoned and everyone behind them moves up.
   */
  abandonAfterSeconds: boundedNumber(NUMBER_LIMITS['queue.abandonAfterSeconds']),
  /** After this many minutes in the queue the customer is offered to leave a message instead; 0: never. */
  maxWaitMinutes: boundedNumber(NUMBER_LIMITS['queue.maxWaitMinutes']),
  /** VIP customers go to the front of the queue. */
  vipFirst: z.boolean(),
  /**
   * Customers whose email (given by the site when the chat starts) is in one of these domains,
   * or their subdomains, are VIP. Server code can also mark a conversation VIP.
   */
  vipEmailDomains: z
    .array(z.string().trim().toLowerCase().regex(EMAIL_DOMAIN_PATTERN, 'a domain such as example.com'))
    .max(LIST_LIMITS['queue.vipEmailDomains'].maxEntries),
};

export const queueSettingsSchema = z
  .object(
    withDefaults(queueFields, {
      maxQueueLength: 20,
      seatsPerAgent: 3,
      showEstimatedWait: true,
      defaultWaitSeconds: 120,
      enforceOpeningHours: true,
      requireOnlineAgent: true,
      reminderAfterMinutes: 3,
      closeInactiveAfterMinutes: 15,
      abandonAfterSeconds: 90,
      maxWaitMinutes: 15,
      vipFirst: true,
      vipEmailDomains: [],
    }),
  )
  .strict();

const phraseList = z
  .array(boundedText(PHRASE_LIST_LIMIT.entryLength))
  .max(PHRASE_LIST_LIMIT.maxEntries);

const escalationFields = {
  /** The widget always shows a "talk to a person" button. */
  buttonEnabled: z.boolean(),
  phrases: z.object({ enabled: z.boolean(), lists: z.object(perLanguage(phraseList)).strict() }).strict(),
  keywords: z.object({ enabled: z.boolean(), list: phraseList }).strict(),
  failedAnswers: z
    .object({ enabled: z.boolean(), threshold: boundedNumber(NUMBER_LIMITS['escalation.failedAnswers.threshold']) })
    .strict(),
  frustration: z
    .object({
      enabled: z.boolean(),
      threshold: boundedNumber(NUMBER_LIMITS['escalation.frustration.threshold']),
      window: boundedNumber(NUMBER_LIMITS['escalation.frustration.window']),
    })
    .strict(),
  intent: z
    .object({ enabled: z.boolean(), threshold: boundedNumber(NUMBER_LIMITS['escalation.intent.threshold']) })
    .strict(),
};

export const escalationSettingsSchema = z
  .object({
    ...escalationFields,
    buttonEnabled: escalationFields.buttonEnabled.default(true),
    // Settings stored before the learned layer existed have no `intent`: they get its defaults.
    intent: escalationFields.intent.default({ ...DEFAULT_ESCALATION_SETTINGS.intent }),
  })
  .strict();

const knowledgeBaseFields = {
  /** A collection type UID such as `api::faq.faq`. */
  contentType: z.string().trim().regex(CONTENT_TYPE_UID_PATTERN, 'a collection type UID such as api::faq.faq').nullable(),
  titleField: boundedText(TEXT_LIMITS['bot.knowledgeBase.titleField']),
  bodyField: boundedText(TEXT_LIMITS['bot.knowledgeBase.bodyField']),
  /**
   * A field holding the entry's language (fi/en/sv), or null to answer in any language. Not read
   * for a collection localized with i18n: there the locale says the language.
   */
  languageField: boundedText(TEXT_LIMITS['bot.knowledgeBase.languageField']).nullable(),
  /** The match figure (0–1, domain/knowledge-match) the best entry must reach to answer. */
  confidenceThreshold: boundedNumber(NUMBER_LIMITS['bot.knowledgeBase.confidenceThreshold']),
};

const webhookFields = {
  url: z.url({ protocol: WEBHOOK_URL_PROTOCOL }).max(TEXT_LIMITS['bot.webhook.url'].max).nullable(),
  secret: boundedText(TEXT_LIMITS['bot.webhook.secret']).nullable(),
  timeoutMs: boundedNumber(NUMBER_LIMITS['bot.webhook.timeoutMs']),
};

/**
 * `auto`: the knowledge-base bot once a collection is named, else the built-in fallback;
 * `webhook`: the configured URL; `external`: the plugin stays quiet and an external bot
 * answers over the bot API; any other value: a provider registered by server code.
 */
const providerSchema = boundedText(TEXT_LIMITS['bot.provider']).regex(PROVIDER_NAME_PATTERN, 'lower-case letters, digits and "-"');

/** A conversation still with the bot ends after this many minutes without a customer message; 0: never. */
const botCloseAfterMinutes = boundedNumber(NUMBER_LIMITS['bot.closeAfterMinutes']);

export const botSettingsSchema = z
  .object({
    provider: providerSchema.default('auto'),
    closeAfterMinutes: botCloseAfterMinutes.default(30),
    knowledgeBase: z
      .object(
        withDefaults(knowledgeBaseFields, {
          contentType: null,
          titleField: 'question',
          bodyField: 'answer',
          languageField: null,
          confidenceThreshold: 0.5,
        }),
      )
      .strict(),
    webhook: z.object(withDefaults(webhookFields, { url: null, secret: null, timeoutMs: 5000 })).strict(),
  })
  .strict();

const widgetTextsSchema = z
  .object({ title: boundedText(WIDGET_TEXT_LIMITS.title), welcome: boundedText(WIDGET_TEXT_LIMITS.welcome) })
  .strict();

/** A site origin such as https://www.example.com (scheme, host and port; no path). */
export const siteOriginSchema = z
  .string()
  .trim()
  .regex(SITE_ORIGIN_PATTERN, 'an origin such as https://www.example.com, without a path')
  .transform((origin) => origin.toLowerCase());

const widgetFields = {
  primaryColor: z.string().regex(COLOUR_PATTERN, 'a colour such as #2e4fd6'),
  position: z.enum(['right', 'left']),
  texts: z.object(perLanguage(widgetTextsSchema)).strict(),
  /** A short sound when a message arrives while the chat is closed. */
  sound: z.boolean(),
  /**
   * Sites allowed to embed the widget: browsers on other origins are refused by the plugin's
   * routes and its socket. The Strapi server's own origin is always allowed.
   */
  allowedOrigins: z.array(siteOriginSchema).max(LIST_LIMITS['widget.allowedOrigins'].maxEntries),
};

export const widgetSettingsSchema = z
  .object(
    withDefaults(widgetFields, {
      primaryColor: '#2e4fd6',
      position: 'right',
      texts: {
        fi: { title: 'Asiakaspalvelu', welcome: 'Hei! Miten voimme auttaa?' },
        en: { title: 'Customer service', welcome: 'Hi! How can we help?' },
        sv: { title: 'Kundtjänst', welcome: 'Hej! Hur kan vi hjälpa till?' },
      },
      sound: false,
      allowedOrigins: [],
    }),
  )
  .strict();

const retentionFields = {
  /**
   * Days a closed conversation (resolved, abandoned, offline) or an offline message is kept,
   * counted from when it was last touched; 0 keeps them forever (retention off, the default).
   */
  keepDays: boundedNumber(NUMBER_LIMITS['retention.keepDays']),
  /** What happens after: `anonymise` keeps the rows analytics counts without personal data; `delete` removes them. */
  action: z.enum(RETENTION_ACTIONS),
};

export const retentionSettingsSchema = z
  .object(withDefaults(retentionFields, { keepDays: 0, action: 'anonymise' }))
const identityFields = {
  /**
   * `off`: identities are taken as given and shown unverified; `optional`: a valid userHash
   * marks them verified; `required`: an external id or email without a valid userHash is refused.
   */
  verification: z.enum(IDENTITY_VERIFICATION_MODES),
  /** The key the site's backend signs identities with (write-only, like the webhook secret). */
  secret: boundedText(TEXT_LIMITS['identity.secret']).nullable(),
};

export const identitySettingsSchema = z
  .object(withDefaults(identityFields, { verification: 'off', secret: null }))
  .strict();

export type QueueSettings = z.infer<typeof queueSettingsSchema>;
export type RetentionSettings = z.infer<typeof retentionSettingsSchema>;
export type WidgetSettings = z.infer<typeof widgetSettingsSchema>;
export type EscalationSettingsInput = z.infer<typeof escalationSettingsSchema>;
export type BotSettings = z.infer<typeof botSettingsSchema>;
export type IdentitySettings = z.infer<typeof identitySettingsSchema>;

export const DEFAULT_BOT_SETTINGS: BotSettings = botSettingsSchema.parse({ knowledgeBase: {}, webhook: {} });

export const settingsSchema = z
  .object({
    queue: queueSettingsSchema.default(queueSettingsSchema.parse({})),
    escalation: escalationSettingsSchema.default({ buttonEnabled: true, ...DEFAULT_ESCALATION_SETTINGS }),
    bot: botSettingsSchema.default(DEFAULT_BOT_SETTINGS),
    widget: widgetSettingsSchema.default(widgetSettingsSchema.parse({})),
    retention: retentionSettingsSchema.default(retentionSettingsSchema.parse({})),
    /** The site owner's wording of customer texts (contracts/customer-texts). */
    texts: storedTextOverridesSchema.default({}),
    identity: identitySettingsSchema.default(identitySettingsSchema.parse({})),
  })
  .strict();

export type Settings = z.infer<typeof settingsSchema>;
export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({});

/**
 * A PUT body: any subset of sections and keys; what is left out keeps its current value.
 * Lists (phrases, keywords, domains, origins) are replaced whole, and so are a language's widget
 * texts and the customer texts' overrides. Built from the rules without defaults, so the parsed body holds only what was sent.
 */
export const settingsUpdateSchema = z
  .object({
    queue: z.object(queueFields).partial().strict().optional(),
    escalation: z
      .object({
        buttonEnabled: escalationFields.buttonEnabled.optional(),
        phrases: escalationFields.phrases
          .extend({ lists: escalationFields.phrases.shape.lists.partial().strict() })
          .partial()
          .strict()
          .optional(),
        keywords: escalationFields.keywords.partial().strict().optional(),
        failedAnswers: escalationFields.failedAnswers.partial().strict().optional(),
        frustration: escalationFields.frustration.partial().strict().optional(),
        intent: escalationFields.intent.partial().strict().optional(),
      })
      .strict()
      .optional(),
    bot: z
      .object({
        provider: providerSchema.optional(),
        closeAfterMinutes: botCloseAfterMinutes.optional(),
        knowledgeBase: z.object(knowledgeBaseFields).partial().strict().optional(),
        webhook: z.object(webhookFields).partial().strict().optional(),
      })
      .strict()
      .optional(),
    widget: z
      .object({ ...widgetFields, texts: widgetFields.texts.partial().strict() })
      .partial()
      .strict()
      .optional(),
    retention: z.object(retentionFields).partial().strict().optional(),
    /** Replaces the stored overrides whole: a text left out returns to its default. */
    texts: textOverridesSchema.optional(),
    identity: z.object(identityFields).partial().strict().optional(),
  })
  .strict();
export type SettingsUpdate = z.infer<typeof settingsUpdateSchema>;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A PUT body, validated, holding exactly what the client asked to change. */
export function parseSettingsUpdate(input: unknown): SettingsUpdate {
  return settingsUpdateSchema.parse(input);
}

/** A section holding a secret, as the admin API shows it: `secretSet` in place of the secret. */
type WithoutSecret<Section extends { secret: string | null }> = Omit<Section, 'secret'> & { secret: null; secretSet: boolean };

const withoutSecret = <Section extends { secret: string | null }>({ secret, ...rest }: Section): WithoutSecret<Section> =>
  ({ ...rest, secret: null, secretSet: secret !== null }) as WithoutSecret<Section>;

/**
 * The settings as the admin API shows them: the webhook and identity secrets are write-only, so
 * that they never travel back to a browser; `secretSet` says whether one is stored.
 */
export type SettingsView = Omit<Settings, 'bot' | 'identity'> & {
  bot: Omit<BotSettings, 'webhook'> & { webhook: WithoutSecret<BotSettings['webhook']> };
  identity: WithoutSecret<IdentitySettings>;
};

export function toSettingsView(settings: Settings): SettingsView {
  return {
    ...settings,
    bot: { ...settings.bot, webhook: withoutSecret(settings.bot.webhook) },
    identity: withoutSecret(settings.identity),
  };
}

/**
 * Applies an update onto the current settings: objects merge key by key at every depth, while a
 * list or a value that is given replaces the current one whole; keys left out (or undefined) stay.
 */
export function mergeSettings(current: Settings, update: SettingsUpdate): Settings {
  const merged = deepMerge(current, update) as Record<string, unknown>;
  // Overrides are replaced whole, so that leaving a text out resets it.
  return settingsSchema.parse(update.texts === undefined ? merged : { ...merged, texts: update.texts });
}

function deepMerge(current: unknown, update: unknown): unknown {
  if (update === undefined) return current;
  if (!isPlainObject(current) || !isPlainObject(update)) return update;
  const merged: Record<string, unknown> = { ...current };
  for (const [key, value] of Object.entries(update)) merged[key] = deepMerge(current[key], value);
  return merged;
}
