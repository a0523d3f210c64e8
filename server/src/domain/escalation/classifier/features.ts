/**
 * What the intent classifier sees of a message: hashed features of its words, so the model needs no
 * vocabulary file. Pure and deterministic.
 *
 * - character n-grams inside each word, the word padded with a space on both sides
 *   (" ihmisen " → " i", "ih", … "en "), over the lower-cased, diacritic-folded spelling: typos,
 *   missing ä/ö/å, colloquial endings and compounds still share most of their n-grams;
 * - character n-grams that span a word boundary (" joku t", "a ihm"), over the words joined by
 *   single spaces: short word pairs ("joku teiltä", "nån där") and compounds written apart;
 * - stem unigrams and bigrams (text.ts's Snowball stems), which carry word order ("puhua ihmisen");
 * - whether the message asks ("?") or exclaims ("!").
 * Each feature string is hashed (FNV-1a) into one of 2^bits buckets; counts are damped with
 * log(1 + n) and the vector is scaled to unit length, so long messages do not outweigh short ones.
 */
import { languagesToTry, tokenize, type Token } from '../text';

export interface FeatureOptions {
  /** The vector has 2^bits dimensions. */
  bits: number;
  /** Shortest and longest character n-gram. */
  charMin: number;
  charMax: number;
  /** Add stem bigrams as well as stem unigrams. */
  wordBigrams: boolean;
  /** Add the character n-grams that span a word boundary. */
  charAcrossWords: boolean;
}

/** A sparse vector: `indices[k]` has `values[k]`; indices are unique. */
export interface SparseVector {
  indices: number[];
  values: number[];
}

/** FNV-1a, 32 bits: fast, stable across machines and Node versions. */
export function hashFeature(feature: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < feature.length; index += 1) {
    hash ^= feature.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** The character n-grams of one folded word, padded with a space on each side. */
export function charNgrams(folded: string, charMin: number, charMax: number): string[] {
  const padded = ` ${folded} `;
  const grams: string[] = [];
  for (let size = charMin; size <= charMax; size += 1) {
    for (let start = 0; start + size <= padded.length; start += 1) grams.push(padded.slice(start, start + size));
  }
  return grams;
}

/** The feature strings one word contributes on its own (its n-grams and its stem). */
export function wordFeatures(token: Token, options: FeatureOptions): string[] {
  return [...charNgrams(token.folded, options.charMin, options.charMax).map((gram) => `c${gram}`), `w ${token.stem}`];
}

/** The message's words, stemmed in the conversation's language (the first of `languagesToTry`). */
export function messageTokens(text: string, language: string): Token[] {
  return tokenize(text, languagesToTry(language)[0]);
}

/** All feature strings of a message, with repeats. */
export function messageFeatures(text: string, tokens: readonly Token[], options: FeatureOptions): string[] {
  const features: string[] = [];
  for (const token of tokens) features.push(...wordFeatures(token, options));
  if (options.wordBigrams) {
    for (let index = 1; index < tokens.length; index += 1) features.push(`b ${tokens[index - 1].stem} ${tokens[index].stem}`);
  }
  if (options.charAcrossWords) {
    const joined = tokens.map((token) => token.folded).join(' ');
    for (const gram of charNgrams(joined, options.charMin, options.charMax)) {
      if (gram.slice(1, -1).includes(' ')) features.push(`x${gram}`);
    }
  }
  if (text.includes('?')) features.push('p?');
  if (text.includes('!')) features.push('p!');
  return features;
}

/** Hashes, counts, damps and normalises the feature strings into a unit-length sparse vector. */
export function vectorize(features: readonly string[], bits: number): SparseVector {
  const mask = (1 << bits) - 1;
  const counts = new Map<number, number>();
  for (const feature of features) {
    const index = hashFeature(feature) & mask;
    counts.set(index, (counts.get(index) ?? 0) + 1);
  }
  const indices = [...counts.keys()].sort((a, b) => a - b);
  const values = indices.map((index) => Math.log1p(counts.get(index) ?? 0));
  const length = Math.sqrt(values.reduce((sum, value) => sum + value * value, 0));
  return { indices, values: length === 0 ? values : values.map((value) => value / length) };
}

export function featureVector(text: string, language: string, options: FeatureOptions): SparseVector {
  return vectorize(messageFeatures(text, messageTokens(text, language), options), options.bits);
}
