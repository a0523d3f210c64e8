/**
 * What a customer reads where a text says `{agentName}` (a system message, a template, a canned
 * reply) when no name is known for the agent: a deleted account, a blank name. Dropping the
 * placeholder would leave "The conversation was transferred to." and showing it leaves braces,
 * so the text says "an agent" in the conversation's language instead. Pure: no Strapi.
 */
import { SUPPORTED_LANGUAGES, type SupportedLanguage } from './conversation-status';

/** "An agent" as it reads inside a sentence; it is capitalised where a sentence starts with it. */
export const UNNAMED_AGENT: Record<SupportedLanguage, string> = {
  fi: 'asiakaspalvelija',
  en: 'an agent',
  sv: 'en kundtjänstmedarbetare',
};

/**
 * The stem of the word for an agent, in any inflection: when it stands right before the
 * placeholder ("Olen asiakaspalvelija {agentName}", "siirrettiin asiakaspalvelijalle
 * {agentName}"), the name was only an apposition and the sentence reads whole without it.
 */
const AGENT_WORD_STEM: Record<SupportedLanguage, string> = {
  fi: 'asiakaspalvelij',
  en: 'agent',
  sv: 'medarbetare',
};

const AGENT_NAME = /(\S*)( ?)\{agentName\}/g;
const ENDS_SENTENCE = /[.!?]$/;

const languageOf = (language: string): SupportedLanguage =>
  (SUPPORTED_LANGUAGES as readonly string[]).includes(language) ? (language as SupportedLanguage) : 'en';

const capitalised = (text: string) => text.charAt(0).toLocaleUpperCase() + text.slice(1);

/** Whether a display name says anything: null, empty and blank names do not. */
export const isNamed = (displayName: string | null | undefined): displayName is string => Boolean(displayName?.trim());

/**
 * `text` as it reads when the agent has no name: each `{agentName}` becomes "an agent" in
 * `language` (English for a language the plugin does not speak), capitalised at the start of a
 * sentence, or goes with the space before it after the word for an agent. A known name is
 * filled in by the text's own single pass with its other placeholders, so that a value is never
 * read as a placeholder again.
 */
export function withoutAgentName(text: string, language: string): string {
  const lang = languageOf(language);
  return text.replace(AGENT_NAME, (_whole, before: string, space: string, offset: number) => {
    if (before.toLocaleLowerCase().includes(AGENT_WORD_STEM[lang])) return before;
    const textBefore = before === '' ? text.slice(0, offset).trimEnd() : before;
    const startsSentence = textBefore === '' || ENDS_SENTENCE.test(textBefore);
    return `${before}${space}${startsSentence ? capitalised(UNNAMED_AGENT[lang]) : UNNAMED_AGENT[lang]}`;
  });
}
