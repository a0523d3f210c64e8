/**
 * snowball-stemmers 0.6.0 ships plain JavaScript without types. Only the part the plugin uses is
 * declared: a stemmer is synchronous and reusable (it keeps the current word internally between
 * `setCurrent` and `getCurrent`, but `stem` does both in one call).
 */
declare module 'snowball-stemmers' {
  export interface SnowballStemmer {
    /** The stem of one lower-case word; a word the algorithm has no rule for comes back unchanged. */
    stem(word: string): string;
  }

  /** `algorithm` is one of `algorithms()`, e.g. 'finnish', 'swedish', 'english'; throws on others. */
  export function newStemmer(algorithm: string): SnowballStemmer;

  export function algorithms(): string[];
}
