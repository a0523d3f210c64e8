import { isNamed, withoutAgentName } from './agent-name';
import { SUPPORTED_LANGUAGES, type TemplateCategory } from './conversation-status';

export interface TemplateDefinition {
  name: string;
  category: TemplateCategory;
  language: string;
  body: string;
}

/** A default template, with the shortcut agents type after `/` in the reply box. */
export interface DefaultTemplate extends TemplateDefinition {
  shortcut: string;
}

/** The templates every installation starts with, in Finnish, English and Swedish (docs/product.md#message-templates). */
export const DEFAULT_TEMPLATES: readonly DefaultTemplate[] = [
  {
    name: 'Tervehdys',
    shortcut: 'tervehdys',
    category: 'greeting',
    language: 'fi',
    body: 'Hei! Olen asiakaspalvelija {agentName}. Miten voin auttaa?',
  },
  {
    name: 'Siirto',
    shortcut: 'siirto',
    category: 'transfer',
    language: 'fi',
    body: 'Siirrän keskustelun kollegalleni, joka osaa auttaa paremmin.',
  },
  {
    name: 'Lopetus',
    shortcut: 'lopetus',
    category: 'closing',
    language: 'fi',
    body: 'Kiitos yhteydenotostasi! Onko vielä jotain, jossa voin auttaa?',
  },
  {
    name: 'Greeting',
    shortcut: 'greeting',
    category: 'greeting',
    language: 'en',
    body: "Hi! I'm customer service agent {agentName}. How can I help?",
  },
  {
    name: 'Transfer',
    shortcut: 'transfer',
    category: 'transfer',
    language: 'en',
    body: "I'm transferring the conversation to my colleague, who can help you better.",
  },
  {
    name: 'Closing',
    shortcut: 'closing',
    category: 'closing',
    language: 'en',
    body: 'Thank you for contacting us! Is there anything else I can help with?',
  },
  {
    name: 'Hälsning',
    shortcut: 'halsning',
    category: 'greeting',
    language: 'sv',
    body: 'Hej! Jag heter {agentName} och arbetar med kundtjänst. Hur kan jag hjälpa dig?',
  },
  {
    name: 'Överföring',
    shortcut: 'overforing',
    category: 'transfer',
    language: 'sv',
    body: 'Jag överför samtalet till en kollega som kan hjälpa dig bättre.',
  },
  {
    name: 'Avslutning',
    shortcut: 'avslutning',
    category: 'closing',
    language: 'sv',
    body: 'Tack för att du kontaktade oss! Finns det något mer jag kan hjälpa till med?',
  },
];

const PLACEHOLDER = /\{([a-zA-Z][a-zA-Z0-9_]*)\}/g;

/**
 * Fills `{name}` placeholders. An unknown placeholder is left as written so that an agent
 * sees the gap before sending rather than a silently shortened sentence.
 */
export function renderTemplate(body: string, values: Readonly<Record<string, string | undefined>>): string {
  return body.replace(PLACEHOLDER, (whole, key: string) => {
    const value = values[key];
    return value === undefined || value === '' ? whole : value;
  });
}

/** The placeholders a template body uses, in order of first appearance. */
export function listPlaceholders(body: string): string[] {
  const seen = new Set<string>();
  for (const match of body.matchAll(PLACEHOLDER)) seen.add(match[1]);
  return [...seen];
}

export interface StoredTemplate extends TemplateDefinition {
  id: number;
}

export interface RenderedTemplate extends StoredTemplate {
  /** The body with the placeholders this conversation can fill filled in. */
  text: string;
  /** Placeholders left as written because there was nothing to fill them with. */
  unfilled: string[];
}

const CATEGORY_ORDER: readonly TemplateCategory[] = ['greeting', 'transfer', 'closing', 'other'];

/**
 * The templates an agent picks from in one conversation: those in the conversation's language
 * first, then the others language by language (an agent may answer a Swedish speaker in English), each group in the
 * order a chat goes (greeting, transfer, closing, other), then by name.
 */
export function templatesForConversation(
  templates: readonly StoredTemplate[],
  language: string,
  values: Readonly<Record<string, string | undefined>>,
): RenderedTemplate[] {
  const languageRank = (templateLanguage: string): number => {
    if (templateLanguage === language) return 0;
    const index = (SUPPORTED_LANGUAGES as readonly string[]).indexOf(templateLanguage);
    return 1 + (index === -1 ? SUPPORTED_LANGUAGES.length : index);
  };
  const rank = (template: StoredTemplate) => [languageRank(template.language), CATEGORY_ORDER.indexOf(template.category)];
  return [...templates]
    .sort((a, b) => {
      const [aLanguage, aCategory] = rank(a);
      const [bLanguage, bCategory] = rank(b);
      return aLanguage - bLanguage || aCategory - bCategory || a.name.localeCompare(b.name) || a.id - b.id;
    })
    .map((template) => {
      // An agent without a name is "an agent" in the template's language, never a gap in the sentence.
      const body = isNamed(values.agentName) ? template.body : withoutAgentName(template.body, template.language);
      const text = renderTemplate(body, values);
      return { ...template, text, unfilled: listPlaceholders(text) };
    });
}
