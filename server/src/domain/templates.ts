import type { TemplateCategory } from './conversation-status';

export interface TemplateDefinition {
  name: string;
  category: TemplateCategory;
  language: string;
  body: string;
}

/** The templates every installation starts with, in Finnish and English (docs/product.md#message-templates). */
export const DEFAULT_TEMPLATES: readonly TemplateDefinition[] = [
  {
    name: 'Tervehdys',
    category: 'greeting',
    language: 'fi',
    body: 'Hei! Olen asiakaspalvelija {agentName}. Miten voin auttaa?',
  },
  {
    name: 'Siirto',
    category: 'transfer',
    language: 'fi',
    body: 'Siirrän keskustelun kollegalleni, joka osaa auttaa paremmin.',
  },
  {
    name: 'Lopetus',
    category: 'closing',
    language: 'fi',
    body: 'Kiitos yhteydenotostasi! Onko vielä jotain, jossa voin auttaa?',
  },
  {
    name: 'Greeting',
    category: 'greeting',
    language: 'en',
    body: "Hi! I'm customer service agent {agentName}. How can I help?",
  },
  {
    name: 'Transfer',
    category: 'transfer',
    language: 'en',
    body: "I'm transferring the conversation to my colleague, who can help you better.",
  },
  {
    name: 'Closing',
    category: 'closing',
    language: 'en',
    body: 'Thank you for contacting us! Is there anything else I can help with?',
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
 * first, then the others (an agent may answer a Swedish speaker in English), each group in the
 * order a chat goes (greeting, transfer, closing, other), then by name.
 */
export function templatesForConversation(
  templates: readonly StoredTemplate[],
  language: string,
  values: Readonly<Record<string, string | undefined>>,
): RenderedTemplate[] {
  const rank = (template: StoredTemplate) => [
    template.language === language ? 0 : 1,
    CATEGORY_ORDER.indexOf(template.category),
  ];
  return [...templates]
    .sort((a, b) => {
      const [aLanguage, aCategory] = rank(a);
      const [bLanguage, bCategory] = rank(b);
      return aLanguage - bLanguage || aCategory - bCategory || a.name.localeCompare(b.name) || a.id - b.id;
    })
    .map((template) => {
      const text = renderTemplate(template.body, values);
      return { ...template, text, unfilled: listPlaceholders(text) };
    });
}
