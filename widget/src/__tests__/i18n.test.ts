import { appTexts, launcherTexts, LOCALES, pickLocale, waitMinutes } from '../i18n';

describe('language', () => {
  it('takes the first supported candidate, in the order given', () => {
    expect(pickLocale(['sv-FI', 'en'])).toBe('sv');
    expect(pickLocale([undefined, 'EN-us', 'fi'])).toBe('en');
    expect(pickLocale([undefined, null, 'de-DE', 'fi-FI'])).toBe('fi');
  });

  it('honours the allowed languages and the fallback', () => {
    expect(pickLocale(['sv', 'en'], ['fi', 'en'])).toBe('en');
    expect(pickLocale(['de'], ['fi', 'en', 'sv'], 'en')).toBe('en');
    expect(pickLocale([])).toBe('fi');
  });
});

describe('texts', () => {
  it('has every string in fi, en and sv', () => {
    const keys = Object.keys(appTexts.fi).sort();
    for (const locale of LOCALES) {
      expect(Object.keys(appTexts[locale]).sort()).toEqual(keys);
      for (const key of keys) expect(appTexts[locale][key as keyof (typeof appTexts)['fi']]).toBeTruthy();
      expect(launcherTexts[locale]).toHaveLength(3);
    }
  });

  it('tells the queue position with the wait in whole minutes, rounded up', () => {
    expect(appTexts.en.queue(3, waitMinutes(210))).toBe('You are number 3 in the queue, about 4 minutes.');
    expect(appTexts.en.queue(1, waitMinutes(30))).toBe('You are number 1 in the queue, about 1 minute.');
    expect(appTexts.en.queue(2, waitMinutes(null))).toBe('You are number 2 in the queue.');
    expect(appTexts.fi.queue(3, 4)).toBe('Olet jonossa sijalla 3, odotusaika noin 4 min.');
    expect(appTexts.sv.queue(null, null)).toBe('Du väntar på kundtjänst.');
  });

  it('counts unread messages in the launcher name', () => {
    expect(launcherTexts.fi[2](1)).toBe('1 uusi viesti');
    expect(launcherTexts.en[2](3)).toBe('3 new messages');
  });

  it('rounds the wait up to whole minutes', () => {
    expect([0, 1, 60, 61, 240].map(waitMinutes)).toEqual([1, 1, 1, 2, 4]);
    expect(waitMinutes(undefined)).toBeNull();
  });
});
