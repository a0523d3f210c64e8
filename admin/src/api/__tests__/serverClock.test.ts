import { clockOffsetOf, minutesSince, secondsSince, serverNow } from '../serverClock';

describe('the server clock', () => {
  it('is the server’s time minus the browser’s when the snapshot arrived', () => {
    const received = Date.parse('2026-11-30T09:00:00.000Z');
    // The browser runs five minutes fast.
    expect(clockOffsetOf('2026-11-30T08:55:00.000Z', received)).toBe(-5 * 60_000);
    expect(serverNow(-5 * 60_000, received + 1000)).toBe(Date.parse('2026-11-30T08:55:01.000Z'));
  });

  it('falls back to the browser’s clock when the server’s time is missing or unreadable', () => {
    expect(clockOffsetOf(undefined, 1_000)).toBe(0);
    expect(clockOffsetOf('not a time', 1_000)).toBe(0);
  });

  it('counts a wait on the server’s clock, so a wrong browser clock shows the right minutes', () => {
    const queuedAt = '2026-11-30T08:50:00.000Z';
    const browserNow = Date.parse('2026-11-30T09:05:00.000Z');
    const offset = clockOffsetOf('2026-11-30T09:00:00.000Z', browserNow);
    expect(secondsSince(queuedAt, serverNow(offset, browserNow))).toBe(10 * 60);
  });

  it('never shows a negative wait, and a reminder says at least one minute', () => {
    expect(secondsSince('2026-11-30T09:00:10.000Z', Date.parse('2026-11-30T09:00:00.000Z'))).toBe(0);
    expect(minutesSince('2026-11-30T09:00:00.000Z', Date.parse('2026-11-30T09:00:10.000Z'))).toBe(1);
    expect(minutesSince('2026-11-30T09:00:00.000Z', Date.parse('2026-11-30T09:03:20.000Z'))).toBe(3);
  });
});
