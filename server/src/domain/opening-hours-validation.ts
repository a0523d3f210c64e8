/**
 * The rules a set of opening hours must follow before it is stored, each broken rule named by
 * the path of the field that breaks it (`weekly.mon.1.from`), so the server's 400 and the
 * editor's field errors say the same thing in the same place. Pure and zod-free: the admin runs
 * it as the owner types, the server's schema runs it before saving.
 */
import { isValidTimeZone, minutesOfDay, WEEKDAYS, type OpeningHours, type TimeRange } from './opening-hours';

/** How much one set of opening hours may hold. */
export const OPENING_HOURS_LIMITS = {
  /** Intervals in one day: a lunch break makes two, a split shift three. */
  rangesPerDay: 8,
  /** Dated exceptions: a year of daily exceptions, or ten years of both countries' holidays. */
  exceptions: 366,
  noteLength: 200,
  timeZoneLength: 64,
} as const;

export type OpeningHoursProblemCode =
  | 'timeFormat'
  | 'reversedRange'
  | 'overlappingRanges'
  | 'tooManyRanges'
  | 'unknownTimeZone'
  | 'invalidDate'
  | 'duplicateDate'
  | 'tooManyExceptions'
  | 'noteTooLong';

export interface OpeningHoursProblem {
  path: Array<string | number>;
  code: OpeningHoursProblemCode;
  message: string;
}

const CLOCK_TIME = /^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date written `YYYY-MM-DD` (not 2026-02-30). */
export function isCalendarDate(date: string): boolean {
  const match = ISO_DATE.exec(date);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  const parsed = new Date(Date.UTC(year, month - 1, day));
  return parsed.getUTCFullYear() === year && parsed.getUTCMonth() === month - 1 && parsed.getUTCDate() === day;
}

/** Format, order and overlap of one day's intervals; `path` leads to the day's list. */
function rangeProblems(ranges: readonly TimeRange[], path: Array<string | number>): OpeningHoursProblem[] {
  const problems: OpeningHoursProblem[] = [];
  if (ranges.length > OPENING_HOURS_LIMITS.rangesPerDay) {
    problems.push({ path, code: 'tooManyRanges', message: `at most ${OPENING_HOURS_LIMITS.rangesPerDay} intervals a day` });
  }
  const wellFormed: Array<{ index: number; from: number; to: number }> = [];
  ranges.forEach((range, index) => {
    let readable = true;
    for (const end of ['from', 'to'] as const) {
      if (!CLOCK_TIME.test(range[end])) {
        problems.push({ path: [...path, index, end], code: 'timeFormat', message: 'expected HH:MM (00:00–24:00)' });
        readable = false;
      }
    }
    if (!readable) return;
    const from = minutesOfDay(range.from);
    const to = minutesOfDay(range.to);
    if (to <= from) {
      problems.push({ path: [...path, index], code: 'reversedRange', message: '"to" must be later than "from"' });
      return;
    }
    wellFormed.push({ index, from, to });
  });
  // Sorted by start, each interval must start at or after the end of every earlier one.
  wellFormed.sort((a, b) => a.from - b.from || a.index - b.index);
  let latestEnd: { to: number; index: number } | null = null;
  for (const range of wellFormed) {
    if (latestEnd && range.from < latestEnd.to) {
      const later = Math.max(range.index, latestEnd.index);
      const earlier = Math.min(range.index, latestEnd.index);
      problems.push({
        path: [...path, later, 'from'],
        code: 'overlappingRanges',
        message: `overlaps interval ${earlier + 1} of the same day`,
      });
    }
    if (!latestEnd || range.to > latestEnd.to) latestEnd = { to: range.to, index: range.index };
  }
  return problems;
}

/** Every rule the opening hours break, in field order; none means they can be stored. */
export function openingHoursProblems(hours: OpeningHours): OpeningHoursProblem[] {
  const problems: OpeningHoursProblem[] = [];
  if (hours.timeZone.length > OPENING_HOURS_LIMITS.timeZoneLength || !isValidTimeZone(hours.timeZone)) {
    problems.push({ path: ['timeZone'], code: 'unknownTimeZone', message: 'unknown IANA time zone' });
  }
  for (const day of WEEKDAYS) problems.push(...rangeProblems(hours.weekly[day] ?? [], ['weekly', day]));

  if (hours.exceptions.length > OPENING_HOURS_LIMITS.exceptions) {
    problems.push({
      path: ['exceptions'],
      code: 'tooManyExceptions',
      message: `at most ${OPENING_HOURS_LIMITS.exceptions} exceptions`,
    });
  }
  const firstIndexOfDate = new Map<string, number>();
  hours.exceptions.forEach((exception, index) => {
    if (!isCalendarDate(exception.date)) {
      problems.push({ path: ['exceptions', index, 'date'], code: 'invalidDate', message: 'expected a date YYYY-MM-DD' });
    } else if (firstIndexOfDate.has(exception.date)) {
      problems.push({
        path: ['exceptions', index, 'date'],
        code: 'duplicateDate',
        message: `${exception.date} already has an exception (number ${(firstIndexOfDate.get(exception.date) ?? 0) + 1})`,
      });
    } else {
      firstIndexOfDate.set(exception.date, index);
    }
    problems.push(...rangeProblems(exception.ranges, ['exceptions', index, 'ranges']));
    if (exception.note !== undefined && exception.note.length > OPENING_HOURS_LIMITS.noteLength) {
      problems.push({
        path: ['exceptions', index, 'note'],
        code: 'noteTooLong',
        message: `at most ${OPENING_HOURS_LIMITS.noteLength} characters`,
      });
    }
  });
  return problems;
}
