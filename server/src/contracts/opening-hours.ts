import { z } from 'zod';

import { isValidTimeZone, minutesOfDay, WEEKDAYS, type OpeningHours } from '../domain/opening-hours';

const clockTime = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'expected HH:MM (00:00–24:00)');

export const timeRangeSchema = z
  .object({ from: clockTime, to: clockTime })
  .strict()
  .refine((range) => minutesOfDay(range.to) > minutesOfDay(range.from), {
    message: '"to" must be later than "from"',
  });

const dayRangesSchema = z.array(timeRangeSchema).max(8);

export const openingExceptionSchema = z
  .object({
    date: z.iso.date(),
    ranges: dayRangesSchema,
    note: z.string().max(200).optional(),
  })
  .strict();

export const openingHoursSchema = z
  .object({
    timeZone: z.string().min(1).max(64).refine(isValidTimeZone, { message: 'unknown IANA time zone' }),
    weekly: z
      .object(Object.fromEntries(WEEKDAYS.map((day) => [day, dayRangesSchema])) as Record<
        (typeof WEEKDAYS)[number],
        typeof dayRangesSchema
      >)
      .strict(),
    exceptions: z.array(openingExceptionSchema).max(366).default([]),
  })
  .strict() satisfies z.ZodType<OpeningHours, unknown>;
