import { DEFAULT_OPENING_HOURS, type OpeningHours, type TimeRange } from '../opening-hours';
import { isCalendarDate, OPENING_HOURS_LIMITS, openingHoursProblems } from '../opening-hours-validation';

const withMonday = (mon: TimeRange[]): OpeningHours => ({ ...DEFAULT_OPENING_HOURS, weekly: { ...DEFAULT_OPENING_HOURS.weekly, mon } });

/** The problems as `path: code`, easy to compare. */
const problemsOf = (hours: OpeningHours) => openingHoursProblems(hours).map((problem) => `${problem.path.join('.')}: ${problem.code}`);

describe('openingHoursProblems', () => {
  it('finds nothing wrong with the defaults, a lunch break, touching intervals or a day to midnight', () => {
    expect(problemsOf(DEFAULT_OPENING_HOURS)).toEqual([]);
    expect(problemsOf(withMonday([{ from: '08:00', to: '12:00' }, { from: '13:00', to: '18:00' }]))).toEqual([]);
    expect(problemsOf(withMonday([{ from: '12:00', to: '24:00' }, { from: '08:00', to: '12:00' }]))).toEqual([]);
  });

  it('names a reversed or empty interval by its index', () => {
    expect(problemsOf(withMonday([{ from: '08:00', to: '12:00' }, { from: '18:00', to: '13:00' }]))).toEqual(['weekly.mon.1: reversedRange']);
    expect(problemsOf(withMonday([{ from: '09:00', to: '09:00' }]))).toEqual(['weekly.mon.0: reversedRange']);
  });

  it('names the later of two overlapping intervals at its start, whatever order they are listed in', () => {
    expect(problemsOf(withMonday([{ from: '08:00', to: '12:00' }, { from: '11:30', to: '18:00' }]))).toEqual(['weekly.mon.1.from: overlappingRanges']);
    expect(problemsOf(withMonday([{ from: '11:30', to: '18:00' }, { from: '08:00', to: '12:00' }]))).toEqual(['weekly.mon.1.from: overlappingRanges']);
    // An interval inside a long one overlaps it even when the next one starts after both.
    expect(
      problemsOf(withMonday([{ from: '08:00', to: '18:00' }, { from: '09:00', to: '10:00' }, { from: '12:00', to: '13:00' }])),
    ).toEqual(['weekly.mon.1.from: overlappingRanges', 'weekly.mon.2.from: overlappingRanges']);
  });

  it('names a badly written time at its field and still checks the other days', () => {
    const hours: OpeningHours = {
      ...DEFAULT_OPENING_HOURS,
      weekly: { ...DEFAULT_OPENING_HOURS.weekly, tue: [{ from: '8', to: '25:00' }], wed: [{ from: '10:00', to: '09:00' }] },
    };
    expect(problemsOf(hours)).toEqual(['weekly.tue.0.from: timeFormat', 'weekly.tue.0.to: timeFormat', 'weekly.wed.0: reversedRange']);
  });

  it('refuses an unknown or overlong time zone', () => {
    expect(problemsOf({ ...DEFAULT_OPENING_HOURS, timeZone: 'Europe/Atlantis' })).toEqual(['timeZone: unknownTimeZone']);
    expect(problemsOf({ ...DEFAULT_OPENING_HOURS, timeZone: `Europe/${'x'.repeat(64)}` })).toEqual(['timeZone: unknownTimeZone']);
    expect(problemsOf({ ...DEFAULT_OPENING_HOURS, timeZone: 'America/Argentina/Buenos_Aires' })).toEqual([]);
  });

  it('checks each exception: a real date, once only, its intervals and its note', () => {
    const hours: OpeningHours = {
      ...DEFAULT_OPENING_HOURS,
      exceptions: [
        { date: '2026-12-24', ranges: [], note: 'Jouluaatto' },
        { date: '2026-02-30', ranges: [] },
        { date: '2026-12-24', ranges: [{ from: '10:00', to: '14:00' }, { from: '13:00', to: '15:00' }] },
        { date: '2026-12-31', ranges: [], note: 'x'.repeat(OPENING_HOURS_LIMITS.noteLength + 1) },
      ],
    };
    expect(problemsOf(hours)).toEqual([
      'exceptions.1.date: invalidDate',
      'exceptions.2.date: duplicateDate',
      'exceptions.2.ranges.1.from: overlappingRanges',
      'exceptions.3.note: noteTooLong',
    ]);
  });

  it('bounds the intervals of a day and the number of exceptions', () => {
    const hourly = Array.from({ length: OPENING_HOURS_LIMITS.rangesPerDay + 1 }, (_, hour) => ({
      from: `${String(hour + 8).padStart(2, '0')}:00`,
      to: `${String(hour + 8).padStart(2, '0')}:30`,
    }));
    expect(problemsOf(withMonday(hourly))).toEqual(['weekly.mon: tooManyRanges']);
    expect(problemsOf(withMonday(hourly.slice(1)))).toEqual([]);

    const daily = Array.from({ length: OPENING_HOURS_LIMITS.exceptions + 1 }, (_, day) => ({
      date: new Date(Date.UTC(2027, 0, 1 + day)).toISOString().slice(0, 10),
      ranges: [],
    }));
    expect(problemsOf({ ...DEFAULT_OPENING_HOURS, exceptions: daily })).toEqual(['exceptions: tooManyExceptions']);
    expect(problemsOf({ ...DEFAULT_OPENING_HOURS, exceptions: daily.slice(1) })).toEqual([]);
  });
});

describe('isCalendarDate', () => {
  it.each([
    ['2028-02-29', true],
    ['2027-02-29', false],
    ['2026-13-01', false],
    ['2026-1-01', false],
    ['2026-04-31', false],
    ['2026-12-31', true],
  ])('%s → %s', (date, expected) => {
    expect(isCalendarDate(date)).toBe(expected);
  });
});
