import {
  MIN_HISTORY_SAMPLES,
  compareQueueOrder,
  estimateWait,
  isVipEmail,
  median,
  orderQueue,
  queueOrderBy,
  queuePositions,
  type QueueEntry,
} from '../queue';

function entry(id: number, queuedAt: string, options: { isVip?: boolean; priority?: number } = {}): QueueEntry {
  return { id, isVip: options.isVip ?? false, priority: options.priority ?? 0, queuedAt: new Date(queuedAt) };
}

const ids = (entries: readonly QueueEntry[]): number[] => entries.map((candidate) => candidate.id);

describe('orderQueue', () => {
  it('puts a VIP ahead of an older non-VIP', () => {
    const older = entry(1, '2026-11-25T10:00:00Z');
    const vip = entry(2, '2026-11-25T10:30:00Z', { isVip: true });
    expect(ids(orderQueue([older, vip]))).toEqual([2, 1]);
  });

  it('puts VIP before priority: a low-priority VIP beats a high-priority non-VIP', () => {
    const urgent = entry(1, '2026-11-25T10:00:00Z', { priority: 10 });
    const vip = entry(2, '2026-11-25T10:30:00Z', { isVip: true, priority: 0 });
    expect(ids(orderQueue([urgent, vip]))).toEqual([2, 1]);
  });

  it('puts higher priority first among equals in VIP status', () => {
    const low = entry(1, '2026-11-25T10:00:00Z', { priority: 1 });
    const high = entry(2, '2026-11-25T10:30:00Z', { priority: 5 });
    const negative = entry(3, '2026-11-25T09:00:00Z', { priority: -1 });
    expect(ids(orderQueue([low, negative, high]))).toEqual([2, 1, 3]);
  });

  it('breaks a priority tie by the oldest queuedAt, then by the lower id', () => {
    const sameInstant = '2026-11-25T10:00:00Z';
    const later = entry(1, '2026-11-25T10:05:00Z');
    const tieHigh = entry(9, sameInstant);
    const tieLow = entry(4, sameInstant);
    expect(ids(orderQueue([later, tieHigh, tieLow]))).toEqual([4, 9, 1]);
  });

  it('keeps a conversation transferred back to the queue ahead of ones queued after it', () => {
    // Conversation 7 was queued first, claimed, then transferred back: it keeps its queuedAt
    // and so its place, even though it re-entered the queue after 2 and 3 and has a higher id.
    const transferredBack = entry(7, '2026-11-25T10:00:00Z');
    const queuedWhileItWasActive = [entry(2, '2026-11-25T10:02:00Z'), entry(3, '2026-11-25T10:04:00Z')];
    expect(ids(orderQueue([...queuedWhileItWasActive, transferredBack]))).toEqual([7, 2, 3]);
  });

  it('returns a new array and leaves the input untouched', () => {
    const input = [entry(2, '2026-11-25T10:00:00Z'), entry(1, '2026-11-25T10:00:00Z')];
    const snapshot = [...input];
    const ordered = orderQueue(input);
    expect(ordered).not.toBe(input);
    expect(input).toEqual(snapshot);
    expect(ids(ordered)).toEqual([1, 2]);
  });

  it('keeps extra fields of the entries', () => {
    const withTopic = [{ ...entry(1, '2026-11-25T10:00:00Z'), topic: 'billing' }];
    expect(orderQueue(withTopic)[0].topic).toBe('billing');
  });

  it('gives the same order whatever the input order', () => {
    const entries = [
      entry(1, '2026-11-25T10:00:00Z'),
      entry(2, '2026-11-25T10:00:00Z', { priority: 2 }),
      entry(3, '2026-11-25T10:01:00Z', { isVip: true }),
      entry(4, '2026-11-25T09:59:00Z'),
      entry(5, '2026-11-25T10:00:00Z'),
    ];
    const expected = [3, 2, 4, 1, 5];
    expect(ids(orderQueue(entries))).toEqual(expected);
    expect(ids(orderQueue([...entries].reverse()))).toEqual(expected);
  });
});

