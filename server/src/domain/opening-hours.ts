/**
 * Opening hours: when live support is staffed. Pure: the instant and the time zone are always
 * passed in, never read from the clock or the machine's zone.
 */

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Local wall-clock range, `HH:MM` 24-hour; `to` may be `24:00` and is exclusive. */
export interface TimeRange {
  from: string;
  to: string;
}

/** A dated exception (a holiday, a short day): its ranges replace the weekday's; none = closed. */
export interface OpeningException {
  date: string; // YYYY-MM-DD, in the opening hours' time zone
  ranges: TimeRange[];
  note?: string;
}

export interface OpeningHours {
  timeZone: string;
  weekly: Record<Weekday, TimeRange[]>;
  exceptions: OpeningException[];
}

/** Weekdays 08–18, Saturday 10–16, Sunday closed, Helsinki time (docs/product.md#when-live-support-is-available). */
export const DEFAULT_OPENING_HOURS: OpeningHours = {
  timeZone: 'Europe/Helsinki',
  weekly: {
    mon: [{ from: '08:00', to: '18:00' }],
    tue: [{ from: '08:00', to: '18:00' }],
    wed: [{ from: '08:00', to: '18:00' }],
    thu: [{ from: '08:00', to: '18:00' }],
    fri: [{ from: '08:00', to: '18:00' }],
    sat: [{ from: '10:00', to: '16:00' }],
    sun: [],
  },
  exceptions: [],
};

export function minutesOfDay(hhmm: string): number {
  const [hours, minutes] = hhmm.split(':').map(Number);
  return hours * 60 + minutes;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

interface LocalTime {
  date: string; // YYYY-MM-DD
  weekday: Weekday;
  minutes: number; // minutes since local midnight
}

const formatterCache = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatterCache.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      weekday: 'short',
    });
    formatterCache.set(timeZone, formatter);
  }
  return formatter;
}

const WEEKDAY_BY_SHORT_NAME: Record<string, Weekday> = {
  Mon: 'mon',
  Tue: 'tue',
  Wed: 'wed',
  Thu: 'thu',
  Fri: 'fri',
  Sat: 'sat',
  Sun: 'sun',
};

function localParts(instant: Date, timeZone: string): Record<string, string> {
  const parts: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) parts[part.type] = part.value;
  return parts;
}

export function toLocalTime(instant: Date, timeZone: string): LocalTime {
  const parts = localParts(instant, timeZone);
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    weekday: WEEKDAY_BY_SHORT_NAME[parts.weekday],
    minutes: Number(parts.hour) * 60 + Number(parts.minute),
  };
}

/** Offset of the zone from UTC at that instant, in minutes (Helsinki in winter: +120). */
function offsetMinutes(instant: Date, timeZone: string): number {
  const parts = localParts(instant, timeZone);
  const asUtc = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60000);
}

/**
 * The instant at which the wall clock in `timeZone` shows `date` + `minutes`. A wall time
 * skipped by a daylight-saving jump resolves to the first instant after the gap.
 */
export function fromLocalTime(date: string, minutes: number, timeZone: string): Date {
  const [year, month, day] = date.split('-').map(Number);
  const wallAsUtc = Date.UTC(year, month - 1, day, 0, minutes);
  let guess = wallAsUtc - offsetMinutes(new Date(wallAsUtc), timeZone) * 60000;
  guess = wallAsUtc - offsetMinutes(new Date(guess), timeZone) * 60000;
  return new Date(guess);
}

export function addDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

function weekdayOf(date: string): Weekday {
  const [year, month, day] = date.split('-').map(Number);
  const sundayFirst = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return WEEKDAYS[(sundayFirst + 6) % 7];
}

/** The ranges that apply on a local date: its exception if it has one, else its weekday's. */
export function rangesOn(hours: OpeningHours, date: string): TimeRange[] {
  const exception = hours.exceptions.find((candidate) => candidate.date === date);
  if (exception) return exception.ranges;
  return hours.weekly[weekdayOf(date)] ?? [];
}

export function isOpenAt(hours: OpeningHours, instant: Date): boolean {
  const local = toLocalTime(instant, hours.timeZone);
  return rangesOn(hours, local.date).some(
    (range) => local.minutes >= minutesOfDay(range.from) && local.minutes < minutesOfDay(range.to),
  );
}

/**
 * The next instant at which support opens, strictly after `instant` when closed now; `null`
 * when nothing opens within `horizonDays` (for example every day closed).
 */
export function nextOpeningAt(hours: OpeningHours, instant: Date, horizonDays = 14): Date | null {
  const local = toLocalTime(instant, hours.timeZone);
  for (let offset = 0; offset <= horizonDays; offset += 1) {
    const date = addDays(local.date, offset);
    const starts = rangesOn(hours, date)
      .map((range) => minutesOfDay(range.from))
      .filter((start) => offset > 0 || start > local.minutes)
      .sort((a, b) => a - b);
    if (starts.length > 0) return fromLocalTime(date, starts[0], hours.timeZone);
  }
  return null;
}
