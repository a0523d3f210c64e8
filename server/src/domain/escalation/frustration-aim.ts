/**
 * Reading one customer message for frustration words: which tokens are negative words or
 * swearing, and whether one of them is aimed at the bot, the service or the conversation itself
 * ("botti on ihan turha", "this bot is useless", "värdelös bot", "mä en jaksa tätä paskaa", "wtf is
 * this bot"). Pure, like the rest of the folder.
 *
 * A negative word is aimed when, in the same clause and not negated, it stands close to
 *   - a word for the bot, the chat, the service or its answers (BOT_TARGETS), or "you"; or
 *   - "this" standing alone for the conversation ("tää on turhaa", "fuck this"), not "tämä tuote";
 * or when it is an exclamation of its own: the whole clause is the word ("Useless!", "ihan
 * turhaa", "absolutely useless"). Praise in the clause cancels it ("vitun hyvä palvelu").
 */
import {
  BOT_TARGETS,
  COPULAS,
  DEMONSTRATIVES,
  INTENSIFIERS,
  PRAISE_WORDS,
  SECOND_PERSON,
  SWEAR_WORDS,
} from './frustration-lexicon';
import { NEGATION_CUES } from './grammar-lexicon';
import { NEGATIVE_WORDS } from './lexicon';
import {
  foldDiacritics,
  matchesWord,
  normalizeText,
  tokenize,
  wordForm,
  type StemLanguage,
  type Token,
  type WordForm,
} from './text';

/**
 * At most this many words between a negative word and its target, intensifiers and articles not
 * counted: "botti on (ihan) turha" has one, "wtf is this bot" two. "Turha kysyä, mutta onko botti…"
 * is two clauses; "turha kysyä mutta onko botti" has three words between and is not aimed.
 */
export const MAX_AIM_GAP = 2;

export type FrustrationWordKind = 'negative' | 'swearing';

export interface FrustrationWord {
  /** Index in the message's tokens. */
  position: number;
  token: Token;
  kind: FrustrationWordKind;
}

/** A negative word aimed at the bot; `target` is `null` for an exclamation of its own ("Useless!"). */
export interface AimedWord {
  word: string;
  target: string | null;
}

export interface FrustrationReading {
  words: FrustrationWord[];
  aimed: AimedWord | null;
}

interface CompiledLists {
  negative: WordForm[];
  swearing: WordForm[];
  targets: WordForm[];
  praise: WordForm[];
  secondPerson: ReadonlySet<string>;
  demonstratives: readonly string[][];
  copulas: ReadonlySet<string>;
  intensifiers: ReadonlySet<string>;
  negations: ReadonlySet<string>;
}

const compiled = new Map<StemLanguage, CompiledLists>();

function listsFor(language: StemLanguage): CompiledLists {
  let lists = compiled.get(language);
  if (!lists) {
    const forms = (words: readonly string[]) => words.map((word) => wordForm(word, language));
    const typed = (words: readonly string[]) => new Set(words.map(normalizeText));
    lists = {
      negative: forms(NEGATIVE_WORDS[language]),
      swearing: forms(SWEAR_WORDS[language]),
      targets: forms(BOT_TARGETS[language]),
      praise: forms(PRAISE_WORDS[language]),
      secondPerson: typed(SECOND_PERSON[language]),
      demonstratives: DEMONSTRATIVES[language].map((entry) => normalizeText(entry).split(' ')),
      copulas: typed(COPULAS[language]),
      intensifiers: typed(INTENSIFIERS[language]),
      // Single-word cues only: a multi-word cue ("ei tarvitse", "no need") ends in a word that is one.
      // Folded, as the tokens they are compared with: "ala" is "älä" typed without dots.
      negations: new Set(
        NEGATION_CUES[language].filter((cue) => !cue.includes(' ')).map((cue) => foldDiacritics(normalizeText(cue))),
      ),
    };
    compiled.set(language, lists);
  }
  return lists;
}

const matchesAny = (token: Token, words: readonly WordForm[], language: StemLanguage) =>
  words.some((word) => matchesWord(token, word, language));

/** The length of the demonstrative ending at `position` ("det här" is 2), or 0. */
function demonstrativeEndingAt(tokens: readonly Token[], position: number, lists: CompiledLists): number {
  for (const words of lists.demonstratives) {
    const start = position - words.length + 1;
    if (start < 0) continue;
    const fits = words.every(
      (word, offset) => tokens[start + offset].text === word && tokens[start + offset].clause === tokens[position].clause,
    );
    if (fits) return words.length;
  }
  return 0;
}

interface ClauseView {
  tokens: readonly Token[];
  lists: CompiledLists;
  hitPositions: ReadonlySet<number>;
  clause: number;
}

const inClause = (view: ClauseView, position: number) =>
  position >= 0 && position < view.tokens.length && view.tokens[position].clause === view.clause;

const isIntensifier = (view: ClauseView, position: number) => view.lists.intensifiers.has(view.tokens[position].text);

/** The nearest position from `position` in `step` direction that is not an intensifier, or -1. */
function nextContent(view: ClauseView, position: number, step: 1 | -1): number {
  for (let at = position + step; inClause(view, at); at += step) if (!isIntensifier(view, at)) return at;
  return -1;
}

