/**
 * When the bot hands a conversation to a person (PRODUCT.md §2): the customer asks for one (a
 * phrase), names something a bot must not handle (a keyword), gets frustrated, or the bot fails
 * to answer several times in a row. Pure: the caller passes the message, the earlier customer
 * messages, the bot's outcome history and the settings.
 *
 * How a message is read, in short (docs/escalation.md has the long version):
 * - tokens are stemmed and folded (text.ts), so inflections, capitals and missing ä/ö/å match;
 * - a phrase matches its content words in order, with at most MAX_PHRASE_GAP other words between
 *   two of them (function words such as "a", "to", "med" do not count);
 * - a one-word phrase fires only in a clause of request filler (isPlainRequest);
 * - a negation cue shortly before, in the same clause, cancels a match (isNegated).
 */
import { type EscalationTrigger } from '../conversation-status';
import { frustrationScore, describeSignalKind } from './frustration';
import {
  BOT_WORDS,
  DEFAULT_KEYWORDS,
  DEFAULT_PHRASES,
  FUNCTION_WORDS,
  IDENTITY_QUESTION_CUES,
  NEGATION_CUES,
  REQUEST_FILLERS,
  SCOPE_BREAK_WORDS,
  type LexiconLanguage,
} from './lexicon';
import { languagesToTry, matchesWord, tokenize, type StemLanguage, type Token, type WordForm } from './text';

