import {
  CUSTOMER_TEXT_KEYS,
  SUPPORTED_LANGUAGES,
  type CustomerTextKey,
  type IdentityVerificationMode,
  type Settings,
  type SettingsUpdate,
  type SettingsView,
  type SupportedLanguage,
  type TextOverrides,
} from '../../shared';

/**
 * The settings form: what the site owner edits, as the inputs hold it. Lists are one entry per
 * line, nullable texts are '' for "not set", numbers are `undefined` while the input is empty.
 */
export const BUILT_IN_PROVIDERS = ['auto', 'webhook', 'external'] as const;

export interface SettingsFormValues {
  queue: {
    maxQueueLength: number | undefined;
    seatsPerAgent: number | undefined;
    showEstimatedWait: boolean;
    defaultWaitSeconds: number | undefined;
    enforceOpeningHours: boolean;
    requireOnlineAgent: boolean;
    reminderAfterMinutes: number | undefined;
    closeInactiveAfterMinutes: number | undefined;
    abandonAfterSeconds: number | undefined;
    maxWaitMinutes: number | undefined;
    vipFirst: boolean;
    vipEmailDomains: string;
  };
  escalation: {
    buttonEnabled: boolean;
    phrases: { enabled: boolean; lists: Record<SupportedLanguage, string> };
    keywords: { enabled: boolean; list: string };
    failedAnswers: { enabled: boolean; threshold: number | undefined };
    frustration: { enabled: boolean; threshold: number | undefined; window: number | undefined };
    intent: { enabled: boolean; threshold: number | undefined };
  };
  bot: {
    provider: string;
    closeAfterMinutes: number | undefined;
    knowledgeBase: {
      contentType: string;
      titleField: string;
      bodyField: string;
      languageField: string;
      confidenceThreshold: number | undefined;
    };
    /**
     * The secret is write-only: the form starts empty, a typed one replaces the stored one,
     * `removeSecret` deletes it; `secretSet` says whether one is stored.
     */
    webhook: { url: string; secret: string; secretSet: boolean; removeSecret: boolean; timeoutMs: number | undefined };
  };
  widget: {
    primaryColor: string;
    position: 'right' | 'left';
    texts: Record<SupportedLanguage, { title: string; welcome: string }>;
    sound: boolean;
    allowedOrigins: string;
  };
  retention: {
    keepDays: number | undefined;
    action: Settings['retention']['action'];
  };
  /** The owner's wording of each customer text per language; '' keeps the default. */
  texts: Record<CustomerTextKey, Record<SupportedLanguage, string>>;
  /** The identity secret is write-only, as the webhook's is. */
  identity: { verification: IdentityVerificationMode; secret: string; secretSet: boolean; removeSecret: boolean };
}

const textsToForm = (overrides: TextOverrides): SettingsFormValues['texts'] =>
  Object.fromEntries(
    CUSTOMER_TEXT_KEYS.map((key) => [key, Object.fromEntries(SUPPORTED_LANGUAGES.map((language) => [language, overrides[key]?.[language] ?? '']))]),
  ) as SettingsFormValues['texts'];

/** The overrides the form holds: the texts written, trimmed; an emptied one returns to its default. */
export function textsFromForm(texts: SettingsFormValues['texts']): TextOverrides {
  const overrides: TextOverrides = {};
  for (const key of CUSTOMER_TEXT_KEYS) {
    const written = SUPPORTED_LANGUAGES.filter((language) => texts[key][language].trim() !== '');
    if (written.length > 0) overrides[key] = Object.fromEntries(written.map((language) => [language, texts[key][language].trim()]));
  }
  return overrides;
}

/** The value at a dotted path of the form (`widget.texts.en.title`); undefined where there is none. */
export const valueAt = (values: SettingsFormValues, path: string): unknown =>
  path.split('.').reduce<unknown>((at, key) => (at as Record<string, unknown> | undefined)?.[key], values);

const joinLines = (list: readonly string[]) => list.join('\n');

/** The entries of a one-per-line list: trimmed, blank lines left out. */
export const splitLines = (text: string): string[] =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0);

/** The 1-based line in the textarea of the list's `index`-th entry (blank lines skipped). */
export const lineOfEntry = (text: string, index: number): number => {
  let seen = -1;
  const lines = text.split('\n');
  for (let line = 0; line < lines.length; line += 1) {
    if ((lines[line] ?? '').trim().length > 0) seen += 1;
    if (seen === index) return line + 1;
  }
  return index + 1;
};

