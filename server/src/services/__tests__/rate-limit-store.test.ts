import { memoryRateLimitStore } from '../rate-limit-store';

describe('memoryRateLimitStore', () => {
  beforeEach(() => jest.useFakeTimers({ now: new Date('2026-11-30T12:00:00Z') }));
  afterEach(() => jest.useRealTimers());

  const rule = { name: 'session', points: 3, durationSeconds: 60 };

  it('allows `points` hits per key in a window, then refuses until the window ends', async () => {
    const limiter = memoryRateLimitStore().limiter(rule);
    for (let index = 0; index < 3; index += 1) expect(await limiter.hit('203.0.113.7')).toEqual({ allowed: true });
    jest.advanceTimersByTime(20_000);
    expect(await limiter.hit('203.0.113.7')).toEqual({ allowed: false, retryAfterMs: 40_000 });
    // Another key has its own allowance.
    expect(await limiter.hit('203.0.113.8')).toEqual({ allowed: true });

    jest.advanceTimersByTime(40_000);
    expect(await limiter.hit('203.0.113.7')).toEqual({ allowed: true });
  });

  it('keeps the limiters of two actions apart', async () => {
    const store = memoryRateLimitStore();
    const sessions = store.limiter(rule);
    const messages = store.limiter({ ...rule, name: 'message', points: 1 });
    expect(await messages.hit('7')).toEqual({ allowed: true });
    expect(await messages.hit('7')).toMatchObject({ allowed: false });
    expect(await sessions.hit('7')).toEqual({ allowed: true });
  });

  it('answers at once, without a promise, so the message path awaits nothing', () => {
    const limiter = memoryRateLimitStore().limiter(rule);
    const decision = limiter.hit('203.0.113.7');
    expect(decision).not.toBeInstanceOf(Promise);
    expect(decision).toEqual({ allowed: true });
  });

  it('forgets every key when its window ends, so a flood of addresses leaves nothing behind', async () => {
    const store = memoryRateLimitStore();
    const limiter = store.limiter(rule);
    for (let index = 0; index < 200; index += 1) await limiter.hit(`198.51.100.${index}`);
    // One sweep timer per action, not one per key.
    expect(jest.getTimerCount()).toBe(1);
    jest.advanceTimersByTime(60_000);
    expect(jest.getTimerCount()).toBe(0);
    // Forgotten: every address has its whole allowance again.
    for (let index = 0; index < 3; index += 1) expect(await limiter.hit('198.51.100.7')).toEqual({ allowed: true });
    await store.close();
    expect(jest.getTimerCount()).toBe(0);
  });
});
