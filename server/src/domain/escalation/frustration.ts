/**
 * Frustration score over the customer's recent messages (docs/product.md#how-an-escalation-starts). Pure: the caller passes
 * the window of messages, most recent last.
 */
import { readForFrustration, type AimedWord } from './frustration-aim';
import { languagesToTry, stemJaccard, supportedLanguageOrNull, tokenize, type StemLanguage, type WordForm } from './text';

export type FrustrationSignalKind =
  | 'negative_words'
  | 'aimed_at_bot'
  | 'shouting'
  | 'repeated_punctuation'
  | 'repeated_question';

export interface FrustrationSignal {
  kind: FrustrationSignalKind;
  weight: number;
  detail: string;
}

export interface FrustrationResult {
  /** 0..1, two decimals. */
  score: number;
  /** Only the kinds that contributed, heaviest first. */
  signals: FrustrationSignal[];
}

/**
 * Each occurrence adds `each`, up to `max` per kind; the score is the sum, capped at 1.
 *
 * With the default threshold 0.6, one message crosses it on its own when a negative word or a
 * swear word is aimed at the bot, the service or the conversation: "botti on ihan turha", "this
 * bot is useless", "värdelös bot", "mä en jaksa tätä paskaa", "wtf is this bot" = aimed 0.4 +
 * negative word 0.2 = 0.60 (frustration-aim.ts says what "aimed" means). Without an aim one
 * message needs several kinds together: "THIS APP IS TERRIBLE!!!" = shouting 0.25 + negative word
 * 0.2 + punctuation 0.15 = 0.60, while a complaint about a product ("tämä kahvinkeitin on
 * surkea", 0.2), "turha kysyä mutta…" (0.2) or a shouted question with "???" (0.4) stays below.
 * Across messages, three negative words or a question asked three times cross it alone.
 */
export const FRUSTRATION_WEIGHTS = {
  /** Per negative word or swear word (each occurrence, across the messages). */
  negativeWord: { each: 0.2, max: 0.6 },
  /**
   * Per message in which one of those words is aimed at the bot, the service or the conversation
   * ("botti on turha", "useless bot", "tää on ihan paskaa"), or is an exclamation of its own
   * ("Useless!", "ihan turhaa"). With the word itself it makes 0.6: one outburst is enough.
   */
  aimedAtBot: { each: 0.4, max: 0.8 },
  /** Per message written mostly in capitals. */
  shouting: { each: 0.25, max: 0.5 },
  /** Per message with a run of three or more ! or ? ("!!!", "???", "?!?"). */
  repeatedPunctuation: { each: 0.15, max: 0.3 },
  /** Per message that repeats an earlier one in the window. */
  repeatedQuestion: { each: 0.3, max: 0.6 },
} as const;

/** Words shorter than this are ignored for shouting: acronyms (EU, ALV, USA) and "OK", "I". */
export const SHOUTING_MIN_WORD_LENGTH = 4;
/** Share of the message's long words written in capitals for it to count as shouting. */
export const SHOUTING_MIN_UPPER_SHARE = 0.6;
/** Capital letters needed in those words: "HELP" alone (4) is not shouting, "VASTAA" (6) is. */
export const SHOUTING_MIN_UPPER_LETTERS = 6;
/** Token Jaccard on stems at or above which two messages are "the same question". */
export const REPEATED_QUESTION_SIMILARITY = 0.7;
/** Messages with fewer distinct words ("ok", "kiitos") are not compared: they repeat by nature. */
export const REPEATED_QUESTION_MIN_WORDS = 2;

const REPEATED_PUNCTUATION = /[!?]{3,}/g;
const EXCERPT_LENGTH = 40;

const round2 = (value: number): number => Math.round(value * 100) / 100;

function excerpt(message: string): string {
  const trimmed = message.trim().replace(/\s+/g, ' ');
  return trimmed.length <= EXCERPT_LENGTH ? trimmed : `${trimmed.slice(0, EXCERPT_LENGTH - 1)}…`;
}

const plural = (count: number, noun: string): string => `${count} ${noun}${count === 1 ? '' : 's'}`;

/**
 * Which negative-word lists to read: the conversation's language plus English, because
 * customers swear in English whatever the widget language; an unknown language reads all three.
 * Not all three always: single words collide across languages (Swedish "fan" is English "fan").
 */
function negativeWordLanguages(language: string): StemLanguage[] {
  const known = supportedLanguageOrNull(language);
  if (known === null) return languagesToTry(language);
  return known === 'en' ? ['en'] : [known, 'en'];
}

interface MessageFrustrationWords {
  /** The negative and swear words as typed, each token once even when two lists match it. */
  words: string[];
  aimed: AimedWord | null;
}

/** One message read in each of its negative-word languages (Finnish "idiootti" and English "idiot" count once). */
function frustrationWordsOf(message: string, language: string): MessageFrustrationWords {
  const byPosition = new Map<number, string>();
  let aimed: AimedWord | null = null;
  for (const listLanguage of negativeWordLanguages(language)) {
    const reading = readForFrustration(message, listLanguage);
    for (const word of reading.words) if (!byPosition.has(word.position)) byPosition.set(word.position, word.token.text);
    aimed ??= reading.aimed;
  }
  const words = [...byPosition.entries()].sort(([a], [b]) => a - b).map(([, word]) => word);
  return { words, aimed };
}

function negativeWordsSignal(readings: readonly MessageFrustrationWords[]): FrustrationSignal | null {
  const found = readings.flatMap((reading) => reading.words);
  if (found.length === 0) return null;
  const { each, max } = FRUSTRATION_WEIGHTS.negativeWord;
  const shown = [...new Set(found)].map((word) => `"${word}"`).join(', ');
  return { kind: 'negative_words', weight: round2(Math.min(found.length * each, max)), detail: shown };
}

