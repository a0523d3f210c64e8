import { analyzeForSearch, analyzeWordsForSearch } from '../../domain/search-terms';
import { KnowledgeIndex, type KnowledgeEntry } from '../knowledge-index';

const ENTRIES: KnowledgeEntry[] = [
  { id: 'delivery-fi', language: 'fi', title: 'Mitkä ovat toimitusajat?', body: 'Toimitamme tilaukset 1–3 arkipäivässä.' },
  { id: 'cancel-fi', language: 'fi', title: 'Voinko perua tilauksen?', body: 'Voit perua tilauksen ennen kuin se lähtee varastolta.' },
  { id: 'returns-fi', language: 'fi', title: 'Miten palautan tuotteen?', body: 'Palautusoikeus on 30 päivää. Tulosta palautuslappu tililtäsi.' },
  { id: 'returns-en', language: 'en', title: 'How do I return a product?', body: 'You can return a product within 30 days.' },
  { id: 'warranty-sv', language: 'sv', title: 'Hur lång är garantin?', body: 'Produkterna har tillverkarens garanti, oftast 12–24 månader.' },
];

const index = new KnowledgeIndex(ENTRIES, analyzeWordsForSearch);

describe('KnowledgeIndex', () => {
  it('finds an entry through inflected Finnish forms', () => {
    const [best] = index.find('Kuinka palautuksen voi tehdä?', { language: 'fi' });
    expect(best.id).toBe('returns-fi');
    expect(best.confidence).toBeGreaterThan(0);
  });

  it('prefers the entry that covers more of the question over one that repeats a word', () => {
    const [best] = index.find('Kuinka nopeasti toimitatte tilaukset?', { language: 'fi' });
    expect(best.id).toBe('delivery-fi');
    expect(best.confidence).toBeGreaterThanOrEqual(0.5);
  });

  it('answers only in the conversation language when entries have one', () => {
    const results = index.find('How do I return a product?', { language: 'en' });
    expect(results.map((result) => result.id)).toEqual(['returns-en']);
    expect(results[0].confidence).toBe(1);
  });

  it('tolerates a typo in a longer word', () => {
    expect(index.find('garanttin längd', { language: 'sv' })[0]?.id).toBe('warranty-sv');
  });

  it('returns nothing for a question made only of stop words or unrelated words', () => {
    expect(index.find('Mitä jos minä?', { language: 'fi' })).toEqual([]);
    expect(index.find('purple elephants dancing', { language: 'en' })).toEqual([]);
  });

  it('limits the number of results', () => {
    expect(index.find('tilaus tuote palautus toimitus', { language: 'fi', limit: 2 })).toHaveLength(2);
  });
});

describe('analyzeForSearch', () => {
  it('drops stop words and stems', () => {
    expect(analyzeForSearch('How do I return the products?', 'en')).toEqual(['return', 'product', 'produc']);
  });

  it('folds diacritics after stemming', () => {
    expect(analyzeForSearch('tyytyväinen', 'fi')).toEqual(analyzeForSearch('tyytyvainen', 'fi'));
  });

  it('uses the stems of every language when the language is unknown', () => {
    const terms = analyzeForSearch('palautukset', null);
    expect(terms).toContain(analyzeForSearch('palautukset', 'fi')[0]);
    expect(terms.length).toBeGreaterThanOrEqual(1);
  });
});
