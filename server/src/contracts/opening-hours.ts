import { z } from 'zod';

import { WEEKDAYS, type OpeningHours } from '../domain/opening-hours';
import { OPENING_HOURS_LIMITS, openingHoursProblems } from '../domain/opening-hours-validation';

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

export const openingHoursSchema = z
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
  .strict()
  .superRefine((hours, ctx) => {
    for (const problem of openingHoursProblems(hours)) {
      ctx.addIssue({ code: 'custom', path: problem.path, message: problem.message, params: { rule: problem.code } });
    }
  }) satisfies z.ZodType<OpeningHours, unknown>;