export interface EscalationSettings {
  phrases: { enabled: boolean; lists: Record<'fi' | 'en' | 'sv', string[]> };
  keywords: { enabled: boolean; list: string[] };
  /** Escalate after this many failed bot answers in a row. */
  failedAnswers: { enabled: boolean; threshold: number };
  /** Escalate when the score over the last `window` customer messages reaches `threshold`. */
  frustration: { enabled: boolean; threshold: number; window: number };
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

/**
 * Frozen, so that code which edits "the settings" by mistake on the defaults fails loudly instead
 * of changing detection for every conversation: copy before editing (e.g. `structuredClone`).
 */
export const DEFAULT_ESCALATION_SETTINGS: EscalationSettings = deepFreeze({
  phrases: {
    enabled: true,
    lists: { fi: [...DEFAULT_PHRASES.fi], en: [...DEFAULT_PHRASES.en], sv: [...DEFAULT_PHRASES.sv] },
  },
  keywords: { enabled: true, list: [...DEFAULT_KEYWORDS] },
  failedAnswers: { enabled: true, threshold: 2 },
  frustration: { enabled: true, threshold: 0.6, window: 4 },
});

type DetectionTrigger = Extract<EscalationTrigger, 'phrase' | 'keyword' | 'failed_answers' | 'frustration'>;

export type EscalationDecision =
  | { escalate: false }
  | {
      escalate: true;
      trigger: DetectionTrigger;
      /** Short English explanation for agents. */
      reason: string;
      /** The phrase or keyword as written in the settings; `null` for failed answers and frustration. */
      matched: string | null;
      /** The frustration score, for trigger 'frustration' only. */
      score?: number;
    };

const NO_ESCALATION: EscalationDecision = Object.freeze({ escalate: false });

/** Other words allowed between two consecutive phrase words, not counting function words. */
export const MAX_PHRASE_GAP = 2;
/**
 * How many words before a phrase a negation cue still cancels it. Four covers the auxiliaries of a
 * negated verb: "I don't want to | talk to a person", "en halua | puhua ihmisen kanssa".
 */
export const PHRASE_NEGATION_WINDOW = 4;
/**
 * The same for keywords. A keyword is a noun, negated by the word or two right before it: "no
 * complaints", "ei valitusta", "inga klagomål", "this is not a complaint". A wider window would
 * swallow "why don't you accept my complaint".
 */
export const KEYWORD_NEGATION_WINDOW = 2;

/** A closed word list, for constant-time lookups by spelling or by stem. */
interface WordSet {
  spellings: Set<string>;
  stems: Set<string>;
}

function wordSet(words: readonly WordForm[]): WordSet {
  return { spellings: new Set(words.map((word) => word.folded)), stems: new Set(words.map((word) => word.stem)) };
}

/** Filler and function words: same spelling or same stem, so "oikean"/"oikealle" both count. */
const hasWord = (set: WordSet, token: WordForm): boolean => set.spellings.has(token.folded) || set.stems.has(token.stem);
/**
 * Negation and question cues, conjunctions: same spelling only. They are short closed-class words
 * whose stems collide with open ones ("puhunko" and "puhua" share the stem "puhu", "oletko" and
 * "ole" the stem "ole"); every form that counts is listed.
 */
const isSpelledAs = (token: WordForm, word: WordForm): boolean => token.folded === word.folded;

/** Lexicon lists of one language, compiled once. */
interface LanguageProfile {
  language: StemLanguage;
  negationCues: WordForm[][];
  identityQuestionCues: WordForm[][];
  fillers: WordSet;
  botWords: WordSet;
  functionWords: WordSet;
  scopeBreaks: WordSet;
  /** Every word of the lists above: what grammarLanguage counts. */
  grammarWords: WordSet;
}

const toForms = (text: string, language: StemLanguage): WordForm[] =>
  tokenize(text, language).map(({ folded, stem }) => ({ folded, stem }));

const profiles = new Map<StemLanguage, LanguageProfile>();

function profileFor(language: StemLanguage): LanguageProfile {
  let profile = profiles.get(language);
  if (!profile) {
    const sequences = (entries: readonly string[]): WordForm[][] =>
      entries.map((entry) => toForms(entry, language)).filter((forms) => forms.length > 0);
    const words = (entries: readonly string[]): WordForm[] => sequences(entries).flat();
    const lexiconLanguage: LexiconLanguage = language;
    const negationCues = sequences(NEGATION_CUES[lexiconLanguage]);
    const identityQuestionCues = sequences(IDENTITY_QUESTION_CUES[lexiconLanguage]);
    const fillers = words(REQUEST_FILLERS[lexiconLanguage]);
    const botWords = words(BOT_WORDS[lexiconLanguage]);
    const functionWords = words(FUNCTION_WORDS[lexiconLanguage]);
    const scopeBreaks = words(SCOPE_BREAK_WORDS[lexiconLanguage]);
    profile = {
      language,
      negationCues,
      identityQuestionCues,
      fillers: wordSet(fillers),
      botWords: wordSet(botWords),
      functionWords: wordSet(functionWords),
      // Spelling only (see isSpelledAs): the stems set stays empty.
      scopeBreaks: { spellings: new Set(scopeBreaks.map((word) => word.folded)), stems: new Set() },
      grammarWords: wordSet([
        ...negationCues.flat(),
        ...identityQuestionCues.flat(),
        ...fillers,
        ...functionWords,
        ...scopeBreaks,
      ]),
    };
    profiles.set(language, profile);
  }
  return profile;
}

/** Token positions [first, last] of a cue occurrence. */
type Span = readonly [number, number];

/** A message as read in one language: its tokens and where the grammar words are. */
interface Reading {
  profile: LanguageProfile;
  tokens: Token[];
  /**
   * Scope of each token: a clause (punctuation) cut further at conjunctions ("mutta", "but",
   * "men"), which get -1 themselves. A negation and what it negates, a phrase's words, and a
   * one-word phrase's filler must all be in one scope.
   */
  scopes: number[];
  negations: Span[];
  identityQuestions: Span[];
  /** Positions of "not the bot" contrasts (see negatedBotPositions). */
  negatedBot: Set<number>;
}

function scopesOf(tokens: readonly Token[], profile: LanguageProfile): number[] {
  let scope = 0;
  let clause = tokens[0]?.clause ?? 0;
  return tokens.map((token) => {
    if (token.clause !== clause) {
      scope += 1;
      clause = token.clause;
    }
    if (profile.scopeBreaks.spellings.has(token.folded)) {
      scope += 1;
      return -1;
    }
    return scope;
  });
}

/** Contiguous occurrences of cues (word sequences), each inside one scope. */
function findCues(tokens: readonly Token[], scopes: readonly number[], cues: readonly WordForm[][]): Span[] {
  const found: Span[] = [];
  for (const cue of cues) {
    for (let start = 0; start + cue.length <= tokens.length; start++) {
      const end = start + cue.length - 1;
      if (scopes[start] < 0 || scopes[end] !== scopes[start]) continue;
      if (cue.every((word, offset) => isSpelledAs(tokens[start + offset], word))) found.push([start, end]);
    }
  }
  return found;
}

/**
 * Positions of "not the bot" contrasts: a negation cue whose next word (function words skipped)
 * is a bot word, with everything in between: "enkä bottia", "not a bot", "inte en bot".
 */
function negatedBotPositions(
  tokens: readonly Token[],
  scopes: readonly number[],
  negations: readonly Span[],
  profile: LanguageProfile,
): Set<number> {
  const positions = new Set<number>();
  for (const [cueStart, cueEnd] of negations) {
    let next = cueEnd + 1;
    while (next < tokens.length && scopes[next] === scopes[cueStart] && hasWord(profile.functionWords, tokens[next])) next += 1;
    if (next >= tokens.length || scopes[next] !== scopes[cueStart] || !hasWord(profile.botWords, tokens[next])) continue;
    for (let position = cueStart; position <= next; position++) positions.add(position);
  }
  return positions;
}

function readMessage(text: string, language: StemLanguage): Reading {
  const profile = profileFor(language);
  const tokens = tokenize(text, language);
  const scopes = scopesOf(tokens, profile);
  const negations = findCues(tokens, scopes, profile.negationCues);
  return {
    profile,
    tokens,
    scopes,
    negations,
    identityQuestions: findCues(tokens, scopes, profile.identityQuestionCues),
    negatedBot: negatedBotPositions(tokens, scopes, negations, profile),
  };
}

/** Reads the message in each language at most once per call. */
function readerFor(text: string): (language: StemLanguage) => Reading {
  const readings = new Map<StemLanguage, Reading>();
  return (language) => {
    let reading = readings.get(language);
    if (!reading) {
      reading = readMessage(text, language);
      readings.set(language, reading);
    }
    return reading;
  };
}

interface CompiledPhrase {
  /** As written in the settings, trimmed: reported as `matched`. */
  source: string;
  /** The words to find, function words removed (unless the phrase is nothing but function words). */
  words: WordForm[];
}

interface CompiledList {
  /**
   * Longest first (stable within a length), so that `matched` names the most specific phrase:
   * "ihmisen kanssa" rather than "ihminen" for "ihmisen kanssa kiitos".
   */
  phrases: CompiledPhrase[];
  /** The words of the one-word phrases: they may stand next to each other ("human agent please"). */
  oneWordPhrases: WordForm[];
}

function compilePhrase(source: string, profile: LanguageProfile): CompiledPhrase | null {
  const all = toForms(source, profile.language);
  if (all.length === 0) return null;
  const content = all.filter((word) => !hasWord(profile.functionWords, word));
  return { source: source.trim(), words: content.length > 0 ? content : all };
}

// Settings change rarely and are the same for every message: compile each list once. The cache
// is a plain memo, bounded so that many edits over a long uptime cannot grow it without limit.
const COMPILED_LIST_CACHE_SIZE = 64;
const compiledLists = new Map<string, CompiledList>();

function compileList(entries: readonly string[], profile: LanguageProfile): CompiledList {
  const key = `${profile.language}\u0000${entries.join('\u0001')}`;
  let compiled = compiledLists.get(key);
  if (!compiled) {
    const phrases = entries
      .map((source) => compilePhrase(source, profile))
      .filter((phrase): phrase is CompiledPhrase => phrase !== null)
      .sort((a, b) => b.words.length - a.words.length);
    compiled = {
      phrases,
      oneWordPhrases: phrases.filter((phrase) => phrase.words.length === 1).map((phrase) => phrase.words[0]),
    };
    if (compiledLists.size >= COMPILED_LIST_CACHE_SIZE) compiledLists.clear();
    compiledLists.set(key, compiled);
  }
  return compiled;
}

/** Every place the phrase occurs: token positions of its words, earliest fit after each start. */
function findPhrase(reading: Reading, phrase: CompiledPhrase): number[][] {
  const { tokens, scopes, profile } = reading;
  const occurrences: number[][] = [];
  const [first, ...rest] = phrase.words;
  for (let start = 0; start < tokens.length; start++) {
    if (scopes[start] < 0 || !matchesWord(tokens[start], first, profile.language)) continue;
    const positions = [start];
    for (const word of rest) {
      const previous = positions[positions.length - 1];
      let gap = 0;
      let found = -1;
      for (let next = previous + 1; next < tokens.length && scopes[next] === scopes[start]; next++) {
        if (matchesWord(tokens[next], word, profile.language)) {
          found = next;
          break;
        }
        if (!hasWord(profile.functionWords, tokens[next])) gap += 1;
        if (gap > MAX_PHRASE_GAP) break;
      }
      if (found < 0) break;
      positions.push(found);
    }
    if (positions.length === phrase.words.length) occurrences.push(positions);
  }
  return occurrences;
}

/**
 * Is the occurrence at `positions` negated? A negation cue in the same scope that ends at most
 * `window` words before the first matched word, or sits in a gap between matched words. A cue that
 * is itself one of the matched words belongs to the phrase ("en ole tyytyväinen") and does not count.
 */
function isNegated(reading: Reading, positions: readonly number[], window: number): boolean {
  const { scopes } = reading;
  const start = positions[0];
  const end = positions[positions.length - 1];
  return reading.negations.some(([cueStart, cueEnd]) => {
    if (scopes[cueStart] !== scopes[start]) return false;
    for (let position = cueStart; position <= cueEnd; position++) if (positions.includes(position)) return false;
    const justBefore = cueEnd < start && start - cueEnd <= window;
    const inAGap = cueStart > start && cueEnd < end;
    return justBefore || inAGap;
  });
}

/** "Oletko ihminen?", "am I talking to a human?": an identity question at or shortly before the phrase. */
function isIdentityQuestion(reading: Reading, positions: readonly number[]): boolean {
  const start = positions[0];
  const end = positions[positions.length - 1];
  return reading.identityQuestions.some(
    ([cueStart, cueEnd]) =>
      reading.scopes[cueStart] === reading.scopes[start] && cueStart <= end && cueEnd >= start - PHRASE_NEGATION_WINDOW,
  );
}

/**
 * The one-word-phrase rule: "ihminen" fires only when every other word of its scope is request
 * filler, a function word, another one-word phrase, or a "not the bot" contrast: "Ihminen!",
 * "ihminen kiitos", "haluan ihmisen", "can I get a human please", "a human not a bot", "jag vill
 * ha en riktig människa". It does not fire in "ihmiset ovat mukavia", "oletko ihminen?", "human
 * resources department address?". No length limit is needed: a clause made only of filler is
 * short in practice.
 */
function isPlainRequest(reading: Reading, position: number, oneWordPhrases: readonly WordForm[]): boolean {
  const { tokens, scopes, profile } = reading;
  const scope = scopes[position];
  return tokens.every(
    (token, index) =>
      index === position ||
      scopes[index] !== scope ||
      reading.negatedBot.has(index) ||
      hasWord(profile.fillers, token) ||
      hasWord(profile.functionWords, token) ||
      oneWordPhrases.some((word) => matchesWord(token, word, profile.language)),
  );
}

function matchPhrases(
  read: (language: StemLanguage) => Reading,
  language: string,
  lists: EscalationSettings['phrases']['lists'],
): string | null {
  for (const listLanguage of languagesToTry(language)) {
    const entries = lists[listLanguage] ?? [];
    if (entries.length === 0) continue;
    const reading = read(listLanguage);
    const { phrases, oneWordPhrases } = compileList(entries, reading.profile);
    for (const phrase of phrases) {
      const fires = findPhrase(reading, phrase).some(
        (positions) =>
          (phrase.words.length > 1 || isPlainRequest(reading, positions[0], oneWordPhrases)) &&
          !isNegated(reading, positions, PHRASE_NEGATION_WINDOW) &&
          !isIdentityQuestion(reading, positions),
      );
      if (fires) return phrase.source;
    }
  }
  return null;
}

function pickGrammarLanguage(read: (language: StemLanguage) => Reading, language: string): StemLanguage {
  const candidates = languagesToTry(language);
  let best = candidates[0];
  let bestCount = -1;
  for (const candidate of candidates) {
    const { tokens, profile } = read(candidate);
    const count = tokens.filter((token) => hasWord(profile.grammarWords, token)).length;
    if (count > bestCount) {
      best = candidate;
      bestCount = count;
    }
  }
  return best;
}

/**
 * The language whose grammar words (negations, filler, function words, conjunctions) the message
 * uses most; ties go to the conversation's language. Keywords need it because the keyword list
 * mixes languages: "inga klagomål" must be read with Swedish negations, and in "jag vill lämna en
 * reklamation" the Swedish article "en" must not be read as the Finnish "en" (I don't).
 */
export function grammarLanguage(text: string, language: string): StemLanguage {
  return pickGrammarLanguage(readerFor(text), language);
}

function matchKeywords(
  read: (language: StemLanguage) => Reading,
  language: string,
  keywords: readonly string[],
): string | null {
  if (keywords.length === 0) return null;
  const negationReading = read(pickGrammarLanguage(read, language));
  for (const stemLanguage of languagesToTry(language)) {
    const reading = read(stemLanguage);
    for (const keyword of compileList(keywords, reading.profile).phrases) {
      // Token positions are the same in every reading: splitting into words does not depend on
      // the language, only stems and scopes do.
      const fires = findPhrase(reading, keyword).some(
        (positions) => !isNegated(negationReading, positions, KEYWORD_NEGATION_WINDOW),
      );
      if (fires) return keyword.source;
    }
  }
  return null;
}

export interface CustomerEscalationInput {
  /** The customer's new message. */
  text: string;
  /** The conversation's language ("fi", "en", "sv"; "fi-FI" works; anything else reads all three). */
  language: string;
  /** The customer's earlier messages in this conversation, oldest first, without `text`. */
  previousCustomerMessages: readonly string[];
  settings: EscalationSettings;
}

/** Checked on each customer message while the bot has the conversation: phrase first, then keyword, then frustration. */
export function detectCustomerEscalation(input: CustomerEscalationInput): EscalationDecision {
  const { text, language, previousCustomerMessages, settings } = input;

  const read = readerFor(text);

  if (settings.phrases.enabled) {
    const phrase = matchPhrases(read, language, settings.phrases.lists);
    if (phrase !== null) {
      return { escalate: true, trigger: 'phrase', reason: `customer asked for a person ("${phrase}")`, matched: phrase };
    }
  }

  if (settings.keywords.enabled) {
    const keyword = matchKeywords(read, language, settings.keywords.list);
    if (keyword !== null) return { escalate: true, trigger: 'keyword', reason: `keyword "${keyword}"`, matched: keyword };
  }

  if (settings.frustration.enabled) {
    const window = Math.max(1, Math.floor(settings.frustration.window) || 1);
    const recent = [...previousCustomerMessages, text].slice(-window);
    const { score, signals } = frustrationScore(recent, language);
    // `score > 0` so that a threshold of 0 set by mistake does not escalate every conversation.
    if (score > 0 && score >= settings.frustration.threshold) {
      const kinds = signals.map((signal) => describeSignalKind(signal.kind)).join(', ');
      return {
        escalate: true,
        trigger: 'frustration',
        reason: `frustration ${score.toFixed(2)}: ${kinds}`,
        matched: null,
        score,
      };
    }
  }

  return NO_ESCALATION;
}

/** Checked after each bot answer: consecutive failed answers at or above the threshold. */
export function detectFailedAnswers(consecutiveFailedAnswers: number, settings: EscalationSettings): EscalationDecision {
  if (!settings.failedAnswers.enabled) return NO_ESCALATION;
  // A threshold below 1 would escalate before the bot has failed at all; treat it as 1.
  const threshold = Math.max(1, Math.floor(settings.failedAnswers.threshold) || 1);
  if (!(consecutiveFailedAnswers >= threshold)) return NO_ESCALATION;
  const count = Math.floor(consecutiveFailedAnswers);
  return {
    escalate: true,
    trigger: 'failed_answers',
    reason: `${count} failed bot ${count === 1 ? 'answer' : 'answers'} in a row`,
    matched: null,
  };
}

/** The run of failed answers at the end of the bot's outcomes (true = failed), oldest first; a good answer resets it. */
export function countConsecutiveFailures(outcomes: readonly boolean[]): number {
  let run = 0;
  for (let index = outcomes.length - 1; index >= 0 && outcomes[index]; index--) run += 1;
  return run;
}
