import { z } from 'zod';

import { DEFAULT_ESCALATION_SETTINGS } from '../domain/escalation';

/** What site owners change at run time; stored in the plugin store, applied without restart. */
export const queueSettingsSchema = z
  .object({
    /** Waiting conversations beyond this send new escalations to the offline flow. */
    maxQueueLength: z.number().int().min(1).max(1000).default(20),
    /** Simultaneous active chats per agent. */
    seatsPerAgent: z.number().int().min(1).max(50).default(3),
    /** Whether customers see the estimated wait (their position is always shown). */
    showEstimatedWait: z.boolean().default(true),
    /** Estimate used while there is too little history of real waits. */
    defaultWaitSeconds: z.number().int().min(0).max(86_400).default(120),
    /** Follow the opening hours; off means live support is available whenever agents are. */
    enforceOpeningHours: z.boolean().default(true),
    /**
     * Send escalations to the offline flow when no agent is online, rather than leave the
     * customer waiting for nobody.
     */
    requireOnlineAgent: z.boolean().default(true),
    /** Remind the agent when a customer has waited this many minutes for an answer; 0: never. */
    reminderAfterMinutes: z.number().int().min(0).max(240).default(3),
    /** Close a chat the customer has left unanswered this many minutes after the agent's last message; 0: never. */
    closeInactiveAfterMinutes: z.number().int().min(0).max(1440).default(15),
    /** VIP customers go to the front of the queue. */
    vipFirst: z.boolean().default(true),
    /**
     * Customers whose email (given by the site when the chat starts) is in one of these domains,
     * or their subdomains, are VIP. Server code can also mark a conversation VIP.
     */
    vipEmailDomains: z
      .array(
        z
          .string()
          .trim()
          .toLowerCase()
          .regex(/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, 'a domain such as example.com'),
      )
      .max(200)
      .default([]),
  })
  .strict();

const phraseList = z.array(z.string().trim().min(1).max(200)).max(200);

export const escalationSettingsSchema = z
  .object({
    /** The widget always shows a "talk to a person" button. */
    buttonEnabled: z.boolean().default(true),
    phrases: z
      .object({
        enabled: z.boolean(),
        lists: z.object({ fi: phraseList, en: phraseList, sv: phraseList }).strict(),
      })
      .strict(),
    keywords: z.object({ enabled: z.boolean(), list: phraseList }).strict(),
    failedAnswers: z.object({ enabled: z.boolean(), threshold: z.number().int().min(1).max(20) }).strict(),
    frustration: z
      .object({
        enabled: z.boolean(),
        threshold: z.number().min(0).max(1),
        window: z.number().int().min(1).max(20),
      })
      .strict(),
  })
  .strict();

const optionalName = z.string().trim().min(1).max(100).nullable();

export const botSettingsSchema = z
  .object({
    /**
     * `auto`: the knowledge-base bot once a collection is named, else the built-in fallback;
     * `webhook`: the configured URL; `external`: the plugin stays quiet and an external bot
     * answers over the bot API; any other value: a provider registered by server code.
     */
    provider: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and "-"')
      .default('auto'),
    knowledgeBase: z
      .object({
        /** A collection type UID such as `api::faq.faq`. */
        contentType: z
          .string()
          .trim()
          .regex(/^(api|plugin)::[a-z0-9-]+\.[a-z0-9-]+$/, 'a collection type UID such as api::faq.faq')
          .nullable()
          .default(null),
        titleField: z.string().trim().min(1).max(100).default('question'),
        bodyField: z.string().trim().min(1).max(100).default('answer'),
        /** A field holding the entry's language (fi/en/sv), or null to answer in any language. */
        languageField: optionalName.default(null),
        /** Share of the question's meaningful words an entry must match (0–1). */
        confidenceThreshold: z.number().min(0).max(1).default(0.5),
      })
      .strict(),
    webhook: z
      .object({
        url: z.url({ protocol: /^https?$/ }).max(2000).nullable().default(null),
        secret: z.string().min(16).max(200).nullable().default(null),
        timeoutMs: z.number().int().min(100).max(30_000).default(5000),
      })
      .strict(),
  })
  .strict();

const widgetTextsSchema = z
  .object({
    title: z.string().trim().min(1).max(60),
    welcome: z.string().trim().min(1).max(500),
  })
  .strict();

/** A site origin such as https://www.example.com (scheme, host and port; no path). */
export const siteOriginSchema = z
  .string()
  .trim()
  .regex(/^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/i, 'an origin such as https://www.example.com, without a path')
  .transform((origin) => origin.toLowerCase());