describe('the VIP rule', () => {
  it('orders VIPs like everyone else when the site owner turns VIP-first off', () => {
    const older = entry(1, '2026-11-25T10:00:00Z');
    const vip = entry(2, '2026-11-25T10:30:00Z', { isVip: true });
    expect(ids(orderQueue([older, vip], { vipFirst: false }))).toEqual([1, 2]);
    expect(ids(orderQueue([older, vip], { vipFirst: true }))).toEqual([2, 1]);
  });

  it('gives the database the same order as the comparison', () => {
    expect(queueOrderBy({ vipFirst: true })).toEqual([{ isVip: 'desc' }, { priority: 'desc' }, { queuedAt: 'asc' }, { id: 'asc' }]);
    expect(queueOrderBy({ vipFirst: false })).toEqual([{ priority: 'desc' }, { queuedAt: 'asc' }, { id: 'asc' }]);
  });

  it('recognises VIP email domains and their subdomains, case-insensitively', () => {
    const domains = ['bigclient.fi', 'partner.com'];
    expect(isVipEmail('maija@bigclient.fi', domains)).toBe(true);
    expect(isVipEmail('Maija@Sales.BigClient.FI', domains)).toBe(true);
    expect(isVipEmail('maija@notbigclient.fi', domains)).toBe(false);
    expect(isVipEmail('maija@bigclient.fi.evil.com', domains)).toBe(false);
    expect(isVipEmail('no-at-sign', domains)).toBe(false);
    expect(isVipEmail(null, domains)).toBe(false);
    expect(isVipEmail('maija@bigclient.fi', [])).toBe(false);
  });
});

describe('compareQueueOrder', () => {
  it('is zero only for the same entry and antisymmetric otherwise', () => {
    const a = entry(1, '2026-11-25T10:00:00Z');
    const b = entry(2, '2026-11-25T10:00:00Z');
    expect(compareQueueOrder(a, a)).toBe(0);
    expect(Math.sign(compareQueueOrder(a, b))).toBe(-Math.sign(compareQueueOrder(b, a)));
    expect(compareQueueOrder(a, b)).toBeLessThan(0);
  });
});

describe('queuePositions', () => {
  it('maps each id to its 1-based position in queue order', () => {
    const positions = queuePositions([
      entry(10, '2026-11-25T10:00:00Z'),
      entry(11, '2026-11-25T10:05:00Z', { isVip: true }),
      entry(12, '2026-11-25T09:00:00Z'),
    ]);
    expect([...positions.entries()].sort((x, y) => x[0] - y[0])).toEqual([
      [10, 3],
      [11, 1],
      [12, 2],
    ]);
  });

  it('is empty for an empty queue', () => {
    expect(queuePositions([]).size).toBe(0);
  });
});

