/**
 * The opening-hours editor's rules, free of React: adding a year's holidays, what the preview
 * says, and which field each problem belongs to.
 */
import {
  addDays,
  isOpenAt,
  minutesOfDay,
  nextOpeningAt,
  rangesOn,
  toLocalTime,
  type OpeningException,
  type OpeningHours,
  type PublicHoliday,
} from '../../../shared';

/** How many coming exceptions the preview lists. */
const UPCOMING_EXCEPTIONS = 5;

/**
 * The hours with each holiday added as a day closed all day, named after the holiday; a date
 * that already has an exception keeps it (the owner's own choice wins). In date order.
 */
export function withHolidays(hours: OpeningHours, holidays: readonly PublicHoliday[]): OpeningHours {
  const taken = new Set(hours.exceptions.map((exception) => exception.date));
  const added: OpeningException[] = holidays
    .filter((holiday) => !taken.has(holiday.date))
    .map((holiday) => ({ date: holiday.date, ranges: [], note: holiday.name }));
  return { ...hours, exceptions: sortedByDate([...hours.exceptions, ...added]) };
}

export const sortedByDate = (exceptions: OpeningException[]): OpeningException[] =>
  [...exceptions].sort((a, b) => a.date.localeCompare(b.date));

export type OpeningPreview =
  | { open: true; until: string }
  | { open: false; opensAt: Date | null };

/** Open or closed at `now` in the team's zone, with when that changes. */
export function previewAt(hours: OpeningHours, now: Date): OpeningPreview {
  if (!isOpenAt(hours, now)) return { open: false, opensAt: nextOpeningAt(hours, now) };
  const local = toLocalTime(now, hours.timeZone);
  const current = rangesOn(hours, local.date).find(
    (range) => local.minutes >= minutesOfDay(range.from) && local.minutes < minutesOfDay(range.to),
  );
  return { open: true, until: current?.to ?? '24:00' };
}

/** The exceptions from today on, in the team's zone, the nearest first. */
export function upcomingExceptions(hours: OpeningHours, now: Date): OpeningException[] {
  const today = toLocalTime(now, hours.timeZone).date;
  return sortedByDate(hours.exceptions.filter((exception) => exception.date >= today)).slice(0, UPCOMING_EXCEPTIONS);
}

/** The year whose holidays the editor offers first: next year from the autumn on, else this one. */
export function suggestedHolidayYear(hours: OpeningHours, now: Date): number {
  const today = toLocalTime(now, hours.timeZone).date;
  const year = Number(today.slice(0, 4));
  return today >= `${year}-09-01` ? year + 1 : year;
}

/** A problem's path as the editor's fields name themselves: `weekly.mon.1.from`. */
export const pathKey = (path: ReadonlyArray<string | number>): string => path.map(String).join('.');

/** A new interval for a day: from the end of the last one to midnight, or a working day when there is none. */
export function nextInterval(ranges: OpeningHours['weekly']['mon']): { from: string; to: string } {
  const last = ranges.at(-1);
  return last ? { from: last.to, to: '24:00' } : { from: '08:00', to: '16:00' };
}

/** Today's date in the team's zone, for a new exception. */
export const todayIn = (hours: OpeningHours, now: Date): string => toLocalTime(now, hours.timeZone).date;

/** A free date for a new exception: the first day from tomorrow on with none yet. */
export function freeExceptionDate(hours: OpeningHours, now: Date): string {
  const taken = new Set(hours.exceptions.map((exception) => exception.date));
  let date = addDays(todayIn(hours, now), 1);
  while (taken.has(date)) date = addDays(date, 1);
  return date;
}
