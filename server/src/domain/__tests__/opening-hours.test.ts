import {
  DEFAULT_OPENING_HOURS,
  fromLocalTime,
  isOpenAt,
  nextOpeningAt,
  rangesOn,
  toLocalTime,
  type OpeningHours,
} from '../opening-hours';

const helsinki = DEFAULT_OPENING_HOURS;

describe('isOpenAt with the default Helsinki hours', () => {
  it.each([
    // 2026-11-25 is a Wednesday; Helsinki is UTC+2 in winter.
    ['2026-11-25T05:59:59Z', false, 'Wednesday 07:59:59 local'],
    ['2026-11-25T06:00:00Z', true, 'Wednesday 08:00 local opens'],
    ['2026-11-25T15:59:00Z', true, 'Wednesday 17:59 local'],
    ['2026-11-25T16:00:00Z', false, 'Wednesday 18:00 local closes (end is exclusive)'],
    ['2026-11-28T07:59:00Z', false, 'Saturday 09:59 local'],
    ['2026-11-28T08:00:00Z', true, 'Saturday 10:00 local'],
    ['2026-11-28T14:00:00Z', false, 'Saturday 16:00 local'],
    ['2026-11-29T10:00:00Z', false, 'Sunday midday'],
    // Summer time: UTC+3, so 08:00 local is 05:00 UTC.
    ['2026-07-01T05:00:00Z', true, 'Wednesday 08:00 local in summer'],
    ['2026-07-01T04:59:00Z', false, 'Wednesday 07:59 local in summer'],
  ])('%s → %s (%s)', (instant, expected) => {
    expect(isOpenAt(helsinki, new Date(instant))).toBe(expected);
  });

  it('uses the local weekday, not the UTC one, around midnight', () => {
    // Monday 00:30 in Helsinki is still Sunday 22:30 UTC.
    const hours: OpeningHours = { ...helsinki, weekly: { ...helsinki.weekly, mon: [{ from: '00:00', to: '01:00' }] } };
    expect(isOpenAt(hours, new Date('2026-11-29T22:30:00Z'))).toBe(true);
    expect(toLocalTime(new Date('2026-11-29T22:30:00Z'), 'Europe/Helsinki').weekday).toBe('mon');
  });

  it('evaluates the same instant differently in another time zone', () => {
    const newYork: OpeningHours = { ...helsinki, timeZone: 'America/New_York' };
    // 15:00 UTC is 17:00 in Helsinki (open) and 10:00 in New York (open); 23:00 UTC is 18:00 in NY.
    expect(isOpenAt(newYork, new Date('2026-11-25T15:00:00Z'))).toBe(true);
    expect(isOpenAt(newYork, new Date('2026-11-25T23:00:00Z'))).toBe(false);
    expect(isOpenAt(helsinki, new Date('2026-11-25T23:00:00Z'))).toBe(false);
  });
});

describe('exceptions', () => {
  const withHolidays: OpeningHours = {
    ...helsinki,
    exceptions: [
      { date: '2026-12-24', ranges: [], note: 'Jouluaatto' },
      { date: '2026-12-31', ranges: [{ from: '10:00', to: '14:00' }], note: 'Uudenvuodenaatto' },
      { date: '2026-11-29', ranges: [{ from: '12:00', to: '15:00' }], note: 'Sunday sale' },
    ],
  };

  it('closes a normally open weekday', () => {
    expect(isOpenAt(withHolidays, new Date('2026-12-24T10:00:00Z'))).toBe(false);
    expect(rangesOn(withHolidays, '2026-12-24')).toEqual([]);
  });

  it('shortens a day', () => {
    expect(isOpenAt(withHolidays, new Date('2026-12-31T07:00:00Z'))).toBe(false); // 09:00 local
    expect(isOpenAt(withHolidays, new Date('2026-12-31T09:00:00Z'))).toBe(true); // 11:00 local
    expect(isOpenAt(withHolidays, new Date('2026-12-31T12:00:00Z'))).toBe(false); // 14:00 local
  });

  it('opens a normally closed Sunday', () => {
    expect(isOpenAt(withHolidays, new Date('2026-11-29T11:00:00Z'))).toBe(true); // 13:00 local
  });
});

describe('nextOpeningAt', () => {
  it('is the same day when the day has not started yet', () => {
    expect(nextOpeningAt(helsinki, new Date('2026-11-25T04:00:00Z'))?.toISOString()).toBe('2026-11-25T06:00:00.000Z');
  });

  it('skips the closed Sunday after Saturday closes', () => {
    expect(nextOpeningAt(helsinki, new Date('2026-11-28T15:00:00Z'))?.toISOString()).toBe('2026-11-30T06:00:00.000Z');
  });

  it('crosses the change to summer time with the right offset', () => {
    // Summer time starts on Sunday 2026-03-29; Monday 08:00 local is then 05:00 UTC.
    expect(nextOpeningAt(helsinki, new Date('2026-03-28T15:00:00Z'))?.toISOString()).toBe('2026-03-30T05:00:00.000Z');
  });

  it('is null when nothing ever opens', () => {
    const closed: OpeningHours = {
      ...helsinki,
      weekly: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] },
    };
    expect(nextOpeningAt(closed, new Date('2026-11-25T10:00:00Z'))).toBeNull();
  });
});

describe('fromLocalTime', () => {
  it('round-trips with toLocalTime in winter and summer', () => {
    for (const date of ['2026-01-15', '2026-07-15']) {
      const instant = fromLocalTime(date, 8 * 60 + 30, 'Europe/Helsinki');
      expect(toLocalTime(instant, 'Europe/Helsinki')).toMatchObject({ date, minutes: 8 * 60 + 30 });
    }
  });

  it('moves a wall time inside the spring-forward gap to after the gap', () => {
    // 03:30 does not exist in Helsinki on 2026-03-29 (03:00 → 04:00).
    const instant = fromLocalTime('2026-03-29', 3 * 60 + 30, 'Europe/Helsinki');
    expect(toLocalTime(instant, 'Europe/Helsinki').minutes).toBeGreaterThanOrEqual(4 * 60);
  });
});
