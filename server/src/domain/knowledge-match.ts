/**
 * The knowledge base's match figure: how well an entry answers what the customer asked, 0–1,
 * read the way a person reads it.
 *
 * It is read sentence by sentence, and the customer's best sentence counts, so what they wrote
 * before or around their question does not water it down. For one sentence:
 *   - `covered`: the share of the sentence's meaningful words (stop words aside) that the entry
 *     contains, in its title or body;
 *   - `asked`: the share of the entry's title words that the sentence contains.
 * The figure is `covered`, lifted to the mean of `covered` and `asked` when the sentence asks for
 * more of the title than the entry covers of the sentence. So a sentence that is the title (or
 * nearly: another inflection, a typo, a stop word more) reads 1; a sentence that asks the whole
 * title and adds a word of its own reads at least 0.5 and usually 0.8 or more; a sentence the
 * body answers reads by its `covered` share. A title of a single word lifts nothing: one shared
 * word is weak evidence, and the sentence that is exactly that word reads 1 anyway.
 */

/** Word counts for one sentence against one entry. */
export interface SentenceAgreement {
  /** Meaningful words in the sentence. */
  sentenceWords: number;
  /** Of those, the words the entry contains (title or body). */
  sentenceWordsInEntry: number;
  /** Meaningful words in the entry's title. */
  titleWords: number;
  /** Of those, the words the sentence contains. */
  titleWordsAsked: number;
}

/** From this figure up a match reads as strong: the question is the entry's, give or take a word. */
export const STRONG_MATCH = 0.8;
/** From this figure up a match reads as partial: the entry answers part of the question. */
export const PARTIAL_MATCH = 0.5;

export type MatchStrength = 'strong' | 'partial' | 'weak';

/** At most this many of the customer's latest sentences are read, so a long text costs little. */
export const MAX_SENTENCES = 20;

const share = (part: number, whole: number) => (whole > 0 ? Math.min(1, Math.max(0, part) / whole) : 0);

/** The match figure of one sentence against one entry, 0–1 (see the file comment). */
export function matchFigure(agreement: SentenceAgreement): number {
  const covered = share(agreement.sentenceWordsInEntry, agreement.sentenceWords);
  if (agreement.titleWords < 2) return covered;
  const asked = share(agreement.titleWordsAsked, agreement.titleWords);
  return Math.max(covered, (covered + asked) / 2);
}

/** How the figure reads to an agent. */
export function matchStrength(figure: number): MatchStrength {
  if (figure >= STRONG_MATCH) return 'strong';
  if (figure >= PARTIAL_MATCH) return 'partial';
  return 'weak';
}

/**
 * The sentences of a customer's text, the latest `limit` of them, in order: split after `.`, `!`,
 * `?` and `…` followed by a space, and at line breaks ("1.5 kg" and "www.example.com" stay whole).
 */
export function questionSentences(text: string, limit = MAX_SENTENCES): string[] {
  const sentences = text
    .split(/(?<=[.!?…])\s+|\n+/)
    .map((sentence) => sentence.trim())
    .filter(Boolean);
  return sentences.slice(Math.max(0, sentences.length - limit));
}
