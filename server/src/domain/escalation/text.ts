/**
 * Normalising, tokenising, stemming and word matching for escalation detection. Pure: no clock, no
 * Strapi; the Snowball stemmers are deterministic and synchronous.
 *
 * A word is compared in two forms, both lower-case, NFKC and diacritic-folded:
 *   `folded` — the word as typed ("asiakaspalvelijalle"),
 *   `stem`   — its Snowball stem, folded AFTER stemming ("asiakaspalvelij").
 * Folding after stemming matters: the Finnish stemmer reads "ä" as a vowel of the front-vowel
 * harmony, so "tyytyväinen" → "tyytyväin" → "tyytyvain", and the customer's "tyytyvainen" →
 * "tyytyvain" meet only because both are folded at the end.
 */
// The package ships no types. Declared here by reference so that every program that compiles
// this file sees them, also the admin bundle's declaration build, which includes only admin/src
// (an import cannot name a file of ambient declarations).
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="../../types/snowball-stemmers.d.ts" />
import { newStemmer, type SnowballStemmer } from 'snowball-stemmers';
import { SUPPORTED_LANGUAGES, type SupportedLanguage } from '../conversation-status';

export type StemLanguage = SupportedLanguage;

/** A word in its two comparable forms; see the file comment. */
export interface WordForm {
  folded: string;
  stem: string;
}

export interface Token extends WordForm {
  /** The word lower-cased and NFKC-normalised, diacritics kept: for showing back to people. */
  text: string;
  /** Index of the clause: clauses are separated by punctuation (.,;:!? …) and line breaks. */
  clause: number;
}

const SNOWBALL_ALGORITHM: Readonly<Record<StemLanguage, string>> = {
  fi: 'finnish',
  en: 'english',
  sv: 'swedish',
};

// One stemmer per language, made on first use. Each is reused: `stem` sets, runs and reads in one
// synchronous call, so nothing can interleave.
const stemmers = new Map<StemLanguage, SnowballStemmer>();

function stemmerFor(language: StemLanguage): SnowballStemmer {
  let stemmer = stemmers.get(language);
  if (!stemmer) {
    stemmer = newStemmer(SNOWBALL_ALGORITHM[language]);
    stemmers.set(language, stemmer);
  }
  return stemmer;
}

function isStemLanguage(code: string): code is StemLanguage {
  return (SUPPORTED_LANGUAGES as readonly string[]).includes(code);
}

/**
 * Which languages to read a message in: the conversation's language first, then the others,
 * because customers switch (an English sentence in a Finnish widget, a Swedish-speaking Finn on a
 * Finnish site). "fi-FI", "FI" and "fi_FI" count as "fi". An unknown or empty language tries all
 * three in the order of SUPPORTED_LANGUAGES.
 */
export function languagesToTry(language: string): StemLanguage[] {
  const primary = language.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  const all = [...SUPPORTED_LANGUAGES];
  if (!isStemLanguage(primary)) return all;
  return [primary, ...all.filter((candidate) => candidate !== primary)];
}

/** The language itself when supported, otherwise `null` (meaning: try all three). */
export function supportedLanguageOrNull(language: string): StemLanguage | null {
  const primary = language.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return isStemLanguage(primary) ? primary : null;
}

/** NFKC (full-width letters, ligatures, superscripts become plain) and lower case. */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

// Letters that carry no combining mark in NFD and so survive the mark stripping below.
const LETTER_FOLDS: Readonly<Record<string, string>> = { ø: 'o', æ: 'ae', œ: 'oe', ß: 'ss', ł: 'l', đ: 'd', þ: 'th' };

/** ä→a, ö→o, å→a, é→e, ø→o …: for matching only, never for display. Expects lower case. */
export function foldDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[øæœßłđþ]/g, (letter) => LETTER_FOLDS[letter] ?? letter)
    .normalize('NFC');
}

// Customers repeat words, and the earlier messages of the frustration window are read again with
// every new message, so stems are memoised. A plain memo of a pure function, bounded so that a
// long uptime of random words cannot grow it without limit: when full it simply starts over.
const STEM_CACHE_SIZE = 20_000;
const stemCaches = new Map<StemLanguage, Map<string, string>>();

/** The folded Snowball stem of one normalised word. A word the stemmer empties keeps its folded self. */
export function stemWord(word: string, language: StemLanguage): string {
  let cache = stemCaches.get(language);
  if (!cache) {
    cache = new Map();
    stemCaches.set(language, cache);
  }
  const cached = cache.get(word);
  if (cached !== undefined) return cached;
  const raw = foldDiacritics(stemmerFor(language).stem(word));
  const stem = raw === '' ? foldDiacritics(word) : raw;
  if (cache.size >= STEM_CACHE_SIZE) cache.clear();
  cache.set(word, stem);
  return stem;
}

export function wordForm(word: string, language: StemLanguage): WordForm {
  const text = normalizeText(word);
  return { folded: foldDiacritics(text), stem: stemWord(text, language) };
}