export const widgetSettingsSchema = z
  .object({
    primaryColor: z
      .string()
      .regex(/^#[0-9a-fA-F]{6}$/, 'a colour such as #2e4fd6')
      .default('#2e4fd6'),
    position: z.enum(['right', 'left']).default('right'),
    texts: z
      .object({ fi: widgetTextsSchema, en: widgetTextsSchema, sv: widgetTextsSchema })
      .strict()
      .default({
        fi: { title: 'Asiakaspalvelu', welcome: 'Hei! Miten voimme auttaa?' },
        en: { title: 'Customer service', welcome: 'Hi! How can we help?' },
        sv: { title: 'Kundtjänst', welcome: 'Hej! Hur kan vi hjälpa till?' },
      }),
    /** A short sound when a message arrives while the chat is closed. */
    sound: z.boolean().default(false),
    /**
     * Sites allowed to embed the widget: browsers on other origins are refused by the plugin's
     * routes and its socket. The Strapi server's own origin is always allowed.
     */
    allowedOrigins: z.array(siteOriginSchema).max(50).default([]),
  })
  .strict();

export type QueueSettings = z.infer<typeof queueSettingsSchema>;
export type WidgetSettings = z.infer<typeof widgetSettingsSchema>;
export type EscalationSettingsInput = z.infer<typeof escalationSettingsSchema>;
export type BotSettings = z.infer<typeof botSettingsSchema>;

export const DEFAULT_BOT_SETTINGS: BotSettings = botSettingsSchema.parse({ knowledgeBase: {}, webhook: {} });

export const settingsSchema = z
  .object({
    queue: queueSettingsSchema.default(queueSettingsSchema.parse({})),
    escalation: escalationSettingsSchema.default({ buttonEnabled: true, ...DEFAULT_ESCALATION_SETTINGS }),
    bot: botSettingsSchema.default(DEFAULT_BOT_SETTINGS),
    widget: widgetSettingsSchema.default(widgetSettingsSchema.parse({})),
  })
  .strict();

export type Settings = z.infer<typeof settingsSchema>;
export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({});

/**
 * A PUT body: any subset of sections and keys; what is left out keeps its current value.
 * Lists (phrases, keywords) are replaced whole.
 */
export const settingsUpdateSchema = z
  .object({
    queue: queueSettingsSchema.partial().strict().optional(),
    escalation: z
      .object({
        buttonEnabled: z.boolean().optional(),
        phrases: escalationSettingsSchema.shape.phrases
          .extend({ lists: escalationSettingsSchema.shape.phrases.shape.lists.partial().strict() })
          .partial()
          .strict()
          .optional(),
        keywords: escalationSettingsSchema.shape.keywords.partial().strict().optional(),
        failedAnswers: escalationSettingsSchema.shape.failedAnswers.partial().strict().optional(),
        frustration: escalationSettingsSchema.shape.frustration.partial().strict().optional(),
      })
      .strict()
      .optional(),
    bot: z
      .object({
        provider: botSettingsSchema.shape.provider.optional(),
        knowledgeBase: botSettingsSchema.shape.knowledgeBase.partial().strict().optional(),
        webhook: botSettingsSchema.shape.webhook.partial().strict().optional(),
      })
      .strict()
      .optional(),
    widget: z
      .object({
        primaryColor: widgetSettingsSchema.shape.primaryColor.optional(),
        position: widgetSettingsSchema.shape.position.optional(),
        texts: z.object({ fi: widgetTextsSchema, en: widgetTextsSchema, sv: widgetTextsSchema }).partial().strict().optional(),
        sound: z.boolean().optional(),
        allowedOrigins: z.array(siteOriginSchema).max(50).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();
export type SettingsUpdate = z.infer<typeof settingsUpdateSchema>;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The parsed update with only the keys the client sent. The section schemas carry defaults
 * (for reading stored settings), and zod fills them in for absent keys even in `.partial()`;
 * without this, `{ queue: { vipFirst: false } }` would also reset every other queue setting.
 */
export function onlyGivenKeys<T>(parsed: T, given: unknown): T {
  if (!isPlainObject(parsed) || !isPlainObject(given)) return parsed;
  return Object.fromEntries(
    Object.entries(parsed)
      .filter(([key]) => given[key] !== undefined)
      .map(([key, value]) => [key, onlyGivenKeys(value, given[key])]),
  ) as T;
}

/** A PUT body, validated, holding exactly what the client asked to change. */
export function parseSettingsUpdate(input: unknown): SettingsUpdate {
  return onlyGivenKeys(settingsUpdateSchema.parse(input), input);
}

/**
 * The settings as the admin API shows them: the webhook secret is write-only, so that it never
 * travels back to a browser; `secretSet` says whether one is stored.
 */
export type SettingsView = Omit<Settings, 'bot'> & {
  bot: Omit<BotSettings, 'webhook'> & {
    webhook: Omit<BotSettings['webhook'], 'secret'> & { secret: null; secretSet: boolean };
  };
};

export function toSettingsView(settings: Settings): SettingsView {
  const { secret, ...webhook } = settings.bot.webhook;
  return { ...settings, bot: { ...settings.bot, webhook: { ...webhook, secret: null, secretSet: secret !== null } } };
}

/**
 * Applies an update onto the current settings: objects merge key by key at every depth, while a
 * list or a value that is given replaces the current one whole; keys left out (or undefined) stay.
 */
export function mergeSettings(current: Settings, update: SettingsUpdate): Settings {
  return settingsSchema.parse(deepMerge(current, update));
}

function deepMerge(current: unknown, update: unknown): unknown {
  if (update === undefined) return current;
  if (!isPlainObject(current) || !isPlainObject(update)) return update;
  const merged: Record<string, unknown> = { ...current };
  for (const [key, value] of Object.entries(update)) merged[key] = deepMerge(current[key], value);
  return merged;
}