export function toFormValues(settings: SettingsView): SettingsFormValues {
  const { queue, escalation, bot, widget, retention, identity } = settings;
  return {
    texts: textsToForm(settings.texts),
    queue: {
      maxQueueLength: queue.maxQueueLength,
      seatsPerAgent: queue.seatsPerAgent,
      showEstimatedWait: queue.showEstimatedWait,
      defaultWaitSeconds: queue.defaultWaitSeconds,
      enforceOpeningHours: queue.enforceOpeningHours,
      requireOnlineAgent: queue.requireOnlineAgent,
      reminderAfterMinutes: queue.reminderAfterMinutes,
      closeInactiveAfterMinutes: queue.closeInactiveAfterMinutes,
      abandonAfterSeconds: queue.abandonAfterSeconds,
      maxWaitMinutes: queue.maxWaitMinutes,
      vipFirst: queue.vipFirst,
      vipEmailDomains: joinLines(queue.vipEmailDomains),
    },
    escalation: {
      buttonEnabled: escalation.buttonEnabled,
      phrases: {
        enabled: escalation.phrases.enabled,
        lists: {
          fi: joinLines(escalation.phrases.lists.fi),
          en: joinLines(escalation.phrases.lists.en),
          sv: joinLines(escalation.phrases.lists.sv),
        },
      },
      keywords: { enabled: escalation.keywords.enabled, list: joinLines(escalation.keywords.list) },
      failedAnswers: { ...escalation.failedAnswers },
      frustration: { ...escalation.frustration },
      intent: { ...escalation.intent },
    },
    bot: {
      provider: bot.provider,
      closeAfterMinutes: bot.closeAfterMinutes,
      knowledgeBase: {
        contentType: bot.knowledgeBase.contentType ?? '',
        titleField: bot.knowledgeBase.titleField,
        bodyField: bot.knowledgeBase.bodyField,
        languageField: bot.knowledgeBase.languageField ?? '',
        confidenceThreshold: bot.knowledgeBase.confidenceThreshold,
      },
      webhook: {
        url: bot.webhook.url ?? '',
        secret: '',
        secretSet: bot.webhook.secretSet,
        removeSecret: false,
        timeoutMs: bot.webhook.timeoutMs,
      },
    },
    widget: {
      primaryColor: widget.primaryColor,
      position: widget.position,
      texts: {
        fi: { ...widget.texts.fi },
        en: { ...widget.texts.en },
        sv: { ...widget.texts.sv },
      },
      sound: widget.sound,
      allowedOrigins: joinLines(widget.allowedOrigins),
    },
    retention: { ...retention },
    identity: { verification: identity.verification, secret: '', secretSet: identity.secretSet, removeSecret: false },
  };
}

const orNull = (text: string): string | null => (text.trim() === '' ? null : text.trim());

/**
 * The escalation settings the form describes, in the server's shape; an unset number falls back
 * to the stored value. "Try a sentence" sends these before they are saved.
 */
export function escalationFromForm(
  escalation: SettingsFormValues['escalation'],
  stored: Settings['escalation'],
): Settings['escalation'] {
  return {
    buttonEnabled: escalation.buttonEnabled,
    phrases: {
      enabled: escalation.phrases.enabled,
      lists: {
        fi: splitLines(escalation.phrases.lists.fi),
        en: splitLines(escalation.phrases.lists.en),
        sv: splitLines(escalation.phrases.lists.sv),
      },
    },
    keywords: { enabled: escalation.keywords.enabled, list: splitLines(escalation.keywords.list) },
    failedAnswers: {
      enabled: escalation.failedAnswers.enabled,
      threshold: escalation.failedAnswers.threshold ?? stored.failedAnswers.threshold,
    },
    frustration: {
      enabled: escalation.frustration.enabled,
      threshold: escalation.frustration.threshold ?? stored.frustration.threshold,
      window: escalation.frustration.window ?? stored.frustration.window,
    },
    intent: {
      enabled: escalation.intent.enabled,
      threshold: escalation.intent.threshold ?? stored.intent.threshold,
    },
  };
}

/**
 * A write-only secret as the form sends it. It is used as typed: spaces are part of it. Empty
 * leaves the stored one alone (compared with the view's null, it is no change).
 */
const writtenSecret = ({ secret, removeSecret }: { secret: string; removeSecret: boolean }): string | null =>
  removeSecret || secret === '' ? null : secret;

/** Whether the form asks to delete a stored secret (a null the diff against the view cannot see). */
const removesSecret = (values: { secret: string; removeSecret: boolean }, stored: { secretSet: boolean }) =>
  values.removeSecret && stored.secretSet && values.secret === '';

/**
 * The settings the form describes, in the server's shape. Call after `validateForm` found no
 * error, so that every number is set (an unset one falls back to the stored value).
 */
