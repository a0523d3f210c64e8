import {
  eachLanguage,
  LIST_LIMITS,
  NUMBER_LIMITS,
  SUPPORTED_LANGUAGES,
  TEXT_LIMITS,
  type ListLimit,
  type NumberLimit,
  type SupportedLanguage,
  type TextLimit,
} from '../../shared';

/**
 * Every field of the settings form, by its path in the form's values: how it is edited and laid
 * out. What else a field shows is derived from its path: the label and hint translations
 * (`settings.<path>.label`, `settings.<path>.hint`, with a language segment left out) and the
 * range text, from the limits the server's schema is built from.
 */
export type FieldKind = 'number' | 'toggle' | 'list' | 'text' | 'longText' | 'select' | 'colour';

export interface FieldSpec {
  kind: FieldKind;
  /** Its share of the section's width; half unless said (a per-language field has a column). */
  width?: 'half' | 'third' | 'full';
  /** Rows of a list. */
  rows?: number;
  /** A number input's step; 1 unless said. */
  step?: number;
  /** What a text input takes, fills in and suggests. */
  type?: 'text' | 'url' | 'password';
  autoComplete?: string;
  placeholder?: string;
  /** The id of a `<datalist>` with suggestions (see `SUGGESTION_LISTS`). */
  suggestions?: string;
}

/** The `<datalist>`s of the bot section, which suggest collections and their fields. */
export const SUGGESTION_LISTS = {
  contentTypes: 'live-support-content-types',
  textFields: 'live-support-text-fields',
  languageFields: 'live-support-language-fields',
} as const;

const number: FieldSpec = { kind: 'number' };
const toggle: FieldSpec = { kind: 'toggle' };
const fieldName: FieldSpec = { kind: 'text', suggestions: SUGGESTION_LISTS.textFields };

export const SETTING_FIELDS = {
  'queue.maxQueueLength': number,
  'queue.seatsPerAgent': number,
  'queue.showEstimatedWait': toggle,
  'queue.defaultWaitSeconds': number,
  'queue.enforceOpeningHours': toggle,
  'queue.requireOnlineAgent': toggle,
  'queue.reminderAfterMinutes': number,
  'queue.closeInactiveAfterMinutes': number,
  'queue.abandonAfterSeconds': number,
  'queue.maxWaitMinutes': number,
  'queue.vipFirst': toggle,
  'queue.vipEmailDomains': { kind: 'list', rows: 4 },
  'escalation.buttonEnabled': { ...toggle, width: 'full' },
  'escalation.phrases.enabled': { ...toggle, width: 'full' },
  ...eachLanguage('escalation.phrases.lists', '', { kind: 'list', rows: 8 } satisfies FieldSpec),
  'escalation.keywords.enabled': toggle,
  'escalation.keywords.list': { kind: 'list', rows: 6 },
  'escalation.failedAnswers.enabled': toggle,
  'escalation.failedAnswers.threshold': number,
  'escalation.frustration.enabled': { ...toggle, width: 'full' },
  'escalation.frustration.threshold': { ...number, step: 0.05 },
  'escalation.frustration.window': number,
  'escalation.intent.enabled': toggle,
  'escalation.intent.threshold': { ...number, step: 0.01 },
  'bot.provider': { kind: 'select', width: 'full' },
  'bot.closeAfterMinutes': number,
  'bot.knowledgeBase.contentType': {
    kind: 'text',
    width: 'full',
    suggestions: SUGGESTION_LISTS.contentTypes,
    placeholder: 'api::faq.faq',
  },
  'bot.knowledgeBase.titleField': fieldName,
  'bot.knowledgeBase.bodyField': fieldName,
  'bot.knowledgeBase.languageField': { ...fieldName, suggestions: SUGGESTION_LISTS.languageFields },
  'bot.knowledgeBase.confidenceThreshold': { ...number, step: 0.05 },
  'bot.webhook.url': { kind: 'text', type: 'url', width: 'full', placeholder: 'https://bot.example.com/live-support' },
  'bot.webhook.secret': { kind: 'text', type: 'password', autoComplete: 'new-password' },
  'bot.webhook.removeSecret': toggle,
  'bot.webhook.timeoutMs': { ...number, step: 100 },
  'widget.primaryColor': { kind: 'colour' },
  'widget.position': { kind: 'select' },
  ...eachLanguage('widget.texts', '.title', { kind: 'text' } satisfies FieldSpec),
  ...eachLanguage('widget.texts', '.welcome', { kind: 'longText' } satisfies FieldSpec),
  'widget.sound': toggle,
  'widget.allowedOrigins': { kind: 'list', rows: 4 },
  'retention.keepDays': number,
  'retention.action': { kind: 'select' },
  'identity.verification': { kind: 'select' },
  'identity.secret': { kind: 'text', type: 'password', autoComplete: 'new-password' },
  'identity.removeSecret': toggle,
} satisfies Record<string, FieldSpec>;

