import MiniSearch, { type SearchResult } from 'minisearch';

import { matchFigure, questionSentences } from '../domain/knowledge-match';

/** One entry of the site owner's knowledge-base collection, reduced to what search needs. */
export interface KnowledgeEntry {
  id: string; // the entry's documentId
  title: string;
  body: string;
  /** The language the entry is written in (fi/en/sv), or null when unknown. */
  language: string | null;
  /** The entry's locale in a localized collection, else null. */
  locale: string | null;
}

export interface KnowledgeMatch extends KnowledgeEntry {
  score: number;
  /** The match figure, 0–1: how well the entry answers the customer's best sentence (domain/knowledge-match). */
  confidence: number;
}

/**
 * Turns text into search terms word by word (each word gives one or more terms): normalised,
 * stop words dropped, stemmed for the language.
 */
export type Analyzer = (text: string, language: string | null) => string[][];

export interface KnowledgeIndexOptions {
  /**
   * Skip entries whose language is another than the question's (entries with no language answer
   * every question). Off for a localized collection: the locale has already chosen the entries.
   */
  sameLanguageOnly: boolean;
}

interface IndexedEntry extends KnowledgeEntry {
  titleTerms: string;
  bodyTerms: string;
}

const TITLE_FIELD = 'titleTerms';
/** Query terms of this length or more also match longer terms they begin. */
const PREFIX_MIN_LENGTH = 4;
/** Query terms of this length or more also match terms within this share of edits. */
const FUZZY_MIN_LENGTH = 6;
const FUZZY_SHARE = 0.2;

const splitOnSpace = (text: string) => text.split(' ').filter(Boolean);
/** A word, whatever its terms: the key that counts it once. */
const wordKey = (terms: readonly string[]) => terms.join(' ');
/** How many of these words have a term among the matched ones. */
const wordsHit = (words: readonly string[][], matched: ReadonlySet<string>) =>
  new Set(words.filter((terms) => terms.some((term) => matched.has(term))).map(wordKey)).size;

/** Edit distance of two terms, or `limit + 1` as soon as it is known to exceed `limit`. */
function editDistanceWithin(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    if (Math.min(...current) > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length];
}

/** Whether a query term matches an indexed term the way the search does (exactly, by prefix or fuzzily). */
function queryTermMatches(queryTerm: string, indexedTerm: string): boolean {
  if (queryTerm === indexedTerm) return true;
  if (queryTerm.length >= PREFIX_MIN_LENGTH && indexedTerm.startsWith(queryTerm)) return true;
  if (queryTerm.length < FUZZY_MIN_LENGTH) return false;
  const limit = Math.round(queryTerm.length * FUZZY_SHARE);
  return editDistanceWithin(queryTerm, indexedTerm, limit) <= limit;
}

/** The entry's title terms that the question matched (exactly, by prefix or fuzzily). */
function titleTermsMatched(result: SearchResult): string[] {
  return Object.entries(result.match)
    .filter(([, fields]) => fields.includes(TITLE_FIELD))
    .map(([term]) => term);
}

/** One sentence of the question, analysed. */
interface QuestionSentence {
  words: string[][];
  wordCount: number;
  terms: string[];
}

/**
 * Full-text retrieval over the knowledge base with MiniSearch (BM25, prefix and fuzzy
 * matching). Entries are analysed with their own language and questions with the
 * conversation's, so "palautus", "palauttaa" and "palautuksen" meet.
 */
export class KnowledgeIndex {
  private readonly search: MiniSearch<IndexedEntry>;
  /** Each entry's title, word by word, to count how much of it a question asks. */
  private readonly titleWords = new Map<string, string[][]>();
  private readonly sameLanguageOnly: boolean;
  readonly size: number;

  constructor(
    entries: readonly KnowledgeEntry[],
    private readonly analyze: Analyzer,
    options: KnowledgeIndexOptions = { sameLanguageOnly: true },
  ) {
    this.sameLanguageOnly = options.sameLanguageOnly;
    this.search = new MiniSearch<IndexedEntry>({
      idField: 'id',
      fields: [TITLE_FIELD, 'bodyTerms'],
      storeFields: ['id', 'title', 'body', 'language', 'locale'],
      tokenize: splitOnSpace,
      processTerm: (term) => term,
      searchOptions: {
        boost: { [TITLE_FIELD]: 2 },
        prefix: (term) => term.length >= PREFIX_MIN_LENGTH,
        fuzzy: (term) => (term.length >= FUZZY_MIN_LENGTH ? FUZZY_SHARE : false),
      },
    });
    this.search.addAll(
      entries.map((entry) => {
        const titleWords = analyze(entry.title, entry.language);
        this.titleWords.set(entry.id, titleWords);
        return { ...entry, titleTerms: titleWords.flat().join(' '), bodyTerms: analyze(entry.body, entry.language).flat().join(' ') };
      }),
    );
    this.size = entries.length;
  }

  /**
   * The best entries for a question, best first: by match figure, then BM25 score. The question
   * is searched once; each entry's figure is its best sentence's (domain/knowledge-match).
   */
  find(question: string, options: { language: string | null; limit?: number }): KnowledgeMatch[] {
    const sentences: QuestionSentence[] = questionSentences(question)
      .map((sentence) => this.analyze(sentence, options.language))
      .filter((words) => words.length > 0)
      .map((words) => ({ words, wordCount: new Set(words.map(wordKey)).size, terms: [...new Set(words.flat())] }));
    const queryTerms = [...new Set(sentences.flatMap((sentence) => sentence.terms))];
    if (queryTerms.length === 0) return [];
    const results = this.search.search(queryTerms.join(' '), {
      combineWith: 'OR',
      filter: (result) => !this.sameLanguageOnly || !options.language || !result.language || result.language === options.language,
    });
    const titleTermsAsked = this.titleTermsAskedBy(sentences, results);
    return results
      .map((result) => {
        const matchedQueryTerms = new Set(result.queryTerms);
        const matchedTitleTerms = titleTermsMatched(result);
        const titleWords = this.titleWords.get(String(result.id)) ?? [];
        const titleWordCount = new Set(titleWords.map(wordKey)).size;
        const confidence = Math.max(
          ...sentences.map((sentence, index) =>
            matchFigure({
              sentenceWords: sentence.wordCount,
              sentenceWordsInEntry: wordsHit(sentence.words, matchedQueryTerms),
              titleWords: titleWordCount,
              titleWordsAsked: wordsHit(titleWords, new Set(matchedTitleTerms.filter((term) => titleTermsAsked[index].has(term)))),
            }),
          ),
        );
        return {
          id: String(result.id),
          title: String(result.title ?? ''),
          body: String(result.body ?? ''),
          language: (result.language as string | null) ?? null,
          locale: (result.locale as string | null) ?? null,
          score: result.score,
          confidence,
        };
      })
      .sort((a, b) => b.confidence - a.confidence || b.score - a.score)
      .slice(0, options.limit ?? 5);
  }

  /** For each sentence, the matched title terms (of any entry) that one of its terms matches. */
  private titleTermsAskedBy(sentences: readonly QuestionSentence[], results: readonly SearchResult[]): Array<Set<string>> {
    const matchedTitleTerms = [...new Set(results.flatMap(titleTermsMatched))];
    return sentences.map(
      (sentence) => new Set(matchedTitleTerms.filter((titleTerm) => sentence.terms.some((term) => queryTermMatches(term, titleTerm)))),
    );
  }
}