describe('median', () => {
  it.each([
    [[], null],
    [[42], 42],
    [[30, 10, 20], 20],
    [[40, 10, 30, 20], 25],
    [[5, 5, 5, 1000], 5],
  ])('median(%j) = %p', (values, expected) => {
    expect(median(values)).toBe(expected);
  });

  it('does not reorder its input', () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe('estimateWait', () => {
  const history = [60, 120, 180, 240, 300]; // median 180

  it('has no estimate when no agent is online', () => {
    expect(estimateWait({ position: 1, recentWaitsSeconds: history, agentsOnline: 0, freeSeats: 0 })).toEqual({
      seconds: null,
      basis: 'no_agents',
    });
  });

  it('caps at a minute when a seat is free, from history', () => {
    // base 180, position 2 ≤ 3 free seats → min(180, 60) = 60
    expect(estimateWait({ position: 2, recentWaitsSeconds: history, agentsOnline: 2, freeSeats: 3 })).toEqual({
      seconds: 60,
      basis: 'history',
    });
  });

  it('uses the history base below the cap when a seat is free', () => {
    // median 40 → min(40, 60) = 40 → rounded up to 60
    expect(estimateWait({ position: 1, recentWaitsSeconds: [20, 40, 50], agentsOnline: 1, freeSeats: 1 })).toEqual({
      seconds: 60,
      basis: 'history',
    });
  });

  it('multiplies the base by the rounds needed when no seat is free', () => {
    // base 180, (5 − 0) / 2 agents → 3 rounds → 540
    expect(estimateWait({ position: 5, recentWaitsSeconds: history, agentsOnline: 2, freeSeats: 0 })).toEqual({
      seconds: 540,
      basis: 'history',
    });
  });

  it('subtracts the free seats before counting rounds', () => {
    // base 180, (5 − 1) / 2 agents → 2 rounds → 360
    expect(estimateWait({ position: 5, recentWaitsSeconds: history, agentsOnline: 2, freeSeats: 1 }).seconds).toBe(360);
    // position just past the free seats: one round
    expect(estimateWait({ position: 2, recentWaitsSeconds: history, agentsOnline: 2, freeSeats: 1 }).seconds).toBe(180);
  });

  it(`falls back to the default when fewer than ${MIN_HISTORY_SAMPLES} samples`, () => {
    // base 120 (default), (3 − 0) / 1 → 3 rounds → 360
    expect(estimateWait({ position: 3, recentWaitsSeconds: [10, 20], agentsOnline: 1, freeSeats: 0 })).toEqual({
      seconds: 360,
      basis: 'default',
    });
  });

  it('uses a given default wait', () => {
    // base 200, (2 − 0) / 1 → 2 rounds → 400 → rounded up to 420
    expect(
      estimateWait({ position: 2, recentWaitsSeconds: [], agentsOnline: 1, freeSeats: 0, defaultWaitSeconds: 200 }),
    ).toEqual({ seconds: 420, basis: 'default' });
  });

  it('caps the default at a minute when a seat is free', () => {
    expect(estimateWait({ position: 1, recentWaitsSeconds: [], agentsOnline: 1, freeSeats: 1 })).toEqual({
      seconds: 60,
      basis: 'default',
    });
  });

  it('uses history at exactly MIN_HISTORY_SAMPLES samples', () => {
    // median 100, one round → 100 → rounded up to 120
    expect(estimateWait({ position: 1, recentWaitsSeconds: [90, 100, 110], agentsOnline: 1, freeSeats: 0 })).toEqual({
      seconds: 120,
      basis: 'history',
    });
  });

  it('ignores negative and non-finite samples, and their count', () => {
    // Valid samples: 100, 200 → too few, so the default applies despite five entries.
    const polluted = [100, -5, Number.NaN, Number.POSITIVE_INFINITY, 200];
    expect(estimateWait({ position: 1, recentWaitsSeconds: polluted, agentsOnline: 1, freeSeats: 0 })).toEqual({
      seconds: 120,
      basis: 'default',
    });
    // Valid samples: 100, 200, 400 → median 200; the bad ones do not shift it.
    const enough = [...polluted, 400, -1000];
    expect(estimateWait({ position: 1, recentWaitsSeconds: enough, agentsOnline: 1, freeSeats: 0 })).toEqual({
      seconds: 210,
      basis: 'history',
    });
  });

  it('accepts zero-second waits as valid samples', () => {
    expect(estimateWait({ position: 1, recentWaitsSeconds: [0, 0, 0], agentsOnline: 1, freeSeats: 1 })).toEqual({
      seconds: 30,
      basis: 'history',
    });
  });

  describe('rounding', () => {
    it.each([
      [1, 30],
      [29, 30],
      [30, 30],
      [31, 60],
      [89, 90],
      [90, 90],
      [91, 120],
      [150.5, 180],
    ])('a base of %p s with one round is shown as %p s', (base, expected) => {
      expect(
        estimateWait({ position: 1, recentWaitsSeconds: [], agentsOnline: 1, freeSeats: 0, defaultWaitSeconds: base })
          .seconds,
      ).toBe(expected);
    });

    it('never shows less than 30 seconds', () => {
      expect(
        estimateWait({ position: 1, recentWaitsSeconds: [], agentsOnline: 1, freeSeats: 0, defaultWaitSeconds: 0 })
          .seconds,
      ).toBe(30);
    });
  });
});
