/**
 * Frustration score over the customer's recent messages (docs/product.md#how-an-escalation-starts). Pure: the caller passes
 * the window of messages, most recent last.
 */
import { NEGATIVE_WORDS } from './lexicon';
import {
  languagesToTry,
  matchesWord,
  stemJaccard,
  supportedLanguageOrNull,
  tokenize,
  wordForm,
  type StemLanguage,
  type WordForm,
} from './text';

export type FrustrationSignalKind = 'negative_words' | 'shouting' | 'repeated_punctuation' | 'repeated_question';

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
 * With the default threshold 0.6 no single kind alone crosses it except three negative words or a
 * question asked three times; one angry message needs two kinds together, e.g. "THIS BOT IS
 * USELESS!!!" = shouting 0.25 + negative word 0.2 + punctuation 0.15 = 0.60.
 */
export const FRUSTRATION_WEIGHTS = {
  /** Per negative word (each occurrence, across the messages). */
  negativeWord: { each: 0.2, max: 0.6 },
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

const compiledNegativeWords = new Map<StemLanguage, WordForm[]>();

function negativeWordsFor(language: StemLanguage): WordForm[] {
  let words = compiledNegativeWords.get(language);
  if (!words) {
    words = NEGATIVE_WORDS[language].map((word) => wordForm(word, language));
    compiledNegativeWords.set(language, words);
  }
  return words;
}

function negativeWordsSignal(messages: readonly string[], language: string): FrustrationSignal | null {
  const found: string[] = [];
  for (const message of messages) {
    // A token is counted once even when two lists (e.g. Finnish and English "idiootti"/"idiot") match it.
    const hitPositions = new Map<number, string>();
    for (const listLanguage of negativeWordLanguages(language)) {
      const words = negativeWordsFor(listLanguage);
      tokenize(message, listLanguage).forEach((token, position) => {
        if (!hitPositions.has(position) && words.some((word) => matchesWord(token, word, listLanguage))) {
          hitPositions.set(position, token.text);
        }
      });
    }
    found.push(...hitPositions.values());
  }
  if (found.length === 0) return null;
  const { each, max } = FRUSTRATION_WEIGHTS.negativeWord;
  const shown = [...new Set(found)].map((word) => `"${word}"`).join(', ');
  return { kind: 'negative_words', weight: round2(Math.min(found.length * each, max)), detail: shown };
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
  'shouting',
  'repeated_punctuation',
  'repeated_question',
];

/**
 * Score and signals over `messages` (the customer's recent messages, most recent last). Every
 * message given counts; the caller decides the window (detect.ts passes the last `window`).
 */
export function frustrationScore(messages: readonly string[], language: string): FrustrationResult {
  const signals = [
    negativeWordsSignal(messages, language),
    shoutingSignal(messages),
    repeatedPunctuationSignal(messages),
    repeatedQuestionSignal(messages, language),
  ].filter((signal): signal is FrustrationSignal => signal !== null);
  signals.sort((a, b) => b.weight - a.weight || SIGNAL_ORDER.indexOf(a.kind) - SIGNAL_ORDER.indexOf(b.kind));
  const score = round2(Math.min(1, signals.reduce((sum, signal) => sum + signal.weight, 0)));
  return { score, signals };
}

/** "repeated_question" → "repeated question": for the agents' reason line. */
export function describeSignalKind(kind: FrustrationSignalKind): string {
  return kind.replace(/_/g, ' ');
}
