import { LANGUAGES, splitLines, type SettingsFormValues } from './model';

/**
 * The cheap checks, made before saving, with the bounds of the server's zod schema
 * (server/src/contracts/settings.ts). The server checks everything again (origins, domains,
 * URLs, the knowledge-base collection); its answer marks the fields it names.
 */
export interface NumberBounds {
  min: number;
  max: number;
  integer: boolean;
}

export const NUMBER_BOUNDS = {
  'queue.maxQueueLength': { min: 1, max: 1000, integer: true },
  'queue.seatsPerAgent': { min: 1, max: 50, integer: true },
  'queue.defaultWaitSeconds': { min: 0, max: 86_400, integer: true },
  'queue.reminderAfterMinutes': { min: 0, max: 240, integer: true },
  'queue.closeInactiveAfterMinutes': { min: 0, max: 1440, integer: true },
  'escalation.failedAnswers.threshold': { min: 1, max: 20, integer: true },
  'escalation.frustration.threshold': { min: 0, max: 1, integer: false },
  'escalation.frustration.window': { min: 1, max: 20, integer: true },
  'bot.knowledgeBase.confidenceThreshold': { min: 0, max: 1, integer: false },
  'bot.webhook.timeoutMs': { min: 100, max: 30_000, integer: true },
} as const satisfies Record<string, NumberBounds>;

export type NumberPath = keyof typeof NUMBER_BOUNDS;

export const LIST_LIMITS = {
  'queue.vipEmailDomains': 200,
  'escalation.phrases.lists.fi': 200,
  'escalation.phrases.lists.en': 200,
  'escalation.phrases.lists.sv': 200,
  'escalation.keywords.list': 200,
  'widget.allowedOrigins': 50,
} as const;

export const TEXT_LIMITS = { title: 60, welcome: 500, phrase: 200, field: 100 } as const;
export const WEBHOOK_SECRET_LENGTH = { min: 16, max: 200 } as const;
export const COLOUR_PATTERN = /^#[0-9a-fA-F]{6}$/;

export type ClientIssue =
  | { path: string; kind: 'required' }
  | { path: string; kind: 'integer' }
  | { path: string; kind: 'range'; min: number; max: number }
  | { path: string; kind: 'colour' }
  | { path: string; kind: 'tooLong'; max: number }
  | { path: string; kind: 'tooMany'; max: number }
  | { path: string; kind: 'entryTooLong'; max: number; line: number }
  | { path: string; kind: 'secretLength'; min: number; max: number };

const getIn = (values: SettingsFormValues, path: string): unknown =>
  path.split('.').reduce<unknown>((at, key) => (at as Record<string, unknown> | undefined)?.[key], values);

export function validateForm(values: SettingsFormValues): ClientIssue[] {
  const issues: ClientIssue[] = [];

  for (const [path, bounds] of Object.entries(NUMBER_BOUNDS)) {
    const value = getIn(values, path);
    if (typeof value !== 'number' || Number.isNaN(value)) issues.push({ path, kind: 'required' });
    else if (bounds.integer && !Number.isInteger(value)) issues.push({ path, kind: 'integer' });
    else if (value < bounds.min || value > bounds.max) issues.push({ path, kind: 'range', min: bounds.min, max: bounds.max });
  }

  for (const [path, max] of Object.entries(LIST_LIMITS)) {
    const text = getIn(values, path);
    if (typeof text !== 'string') continue;
    const lines = text.split('\n');
    const entries = splitLines(text);
    if (entries.length > max) issues.push({ path, kind: 'tooMany', max });
    const long = lines.findIndex((line) => line.trim().length > TEXT_LIMITS.phrase);
    if (long >= 0) issues.push({ path, kind: 'entryTooLong', max: TEXT_LIMITS.phrase, line: long + 1 });
  }

  for (const language of LANGUAGES) {
    const { title, welcome } = values.widget.texts[language];
    const base = `widget.texts.${language}`;
    if (title.trim() === '') issues.push({ path: `${base}.title`, kind: 'required' });
    else if (title.trim().length > TEXT_LIMITS.title) issues.push({ path: `${base}.title`, kind: 'tooLong', max: TEXT_LIMITS.title });
    if (welcome.trim() === '') issues.push({ path: `${base}.welcome`, kind: 'required' });
    else if (welcome.trim().length > TEXT_LIMITS.welcome)
      issues.push({ path: `${base}.welcome`, kind: 'tooLong', max: TEXT_LIMITS.welcome });
  }

  if (!COLOUR_PATTERN.test(values.widget.primaryColor.trim())) issues.push({ path: 'widget.primaryColor', kind: 'colour' });
  if (values.bot.provider.trim() === '') issues.push({ path: 'bot.provider', kind: 'required' });

  for (const field of ['titleField', 'bodyField'] as const) {
    const value = values.bot.knowledgeBase[field].trim();
    const path = `bot.knowledgeBase.${field}`;
    if (value === '') issues.push({ path, kind: 'required' });
    else if (value.length > TEXT_LIMITS.field) issues.push({ path, kind: 'tooLong', max: TEXT_LIMITS.field });
  }
  if (values.bot.knowledgeBase.languageField.trim().length > TEXT_LIMITS.field)
    issues.push({ path: 'bot.knowledgeBase.languageField', kind: 'tooLong', max: TEXT_LIMITS.field });

  const secret = values.bot.webhook.secret;
  if (secret !== '' && (secret.length < WEBHOOK_SECRET_LENGTH.min || secret.length > WEBHOOK_SECRET_LENGTH.max))
    issues.push({ path: 'bot.webhook.secret', kind: 'secretLength', ...WEBHOOK_SECRET_LENGTH });

  return issues;
}

