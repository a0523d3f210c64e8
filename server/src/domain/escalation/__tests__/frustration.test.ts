import { FRUSTRATION_WEIGHTS, frustrationScore, isShouting, type FrustrationSignalKind } from '../frustration';

const kinds = (messages: readonly string[], language = 'fi'): FrustrationSignalKind[] =>
  frustrationScore(messages, language).signals.map((signal) => signal.kind);

describe('frustrationScore', () => {
  it('is 0 with no signals for calm messages', () => {
    expect(frustrationScore(['Hei, missä tilaukseni on?', 'Tilausnumero on 12345.'], 'fi')).toEqual({
      score: 0,
      signals: [],
    });
    expect(frustrationScore([], 'fi')).toEqual({ score: 0, signals: [] });
  });

  it('counts negative words, inflected and without diacritics, once per occurrence', () => {
    const result = frustrationScore(['Tämä on ihan paskaa ja turhaa', 'hyodyton botti'], 'fi');
    // Both messages aim their words at the conversation ("tämä on") and the bot ("botti").
    expect(result.signals).toEqual([
      { kind: 'aimed_at_bot', weight: 0.8, detail: '2 messages: "hyodyton" at "botti"' },
      { kind: 'negative_words', weight: 0.6, detail: '"paskaa", "turhaa", "hyodyton"' },
    ]);
    expect(result.score).toBe(1);
    // The same words aimed at nothing: negative words only.
    const unaimed = frustrationScore(['Sää on ollut paskaa ja turhaa odottaa', 'hyodyton ohje'], 'fi');
    expect(unaimed.signals).toEqual([
      { kind: 'negative_words', weight: 0.6, detail: '"paskaa", "turhaa", "hyodyton"' },
    ]);
    expect(unaimed.score).toBe(0.6);
  });

  it('caps each kind at its maximum', () => {
    const result = frustrationScore(['useless terrible awful stupid crap'], 'en');
    expect(result.signals[0]).toMatchObject({ kind: 'negative_words', weight: FRUSTRATION_WEIGHTS.negativeWord.max });
  });

  it('reads English negative words in a Finnish conversation, but not Swedish ones', () => {
    expect(kinds(['tää on useless'], 'fi')).toEqual(['negative_words']);
    // Swedish "fan" is also an English word: only read in Swedish conversations (or unknown ones).
    expect(kinds(['my fan is broken'], 'en')).toEqual([]);
    expect(kinds(['fan, det funkar inte'], 'sv')).toEqual(['negative_words']);
  });

  it('scores shouting per message, ignoring acronyms and short words', () => {
    expect(isShouting('MISSÄ ON MINUN PAKETTINI')).toBe(true);
    expect(isShouting('VASTAA')).toBe(true);
    expect(isShouting('HELP')).toBe(false); // four capitals are not enough
    expect(isShouting('Is the EU VAT included?')).toBe(false);
    expect(isShouting('Tilasin GDPR-oppaan')).toBe(false);
    expect(isShouting('12345 !!!')).toBe(false);
    const result = frustrationScore(['MISSÄ ON MINUN PAKETTINI', 'VASTAA NYT HETI'], 'fi');
    expect(result.signals).toEqual([
      { kind: 'shouting', weight: 0.5, detail: '2 messages in capitals: "VASTAA NYT HETI"' },
    ]);
  });

  it('scores runs of three or more ! or ?, not single or double ones', () => {
    expect(kinds(['Kiitos!!', 'Miksi?'])).toEqual([]);
    const result = frustrationScore(['Missä paketti???', 'Vastaa!!!!', 'Haloo?!?'], 'fi');
    expect(result.signals).toEqual([
      { kind: 'repeated_punctuation', weight: 0.3, detail: '"???", "!!!!", "?!?"' },
    ]);
  });

  it('scores a question asked again, by token similarity, not exact text', () => {
    const result = frustrationScore(['Missä minun tilaukseni on?', 'missä on minun tilaukseni'], 'fi');
    expect(result.signals).toEqual([
      { kind: 'repeated_question', weight: 0.3, detail: 'asked again once: "Missä minun tilaukseni on?"' },
    ]);
  });

  it('does not treat different questions or one-word messages as repeats', () => {
    expect(kinds(['Missä tilaukseni on?', 'Paljonko toimitus maksaa?'])).toEqual([]);
    expect(kinds(['ok', 'ok', 'kiitos', 'kiitos'])).toEqual([]);
  });

  it('rises as a conversation gets angrier, and crosses the default threshold 0.6', () => {
    const conversation = [
      'Missä minun tilaukseni on?',
      'Missä minun tilaukseni on nyt?',
      'Tilasin sen viikko sitten!!!',
      'MISSÄ MINUN TILAUKSENI ON???',
    ];
    const scores = conversation.map((_, index) => frustrationScore(conversation.slice(0, index + 1), 'fi').score);
    for (let index = 1; index < scores.length; index++) expect(scores[index]).toBeGreaterThan(scores[index - 1]);
    // repeat 0.3 → + punctuation 0.15 → two repeats 0.6 + punctuation ×2 0.3 + shouting 0.25, capped.
    expect(scores).toEqual([0, 0.3, 0.45, 1]);
  });

  it('sums the kinds, caps the score at 1 and lists the heaviest signal first', () => {
    const result = frustrationScore(
      ['TÄMÄ BOTTI ON TÄYSIN TURHA!!!', 'TÄMÄ BOTTI ON TÄYSIN TURHA!!!', 'paska, vittu, surkea'],
      'fi',
    );
    expect(result.score).toBe(1);
    expect(result.signals.map((signal) => signal.kind)).toEqual([
      'aimed_at_bot',
      'negative_words',
      'shouting',
      'repeated_punctuation',
      'repeated_question',
    ]);
  });

  it('documents the one-message example: shouting + negative word + punctuation = 0.60', () => {
    // Not aimed at the bot (the app is the product), so the three kinds together make the 0.60.
    expect(frustrationScore(['THIS APP IS TERRIBLE!!!'], 'en').score).toBe(0.6);
    // Aimed at the bot, the same shout scores more.
    expect(frustrationScore(['THIS BOT IS USELESS!!!'], 'en').score).toBe(1);
  });

  it('reads all three languages when the language is unknown', () => {
    expect(kinds(['värdelös'], 'de')).toEqual(['negative_words']);
    expect(kinds(['hyödytön'], 'de')).toEqual(['negative_words']);
  });
});
