import { endedAt, visitorAccessEnded } from '../visitor-access';

const at = (iso: string) => new Date(iso);
const now = at('2026-11-30T12:00:00Z');

describe('how long a visitor token opens an ended conversation', () => {
  it('keeps an open conversation open whatever its age', () => {
    for (const status of ['bot', 'queued', 'active']) {
      expect(visitorAccessEnded({ status, resolvedAt: at('2026-01-01T00:00:00Z') }, 24, now)).toBe(false);
    }
  });

  it.each([
    ['resolved', 'resolvedAt'],
    ['abandoned', 'abandonedAt'],
    ['offline', 'offlineAt'],
    ['ended', 'endedAt'],
  ] as const)('opens a %s conversation until the hours have passed since it ended', (status, field) => {
    const justUnder = { status, [field]: at('2026-11-29T12:00:01Z') };
    const exactly = { status, [field]: at('2026-11-29T12:00:00Z') };
    expect(endedAt(exactly)).toEqual(at('2026-11-29T12:00:00Z'));
    expect(visitorAccessEnded(justUnder, 24, now)).toBe(false);
    expect(visitorAccessEnded(exactly, 24, now)).toBe(true);
  });

  it('reads the ending of the conversation’s own state, not an earlier one', () => {
    // Resolved once long ago would not matter for a conversation that is open again.
    expect(visitorAccessEnded({ status: 'abandoned', resolvedAt: at('2026-01-01T00:00:00Z'), abandonedAt: at('2026-11-30T11:00:00Z') }, 24, now)).toBe(false);
  });
});
