import {
  cronEvery,
  errorSummary,
  ERROR_MAX_CHARS,
  leaseExpiry,
  longestGapMs,
  OUTCOME_MAX_CHARS,
  outcomeSummary,
  tickRefusal,
} from '../scheduling';

const at = (second: number) => new Date(Date.UTC(2026, 10, 30, 12, 0, second));

describe('tickRefusal', () => {
  it('lets the first node take a tick no node has started', () => {
    expect(tickRefusal({ lastTickAt: null, leaseUntil: null }, at(5), at(5))).toBeNull();
    expect(tickRefusal({ lastTickAt: at(0), leaseUntil: null }, at(5), at(5))).toBeNull();
  });

  it('refuses a tick that already ran, or is older than the last one started (a late clock)', () => {
    expect(tickRefusal({ lastTickAt: at(5), leaseUntil: null }, at(5), at(6))).toBe('already-run');
    expect(tickRefusal({ lastTickAt: at(10), leaseUntil: null }, at(5), at(6))).toBe('already-run');
  });

  it('waits while a live node still runs the previous tick, and takes over a lease that ran out', () => {
    expect(tickRefusal({ lastTickAt: at(0), leaseUntil: at(30) }, at(5), at(5))).toBe('leased');
    expect(tickRefusal({ lastTickAt: at(0), leaseUntil: at(30) }, at(35), at(30))).toBeNull();
  });
});

describe('leaseExpiry', () => {
  it('counts the lease from the time the run starts', () => {
    expect(leaseExpiry(at(5), 10_000)).toEqual(at(15));
  });
});

describe('cronEvery', () => {
  it('turns an interval into a cron expression with a seconds field', () => {
    expect(cronEvery(1000)).toBe('* * * * * *');
    expect(cronEvery(30_000)).toBe('*/30 * * * * *');
    expect(cronEvery(60_000)).toBe('0 * * * * *');
    expect(cronEvery(5 * 60_000)).toBe('0 */5 * * * *');
    expect(cronEvery(60 * 60_000)).toBe('0 0 * * * *');
    expect(cronEvery(6 * 60 * 60_000)).toBe('0 0 */6 * * *');
  });

  it('never asks for less than a second', () => {
    expect(cronEvery(200)).toBe('* * * * * *');
  });
});

describe('longestGapMs', () => {
  it('is the period of a regular schedule and the longest wait of an irregular one', () => {
    expect(longestGapMs([at(0), at(5), at(10)])).toBe(5000);
    expect(longestGapMs([at(0), at(30), at(40)])).toBe(30_000);
    expect(longestGapMs([at(0)])).toBe(0);
  });
});

describe('outcomeSummary', () => {
  it('keeps a short JSON outcome as it is', () => {
    expect(outcomeSummary({ abandoned: 2, at: at(1) })).toEqual({ abandoned: 2, at: at(1).toISOString() });
    expect(outcomeSummary(undefined)).toBeNull();
  });

  it('cuts a long outcome to a preview', () => {
    const summary = outcomeSummary({ ids: Array.from({ length: 1000 }, (_, index) => index) });
    expect(summary).toEqual({ truncated: true, preview: expect.any(String) });
    expect(JSON.stringify(summary).length).toBeLessThanOrEqual(OUTCOME_MAX_CHARS + 40);
  });

  it('does not throw on what JSON cannot hold', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(outcomeSummary(cyclic)).toEqual({ unserialisable: true });
  });
});

describe('errorSummary', () => {
  it('names the error and keeps it short', () => {
    expect(errorSummary(new TypeError('bad'))).toBe('TypeError: bad');
    expect(errorSummary('x'.repeat(2000))).toHaveLength(ERROR_MAX_CHARS);
  });
});