export type SettingFieldPath = keyof typeof SETTING_FIELDS;
export const SETTING_FIELD_PATHS = Object.keys(SETTING_FIELDS) as SettingFieldPath[];

export const isSettingFieldPath = (path: string): path is SettingFieldPath => path in SETTING_FIELDS;

const limitOf = <Limit>(limits: Record<string, Limit>, path: string): Limit | null => limits[path] ?? null;

const numberLimitOf = (path: string): NumberLimit | null => limitOf<NumberLimit>(NUMBER_LIMITS, path);
const listLimitOf = (path: string): ListLimit | null => limitOf<ListLimit>(LIST_LIMITS, path);
const textLimitOf = (path: string): TextLimit | null => limitOf<TextLimit>(TEXT_LIMITS, path);

/** A translated message: its key (without the plugin's prefix) and the values it formats. */
export interface MessageRef {
  id: string;
  values: Record<string, number>;
}

export interface FieldDescription extends FieldSpec {
  /** The language of a per-language field (`widget.texts.fi.title`): the label names it. */
  language: SupportedLanguage | null;
  /** The path its translations are named after: the field's path without a language. */
  messagePath: string;
  label: MessageRef;
  /** The hint, given the limits it may quote (`{min}`, `{max}`). */
  hint: MessageRef;
  /** What the form adds after the hint: a number's range or a list's length; null for others. */
  range: MessageRef | null;
  /** A text the server refuses empty. */
  required: boolean;
}

const isLanguage = (segment: string): segment is SupportedLanguage => (SUPPORTED_LANGUAGES as readonly string[]).includes(segment);

/** Which hint a field shows: a write-only secret's tells whether one is stored (`hintSet`). */
export type HintVariant = 'hint' | 'hintSet';

/** All a field shows, derived from its path. */
export function describeField(path: SettingFieldPath, hintVariant: HintVariant = 'hint'): FieldDescription {
  const spec: FieldSpec = SETTING_FIELDS[path];
  const { kind } = spec;
  const segments = path.split('.');
  const language = segments.find(isLanguage) ?? null;
  const messagePath = segments.filter((segment) => segment !== language).join('.');
  const numbers = numberLimitOf(path);
  const list = listLimitOf(path);
  const text = textLimitOf(path);
  const range: MessageRef | null = numbers
    ? { id: 'settings.hint.range', values: { min: numbers.min, max: numbers.max } }
    : list
      ? { id: 'settings.hint.list', values: { max: list.maxEntries } }
      : null;
  return {
    ...spec,
    language,
    messagePath,
    label: { id: `settings.${messagePath}.label`, values: {} },
    hint: { id: `settings.${messagePath}.${hintVariant}`, values: text ? { min: text.min, max: text.max } : {} },
    range,
    required: (kind === 'text' || kind === 'longText') && text !== null && !text.optional,
  };
}
