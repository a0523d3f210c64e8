import { DEFAULT_OPENING_HOURS, publicHolidays, type OpeningHours } from '../../../shared';
import {
  freeExceptionDate,
  nextInterval,
  previewAt,
  suggestedHolidayYear,
  upcomingExceptions,
  withHolidays,
} from '../opening-hours/model';

const helsinki = DEFAULT_OPENING_HOURS;

describe('withHolidays', () => {
  it('adds each holiday closed all day with its name, in date order, and keeps the owner’s own exception of a date', () => {
    const own: OpeningHours = { ...helsinki, exceptions: [{ date: '2027-12-24', ranges: [{ from: '09:00', to: '12:00' }], note: 'Short day' }] };
    const next = withHolidays(own, publicHolidays('FI', 2027));
    expect(next.exceptions).toHaveLength(15);
    expect(next.exceptions.find((exception) => exception.date === '2027-12-24')).toEqual(own.exceptions[0]);
    expect(next.exceptions.find((exception) => exception.date === '2027-06-25')).toEqual({ date: '2027-06-25', ranges: [], note: 'Juhannusaatto' });
    expect(next.exceptions.map((exception) => exception.date)).toEqual([...next.exceptions.map((exception) => exception.date)].sort());
    // Adding the same year again changes nothing.
    expect(withHolidays(next, publicHolidays('FI', 2027))).toEqual(next);
  });
});

describe('previewAt', () => {
  it('says until when it is open, in the interval it is in (a lunch break ends the morning)', () => {
    const lunch: OpeningHours = { ...helsinki, weekly: { ...helsinki.weekly, wed: [{ from: '08:00', to: '12:00' }, { from: '13:00', to: '18:00' }] } };
    // 2026-11-25 is a Wednesday; 09:00 UTC is 11:00 in Helsinki, 11:30 UTC is 13:30.
    expect(previewAt(lunch, new Date('2026-11-25T09:00:00Z'))).toEqual({ open: true, until: '12:00' });
    expect(previewAt(lunch, new Date('2026-11-25T11:30:00Z'))).toEqual({ open: true, until: '18:00' });
  });

  it('says when it opens next when closed, skipping a closed exception', () => {
    const closedMonday: OpeningHours = { ...helsinki, exceptions: [{ date: '2026-11-30', ranges: [] }] };
    // Saturday 2026-11-28 at 17:00 in Helsinki: Sunday closed, Monday an exception, so Tuesday 08:00.
    expect(previewAt(closedMonday, new Date('2026-11-28T15:00:00Z'))).toEqual({ open: false, opensAt: new Date('2026-12-01T06:00:00Z') });
  });
});

describe('the editor’s helpers', () => {
  const now = new Date('2026-11-30T10:00:00Z');

  it('lists the exceptions from today on, the nearest first', () => {
    const hours: OpeningHours = {
      ...helsinki,
      exceptions: [
        { date: '2026-12-24', ranges: [] },
        { date: '2026-11-29', ranges: [] },
        { date: '2026-11-30', ranges: [] },
      ],
    };
    expect(upcomingExceptions(hours, now).map((exception) => exception.date)).toEqual(['2026-11-30', '2026-12-24']);
  });

  it('offers next year’s holidays from September on', () => {
    expect(suggestedHolidayYear(helsinki, now)).toBe(2027);
    expect(suggestedHolidayYear(helsinki, new Date('2026-08-31T12:00:00Z'))).toBe(2026);
  });

  it('puts a new exception on the first free day from tomorrow, and a new interval after the last', () => {
    expect(freeExceptionDate({ ...helsinki, exceptions: [{ date: '2026-12-01', ranges: [] }] }, now)).toBe('2026-12-02');
    expect(nextInterval([])).toEqual({ from: '08:00', to: '16:00' });
    expect(nextInterval([{ from: '08:00', to: '12:00' }])).toEqual({ from: '12:00', to: '24:00' });
  });
});