function aimedAtBotSignal(readings: readonly MessageFrustrationWords[]): FrustrationSignal | null {
  const aimed = readings.map((reading) => reading.aimed).filter((found): found is AimedWord => found !== null);
  if (aimed.length === 0) return null;
  const { each, max } = FRUSTRATION_WEIGHTS.aimedAtBot;
  const last = aimed[aimed.length - 1];
  const shown = last.target === null ? `"${last.word}" on its own` : `"${last.word}" at "${last.target}"`;
  return {
    kind: 'aimed_at_bot',
    weight: round2(Math.min(aimed.length * each, max)),
    detail: `${plural(aimed.length, 'message')}: ${shown}`,
  };
}

/** Mostly capitals, ignoring short words; see the SHOUTING_* constants. */
export function isShouting(message: string): boolean {
  const longWords = (message.normalize('NFKC').match(/\p{L}+/gu) ?? []).filter(
    (word) => word.length >= SHOUTING_MIN_WORD_LENGTH && word.toUpperCase() !== word.toLowerCase(),
  );
  if (longWords.length === 0) return false;
  const upperWords = longWords.filter((word) => word === word.toUpperCase());
  const upperLetters = upperWords.reduce((sum, word) => sum + word.length, 0);
  return upperWords.length / longWords.length >= SHOUTING_MIN_UPPER_SHARE && upperLetters >= SHOUTING_MIN_UPPER_LETTERS;
}

function shoutingSignal(messages: readonly string[]): FrustrationSignal | null {
  const shouted = messages.filter(isShouting);
  if (shouted.length === 0) return null;
  const { each, max } = FRUSTRATION_WEIGHTS.shouting;
  return {
    kind: 'shouting',
    weight: round2(Math.min(shouted.length * each, max)),
    detail: `${plural(shouted.length, 'message')} in capitals: "${excerpt(shouted[shouted.length - 1])}"`,
  };
}

function repeatedPunctuationSignal(messages: readonly string[]): FrustrationSignal | null {
  const runs = messages.map((message) => message.match(REPEATED_PUNCTUATION) ?? []);
  const withRuns = runs.filter((found) => found.length > 0).length;
  if (withRuns === 0) return null;
  const { each, max } = FRUSTRATION_WEIGHTS.repeatedPunctuation;
  const shown = [...new Set(runs.flat())].slice(0, 3).map((run) => `"${run}"`).join(', ');
  return { kind: 'repeated_punctuation', weight: round2(Math.min(withRuns * each, max)), detail: shown };
}

/**
 * A message repeats an earlier one when their stem sets have Jaccard ≥ 0.7. Any message counts,
 * with or without a question mark: customers re-ask without one ("missä tilaukseni").
 */
function repeatedQuestionSignal(messages: readonly string[], language: string): FrustrationSignal | null {
  const stemLanguage = languagesToTry(language)[0];
  const words = messages.map((message) => tokenize(message, stemLanguage));
  const distinctCount = (tokens: readonly WordForm[]): number => new Set(tokens.map((token) => token.stem)).size;
  let repeats = 0;
  let firstRepeated: string | null = null;
  for (let later = 1; later < words.length; later++) {
    if (distinctCount(words[later]) < REPEATED_QUESTION_MIN_WORDS) continue;
    for (let earlier = 0; earlier < later; earlier++) {
      if (distinctCount(words[earlier]) < REPEATED_QUESTION_MIN_WORDS) continue;
      if (stemJaccard(words[earlier], words[later]) >= REPEATED_QUESTION_SIMILARITY) {
        repeats += 1;
        firstRepeated ??= messages[earlier];
        break;
      }
    }
  }
  if (repeats === 0 || firstRepeated === null) return null;
  const { each, max } = FRUSTRATION_WEIGHTS.repeatedQuestion;
  return {
    kind: 'repeated_question',
    weight: round2(Math.min(repeats * each, max)),
    detail: `asked again ${repeats === 1 ? 'once' : `${repeats} times`}: "${excerpt(firstRepeated)}"`,
  };
}

const SIGNAL_ORDER: readonly FrustrationSignalKind[] = [
  'negative_words',
  'aimed_at_bot',
  'shouting',
  'repeated_punctuation',
  'repeated_question',
];

/**
 * Score and signals over `messages` (the customer's recent messages, most recent last). Every
 * message given counts; the caller decides the window (detect.ts passes the last `window`).
 */
export function frustrationScore(messages: readonly string[], language: string): FrustrationResult {
  const readings = messages.map((message) => frustrationWordsOf(message, language));
  const signals = [
    negativeWordsSignal(readings),
    aimedAtBotSignal(readings),
    shoutingSignal(messages),
    repeatedPunctuationSignal(messages),
    repeatedQuestionSignal(messages, language),
  ].filter((signal): signal is FrustrationSignal => signal !== null);
  signals.sort((a, b) => b.weight - a.weight || SIGNAL_ORDER.indexOf(a.kind) - SIGNAL_ORDER.indexOf(b.kind));
  const score = round2(Math.min(1, signals.reduce((sum, signal) => sum + signal.weight, 0)));
  return { score, signals };
}

const SIGNAL_DESCRIPTIONS: Readonly<Record<FrustrationSignalKind, string>> = {
  negative_words: 'negative words',
  aimed_at_bot: 'words aimed at the bot',
  shouting: 'shouting',
  repeated_punctuation: 'repeated punctuation',
  repeated_question: 'repeated question',
};

/** "repeated_question" → "repeated question": for the agents' reason line. */
export function describeSignalKind(kind: FrustrationSignalKind): string {
  return SIGNAL_DESCRIPTIONS[kind];
}
