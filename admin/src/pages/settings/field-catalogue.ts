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
 * Every field of the settings form, by its path in the form's values, and how it is edited.
 * What else a field shows is derived from its path: the label and hint translations
 * (`settings.<path>.label`, `settings.<path>.hint`, with a language segment left out) and the
 * range text, from the limits the server's schema is built from.
 */
export type FieldKind = 'number' | 'toggle' | 'list' | 'text' | 'longText' | 'select' | 'colour';

export const SETTING_FIELDS = {
  'queue.maxQueueLength': 'number',
  'queue.seatsPerAgent': 'number',
  'queue.showEstimatedWait': 'toggle',
  'queue.defaultWaitSeconds': 'number',
  'queue.enforceOpeningHours': 'toggle',
  'queue.requireOnlineAgent': 'toggle',
  'queue.reminderAfterMinutes': 'number',
  'queue.closeInactiveAfterMinutes': 'number',
  'queue.vipFirst': 'toggle',
  'queue.vipEmailDomains': 'list',
  'escalation.buttonEnabled': 'toggle',
  'escalation.phrases.enabled': 'toggle',
  ...eachLanguage('escalation.phrases.lists', '', 'list'),
  'escalation.keywords.enabled': 'toggle',
  'escalation.keywords.list': 'list',
  'escalation.failedAnswers.enabled': 'toggle',
  'escalation.failedAnswers.threshold': 'number',
  'escalation.frustration.enabled': 'toggle',
  'escalation.frustration.threshold': 'number',
  'escalation.frustration.window': 'number',
  'bot.provider': 'select',
  'bot.knowledgeBase.contentType': 'text',
  'bot.knowledgeBase.titleField': 'text',
  'bot.knowledgeBase.bodyField': 'text',
  'bot.knowledgeBase.languageField': 'text',
  'bot.knowledgeBase.confidenceThreshold': 'number',
  'bot.webhook.url': 'text',
  'bot.webhook.secret': 'text',
  'bot.webhook.removeSecret': 'toggle',
  'bot.webhook.timeoutMs': 'number',
  'widget.primaryColor': 'colour',
  'widget.position': 'select',
  ...eachLanguage('widget.texts', '.title', 'text'),
  ...eachLanguage('widget.texts', '.welcome', 'longText'),
  'widget.sound': 'toggle',
  'widget.allowedOrigins': 'list',
} as const satisfies Record<string, FieldKind>;

export type SettingFieldPath = keyof typeof SETTING_FIELDS;
export const SETTING_FIELD_PATHS = Object.keys(SETTING_FIELDS) as SettingFieldPath[];

export const isSettingFieldPath = (path: string): path is SettingFieldPath => path in SETTING_FIELDS;

const limitOf = <Limit>(limits: Record<string, Limit>, path: string): Limit | null => limits[path] ?? null;

export const numberLimitOf = (path: string): NumberLimit | null => limitOf<NumberLimit>(NUMBER_LIMITS, path);
export const listLimitOf = (path: string): ListLimit | null => limitOf<ListLimit>(LIST_LIMITS, path);
export const textLimitOf = (path: string): TextLimit | null => limitOf<TextLimit>(TEXT_LIMITS, path);

/** A translated message: its key (without the plugin's prefix) and the values it formats. */
export interface MessageRef {
  id: string;
  values: Record<string, number>;
}

export interface FieldDescription {
  kind: FieldKind;
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

/** All a field shows, derived from its path. `hintVariant` picks another hint (`hintSet`). */
export function describeField(path: SettingFieldPath, hintVariant = 'hint'): FieldDescription {
  const kind: FieldKind = SETTING_FIELDS[path];
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
    kind,
    language,
    messagePath,
    label: { id: `settings.${messagePath}.label`, values: {} },
    hint: { id: `settings.${messagePath}.${hintVariant}`, values: text ? { min: text.min, max: text.max } : {} },
    range,
    required: (kind === 'text' || kind === 'longText') && text !== null && !text.optional,
  };
}
