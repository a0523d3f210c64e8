/**
 * The texts a customer reads that a site owner may reword, per language: the catalogue of keys,
 * each with its default wording, where it appears and the placeholders it may use; the rules an
 * owner's wording must follow; and how an override replaces a default. Only overrides are
 * stored (the `texts` settings section); the defaults stay here, so a new version's better
 * default reaches every site that did not reword that text. Pure: no Strapi, no clock.
 */
import { isNamed, withoutAgentName } from './agent-name';
import { SUPPORTED_LANGUAGES, type SupportedLanguage } from './conversation-status';
import { SYSTEM_TEXTS, type SystemTextKey } from './system-texts';

/** The placeholders a text may use, and what each stands for. */
export const TEXT_PLACEHOLDERS = ['agentName', 'nextOpening', 'position', 'minutes'] as const;
export type TextPlaceholder = (typeof TEXT_PLACEHOLDERS)[number];

type PerLanguage = Record<SupportedLanguage, string>;

interface CustomerTextEntry {
  /** `message`: a line the server posts into the conversation (or an email subject); `widget`: shown by the widget. */
  where: 'message' | 'widget';
  placeholders: readonly TextPlaceholder[];
  defaults: PerLanguage;
}

const message = (key: SystemTextKey, placeholders: readonly TextPlaceholder[] = []) => ({
  where: 'message' as const,
  placeholders,
  defaults: SYSTEM_TEXTS[key],
});

const widget = (defaults: PerLanguage, placeholders: readonly TextPlaceholder[] = []) => ({
  where: 'widget' as const,
  placeholders,
  defaults,
});

/**
 * Every editable text, in the order the settings page lists them. The widget's defaults are its
 * built-in sentences written as templates (the widget keeps its own copy, which also knows
 * English plurals; a unit test keeps both saying the same). The widget's title and welcome are
 * edited with the widget's other settings and are not repeated here.
 */
export const CUSTOMER_TEXTS = {
  queued: message('queued'),
  queue_position: widget(
    { fi: 'Olet jonossa sijalla {position}.', en: 'You are number {position} in the queue.', sv: 'Du är nummer {position} i kön.' },
    ['position'],
  ),
  queue_wait: widget(
    {
      fi: 'Olet jonossa sijalla {position}, odotusaika noin {minutes} min.',
      en: 'You are number {position} in the queue, about {minutes} minutes.',
      sv: 'Du är nummer {position} i kön, cirka {minutes} min.',
    },
    ['position', 'minutes'],
  ),
  queue_soon: widget(
    {
      fi: 'Olet jonossa sijalla {position}, vuorosi tulee aivan pian.',
      en: 'You are number {position} in the queue, any moment now.',
      sv: 'Du är nummer {position} i kön, snart är det din tur.',
    },
    ['position'],
  ),
  queue_waiting: widget({ fi: 'Odotat asiakaspalvelijaa.', en: 'You are waiting for an agent.', sv: 'Du väntar på kundtjänst.' }),
  closed_notice: widget(
    {
      fi: 'Asiakaspalvelu on nyt suljettu, avaamme {nextOpening}.',
      en: 'Customer service is closed now; we open {nextOpening}.',
      sv: 'Kundtjänsten är stängd nu, vi öppnar {nextOpening}.',
    },
    ['nextOpening'],
  ),
  offline_closed: message('offline_closed', ['nextOpening']),
  offline_queue_full: message('offline_queue_full'),
  offline_no_agent: message('offline_no_agent'),
  offline_form_intro: widget({
    fi: 'Jätä viesti, niin vastaamme pian.',
    en: 'Leave a message and we will get back to you.',
    sv: 'Lämna ett meddelande så hör vi av oss.',
  }),
  offline_sent: widget({
    fi: 'Kiitos! Viestisi on lähetetty.',
    en: 'Thank you! We received your message.',
    sv: 'Tack! Vi har fått ditt meddelande.',
  }),
  claimed: message('claimed', ['agentName']),
  transferred_to_queue: message('transferred_to_queue'),
  transferred_to_agent: message('transferred_to_agent', ['agentName']),
  resolved: message('resolved'),
  closed_inactive: message('closed_inactive'),
  left_queue: widget({ fi: 'Poistuit jonosta.', en: 'You left the queue.', sv: 'Du lämnade kön.' }),
  rating_prompt: widget({ fi: 'Miten onnistuimme? (1–5)', en: 'How did we do? (1–5)', sv: 'Hur gick det? (1–5)' }),
  rating_thanks: widget({ fi: 'Kiitos palautteestasi!', en: 'Thank you for your feedback!', sv: 'Tack för din feedback!' }),
  default_bot_reply: message('default_bot_reply'),
  offline_reply_subject: message('offline_reply_subject'),
} as const satisfies Record<string, CustomerTextEntry>;