// Clause boundaries. A hyphen is not one: "chat-asiakaspalvelija" is two words of one clause.
const CLAUSE_BREAK = /[.,;:!?¿¡…\n\r()[\]{}"“”„«»–—|]+/u;
const WORD = /[\p{L}\p{N}]+/gu;
// "don't" → "dont", "I'm" → "im": the negation lists are written without apostrophes.
const INNER_APOSTROPHE = /(?<=\p{L})['’ʼ`´](?=\p{L})/gu;

/** Words of the text in order, each with its clause index. Punctuation and emoji are dropped. */
export function tokenize(text: string, language: StemLanguage): Token[] {
  const tokens: Token[] = [];
  const clauses = normalizeText(text).replace(INNER_APOSTROPHE, '').split(CLAUSE_BREAK);
  clauses.forEach((clause, clauseIndex) => {
    for (const match of clause.matchAll(WORD)) {
      const word = match[0];
      tokens.push({ text: word, folded: foldDiacritics(word), stem: stemWord(word, language), clause: clauseIndex });
    }
  });
  return tokens;
}

/** Below this, a stem must equal the token's stem: "bot" must not match "bottle". */
export const MIN_PREFIX_STEM_LENGTH = 4;
/** A phrase word this long may also be found as the last part of a compound ("tuote|reklamaatio"). */
export const MIN_COMPOUND_PART_LENGTH = 6;
/** …after a first part of at least this many letters. */
export const MIN_COMPOUND_MODIFIER_LENGTH = 3;

/**
 * Finnish stem-final consonant alternations the Snowball stemmer leaves in place: the last letter
 * of the dictionary form's stem → the letters it may turn into in inflected forms.
 *   n → s  ihminen / ihmisen / ihmistä, tyytyväinen / tyytyväisen
 *   n → m  puhelin / puhelimen
 *   s → k  valitus / valituksen, kysymys / kysymyksen
 * Listing the pairs, rather than allowing any last letter, keeps "valitut" (chosen) away from
 * "valitus" (complaint).
 */
const FINNISH_STEM_ALTERNATIONS: Readonly<Record<string, string>> = { n: 'sm', s: 'k' };

/** Does `candidate` begin with the stem, allowing a Finnish stem-final alternation? */
function beginsWithStem(candidate: string, stem: string, language: StemLanguage): boolean {
  if (candidate.startsWith(stem)) return true;
  if (language !== 'fi' || stem.length < MIN_PREFIX_STEM_LENGTH + 1 || candidate.length < stem.length) return false;
  const last = stem.length - 1;
  const alternatives = FINNISH_STEM_ALTERNATIONS[stem[last]] ?? '';
  return candidate.startsWith(stem.slice(0, last)) && alternatives.includes(candidate[last]);
}

/**
 * Does a message token stand for the (list) word? In order:
 *  1. same stem or same folded spelling;
 *  2. stems shorter than MIN_PREFIX_STEM_LENGTH: nothing more;
 *  3. the token (stem or spelling) begins with the word's stem — inflections the stemmer did not
 *     reduce and compounds with the word first: "asiakaspalvelijalle", "ihmistä" (stem "ihm", but
 *     spelled "ihmis…"), "complaints";
 *  4. Finnish only: the same with one stem-final alternation (FINNISH_STEM_ALTERNATIONS);
 *  5. words of MIN_COMPOUND_PART_LENGTH letters or more: 3 and 4 on any ending of the token
 *     after MIN_COMPOUND_MODIFIER_LENGTH letters, i.e. the word as the last part of a compound:
 *     "tuotereklamaatio", "ihmisasiakaspalvelija", "kundklagomål", "salesperson".
 * This is all the compound splitting there is: no dictionary, just "the list word is inside".
 */
export function matchesWord(token: WordForm, word: WordForm, language: StemLanguage): boolean {
  if (token.stem === word.stem || token.folded === word.folded) return true;
  const stem = word.stem;
  if (stem.length < MIN_PREFIX_STEM_LENGTH) return false;
  // Without a compound search, a match must start with the stem's first letter: a cheap reject for
  // the common case of comparing unrelated words.
  if (stem.length < MIN_COMPOUND_PART_LENGTH && token.stem[0] !== stem[0] && token.folded[0] !== stem[0]) return false;
  // Every form beginsWithStem accepts starts with the stem minus its last letter.
  const head = stem.slice(0, -1);
  for (const candidate of [token.stem, token.folded]) {
    if (beginsWithStem(candidate, stem, language)) return true;
    if (stem.length < MIN_COMPOUND_PART_LENGTH) continue;
    for (let at = candidate.indexOf(head, MIN_COMPOUND_MODIFIER_LENGTH); at >= 0; at = candidate.indexOf(head, at + 1)) {
      if (beginsWithStem(candidate.slice(at), stem, language)) return true;
    }
  }
  return false;
}

/** Token Jaccard similarity on stems: |A ∩ B| / |A ∪ B| of the two sets; 0 for two empty sets. */
export function stemJaccard(a: readonly WordForm[], b: readonly WordForm[]): number {
  const left = new Set(a.map((word) => word.stem));
  const right = new Set(b.map((word) => word.stem));
  if (left.size === 0 && right.size === 0) return 0;
  let shared = 0;
  for (const stem of left) if (right.has(stem)) shared += 1;
  return shared / (left.size + right.size - shared);
}
