import { MAX_SENTENCES, matchFigure, matchStrength, questionSentences } from '../knowledge-match';

describe('matchFigure', () => {
  it('is 1 for a sentence that is the title', () => {
    expect(matchFigure({ sentenceWords: 2, sentenceWordsInEntry: 2, titleWords: 2, titleWordsAsked: 2 })).toBe(1);
  });

  it('is the share of the sentence the entry covers when the title lifts nothing', () => {
    // "Do you accept MobilePay?" against a payments entry whose body names MobilePay.
    expect(matchFigure({ sentenceWords: 2, sentenceWordsInEntry: 2, titleWords: 3, titleWordsAsked: 1 })).toBe(1);
    expect(matchFigure({ sentenceWords: 4, sentenceWordsInEntry: 1, titleWords: 3, titleWordsAsked: 0 })).toBe(0.25);
  });

  it('reads strong for the whole title and a word of the customer’s own', () => {
    // "I want to track my order" against "How can I track my order?"
    const figure = matchFigure({ sentenceWords: 3, sentenceWordsInEntry: 2, titleWords: 2, titleWordsAsked: 2 });
    expect(figure).toBeCloseTo(5 / 6);
    expect(matchStrength(figure)).toBe('strong');
  });

  it('lifts a long sentence that asks the whole title to at least a partial match', () => {
    const figure = matchFigure({ sentenceWords: 8, sentenceWordsInEntry: 2, titleWords: 2, titleWordsAsked: 2 });
    expect(figure).toBeCloseTo(0.625);
    expect(matchStrength(figure)).toBe('partial');
  });

  it('does not lift by a title of a single word', () => {
    expect(matchFigure({ sentenceWords: 4, sentenceWordsInEntry: 1, titleWords: 1, titleWordsAsked: 1 })).toBe(0.25);
  });

  it('is 0 for a sentence without meaningful words and stays within 0–1', () => {
    expect(matchFigure({ sentenceWords: 0, sentenceWordsInEntry: 0, titleWords: 2, titleWordsAsked: 0 })).toBe(0);
    expect(matchFigure({ sentenceWords: 2, sentenceWordsInEntry: 5, titleWords: 2, titleWordsAsked: 7 })).toBe(1);
  });
});

describe('matchStrength', () => {
  it('reads strong from 0.8, partial from 0.5, else weak', () => {
    expect(matchStrength(1)).toBe('strong');
    expect(matchStrength(0.8)).toBe('strong');
    expect(matchStrength(0.79)).toBe('partial');
    expect(matchStrength(0.5)).toBe('partial');
    expect(matchStrength(0.49)).toBe('weak');
  });
});

describe('questionSentences', () => {
  it('splits after sentence punctuation and at line breaks', () => {
    expect(questionSentences('Hei! Ostin kengät viime viikolla. Miten seuraan tilaustani?\nKiitos')).toEqual([
      'Hei!',
      'Ostin kengät viime viikolla.',
      'Miten seuraan tilaustani?',
      'Kiitos',
    ]);
  });

  it('keeps decimals and addresses together', () => {
    expect(questionSentences('Is 1.5 kg ok for www.example.com or not?')).toEqual(['Is 1.5 kg ok for www.example.com or not?']);
  });

  it('keeps the latest sentences of a long text', () => {
    const text = Array.from({ length: MAX_SENTENCES + 5 }, (_, index) => `Sentence ${index}.`).join(' ');
    const sentences = questionSentences(text);
    expect(sentences).toHaveLength(MAX_SENTENCES);
    expect(sentences.at(-1)).toBe(`Sentence ${MAX_SENTENCES + 4}.`);
  });

  it('gives nothing for blank text', () => {
    expect(questionSentences('  \n ')).toEqual([]);
  });
});