export type CustomerTextKey = keyof typeof CUSTOMER_TEXTS;
export const CUSTOMER_TEXT_KEYS = Object.keys(CUSTOMER_TEXTS) as CustomerTextKey[];
export type WidgetTextKey = { [Key in CustomerTextKey]: (typeof CUSTOMER_TEXTS)[Key]['where'] extends 'widget' ? Key : never }[CustomerTextKey];
export const WIDGET_TEXT_KEYS = CUSTOMER_TEXT_KEYS.filter((key) => CUSTOMER_TEXTS[key].where === 'widget') as WidgetTextKey[];

/** The owner's wording of some texts: `{ closed_notice: { fi: '…' } }`. Absent: the default. */
export type TextOverrides = Partial<Record<CustomerTextKey, Partial<PerLanguage>>>;

/** The longest text an owner may write; the longest default is under half of it. */
export const CUSTOMER_TEXT_MAX_LENGTH = 500;

export type TextProblem =
  | { code: 'empty' }
  | { code: 'tooLong'; max: number }
  | { code: 'unbalancedBraces' }
  | { code: 'unknownPlaceholder'; placeholder: string; allowed: readonly TextPlaceholder[] }
  | { code: 'markup' };

const PLACEHOLDER = /\{([^{}]*)\}/g;
/** A tag's start: the widget shows text only, so `<b>` would reach the customer as written. */
const MARKUP = /<\/?[a-z!]/i;

/** What is wrong with an owner's wording of `key` (already trimmed); none: it can be saved. */
export function textProblems(key: CustomerTextKey, text: string): TextProblem[] {
  if (text === '') return [{ code: 'empty' }];
  const problems: TextProblem[] = [];
  if (text.length > CUSTOMER_TEXT_MAX_LENGTH) problems.push({ code: 'tooLong', max: CUSTOMER_TEXT_MAX_LENGTH });
  // With the placeholders taken out, no brace may be left: `{name`, `name}` and `{{x}}` are mistakes.
  if (/[{}]/.test(text.replace(PLACEHOLDER, ''))) problems.push({ code: 'unbalancedBraces' });
  const allowed = CUSTOMER_TEXTS[key].placeholders;
  for (const [, name = ''] of text.matchAll(PLACEHOLDER)) {
    if (!(allowed as readonly string[]).includes(name)) problems.push({ code: 'unknownPlaceholder', placeholder: `{${name}}`, allowed });
  }
  if (MARKUP.test(text)) problems.push({ code: 'markup' });
  return problems;
}

/** The wording of `key` in `language`: the owner's when they wrote one, else the default (English for an unknown language). */
export function customerTemplate(key: CustomerTextKey, language: string, overrides: TextOverrides = {}): string {
  const lang = (SUPPORTED_LANGUAGES as readonly string[]).includes(language) ? (language as SupportedLanguage) : 'en';
  return overrides[key]?.[lang] ?? CUSTOMER_TEXTS[key].defaults[lang];
}

/** Fills `{name}` placeholders; a placeholder without a value stays as written. */
export function fillPlaceholders(template: string, values: Partial<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

/** The widget's overrides in one language, as the widget configuration carries them. */
export function widgetOverrides(overrides: TextOverrides, language: SupportedLanguage): Partial<Record<WidgetTextKey, string>> {
  const texts: Partial<Record<WidgetTextKey, string>> = {};
  for (const key of WIDGET_TEXT_KEYS) {
    const text = overrides[key]?.[language];
    if (text !== undefined) texts[key] = text;
  }
  return texts;
}

/**
 * A system message (or the fallback bot's reply, an email subject) in the conversation's
 * language, with the owner's wording when there is one. An owner's wording that needs a value
 * not known this time (`{nextOpening}` with no opening ahead) gives way to the default, which
 * never needs one it may lack: a customer never reads a placeholder. An agent without a name
 * is "an agent" in that language (`withoutAgentName`).
 */
export function systemText(
  key: SystemTextKey,
  language: string,
  values: Partial<Record<TextPlaceholder, string>> = {},
  overrides: TextOverrides = {},
): string {
  const named = isNamed(values.agentName);
  const fill = (template: string) => fillPlaceholders(named ? template : withoutAgentName(template, language), values);
  const filled = fill(customerTemplate(key, language, overrides));
  return /\{\w+\}/.test(filled) ? fill(customerTemplate(key, language)) : filled;
}
