/**
 * Canned replies: the message templates agents insert from the reply box by typing `/` and a
 * shortcut. Shared replies belong to the team (managed with the settings permission), personal
 * ones to one agent. Pure rules: no Strapi, the time and time zone are always passed in.
 */
import { isNamed, withoutAgentName } from './agent-name';
import { SUPPORTED_LANGUAGES } from './conversation-status';

/** A reply's language: one the plugin speaks, or `all` for a reply that fits any conversation. */
export const REPLY_LANGUAGES = [...SUPPORTED_LANGUAGES, 'all'] as const;
export type ReplyLanguage = (typeof REPLY_LANGUAGES)[number];

export const REPLY_SCOPES = ['personal', 'shared'] as const;
export type ReplyScope = (typeof REPLY_SCOPES)[number];

/** The variables a reply can use; anything else in braces is left as written. */
export const REPLY_VARIABLES = ['customerName', 'agentName', 'nextOpening'] as const;
export type ReplyVariable = (typeof REPLY_VARIABLES)[number];
export type ReplyValues = Partial<Record<ReplyVariable, string | null>>;

/** Bounds of a reply, shared by the server's schema and the desk's form. */
export const CANNED_REPLY_LIMITS = {
  /** A lowercase slug typed after `/`: letters, digits and dashes, starting with a letter or digit. */
  shortcutPattern: /^[a-z0-9][a-z0-9-]*$/,
  shortcutMaxLength: 32,
  titleMaxLength: 120,
  textMaxLength: 2000,
} as const;

export interface CannedReply {
  id: number;
  /** The admin user a personal reply belongs to; `null` for a shared reply. */
  ownerId: number | null;
  shortcut: string;
  title: string;
  text: string;
  language: ReplyLanguage;
}

/**
 * Where a missing value would sit in a sentence. A customer's name is dropped together with the
 * space before it ("Hei {customerName}, kiitos" → "Hei, kiitos"): a greeting without a name
 * reads well, a placeholder in braces sent to a customer does not. An agent without a name is
 * "an agent" (`withoutAgentName`): "transferred to" cannot lose its object. An unknown opening time
 * becomes "soon" in the reply's language.
 */
const NEXT_OPENING_FALLBACK: Record<string, string> = { fi: 'pian', en: 'soon', sv: 'snart' };

const VARIABLE_IN_TEXT = /( ?)\{(customerName|agentName|nextOpening)\}/g;

/** Fills the reply variables in `text`, with the fallbacks above for values that are missing. */
export function renderReply(text: string, values: ReplyValues, language: string): string {
  const withAgent = isNamed(values.agentName) ? text : withoutAgentName(text, language);
  const filled = withAgent.replace(VARIABLE_IN_TEXT, (_whole, space: string, name: ReplyVariable) => {
    const value = values[name]?.trim();
    if (value) return `${space}${value}`;
    if (name === 'nextOpening') return `${space}${NEXT_OPENING_FALLBACK[language] ?? NEXT_OPENING_FALLBACK.en}`;
    return '';
  });
  return filled.trim();
}

const LOCALES: Record<string, string> = { fi: 'fi-FI', en: 'en-GB', sv: 'sv-SE' };

/**
 * The next opening as a customer reads it in a reply: weekday, date and time in the team's
 * time zone (the customer may be elsewhere), in the reply's language.
 */
export function formatOpening(instant: Date, timeZone: string, language: string): string {
  return new Intl.DateTimeFormat(LOCALES[language] ?? LOCALES.en, {
    timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(instant);
}

/**
 * The order the desk lists replies in for a conversation: its language first, then replies for
 * any language, then the other languages in the plugin's order; within each, by shortcut.
 * Without a conversation language, by language in the plugin's order.
 */
export function orderReplies<Reply extends Pick<CannedReply, 'id' | 'shortcut' | 'language'>>(
  replies: readonly Reply[],
  conversationLanguage: string | null,
): Reply[] {
  const rank = (language: string): number => {
    if (language === conversationLanguage) return 0;
    if (language === 'all') return 1;
    const index = (SUPPORTED_LANGUAGES as readonly string[]).indexOf(language);
    return 2 + (index === -1 ? SUPPORTED_LANGUAGES.length : index);
  };
  return [...replies].sort(
    (a, b) => rank(a.language) - rank(b.language) || a.shortcut.localeCompare(b.shortcut) || a.id - b.id,
  );
}

/**
 * The replies the reply box offers while an agent types `/` and some letters: those whose
 * shortcut starts with the letters first, then those whose shortcut or title contains them.
 * The input order (the conversation's language first) is kept within each group.
 */
export function filterReplies<Reply extends Pick<CannedReply, 'shortcut' | 'title'>>(
  replies: readonly Reply[],
  typed: string,
): Reply[] {
  const query = typed.trim().toLowerCase();
  if (!query) return [...replies];
  const starting = replies.filter((reply) => reply.shortcut.startsWith(query));
  const containing = replies.filter(
    (reply) =>
      !reply.shortcut.startsWith(query) &&
      (reply.shortcut.includes(query) || reply.title.toLowerCase().includes(query)),
  );
  return [...starting, ...containing];
}

/** A shortcut made from a title, for replies stored before shortcuts existed ("Lopetus" → "lopetus"). */
export function shortcutFromTitle(title: string): string {
  const slug = title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, CANNED_REPLY_LIMITS.shortcutMaxLength)
    .replace(/-+$/, '');
  return slug || 'reply';
}

/** Who may change a reply: its owner for a personal one, a settings manager for a shared one. */
export function mayChangeReply(
  reply: Pick<CannedReply, 'ownerId'>,
  agent: { id: number; canManageShared: boolean },
): 'allowed' | 'hidden' | 'forbidden' {
  if (reply.ownerId === null) return agent.canManageShared ? 'allowed' : 'forbidden';
  return reply.ownerId === agent.id ? 'allowed' : 'hidden';
}