function fromFormValues(values: SettingsFormValues, stored: SettingsView): Settings {
  const { queue, escalation, bot, widget, retention, identity } = values;
  return {
    texts: textsFromForm(values.texts),
    queue: {
      maxQueueLength: queue.maxQueueLength ?? stored.queue.maxQueueLength,
      seatsPerAgent: queue.seatsPerAgent ?? stored.queue.seatsPerAgent,
      showEstimatedWait: queue.showEstimatedWait,
      defaultWaitSeconds: queue.defaultWaitSeconds ?? stored.queue.defaultWaitSeconds,
      enforceOpeningHours: queue.enforceOpeningHours,
      requireOnlineAgent: queue.requireOnlineAgent,
      reminderAfterMinutes: queue.reminderAfterMinutes ?? stored.queue.reminderAfterMinutes,
      closeInactiveAfterMinutes: queue.closeInactiveAfterMinutes ?? stored.queue.closeInactiveAfterMinutes,
      abandonAfterSeconds: queue.abandonAfterSeconds ?? stored.queue.abandonAfterSeconds,
      maxWaitMinutes: queue.maxWaitMinutes ?? stored.queue.maxWaitMinutes,
      vipFirst: queue.vipFirst,
      vipEmailDomains: splitLines(queue.vipEmailDomains),
    },
    escalation: escalationFromForm(escalation, stored.escalation),
    bot: {
      provider: bot.provider.trim(),
      closeAfterMinutes: bot.closeAfterMinutes ?? stored.bot.closeAfterMinutes,
      knowledgeBase: {
        contentType: orNull(bot.knowledgeBase.contentType),
        titleField: bot.knowledgeBase.titleField.trim(),
        bodyField: bot.knowledgeBase.bodyField.trim(),
        languageField: orNull(bot.knowledgeBase.languageField),
        confidenceThreshold: bot.knowledgeBase.confidenceThreshold ?? stored.bot.knowledgeBase.confidenceThreshold,
      },
      webhook: {
        url: orNull(bot.webhook.url),
        secret: writtenSecret(bot.webhook),
        timeoutMs: bot.webhook.timeoutMs ?? stored.bot.webhook.timeoutMs,
      },
    },
    widget: {
      primaryColor: widget.primaryColor.trim(),
      position: widget.position,
      texts: {
        fi: { title: widget.texts.fi.title.trim(), welcome: widget.texts.fi.welcome.trim() },
        en: { title: widget.texts.en.title.trim(), welcome: widget.texts.en.welcome.trim() },
        sv: { title: widget.texts.sv.title.trim(), welcome: widget.texts.sv.welcome.trim() },
      },
      sound: widget.sound,
      allowedOrigins: splitLines(widget.allowedOrigins),
    },
    retention: {
      keepDays: retention.keepDays ?? stored.retention.keepDays,
      action: retention.action,
    },
    identity: { verification: identity.verification, secret: writtenSecret(identity) },
  };
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The keys of `after` that differ from `before`, recursively; lists and leaves are compared whole. */
function changedKeys(before: unknown, after: unknown): unknown {
  if (!isPlainObject(before) || !isPlainObject(after)) return sameValue(before, after) ? undefined : after;
  const changes: Record<string, unknown> = {};
  for (const key of Object.keys(after)) {
    const change = changedKeys(before[key], after[key]);
    if (change !== undefined) changes[key] = change;
  }
  return Object.keys(changes).length > 0 ? changes : undefined;
}

/**
 * The PUT body for what the site owner changed, and nothing else: a setting changed meanwhile by
 * someone else and left alone here keeps their value. A widget text is sent with both its
 * title and welcome, as the server takes a language's texts whole.
 */
export function toUpdate(stored: SettingsView, values: SettingsFormValues): SettingsUpdate {
  const next = fromFormValues(values, stored);
  // The shape of `changedKeys(stored, next)` is a deep partial of Settings, which SettingsUpdate accepts.
  const update = (changedKeys(stored, next) ?? {}) as SettingsUpdate;
  if (removesSecret(values.bot.webhook, stored.bot.webhook)) {
    update.bot = { ...update.bot, webhook: { ...update.bot?.webhook, secret: null } };
  }
  // The overrides go whole (the server replaces them whole), so a text reset to its default is sent too.
  if (sameValue(stored.texts, next.texts)) delete update.texts;
  else update.texts = next.texts;
  if (removesSecret(values.identity, stored.identity)) {
    update.identity = { ...update.identity, secret: null };
  }
  const texts = update.widget?.texts;
  if (update.widget && texts) {
    update.widget.texts = Object.fromEntries(
      SUPPORTED_LANGUAGES.filter((language) => texts[language] !== undefined).map((language) => [language, next.widget.texts[language]]),
    );
  }
  return update;
}

export const isEmptyUpdate = (update: SettingsUpdate) => Object.keys(update).length === 0;
