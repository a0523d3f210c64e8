import { ANALYTICS_MAX_DAYS } from '../../shared';

/** A report's range: whole days, both included, as `YYYY-MM-DD`. */
export interface DayRange {
  from: string;
  to: string;
}

export const RANGE_PRESETS = ['last7', 'last30', 'thisMonth'] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];

/** The server's limit; the server checks again. */
export const MAX_RANGE_DAYS = ANALYTICS_MAX_DAYS;

const DAY_MS = 86_400_000;
const pad = (value: number) => String(value).padStart(2, '0');

/** The calendar day of `date` where the browser is. */
export const isoDay = (date: Date): string => `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;

/** `YYYY-MM-DD` plus `days` (may be negative), by the calendar, whatever the daylight saving. */
export const addDays = (day: string, days: number): string => {
  const [year, month, date] = day.split('-').map(Number);
  const moved = new Date(Date.UTC(year, month - 1, date) + days * DAY_MS);
  return `${moved.getUTCFullYear()}-${pad(moved.getUTCMonth() + 1)}-${pad(moved.getUTCDate())}`;
};

export const isIsoDay = (value: string): boolean =>
  /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));

/** Days in the range, both ends included. */
export const daysInRange = ({ from, to }: DayRange): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1;

/** Every day of the range, in order. */
export const eachDay = (range: DayRange): string[] => {
  const count = Math.max(0, Math.min(daysInRange(range), MAX_RANGE_DAYS));
  return Array.from({ length: count }, (_, index) => addDays(range.from, index));
};

export const presetRange = (preset: RangePreset, today: string): DayRange => {
  switch (preset) {
    case 'last7':
      return { from: addDays(today, -6), to: today };
    case 'thisMonth':
      return { from: `${today.slice(0, 8)}01`, to: today };
    case 'last30':
    default:
      return { from: addDays(today, -29), to: today };
  }
};

/** The preset the range equals, if any, so its button shows as chosen. */
export const matchingPreset = (range: DayRange, today: string): RangePreset | null =>
  RANGE_PRESETS.find((preset) => {
    const candidate = presetRange(preset, today);
    return candidate.from === range.from && candidate.to === range.to;
  }) ?? null;

export type RangeProblem = 'invalidFrom' | 'invalidTo' | 'fromAfterTo' | 'tooLong';

/** The cheap checks made before asking the server, which checks the same again. */
export const rangeProblem = (range: DayRange): RangeProblem | null => {
  if (!isIsoDay(range.from)) return 'invalidFrom';
  if (!isIsoDay(range.to)) return 'invalidTo';
  if (range.from > range.to) return 'fromAfterTo';
  if (daysInRange(range) > MAX_RANGE_DAYS) return 'tooLong';
  return null;
};

/** The calendar day of `date` in `timeZone` (the support team's, from the report). */
export const dayInTimeZone = (date: Date, timeZone: string): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);

/**
 * Once the report names the team's time zone, a preset chosen by the browser's date moves to the
 * team's "today" (they differ around midnight when browser and team are in different zones); a
 * range typed by hand stays as it is.
 */
export const rebaseToTeamDay = (range: DayRange, browserToday: string, teamToday: string): DayRange => {
  if (browserToday === teamToday) return range;
  const preset = matchingPreset(range, browserToday);
  return preset ? presetRange(preset, teamToday) : range;
};
