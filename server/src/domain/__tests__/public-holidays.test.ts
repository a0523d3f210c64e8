import { easterSunday, publicHolidays, type HolidayCountry } from '../public-holidays';

// Written out from the official calendars (Finland: pyhäpäivät of the almanac of the University
// of Helsinki; Sweden: helgdagar by the law on general holidays), not derived from the rules.
const FINLAND: Record<number, Array<[string, string]>> = {
  2026: [
    ['2026-01-01', 'Uudenvuodenpäivä'],
    ['2026-01-06', 'Loppiainen'],
    ['2026-04-03', 'Pitkäperjantai'],
    ['2026-04-05', 'Pääsiäispäivä'],
    ['2026-04-06', '2. pääsiäispäivä'],
    ['2026-05-01', 'Vappu'],
    ['2026-05-14', 'Helatorstai'],
    ['2026-05-24', 'Helluntaipäivä'],
    ['2026-06-19', 'Juhannusaatto'],
    ['2026-06-20', 'Juhannuspäivä'],
    ['2026-10-31', 'Pyhäinpäivä'],
    ['2026-12-06', 'Itsenäisyyspäivä'],
    ['2026-12-24', 'Jouluaatto'],
    ['2026-12-25', 'Joulupäivä'],
    ['2026-12-26', 'Tapaninpäivä'],
  ],
  2027: [
    ['2027-01-01', 'Uudenvuodenpäivä'],
    ['2027-01-06', 'Loppiainen'],
    ['2027-03-26', 'Pitkäperjantai'],
    ['2027-03-28', 'Pääsiäispäivä'],
    ['2027-03-29', '2. pääsiäispäivä'],
    ['2027-05-01', 'Vappu'],
    ['2027-05-06', 'Helatorstai'],
    ['2027-05-16', 'Helluntaipäivä'],
    ['2027-06-25', 'Juhannusaatto'],
    ['2027-06-26', 'Juhannuspäivä'],
    ['2027-11-06', 'Pyhäinpäivä'],
    ['2027-12-06', 'Itsenäisyyspäivä'],
    ['2027-12-24', 'Jouluaatto'],
    ['2027-12-25', 'Joulupäivä'],
    ['2027-12-26', 'Tapaninpäivä'],
  ],
  2028: [
    ['2028-01-01', 'Uudenvuodenpäivä'],
    ['2028-01-06', 'Loppiainen'],
    ['2028-04-14', 'Pitkäperjantai'],
    ['2028-04-16', 'Pääsiäispäivä'],
    ['2028-04-17', '2. pääsiäispäivä'],
    ['2028-05-01', 'Vappu'],
    ['2028-05-25', 'Helatorstai'],
    ['2028-06-04', 'Helluntaipäivä'],
    ['2028-06-23', 'Juhannusaatto'],
    ['2028-06-24', 'Juhannuspäivä'],
    ['2028-11-04', 'Pyhäinpäivä'],
    ['2028-12-06', 'Itsenäisyyspäivä'],
    ['2028-12-24', 'Jouluaatto'],
    ['2028-12-25', 'Joulupäivä'],
    ['2028-12-26', 'Tapaninpäivä'],
  ],
};

