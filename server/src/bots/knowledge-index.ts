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

const splitOnSpace = (text: string) => text.split(' ').filter(Boolean);
/** A word, whatever its terms: the key that counts it once. */
const wordKey = (terms: readonly string[]) => terms.join(' ');
/** How many of these words have a term among the matched ones. */
const wordsHit = (words: readonly string[][], matched: ReadonlySet<string>) =>
  new Set(words.filter((terms) => terms.some((term) => matched.has(term))).map(wordKey)).size;

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
      searchOptions: { boost: { [TITLE_FIELD]: 2 }, prefix: (term) => term.length >= 4, fuzzy: (term) => (term.length >= 6 ? 0.2 : false) },
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
   * is read sentence by sentence and each entry keeps its best sentence.
   */
  find(question: string, options: { language: string | null; limit?: number }): KnowledgeMatch[] {
    const best = new Map<string, KnowledgeMatch>();
    for (const sentence of questionSentences(question)) {
      for (const match of this.findForSentence(sentence, options.language)) {
        const kept = best.get(match.id);
        if (!kept || match.confidence > kept.confidence || (match.confidence === kept.confidence && match.score > kept.score)) {
          best.set(match.id, match);
        }
      }
    }
    return [...best.values()].sort((a, b) => b.confidence - a.confidence || b.score - a.score).slice(0, options.limit ?? 5);
  }

  private findForSentence(sentence: string, language: string | null): KnowledgeMatch[] {
    const words = this.analyze(sentence, language);
    const queryTerms = [...new Set(words.flat())];
    if (queryTerms.length === 0) return [];
    const sentenceWords = new Set(words.map(wordKey)).size;
    const results = this.search.search(queryTerms.join(' '), {
      combineWith: 'OR',
      filter: (result) => !this.sameLanguageOnly || !language || !result.language || result.language === language,
    });
    return results.map((result) => {
      const titleWords = this.titleWords.get(String(result.id)) ?? [];
      return {
        id: String(result.id),
        title: String(result.title ?? ''),
        body: String(result.body ?? ''),
        language: (result.language as string | null) ?? null,
        locale: (result.locale as string | null) ?? null,
        score: result.score,
        confidence: matchFigure({
          sentenceWords,
          sentenceWordsInEntry: wordsHit(words, new Set(result.queryTerms)),
          titleWords: new Set(titleWords.map(wordKey)).size,
          titleWordsAsked: wordsHit(titleWords, titleTermsMatched(result)),
        }),
      };
    });
  }
}

/** The entry's title terms that the question matched (exactly, by prefix or fuzzily). */
function titleTermsMatched(result: SearchResult): Set<string> {
  return new Set(Object.entries(result.match).filter(([, fields]) => fields.includes(TITLE_FIELD)).map(([term]) => term));
}
