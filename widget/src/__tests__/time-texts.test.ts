import { minutesLeft, openingText } from '../app/time-texts';
import { appTexts } from '../i18n';

// Monday 30 November 2026, 08:00 in Helsinki (UTC+2): 06:00 UTC, 01:00 in New York.
const HELSINKI_EIGHT = '2026-11-30T06:00:00.000Z';

describe('the next opening in the team’s time zone', () => {
  it('shows the team’s clock without a zone name when the customer’s clock agrees', () => {
    expect(openingText(HELSINKI_EIGHT, 'en', 'Europe/Helsinki', 'Europe/Helsinki')).toBe('Monday 08:00 AM');
    // Another zone name, the same clock: nothing to explain.
    expect(openingText(HELSINKI_EIGHT, 'fi', 'Europe/Helsinki', 'Europe/Tallinn')).toBe('maanantaina 08.00');
  });

  it('shows the team’s clock and names its zone for a customer elsewhere', () => {
    const newYork = openingText(HELSINKI_EIGHT, 'en', 'Europe/Helsinki', 'America/New_York');
    expect(newYork).toBe('Monday 08:00 AM (Eastern European Time)');
    expect(openingText(HELSINKI_EIGHT, 'fi', 'Europe/Helsinki', 'America/New_York')).toBe('maanantaina 08.00 (Itä-Euroopan aika)');
    expect(openingText(HELSINKI_EIGHT, 'sv', 'Europe/Helsinki', 'Asia/Tokyo')).toBe('måndag 08:00 (östeuropeisk tid)');
    // A team in Stockholm, a customer in Helsinki: Stockholm's 08:00 is 09:00 in Helsinki.
    expect(openingText('2026-11-30T07:00:00.000Z', 'fi', 'Europe/Stockholm', 'Europe/Helsinki')).toMatch(/^maanantaina 08\.00 \(Keski-Euroopan/);
  });

  it('says it in the closed notice in every language', () => {
    const next = openingText(HELSINKI_EIGHT, 'en', 'Europe/Helsinki', 'America/New_York');
    expect(appTexts.en.closed(next)).toBe('Customer service is closed now; we open Monday 08:00 AM (Eastern European Time).');
    expect(appTexts.fi.closed(openingText(HELSINKI_EIGHT, 'fi', 'Europe/Helsinki', 'Europe/Helsinki'))).toBe(
      'Asiakaspalvelu on nyt suljettu, avaamme maanantaina 08.00.',
    );
  });

  it('falls back to the customer’s clock without a usable team zone, and to nothing without an opening', () => {
    expect(openingText(HELSINKI_EIGHT, 'en', undefined, 'America/New_York')).toBe('Monday 01:00 AM');
    expect(openingText(HELSINKI_EIGHT, 'en', 'Mars/Olympus_Mons', 'America/New_York')).toBe('Monday 01:00 AM');
    expect(openingText(null, 'en', 'Europe/Helsinki')).toBeNull();
    expect(openingText('not a date', 'en', 'Europe/Helsinki')).toBeNull();
  });
});

describe('the estimated wait counting down', () => {
  const receivedAt = 1_000_000;
  const after = (seconds: number) => receivedAt + seconds * 1000;

  it('goes down in whole minutes, rounded up, from the moment the estimate arrived', () => {
    expect([0, 1, 60, 61, 150, 179].map((seconds) => minutesLeft(240, receivedAt, after(seconds)))).toEqual([4, 4, 3, 3, 2, 2]);
    expect(minutesLeft(30, receivedAt, after(0))).toBe(1);
  });

  it('reaches "any moment now" and never goes below it', () => {
    expect([240, 241, 3600].map((seconds) => minutesLeft(240, receivedAt, after(seconds)))).toEqual([0, 0, 0]);
    expect(minutesLeft(0, receivedAt, after(0))).toBe(0);
    expect(appTexts.en.queue(2, minutesLeft(60, receivedAt, after(90)))).toBe('You are number 2 in the queue, any moment now.');
    expect(appTexts.fi.queue(2, 0)).toBe('Olet jonossa sijalla 2, vuorosi tulee aivan pian.');
    expect(appTexts.sv.queue(2, 0)).toBe('Du är nummer 2 i kön, snart är det din tur.');
  });

  it('starts again from a new push, and ignores a clock that went backwards', () => {
    expect(minutesLeft(120, after(300), after(300))).toBe(2);
    expect(minutesLeft(120, receivedAt, receivedAt - 60_000)).toBe(2);
  });

  it('has nothing to count without an estimate', () => {
    expect(minutesLeft(null, receivedAt, after(10))).toBeNull();
    expect(minutesLeft(undefined, receivedAt, after(10))).toBeNull();
    expect(minutesLeft(Number.NaN, receivedAt, after(10))).toBeNull();
  });
});
