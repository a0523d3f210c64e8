import { CUSTOMER_TEXTS, fillPlaceholders, WIDGET_TEXT_KEYS } from '../../../server/src/domain/customer-texts';
import { fill, withOwnerTexts } from '../app/owner-texts';
import { appTexts, LOCALES } from '../i18n';

describe('the site owner’s wording over the widget’s texts', () => {
  it('replaces the plain texts and keeps the others', () => {
    const t = withOwnerTexts(appTexts.fi, { rating_prompt: 'Kerro, miten onnistuimme', title: 'Tuki' });
    expect(t.rating_prompt).toBe('Kerro, miten onnistuimme');
    expect(t.title).toBe('Tuki');
    expect(t.rating_thanks).toBe(appTexts.fi.rating_thanks);
    expect(withOwnerTexts(appTexts.en, undefined)).toEqual({ ...appTexts.en, closed: expect.any(Function), queue: expect.any(Function) });
  });

  it('fills the closed notice, and keeps the built-in one when no opening is known', () => {
    const t = withOwnerTexts(appTexts.fi, { closed_notice: 'Suljettu. Palaamme {nextOpening}!' });
    expect(t.closed('maanantaina 08.00')).toBe('Suljettu. Palaamme maanantaina 08.00!');
    expect(t.closed(null)).toBe(appTexts.fi.closed(null));
    // A wording without the placeholder is used either way.
    expect(withOwnerTexts(appTexts.fi, { closed_notice: 'Olemme kiinni.' }).closed(null)).toBe('Olemme kiinni.');
  });

  it('picks the queue wording for what is known', () => {
    const t = withOwnerTexts(appTexts.en, {
      queue_wait: '#{position}, ~{minutes} min',
      queue_soon: '#{position}, soon',
      queue_position: '#{position}',
      queue_waiting: 'Hold on',
    });
    expect([t.queue(3, 4), t.queue(3, 0), t.queue(3, null), t.queue(null, null)]).toEqual(['#3, ~4 min', '#3, soon', '#3', 'Hold on']);
    expect(withOwnerTexts(appTexts.en, { queue_waiting: 'Hold on' }).queue(2, 5)).toBe(appTexts.en.queue(2, 5));
  });

  it('fills nothing when a value is missing', () => {
    expect(fill('{a} and {b}', { a: 1, b: 'two' })).toBe('1 and two');
    expect(fill('{a} and {b}', { a: 1, b: null })).toBe('');
    expect(fill(undefined, {})).toBe('');
  });

  it('has the same defaults as the server’s catalogue shows the site owner', () => {
    const sample = { position: '3', minutes: '4', nextOpening: 'X' };
    const builtIn = (locale: (typeof LOCALES)[number], key: (typeof WIDGET_TEXT_KEYS)[number]): string => {
      const t = appTexts[locale];
      switch (key) {
        case 'queue_wait':
          return t.queue(3, 4);
        case 'queue_soon':
          return t.queue(3, 0);
        case 'queue_position':
          return t.queue(3, null);
        case 'queue_waiting':
          return t.queue(null, null);
        case 'closed_notice':
          return t.closed('X');
        default:
          return t[key];
      }
    };
    for (const locale of LOCALES) {
      for (const key of WIDGET_TEXT_KEYS) expect(builtIn(locale, key)).toBe(fillPlaceholders(CUSTOMER_TEXTS[key].defaults[locale], sample));
    }
  });
});
