import { z } from 'zod';

import { WEEKDAYS, type OpeningHours } from '../domain/opening-hours';
import { OPENING_HOURS_LIMITS, openingHoursProblems, type OpeningHoursProblemCode } from '../domain/opening-hours-validation';

// The shape only, with sizes bounded before anything is read; the rules (time format, order,
// overlap, known zone, real and unique dates) are the domain's, run once the shape is right, so
// the admin's editor and this schema report the same problems at the same paths.
const clockTime = z.string().max(5);

export const timeRangeSchema = z.object({ from: clockTime, to: clockTime }).strict();

const dayRangesSchema = z.array(timeRangeSchema).max(OPENING_HOURS_LIMITS.rangesPerDay);

export const openingExceptionSchema = z
  .object({
    date: z.string().max(10),
    ranges: dayRangesSchema,
    note: z.string().max(OPENING_HOURS_LIMITS.noteLength).optional(),
  })
  .strict();

const openingHoursShape = z
  .object({
    timeZone: z.string().min(1).max(OPENING_HOURS_LIMITS.timeZoneLength),
    weekly: z
      .object(Object.fromEntries(WEEKDAYS.map((day) => [day, dayRangesSchema])) as Record<
        (typeof WEEKDAYS)[number],
        typeof dayRangesSchema
      >)
      .strict(),
    exceptions: z.array(openingExceptionSchema).max(OPENING_HOURS_LIMITS.exceptions).default([]),
  })
  .strict();

/** The shape with the domain's rules, or only those of them that `enforced` names. */
const withRules = (enforced: (code: OpeningHoursProblemCode) => boolean) =>
  openingHoursShape.superRefine((hours, ctx) => {
    for (const problem of openingHoursProblems(hours)) {
      if (!enforced(problem.code)) continue;
      ctx.addIssue({ code: 'custom', path: problem.path, message: problem.message, params: { rule: problem.code } });
    }
  }) satisfies z.ZodType<OpeningHours, unknown>;

/** Opening hours as an admin saves them: every rule. */
export const openingHoursSchema = withRules(() => true);

/**
 * Opening hours as read back from the database. Earlier versions stored overlapping intervals
 * and repeated exception dates (they mean the same as their union, and the first exception of a
 * date wins): those are read as they are, so an upgrade does not fall back to the defaults,
 * and the editor shows them to be corrected on the next save.
 */
const TOLERATED_IN_STORED_HOURS: ReadonlySet<OpeningHoursProblemCode> = new Set(['overlappingRanges', 'duplicateDate']);
export const storedOpeningHoursSchema = withRules((code) => !TOLERATED_IN_STORED_HOURS.has(code));
