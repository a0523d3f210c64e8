import { languageOfLocale, localeForLanguage, withDefaultLocaleFallback } from '../knowledge-locale';

describe('languageOfLocale', () => {
  it('reads the language part of a code, lower-case', () => {
    expect(languageOfLocale('fi-FI')).toBe('fi');
    expect(languageOfLocale('sv_SE')).toBe('sv');
    expect(languageOfLocale('EN')).toBe('en');
    expect(languageOfLocale('zh-Hans-CN')).toBe('zh');
  });
});

describe('localeForLanguage', () => {
  const SITE = ['en', 'fi-FI', 'sv-SE'];

  it('maps each conversation language to the site locale of that language', () => {
    expect(localeForLanguage('fi', SITE, 'en')).toBe('fi-FI');
    expect(localeForLanguage('sv', SITE, 'en')).toBe('sv-SE');
    expect(localeForLanguage('en', SITE, 'en')).toBe('en');
  });

  it('falls back to the default locale when the site has no locale of the language', () => {
    expect(localeForLanguage('sv', ['en', 'fi-FI'], 'fi-FI')).toBe('fi-FI');
    expect(localeForLanguage('sv', ['en', 'fi-FI'], 'en')).toBe('en');
  });

  it('reads the default locale for a conversation of unknown language', () => {
    expect(localeForLanguage(null, SITE, 'fi-FI')).toBe('fi-FI');
  });

  it('prefers the code that is the language itself, then the default, then the first in order', () => {
    expect(localeForLanguage('en', ['en-US', 'en', 'en-GB'], 'fi')).toBe('en');
    expect(localeForLanguage('en', ['en-US', 'en-GB', 'fi'], 'en-US')).toBe('en-US');
    expect(localeForLanguage('en', ['en-US', 'en-GB', 'fi'], 'fi')).toBe('en-GB');
  });

  it('matches regardless of case', () => {
    expect(localeForLanguage('FI', ['fi-fi', 'en'], 'en')).toBe('fi-fi');
  });

  it('is null only without a default locale and without a match', () => {
    expect(localeForLanguage('sv', [], null)).toBeNull();
    expect(localeForLanguage('fi', ['fi-FI'], null)).toBe('fi-FI');
  });
});

describe('withDefaultLocaleFallback', () => {
  const fiReturns = { id: 'returns', title: 'Miten palautan?' };
  const enReturns = { id: 'returns', title: 'How do I return?' };
  const enGiftCards = { id: 'gift-cards', title: 'Do you sell gift cards?' };

  it('keeps the locale’s own version of a translated document', () => {
    expect(withDefaultLocaleFallback([fiReturns], [enReturns])).toEqual([fiReturns]);
  });

  it('adds the default locale’s version of a document not translated yet', () => {
    expect(withDefaultLocaleFallback([fiReturns], [enReturns, enGiftCards])).toEqual([fiReturns, enGiftCards]);
  });

  it('reads the default locale whole when the locale has no entries', () => {
    expect(withDefaultLocaleFallback([], [enReturns, enGiftCards])).toEqual([enReturns, enGiftCards]);
  });
});