const SWEDEN: Record<number, Array<[string, string]>> = {
  2026: [
    ['2026-01-01', 'Nyårsdagen'],
    ['2026-01-06', 'Trettondedag jul'],
    ['2026-04-03', 'Långfredagen'],
    ['2026-04-05', 'Påskdagen'],
    ['2026-04-06', 'Annandag påsk'],
    ['2026-05-01', 'Första maj'],
    ['2026-05-14', 'Kristi himmelsfärdsdag'],
    ['2026-05-24', 'Pingstdagen'],
    ['2026-06-06', 'Sveriges nationaldag'],
    ['2026-06-19', 'Midsommarafton'],
    ['2026-06-20', 'Midsommardagen'],
    ['2026-10-31', 'Alla helgons dag'],
    ['2026-12-24', 'Julafton'],
    ['2026-12-25', 'Juldagen'],
    ['2026-12-26', 'Annandag jul'],
    ['2026-12-31', 'Nyårsafton'],
  ],
  2027: [
    ['2027-01-01', 'Nyårsdagen'],
    ['2027-01-06', 'Trettondedag jul'],
    ['2027-03-26', 'Långfredagen'],
    ['2027-03-28', 'Påskdagen'],
    ['2027-03-29', 'Annandag påsk'],
    ['2027-05-01', 'Första maj'],
    ['2027-05-06', 'Kristi himmelsfärdsdag'],
    ['2027-05-16', 'Pingstdagen'],
    ['2027-06-06', 'Sveriges nationaldag'],
    ['2027-06-25', 'Midsommarafton'],
    ['2027-06-26', 'Midsommardagen'],
    ['2027-11-06', 'Alla helgons dag'],
    ['2027-12-24', 'Julafton'],
    ['2027-12-25', 'Juldagen'],
    ['2027-12-26', 'Annandag jul'],
    ['2027-12-31', 'Nyårsafton'],
  ],
  2028: [
    ['2028-01-01', 'Nyårsdagen'],
    ['2028-01-06', 'Trettondedag jul'],
    ['2028-04-14', 'Långfredagen'],
    ['2028-04-16', 'Påskdagen'],
    ['2028-04-17', 'Annandag påsk'],
    ['2028-05-01', 'Första maj'],
    ['2028-05-25', 'Kristi himmelsfärdsdag'],
    ['2028-06-04', 'Pingstdagen'],
    ['2028-06-06', 'Sveriges nationaldag'],
    ['2028-06-23', 'Midsommarafton'],
    ['2028-06-24', 'Midsommardagen'],
    ['2028-11-04', 'Alla helgons dag'],
    ['2028-12-24', 'Julafton'],
    ['2028-12-25', 'Juldagen'],
    ['2028-12-26', 'Annandag jul'],
    ['2028-12-31', 'Nyårsafton'],
  ],
};

const CALENDARS: Array<[HolidayCountry, Record<number, Array<[string, string]>>]> = [
  ['FI', FINLAND],
  ['SE', SWEDEN],
];

describe('easterSunday (Gregorian computus)', () => {
  it.each([
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2028, '2028-04-16'],
    // The computus's edge cases: the earliest and the latest possible dates, and the two
    // corrections of the algorithm (1981 and 1954 are its classic checks).
    [2285, '2285-03-22'],
    [2038, '2038-04-25'],
    [1981, '1981-04-19'],
    [1954, '1954-04-18'],
  ])('%i → %s', (year, expected) => {
    expect(easterSunday(year)).toBe(expected);
  });
});

describe.each(CALENDARS)('publicHolidays(%s)', (country, calendar) => {
  it.each([2026, 2027, 2028])('matches the official calendar of %i, in date order', (year) => {
    expect(publicHolidays(country, year).map((holiday) => [holiday.date, holiday.name])).toEqual(calendar[year]);
  });

  it('marks the eves businesses close on as customary, every other day as public', () => {
    const customary = publicHolidays(country, 2027)
      .filter((holiday) => holiday.kind === 'customary')
      .map((holiday) => holiday.name);
    expect(customary).toEqual(country === 'FI' ? ['Juhannusaatto', 'Jouluaatto'] : ['Midsommarafton', 'Julafton', 'Nyårsafton']);
  });

  it('puts Midsummer Eve on the Friday and All Saints’ Day on the Saturday of their windows, every year', () => {
    for (let year = 2005; year <= 2100; year += 1) {
      const dateOf = (name: string) => publicHolidays(country, year).find((holiday) => holiday.name === name)?.date ?? '';
      const midsummerEve = dateOf(country === 'FI' ? 'Juhannusaatto' : 'Midsommarafton');
      const allSaints = dateOf(country === 'FI' ? 'Pyhäinpäivä' : 'Alla helgons dag');
      expect(new Date(`${midsummerEve}T00:00:00Z`).getUTCDay()).toBe(5);
      expect(midsummerEve >= `${year}-06-19` && midsummerEve <= `${year}-06-25`).toBe(true);
      expect(new Date(`${allSaints}T00:00:00Z`).getUTCDay()).toBe(6);
      expect(allSaints >= `${year}-10-31` && allSaints <= `${year}-11-06`).toBe(true);
    }
  });

  it('refuses years the rules are not written for', () => {
    expect(() => publicHolidays(country, 2004)).toThrow(RangeError);
    expect(() => publicHolidays(country, 2026.5)).toThrow(RangeError);
  });
});
