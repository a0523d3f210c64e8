import { analyzeForSearch, analyzeWordsForSearch } from '../../domain/search-terms';
import { KnowledgeIndex, type KnowledgeEntry } from '../knowledge-index';

const ENTRIES: KnowledgeEntry[] = [
  { id: 'delivery-fi', language: 'fi', locale: null, title: 'Mitkä ovat toimitusajat?', body: 'Toimitamme tilaukset 1–3 arkipäivässä.' },
  { id: 'cancel-fi', language: 'fi', locale: null, title: 'Voinko perua tilauksen?', body: 'Voit perua tilauksen ennen kuin se lähtee varastolta.' },
  { id: 'returns-fi', language: 'fi', locale: null, title: 'Miten palautan tuotteen?', body: 'Palautusoikeus on 30 päivää. Tulosta palautuslappu tililtäsi.' },
  { id: 'returns-en', language: 'en', locale: null, title: 'How do I return a product?', body: 'You can return a product within 30 days.' },
  { id: 'warranty-sv', language: 'sv', locale: null, title: 'Hur lång är garantin?', body: 'Produkterna har tillverkarens garanti, oftast 12–24 månader.' },
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

describe('KnowledgeIndex match figure', () => {
  const SHOP: KnowledgeEntry[] = [
    { id: 'track', language: 'en', locale: null, title: 'How can I track my order?', body: 'You receive a tracking code by email when the order leaves the warehouse.' },
    { id: 'pay', language: 'en', locale: null, title: 'Which payment methods do you accept?', body: 'We accept online bank payments, MobilePay, cards, invoice and instalments.' },
    { id: 'cancel', language: 'en', locale: null, title: 'Can I change or cancel my order?', body: 'You can change or cancel an order until it leaves the warehouse.' },
  ];
  const shop = new KnowledgeIndex(SHOP, analyzeWordsForSearch);

  it('reads a question that is an entry’s title as a full match, whatever was written before it', () => {
    const history = ['Hello, I bought winter boots and a scarf from your shop last week', 'My neighbour got hers already', 'How can I track my order?'].join('\n');
    const [best] = shop.find(history, { language: 'en' });
    expect(best).toMatchObject({ id: 'track', confidence: 1 });
  });

  it('reads the title question inside a longer message by its own sentence', () => {
    const [best] = shop.find('Hi! I am Maija and I ordered boots on Monday. How can I track my order?', { language: 'en' });
    expect(best).toMatchObject({ id: 'track', confidence: 1 });
  });

  it('reads the title asked in other words of the customer’s own as a strong match', () => {
    const [best] = shop.find('I want to track my order', { language: 'en' });
    expect(best.id).toBe('track');
    expect(best.confidence).toBeGreaterThanOrEqual(0.8);
  });

  it('reads a question the body answers by how much of it the entry covers', () => {
    const [best] = shop.find('Do you take MobilePay?', { language: 'en' });
    expect(best.id).toBe('pay');
    expect(best.confidence).toBeGreaterThanOrEqual(0.5);
  });

  it('tolerates a near-exact title: another inflection and a typo', () => {
    const [best] = shop.find('how can i track my orders', { language: 'en' });
    expect(best).toMatchObject({ id: 'track', confidence: 1 });
    expect(shop.find('Which paymet methods do you accept', { language: 'en' })[0]).toMatchObject({ id: 'pay', confidence: 1 });
  });

  it('answers a localized index’s fallback entries in any language when asked not to filter', () => {
    const localized = new KnowledgeIndex(
      [{ id: 'pay', language: 'en', locale: 'en', title: 'Which payment methods do you accept?', body: 'MobilePay, cards and invoice.' }],
      analyzeWordsForSearch,
      { sameLanguageOnly: false },
    );
    expect(localized.find('Tar ni MobilePay?', { language: 'sv' })[0]).toMatchObject({ id: 'pay', locale: 'en' });
    expect(index.find('MobilePay', { language: 'sv' })).toEqual([]);
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
