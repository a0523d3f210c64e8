import {
  foldDiacritics,
  languagesToTry,
  matchesWord,
  normalizeText,
  stemJaccard,
  stemWord,
  supportedLanguageOrNull,
  tokenize,
  wordForm,
  type StemLanguage,
} from '../text';

/** Does the customer's word stand for the list word? */
const matches = (typed: string, listWord: string, language: StemLanguage): boolean =>
  matchesWord(wordForm(typed, language), wordForm(listWord, language), language);

describe('normalizeText and foldDiacritics', () => {
  it('lower-cases and applies NFKC (full-width letters, ligatures)', () => {
    expect(normalizeText('ＩＨＭＩＮＥＮ')).toBe('ihminen');
    expect(normalizeText('ﬁlter')).toBe('filter');
  });

  it('folds ä, ö, å, é and letters without a combining mark', () => {
    expect(foldDiacritics('tyytyväinen')).toBe('tyytyvainen');
    expect(foldDiacritics('öljy åland café')).toBe('oljy aland cafe');
    expect(foldDiacritics('smørrebrød straße')).toBe('smorrebrod strasse');
  });

  it('folds composed and decomposed input alike', () => {
    expect(foldDiacritics('a\u0308')).toBe(foldDiacritics('ä'));
  });
});

describe('stemWord', () => {
  it('folds AFTER stemming, so a word typed without diacritics meets its proper spelling', () => {
    expect(stemWord('tyytyväinen', 'fi')).toBe('tyytyvain');
    expect(stemWord('tyytyvainen', 'fi')).toBe('tyytyvain');
  });

  it('reduces Finnish case endings with the Finnish stemmer', () => {
    const stems = ['asiakaspalvelija', 'asiakaspalvelijalle', 'asiakaspalvelijaa', 'asiakaspalvelijan'].map((word) =>
      stemWord(word, 'fi'),
    );
    expect(new Set(stems)).toEqual(new Set(['asiakaspalvelij']));
  });

  it('uses the stemmer of the language given', () => {
    expect(stemWord('complaints', 'en')).toBe('complaint');
    expect(stemWord('människor', 'sv')).toBe('mannisk');
  });
});

describe('tokenize', () => {
  it('drops punctuation and emoji, keeps word order and numbers', () => {
    expect(tokenize('Hei!!! Tilaus #123 😡 ei näy?', 'fi').map((token) => token.text)).toEqual([
      'hei',
      'tilaus',
      '123',
      'ei',
      'näy',
    ]);
  });

  it('numbers clauses at punctuation, not at hyphens', () => {
    const tokens = tokenize('Ei, haluan chat-asiakaspalvelijan. Kiitos', 'fi');
    expect(tokens.map((token) => [token.text, token.clause])).toEqual([
      ['ei', 0],
      ['haluan', 1],
      ['chat', 1],
      ['asiakaspalvelijan', 1],
      ['kiitos', 2],
    ]);
  });

  it("joins apostrophes inside words: don't → dont", () => {
    expect(tokenize("I DON'T want it, I’m sure", 'en').map((token) => token.text)).toEqual([
      'i',
      'dont',
      'want',
      'it',
      'im',
      'sure',
    ]);
  });

  it('gives each token its folded spelling and folded stem', () => {
    const [token] = tokenize('TYYTYVÄINEN', 'fi');
    expect(token).toEqual({ text: 'tyytyväinen', folded: 'tyytyvainen', stem: 'tyytyvain', clause: 0 });
  });
});

describe('matchesWord', () => {
  it.each([
    ['ihminen', 'ihminen'],
    ['ihmisen', 'ihminen'],
    ['ihmiselle', 'ihminen'],
    ['ihmistä', 'ihminen'],
    ['ihmista', 'ihminen'],
    ['asiakaspalvelijalle', 'asiakaspalvelija'],
    ['asiakaspalvelijaa', 'asiakaspalvelija'],
    ['tyytyvainen', 'tyytyväinen'],
    ['valituksen', 'valitus'],
    ['valitusta', 'valitus'],
    ['valitukset', 'valitus'],
    ['reklamaation', 'reklamaatio'],
  ])('Finnish: %s stands for %s', (typed, listWord) => {
    expect(matches(typed, listWord, 'fi')).toBe(true);
  });

  it('finds a long list word as the last part of a compound', () => {
    expect(matches('tuotereklamaatio', 'reklamaatio', 'fi')).toBe(true);
    expect(matches('ihmisasiakaspalvelijalle', 'asiakaspalvelija', 'fi')).toBe(true);
    expect(matches('kundklagomålet', 'klagomål', 'sv')).toBe(true);
  });

  it.each([
    ['valitse', 'valitus'], // choose
    ['valitut', 'valitus'], // chosen
    ['valitettavasti', 'valitus'], // unfortunately
    ['ihme', 'ihminen'], // miracle
    ['puhelin', 'puhua'], // phone
  ])('Finnish: %s does not stand for %s', (typed, listWord) => {
    expect(matches(typed, listWord, 'fi')).toBe(false);
  });

  it('needs an equal stem for short list words, so "bot" does not match "bottle"', () => {
    expect(matches('bottle', 'bot', 'en')).toBe(false);
    expect(matches('bots', 'bot', 'en')).toBe(true);
  });

  it('allows the Finnish stem-final alternations only in Finnish', () => {
    expect(matches('ihmisen', 'ihminen', 'fi')).toBe(true);
    expect(matches('humas', 'human', 'en')).toBe(false);
  });

  it('does not find short list words inside compounds', () => {
    expect(matches('missnöjd', 'nöjd', 'sv')).toBe(false);
  });

  it('matches capitals and missing diacritics in Swedish', () => {
    expect(matches('MANNISKA', 'människa', 'sv')).toBe(true);
    expect(matches('människan', 'människa', 'sv')).toBe(true);
  });
});

describe('languagesToTry and supportedLanguageOrNull', () => {
  it('puts the conversation language first and accepts region tags', () => {
    expect(languagesToTry('sv')).toEqual(['sv', 'fi', 'en']);
    expect(languagesToTry('fi-FI')).toEqual(['fi', 'en', 'sv']);
    expect(languagesToTry('EN_gb')).toEqual(['en', 'fi', 'sv']);
  });

  it('tries all three for an unknown or empty language', () => {
    expect(languagesToTry('de')).toEqual(['fi', 'en', 'sv']);
    expect(languagesToTry('')).toEqual(['fi', 'en', 'sv']);
    expect(supportedLanguageOrNull('de')).toBeNull();
    expect(supportedLanguageOrNull(' sv-FI ')).toBe('sv');
  });
});

describe('stemJaccard', () => {
  it('compares stem sets', () => {
    const where = tokenize('Missä tilaukseni on?', 'fi');
    const whereAgain = tokenize('MISSÄ TILAUKSENI ON???', 'fi');
    const other = tokenize('Paljonko toimitus maksaa?', 'fi');
    expect(stemJaccard(where, whereAgain)).toBe(1);
    expect(stemJaccard(where, other)).toBe(0);
    expect(stemJaccard([], [])).toBe(0);
  });
});