/**
 * "This" stands for the conversation when nothing but "is" or the negative word follows it ("tää
 * on turhaa", "tätä paskaa", "this is pointless", "fuck this", "I hate this"); "tämä tuote on
 * surkea" is about the product, and in "I hate that I forgot my password" "that" opens a clause.
 */
function demonstrativeStandsAlone(view: ClauseView, last: number): boolean {
  const after = nextContent(view, last, 1);
  return after < 0 || view.hitPositions.has(after) || view.lists.copulas.has(view.tokens[after].text);
}

/**
 * Where the bot, the service or "you" is named in the clause, as [first, last] token positions
 * (a two-word demonstrative spans two).
 */
function targetsOf(view: ClauseView, language: StemLanguage): Array<[number, number]> {
  const found: Array<[number, number]> = [];
  view.tokens.forEach((token, position) => {
    if (token.clause !== view.clause) return;
    if (view.lists.secondPerson.has(token.text) || matchesAny(token, view.lists.targets, language)) {
      found.push([position, position]);
      return;
    }
    const length = demonstrativeEndingAt(view.tokens, position, view.lists);
    if (length > 0 && demonstrativeStandsAlone(view, position)) {
      found.push([position - length + 1, position]);
    }
  });
  return found;
}

/**
 * Negated when a cue stands between the two, or right before the first of them (intensifiers and
 * a demonstrative skipped): "botti ei ole turha", "ei tää botti oo turha", "not a useless bot".
 * Only right before: in "mä en jaksa tätä paskaa" the "en" belongs to "jaksa".
 */
function isNegated(view: ClauseView, from: number, to: number): boolean {
  const isCue = (position: number) => view.lists.negations.has(view.tokens[position].folded);
  for (let at = from + 1; at < to; at++) if (isCue(at)) return true;
  let before = nextContent(view, from, -1);
  const demonstrative = before >= 0 ? demonstrativeEndingAt(view.tokens, before, view.lists) : 0;
  if (demonstrative > 0) before = nextContent(view, before - demonstrative + 1, -1);
  return before >= 0 && isCue(before);
}

const wordsBetween = (view: ClauseView, from: number, to: number): number => {
  let count = 0;
  for (let at = from + 1; at < to; at++) if (!isIntensifier(view, at)) count += 1;
  return count;
};

/**
 * "Sorry if this is a stupid question", "tämä on tyhmä kysymys": after a demonstrative, a negative
 * word followed by one last word of the clause that is neither the bot nor another negative word
 * qualifies that word, not the conversation.
 */
function qualifiesLastWord(view: ClauseView, language: StemLanguage, hit: FrustrationWord, targetStart: number): boolean {
  const target = view.tokens[targetStart];
  const isDemonstrative = !view.lists.secondPerson.has(target.text) && !matchesAny(target, view.lists.targets, language);
  if (!isDemonstrative || hit.position < targetStart) return false;
  const next = nextContent(view, hit.position, 1);
  return (
    next >= 0 &&
    !inClause(view, next + 1) &&
    !view.hitPositions.has(next) &&
    !matchesAny(view.tokens[next], view.lists.targets, language)
  );
}

function aimedIn(view: ClauseView, language: StemLanguage, hits: readonly FrustrationWord[], exclaimed: boolean): AimedWord | null {
  const clauseTokens = view.tokens.filter((token) => token.clause === view.clause);
  if (clauseTokens.some((token) => matchesAny(token, view.lists.praise, language))) return null;
  const targets = targetsOf(view, language);
  for (const hit of hits) {
    for (const [first, last] of targets) {
      if (hit.position >= first && hit.position <= last) continue;
      if (qualifiesLastWord(view, language, hit, first)) continue;
      const [from, to] = hit.position < first ? [hit.position, first] : [last, hit.position];
      if (wordsBetween(view, from, to) > MAX_AIM_GAP || isNegated(view, from, to)) continue;
      const target = view.tokens.slice(first, last + 1).map((token) => token.text).join(' ');
      return { word: hit.token.text, target };
    }
    // An exclamation of its own: the clause is the negative word, said with an intensifier or "!".
    // Not swearing: "Shit, I forgot my password" is not about us.
    if (hit.kind !== 'negative') continue;
    const content = clauseTokens.filter((token) => !view.lists.intensifiers.has(token.text));
    if (content.length === 1 && (exclaimed || clauseTokens.length > 1)) {
      return { word: hit.token.text, target: null };
    }
  }
  return null;
}

/** The negative words and swearing of `message` in one list language, and the first one aimed at the bot. */
export function readForFrustration(message: string, language: StemLanguage): FrustrationReading {
  const lists = listsFor(language);
  const tokens = tokenize(message, language);
  const words: FrustrationWord[] = [];
  tokens.forEach((token, position) => {
    if (matchesAny(token, lists.negative, language)) words.push({ position, token, kind: 'negative' });
    else if (matchesAny(token, lists.swearing, language)) words.push({ position, token, kind: 'swearing' });
  });
  if (words.length === 0) return { words, aimed: null };
  const hitPositions = new Set(words.map((word) => word.position));
  const exclaimed = message.includes('!');
  const clauses = [...new Set(words.map((word) => word.token.clause))];
  for (const clause of clauses) {
    const view: ClauseView = { tokens, lists, hitPositions, clause };
    const aimed = aimedIn(view, language, words.filter((word) => word.token.clause === clause), exclaimed);
    if (aimed) return { words, aimed };
  }
  return { words, aimed: null };
}
