import { RateLimiter } from '../rate-limit';

describe('RateLimiter', () => {
  it('allows a burst up to the limit, then refuses with the time until the next token', () => {
    const limiter = new RateLimiter({ limit: 3, windowMs: 60_000 });
    expect([0, 1, 2].map(() => limiter.hit('1.2.3.4', 1000).allowed)).toEqual([true, true, true]);
    expect(limiter.hit('1.2.3.4', 1000)).toEqual({ allowed: false, retryAfterMs: 20_000 });
  });

  it('refills evenly over the window', () => {
    const limiter = new RateLimiter({ limit: 3, windowMs: 60_000 });
    for (let index = 0; index < 3; index += 1) limiter.hit('a', 0);
    expect(limiter.hit('a', 19_999).allowed).toBe(false);
    // A refused request takes nothing: by 40 s two tokens have come back.
    expect([0, 1, 2].map(() => limiter.hit('a', 40_000).allowed)).toEqual([true, true, false]);
    // A long pause refills to the limit, never beyond it.
    expect([0, 1, 2, 3].map(() => limiter.hit('a', 10_000_000).allowed)).toEqual([true, true, true, false]);
  });

  it('keeps keys apart', () => {
    const limiter = new RateLimiter({ limit: 1, windowMs: 1000 });
    expect(limiter.hit('a', 0).allowed).toBe(true);
    expect(limiter.hit('b', 0).allowed).toBe(true);
    expect(limiter.hit('a', 0).allowed).toBe(false);
  });

  it('forgets the least recently seen keys beyond its capacity', () => {
    const limiter = new RateLimiter({ limit: 1, windowMs: 60_000 }, 2);
    limiter.hit('a', 0);
    limiter.hit('b', 0);
    limiter.hit('a', 1); // refused, but seen again
    limiter.hit('c', 2); // pushes out b, the least recently seen
    expect(limiter.size).toBe(2);
    expect(limiter.hit('a', 3).allowed).toBe(false);
    expect(limiter.hit('b', 3).allowed).toBe(true);
  });

  it('refuses a rule that could never allow anything', () => {
    expect(() => new RateLimiter({ limit: 0, windowMs: 1000 })).toThrow(RangeError);
  });
});
