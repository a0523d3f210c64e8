import { dayInTimeZone, presetRange, rebaseToTeamDay } from '../dateRange';

describe('the analytics range and the team’s day', () => {
  it('reads the calendar day in the team’s time zone', () => {
    // 22:30 UTC on the 24th is already the 25th in Helsinki, still the 24th in New York.
    const instant = new Date('2026-11-24T22:30:00Z');
    expect(dayInTimeZone(instant, 'Europe/Helsinki')).toBe('2026-11-25');
    expect(dayInTimeZone(instant, 'America/New_York')).toBe('2026-11-24');
  });

  it('moves a preset to the team’s today, and leaves a hand-typed range alone', () => {
    const browserToday = '2026-11-24';
    const teamToday = '2026-11-25';
    expect(rebaseToTeamDay(presetRange('last7', browserToday), browserToday, teamToday)).toEqual(presetRange('last7', teamToday));
    expect(rebaseToTeamDay(presetRange('thisMonth', browserToday), browserToday, teamToday)).toEqual({
      from: '2026-11-01',
      to: '2026-11-25',
    });
    const typed = { from: '2026-10-01', to: '2026-10-31' };
    expect(rebaseToTeamDay(typed, browserToday, teamToday)).toBe(typed);
    const same = presetRange('last30', teamToday);
    expect(rebaseToTeamDay(same, teamToday, teamToday)).toBe(same);
  });
});
