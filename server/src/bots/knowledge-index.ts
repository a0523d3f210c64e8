import MiniSearch from 'minisearch';

/** One entry of the site owner's knowledge-base collection, reduced to what search needs. */
export interface KnowledgeEntry {
  id: string; // the entry's documentId
  title: string;
  body: string;
  language: string | null;
}

export interface KnowledgeMatch extends KnowledgeEntry {
  score: number;
  /** Share of the question's meaningful words that this entry matched, 0–1. */
  confidence: number;
}

/**
 * Turns text into search terms word by word (each word gives one or more terms): normalised,
 * stop words dropped, stemmed for the language.
 */
export type Analyzer = (text: string, language: string | null) => string[][];

interface IndexedEntry extends KnowledgeEntry {
  titleTerms: string;
  bodyTerms: string;
}

const splitOnSpace = (text: string) => text.split(' ').filter(Boolean);

/**
 * Full-text retrieval over the knowledge base with MiniSearch (BM25, prefix and fuzzy
 * matching). Entries are analysed with their own language and questions with the
 * conversation's, so "palautus", "palauttaa" and "palautuksen" meet on one stem.
 */
export class KnowledgeIndex {
  private readonly search: MiniSearch<IndexedEntry>;
  readonly size: number;

  constructor(
    entries: readonly KnowledgeEntry[],
    private readonly analyze: Analyzer,
  ) {
    this.search = new MiniSearch<IndexedEntry>({
      idField: 'id',
      fields: ['titleTerms', 'bodyTerms'],
      storeFields: ['id', 'title', 'body', 'language'],
      tokenize: splitOnSpace,
      processTerm: (term) => term,
      searchOptions: { boost: { titleTerms: 2 }, prefix: (term) => term.length >= 4, fuzzy: (term) => (term.length >= 6 ? 0.2 : false) },
    });
    this.search.addAll(
      entries.map((entry) => ({
        ...entry,
        titleTerms: analyze(entry.title, entry.language).flat().join(' '),
        bodyTerms: analyze(entry.body, entry.language).flat().join(' '),
      })),
    );
    this.size = entries.length;
  }

  /** The best entries for a question, best first; an entry in another language is skipped. */
  find(question: string, options: { language: string | null; limit?: number }): KnowledgeMatch[] {
    const words = this.analyze(question, options.language);
    const queryTerms = [...new Set(words.flat())];
    if (queryTerms.length === 0) return [];
    // Confidence counts words, not terms: a word is covered when any of its terms matched.
    const wordCount = new Set(words.map((terms) => terms.join(' '))).size;
    const coveredWords = (matched: readonly string[]) => {
      const hits = new Set(matched);
      return new Set(words.filter((terms) => terms.some((term) => hits.has(term))).map((terms) => terms.join(' '))).size;
    };
    const results = this.search.search(queryTerms.join(' '), {
      combineWith: 'OR',
      filter: (result) => !options.language || !result.language || result.language === options.language,
    });
    // Coverage of the question first, BM25 score second: an entry that answers every part of
    // the question beats one that repeats a single word of it in its title.
    return results
      .map((result) => ({
        id: String(result.id),
        title: String(result.title ?? ''),
        body: String(result.body ?? ''),
        language: (result.language as string | null) ?? null,
        score: result.score,
        confidence: Math.min(1, coveredWords(result.queryTerms) / wordCount),
      }))
      .sort((a, b) => b.confidence - a.confidence || b.score - a.score)
      .slice(0, options.limit ?? 5);
  }
}
