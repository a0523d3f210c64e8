/**
 * Public holidays of Finland and Sweden, computed by rule for any Gregorian year, so the
 * opening-hours editor can add a year's closed days with one click. Pure: no clock, no Strapi.
 *
 * Which days count: every official public holiday of the country (Sundays included, since a
 * team open on Sundays closes on Easter Day and Whitsunday too), plus the eves on which
 * businesses customarily close although the law does not name them: Midsummer Eve and Christmas
 * Eve in both countries, and New Year's Eve in Sweden. Finland's New Year's Eve and Walpurgis
 * Eve are ordinary working days and are left out. Each day says which kind it is, so the owner
 * sees why it is on the list and can remove it.
 */
import { addDays } from './opening-hours';

export const HOLIDAY_COUNTRIES = ['FI', 'SE'] as const;
/** ISO 3166-1 alpha-2 code of a country whose holidays are known. */
export type HolidayCountry = (typeof HOLIDAY_COUNTRIES)[number];

/** An official public holiday, or an eve on which businesses customarily close. */
export type HolidayKind = 'public' | 'customary';

export interface PublicHoliday {
  date: string; // YYYY-MM-DD
  /** The holiday's name in the country's own language ("Juhannusaatto", "Midsommarafton"). */
  name: string;
  kind: HolidayKind;
}

/** The years today's laws cover: Sweden's National Day became a holiday (and Whit Monday ceased to be one) in 2005. */
export const HOLIDAY_YEARS = { min: 2005, max: 2200 } as const;

function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Easter Sunday by the Gregorian computus (the anonymous "Meeus/Jones/Butcher" algorithm). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return isoDate(year, month, day);
}

/** The first date from `from` on (inclusive) that falls on the weekday (0 = Sunday … 6 = Saturday). */
function firstWeekdayFrom(from: string, weekday: number): string {
  const [year, month, day] = from.split('-').map(Number);
  const current = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return addDays(from, (weekday - current + 7) % 7);
}

const FRIDAY = 5;
const SATURDAY = 6;

/** The dates both countries share, each with its Finnish and Swedish name. */
interface SharedHoliday {
  date: string;
  fi: string;
  sv: string;
  kind: HolidayKind;
}

function sharedHolidays(year: number): SharedHoliday[] {
  const easter = easterSunday(year);
  const midsummerEve = firstWeekdayFrom(isoDate(year, 6, 19), FRIDAY);
  return [
    { date: isoDate(year, 1, 1), fi: 'Uudenvuodenpäivä', sv: 'Nyårsdagen', kind: 'public' },
    { date: isoDate(year, 1, 6), fi: 'Loppiainen', sv: 'Trettondedag jul', kind: 'public' },
    { date: addDays(easter, -2), fi: 'Pitkäperjantai', sv: 'Långfredagen', kind: 'public' },
    { date: easter, fi: 'Pääsiäispäivä', sv: 'Påskdagen', kind: 'public' },
    { date: addDays(easter, 1), fi: '2. pääsiäispäivä', sv: 'Annandag påsk', kind: 'public' },
    { date: isoDate(year, 5, 1), fi: 'Vappu', sv: 'Första maj', kind: 'public' },
    { date: addDays(easter, 39), fi: 'Helatorstai', sv: 'Kristi himmelsfärdsdag', kind: 'public' },
    { date: addDays(easter, 49), fi: 'Helluntaipäivä', sv: 'Pingstdagen', kind: 'public' },
    { date: midsummerEve, fi: 'Juhannusaatto', sv: 'Midsommarafton', kind: 'customary' },
    { date: addDays(midsummerEve, 1), fi: 'Juhannuspäivä', sv: 'Midsommardagen', kind: 'public' },
    { date: firstWeekdayFrom(isoDate(year, 10, 31), SATURDAY), fi: 'Pyhäinpäivä', sv: 'Alla helgons dag', kind: 'public' },
    { date: isoDate(year, 12, 24), fi: 'Jouluaatto', sv: 'Julafton', kind: 'customary' },
    { date: isoDate(year, 12, 25), fi: 'Joulupäivä', sv: 'Juldagen', kind: 'public' },
    { date: isoDate(year, 12, 26), fi: 'Tapaninpäivä', sv: 'Annandag jul', kind: 'public' },
  ];
}

/** The country's holidays of the year, in date order. */
export function publicHolidays(country: HolidayCountry, year: number): PublicHoliday[] {
  if (!Number.isInteger(year) || year < HOLIDAY_YEARS.min || year > HOLIDAY_YEARS.max) {
    throw new RangeError(`public holidays are known for ${HOLIDAY_YEARS.min}–${HOLIDAY_YEARS.max}, not ${year}`);
  }
  const language = country === 'FI' ? 'fi' : 'sv';
  const holidays: PublicHoliday[] = sharedHolidays(year).map((shared) => ({
    date: shared.date,
    name: shared[language],
    kind: shared.kind,
  }));
  if (country === 'FI') {
    holidays.push({ date: isoDate(year, 12, 6), name: 'Itsenäisyyspäivä', kind: 'public' });
  } else {
    holidays.push(
      { date: isoDate(year, 6, 6), name: 'Sveriges nationaldag', kind: 'public' },
      { date: isoDate(year, 12, 31), name: 'Nyårsafton', kind: 'customary' },
    );
  }
  return holidays.sort((a, b) => a.date.localeCompare(b.date));
}
