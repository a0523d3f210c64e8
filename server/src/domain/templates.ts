import type { TemplateCategory } from './conversation-status';

export interface TemplateDefinition {
  name: string;
  category: TemplateCategory;
  language: string;
  body: string;
}

/** PRODUCT.md §5: the templates every installation starts with, in Finnish and English. */
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
