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
 * - with `negationScope`, a stem after a negation cue in its scope (reading.ts: clauses cut at
 *   conjunctions) is a feature of its own: "puhua" in "en halua puhua kenenkään kanssa" is not the
 *   "puhua" of "haluan puhua jonkun kanssa";
 * - whether the message asks ("?") or exclaims ("!").
 * Each feature string is hashed (FNV-1a) into one of 2^bits buckets; counts are damped with
 * log(1 + n) and the vector is scaled to unit length, so long messages do not outweigh short ones.
 *
 * The hashes are computed character by character, without building the feature strings (detection
 * runs on every customer message and must stay well under a millisecond); `featureStrings` builds
 * the same features as strings, for tests and for reading.
 */
import { readerFor, type Reading } from '../reading';
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
  /** Give the stems inside a negation's scope features of their own. */
  negationScope: boolean;
}

/** A sparse vector: `indices[k]` has `values[k]`; indices are unique. */
export interface SparseVector {
  indices: number[];
  values: number[];
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const SPACE = 32;

function fnvStep(hash: number, code: number): number {
  return Math.imul(hash ^ code, FNV_PRIME);
}

function fnvString(hash: number, text: string): number {
  let next = hash;
  for (let index = 0; index < text.length; index += 1) next = fnvStep(next, text.charCodeAt(index));
  return next;
}

/** FNV-1a, 32 bits, of a feature string: stable across machines and Node versions. */
export function hashFeature(feature: string): number {
  return fnvString(FNV_OFFSET, feature) >>> 0;
}

// The feature kinds, as the first characters of the feature strings.
const CHAR_TAG = fnvStep(FNV_OFFSET, 'c'.charCodeAt(0));
const ACROSS_TAG = fnvStep(FNV_OFFSET, 'x'.charCodeAt(0));
const STEM_TAG = fnvString(FNV_OFFSET, 'w ');
const NEGATED_STEM_TAG = fnvString(FNV_OFFSET, 'n ');
const BIGRAM_TAG = fnvString(FNV_OFFSET, 'b ');

/** The character n-grams of a text padded with a space on each side. */
export function charNgrams(text: string, charMin: number, charMax: number): string[] {
  const padded = ` ${text} `;
  const grams: string[] = [];
  for (let size = charMin; size <= charMax; size += 1) {
    for (let start = 0; start + size <= padded.length; start += 1) grams.push(padded.slice(start, start + size));
  }
  return grams;
}

/**
 * Emits the hash of `tag` + every character n-gram of ` text ` (padded), or with `spanning` only
 * the n-grams whose inner characters (all but the first and last) hold a space.
 */
function emitCharNgrams(text: string, tag: number, options: FeatureOptions, spanning: boolean, emit: (hash: number) => void): void {
  const length = text.length + 2;
  const codeAt = (position: number) => (position === 0 || position === length - 1 ? SPACE : text.charCodeAt(position - 1));
  for (let start = 0; start < length; start += 1) {
    let hash = tag;
    let innerSpace = false;
    for (let size = 1; size <= options.charMax && start + size <= length; size += 1) {
      if (size >= 3 && codeAt(start + size - 2) === SPACE) innerSpace = true;
      hash = fnvStep(hash, codeAt(start + size - 1));
      if (size >= options.charMin && (!spanning || innerSpace)) emit(hash >>> 0);
    }
  }
}

/** The hashes of the features one word contributes on its own: its n-grams and its stem. */
export function emitWordFeatures(token: Token, options: FeatureOptions, emit: (hash: number) => void, negated = false): void {
  emitCharNgrams(token.folded, CHAR_TAG, options, false, emit);
  emit(fnvString(negated ? NEGATED_STEM_TAG : STEM_TAG, token.stem) >>> 0);
}

/** The message's words, stemmed in the conversation's language (the first of `languagesToTry`). */
export function messageTokens(text: string, language: string): Token[] {
  return tokenize(text, languagesToTry(language)[0]);
}

/**
 * Positions of the words after a negation cue, up to the end of the cue's scope, in a reading in
 * the conversation's language (its tokens are messageTokens'). Empty unless `negationScope` is on.
 */
export function negatedPositions(reading: Reading, options: FeatureOptions): Set<number> {
  const positions = new Set<number>();
  if (!options.negationScope) return positions;
  const { negations, scopes } = reading;
  for (const [cueStart, cueEnd] of negations) {
    for (let position = cueEnd + 1; position < scopes.length && scopes[position] === scopes[cueStart]; position += 1) positions.add(position);
  }
  return positions;
}

/** The message read in the conversation's language (the first of `languagesToTry`). */
export const messageReading = (text: string, language: string): Reading => readerFor(text)(languagesToTry(language)[0]);

/** The hashes of all features of a message, with repeats; `negated` from negatedPositions. */
export function emitMessageFeatures(
  text: string,
  tokens: readonly Token[],
  options: FeatureOptions,
  emit: (hash: number) => void,
  negated: ReadonlySet<number> = new Set(),
): void {
  tokens.forEach((token, index) => emitWordFeatures(token, options, emit, negated.has(index)));
  if (options.wordBigrams) {
    for (let index = 1; index < tokens.length; index += 1) {
      emit(fnvString(fnvStep(fnvString(BIGRAM_TAG, tokens[index - 1].stem), SPACE), tokens[index].stem) >>> 0);
    }
  }
  if (options.charAcrossWords) emitCharNgrams(tokens.map((token) => token.folded).join(' '), ACROSS_TAG, options, true, emit);
  if (text.includes('?')) emit(hashFeature('p?'));
  if (text.includes('!')) emit(hashFeature('p!'));
}

/** The same features as `emitMessageFeatures`, as strings (for tests and for reading; unordered). */
export function featureStrings(text: string, tokens: readonly Token[], options: FeatureOptions, negated: ReadonlySet<number> = new Set()): string[] {
  const features: string[] = [];
  tokens.forEach((token, index) => {
    const stem = `${negated.has(index) ? 'n' : 'w'} ${token.stem}`;
    features.push(...charNgrams(token.folded, options.charMin, options.charMax).map((gram) => `c${gram}`), stem);
  });
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

// One counting array per vector size, reused: vectorising is synchronous, nothing interleaves.
const countArrays = new Map<number, Float64Array>();

/** Counts the emitted hashes into buckets, damps and normalises them into a unit-length sparse vector. */
export function vectorizeHashes(bits: number, emitAll: (emit: (hash: number) => void) => void): SparseVector {
  const mask = (1 << bits) - 1;
  let counts = countArrays.get(bits);
  if (!counts) {
    counts = new Float64Array(2 ** bits);
    countArrays.set(bits, counts);
  }
  const bucketCounts = counts;
  const indices: number[] = [];
  emitAll((hash) => {
    const index = hash & mask;
    if (bucketCounts[index] === 0) indices.push(index);
    bucketCounts[index] += 1;
  });
  indices.sort((a, b) => a - b);
  const values = indices.map((index) => Math.log1p(bucketCounts[index]));
  for (const index of indices) bucketCounts[index] = 0;
  let squares = 0;
  for (const value of values) squares += value * value;
  const length = Math.sqrt(squares);
  return { indices, values: length === 0 ? values : values.map((value) => value / length) };
}

export function featureVector(text: string, language: string, options: FeatureOptions): SparseVector {
  // One reading gives both the tokens and the negations' scopes: the message is split once.
  const reading = messageReading(text, language);
  const negated = negatedPositions(reading, options);
  return vectorizeHashes(options.bits, (emit) => emitMessageFeatures(text, reading.tokens, options, emit, negated));
}