/** Every field of the form, by its path: a server error is shown on the longest that matches. */
export const FIELD_PATHS = [
  'queue.maxQueueLength',
  'queue.seatsPerAgent',
  'queue.showEstimatedWait',
  'queue.defaultWaitSeconds',
  'queue.enforceOpeningHours',
  'queue.requireOnlineAgent',
  'queue.reminderAfterMinutes',
  'queue.closeInactiveAfterMinutes',
  'queue.vipFirst',
  'queue.vipEmailDomains',
  'escalation.buttonEnabled',
  'escalation.phrases.enabled',
  'escalation.phrases.lists.fi',
  'escalation.phrases.lists.en',
  'escalation.phrases.lists.sv',
  'escalation.keywords.enabled',
  'escalation.keywords.list',
  'escalation.failedAnswers.enabled',
  'escalation.failedAnswers.threshold',
  'escalation.frustration.enabled',
  'escalation.frustration.threshold',
  'escalation.frustration.window',
  'bot.provider',
  'bot.knowledgeBase.contentType',
  'bot.knowledgeBase.titleField',
  'bot.knowledgeBase.bodyField',
  'bot.knowledgeBase.languageField',
  'bot.knowledgeBase.confidenceThreshold',
  'bot.webhook.url',
  'bot.webhook.secret',
  'bot.webhook.timeoutMs',
  'widget.primaryColor',
  'widget.position',
  ...LANGUAGES.flatMap((language) => [`widget.texts.${language}.title`, `widget.texts.${language}.welcome`]),
  'widget.sound',
  'widget.allowedOrigins',
] as const;

export const isListPath = (path: string): path is keyof typeof LIST_LIMITS => path in LIST_LIMITS;

/**
 * The form field a server issue's path points at, and the list entry when it points inside a
 * list: `['widget', 'allowedOrigins', '0']` is entry 0 of `widget.allowedOrigins`.
 */
export function fieldOfIssuePath(path: readonly string[]): { field: string; entry: number | null } | null {
  for (let length = path.length; length > 0; length -= 1) {
    const candidate = path.slice(0, length).join('.');
    if ((FIELD_PATHS as readonly string[]).includes(candidate)) {
      const rest = path[length];
      const entry = isListPath(candidate) && rest !== undefined && /^\d+$/.test(rest) ? Number(rest) : null;
      return { field: candidate, entry };
    }
  }
  return null;
}

/** A server message without details names its field in front: `bot.knowledgeBase.bodyField: …`. */
export function fieldOfMessage(message: string): { field: string; text: string } | null {
  const match = /^([A-Za-z0-9.]+): (.+)$/s.exec(message);
  if (!match?.[1] || !match[2]) return null;
  const located = fieldOfIssuePath(match[1].split('.'));
  return located ? { field: located.field, text: match[2] } : null;
}

/** Form errors are nested like the values: `{ widget: { allowedOrigins: '…' } }`. */
export function nestErrors(flat: Record<string, string>): Record<string, unknown> {
  const nested: Record<string, unknown> = {};
  for (const [path, message] of Object.entries(flat)) {
    const keys = path.split('.');
    let at = nested;
    keys.forEach((key, index) => {
      if (index === keys.length - 1) at[key] = message;
      else at = (at[key] ??= {}) as Record<string, unknown>;
    });
  }
  return nested;
}
