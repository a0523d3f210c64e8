/**
 * Whole days of the report in the team's time zone, and how an instant maps to one of them.
 * Pure: the time zone is an argument.
 */
import { addDays, fromLocalTime } from './opening-hours';

/** The instants that bound whole days `from`..`to` in `timeZone` (end exclusive). */
export function rangeInstants(from: string, to: string, timeZone: string): { start: Date; end: Date } {
  return { start: fromLocalTime(from, 0, timeZone), end: fromLocalTime(addDays(to, 1), 0, timeZone) };
}

/** Every day from `from` to `to`, both included. */
export function daysOf(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  return days;
}

/**
 * Consecutive days of one length: `days` days from `firstDay` (an index into `daysOf`), the first
 * starting at `startMs`, each `dayMs` long. A day on which the clocks change (23 or 25 hours) breaks
 * a run, so a year in a zone with summer time is about five runs.
 */
export interface DayRun {
  startMs: number;
  firstDay: number;
  days: number;
  dayMs: number;
}

/**
 * The range's days as runs of equal length. Within a run the day of an instant is plain
 * arithmetic (`firstDay + ⌊(t − startMs) / dayMs⌋`), which a database can compute for every row
 * without knowing time zones; the analytics queries do exactly that.
 */
export function dayRuns(from: string, to: string, timeZone: string): DayRun[] {
  const days = daysOf(from, to);
  const starts = [...days, addDays(to, 1)].map((day) => fromLocalTime(day, 0, timeZone).getTime());
  const runs: DayRun[] = [];
  days.forEach((_day, index) => {
    const dayMs = starts[index + 1] - starts[index];
    const last = runs.at(-1);
    if (last && last.dayMs === dayMs) last.days += 1;
    else runs.push({ startMs: starts[index], firstDay: index, days: 1, dayMs });
  });
  return runs;
}

/**
 * The index of the range's day holding `instantMs`, or null outside the range. The pure twin of
 * the SQL expression the analytics queries build from the same runs.
 */
export function dayIndexAt(runs: readonly DayRun[], instantMs: number): number | null {
  for (let index = runs.length - 1; index >= 0; index -= 1) {
    const run = runs[index];
    if (instantMs < run.startMs) continue;
    const day = run.firstDay + Math.floor((instantMs - run.startMs) / run.dayMs);
    return day < run.firstDay + run.days ? day : null;
  }
  return null;
}
