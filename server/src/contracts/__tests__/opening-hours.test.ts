import { DEFAULT_OPENING_HOURS } from '../../domain/opening-hours';
import { openingHoursSchema, storedOpeningHoursSchema } from '../opening-hours';

describe('openingHoursSchema', () => {
  it('accepts the defaults', () => {
    expect(openingHoursSchema.parse(DEFAULT_OPENING_HOURS)).toEqual(DEFAULT_OPENING_HOURS);
  });

  it.each([
    ['an unknown time zone', { ...DEFAULT_OPENING_HOURS, timeZone: 'Europe/Atlantis' }, 'timeZone'],
    ['a range ending before it starts', { ...DEFAULT_OPENING_HOURS, weekly: { ...DEFAULT_OPENING_HOURS.weekly, mon: [{ from: '18:00', to: '08:00' }] } }, 'weekly.mon.0'],
    ['a time that is not HH:MM', { ...DEFAULT_OPENING_HOURS, weekly: { ...DEFAULT_OPENING_HOURS.weekly, tue: [{ from: '8', to: '18:00' }] } }, 'weekly.tue.0.from'],
    ['a missing weekday', { ...DEFAULT_OPENING_HOURS, weekly: { mon: [] } }, 'weekly.tue'],
    ['an invalid exception date', { ...DEFAULT_OPENING_HOURS, exceptions: [{ date: '2026-13-01', ranges: [] }] }, 'exceptions.0.date'],
    ['an unknown field', { ...DEFAULT_OPENING_HOURS, holidays: [] }, ''],
    [
      'overlapping intervals',
      { ...DEFAULT_OPENING_HOURS, weekly: { ...DEFAULT_OPENING_HOURS.weekly, wed: [{ from: '08:00', to: '12:00' }, { from: '11:00', to: '16:00' }] } },
      'weekly.wed.1.from',
    ],
    ['a date given twice', { ...DEFAULT_OPENING_HOURS, exceptions: [{ date: '2026-12-24', ranges: [] }, { date: '2026-12-24', ranges: [] }] }, 'exceptions.1.date'],
    ['too many intervals in a day', { ...DEFAULT_OPENING_HOURS, exceptions: [{ date: '2026-12-24', ranges: Array(9).fill({ from: '08:00', to: '09:00' }) }] }, 'exceptions.0.ranges'],
  ])('refuses %s', (_label, input, path) => {
    const result = openingHoursSchema.safeParse(input);
    expect(result.success).toBe(false);
    if (!result.success) expect(result.error.issues.map((issue) => issue.path.join('.'))).toContain(path);
  });

  it('accepts 24:00 as the end of a day', () => {
    const input = { ...DEFAULT_OPENING_HOURS, weekly: { ...DEFAULT_OPENING_HOURS.weekly, sun: [{ from: '20:00', to: '24:00' }] } };
    expect(openingHoursSchema.safeParse(input).success).toBe(true);
  });
});

describe('storedOpeningHoursSchema', () => {
  it('reads overlaps and repeated dates that earlier versions stored, and refuses what they refused', () => {
    const older = {
      ...DEFAULT_OPENING_HOURS,
      weekly: { ...DEFAULT_OPENING_HOURS.weekly, mon: [{ from: '08:00', to: '12:00' }, { from: '11:00', to: '16:00' }] },
      exceptions: [{ date: '2026-12-24', ranges: [] }, { date: '2026-12-24', ranges: [] }],
    };
    expect(storedOpeningHoursSchema.safeParse(older).success).toBe(true);
    expect(openingHoursSchema.safeParse(older).success).toBe(false);
    expect(storedOpeningHoursSchema.safeParse({ ...DEFAULT_OPENING_HOURS, timeZone: 'Europe/Atlantis' }).success).toBe(false);
  });
});
