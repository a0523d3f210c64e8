import type { ConversationGroup } from '../analytics';
import { aggregateFacts, type ConversationFacts } from '../analytics';
import {
  combineFigures,
  dayRunsOutside,
  daysToRollUp,
  lastDayOfMonth,
  liveSpans,
  mergeFigures,
  monthsToRollUp,
  packHistograms,
  wholeMonthsIn,
  type KeyedBucket,
} from '../analytics-rollup';

const HELSINKI = 'Europe/Helsinki';

/** The histogram of whole seconds the database would return for these durations of one metric. */
function bucketsOf(metric: KeyedBucket['metric'], agentId: number, milliseconds: readonly number[]): KeyedBucket[] {
  const buckets = new Map<number, KeyedBucket>();
  for (const value of milliseconds) {
    const second = Math.floor(value / 1000);
    const known = buckets.get(second);
    if (!known) buckets.set(second, { metric, agentId, second, count: 1, totalMs: value, minMs: value, maxMs: value });
    else buckets.set(second, { ...known, count: known.count + 1, totalMs: known.totalMs + value, minMs: Math.min(known.minMs, value), maxMs: Math.max(known.maxMs, value) });
  }
  return [...buckets.values()].sort((a, b) => a.second - b.second);
}

const group = (status: ConversationGroup['status'], count: number, extra: Partial<ConversationGroup> = {}): ConversationGroup => ({
  status,
  assignedAgentId: null,
  csatScore: null,
  queued: false,
  escalated: false,
  count,
  ...extra,
});

describe('mergeFigures', () => {
  it('adds rolled-up days and the live part into the histogram of the whole range', () => {
    const first = [1_200, 1_900, 4_000, 65_432];
    const second = [1_500, 4_000, 4_999, 7_000];
    const live = [1_001, 90_000];
    const merged = mergeFigures(
      [
        { groups: [], escalations: [], histograms: packHistograms(bucketsOf('response', 0, first)) },
        { groups: [], escalations: [], histograms: packHistograms([...bucketsOf('response', 0, second), ...bucketsOf('first_response', 7, [300])]) },
      ],
      { groups: [], escalations: [], buckets: bucketsOf('response', 0, live) },
    );
    expect(merged.histograms.get('response:0')).toEqual(bucketsOf('response', 0, [...first, ...second, ...live]));
    expect(merged.histograms.get('first_response:7')).toEqual(bucketsOf('first_response', 7, [300]));
  });

  it('adds the counts of equal groups and of hand-overs on the same day and trigger', () => {
    const merged = mergeFigures(
      [
        { groups: [group('resolved', 2, { assignedAgentId: 3, csatScore: 5, queued: true, escalated: true }), group('ended', 4)], escalations: [{ date: '2026-10-24', trigger: 'phrase', count: 2 }], histograms: {} },
        { groups: [group('ended', 1)], escalations: [{ date: '2026-10-25', trigger: 'phrase', count: 1 }], histograms: {} },
      ],
      {
        groups: [group('resolved', 1, { assignedAgentId: 3, csatScore: 5, queued: true, escalated: true }), group('resolved', 1, { assignedAgentId: 3, queued: true, escalated: true })],
        escalations: [{ date: '2026-10-24', trigger: 'phrase', count: 1 }, { date: '2026-10-24', trigger: null, count: 1 }],
        buckets: [],
      },
    );
    expect(merged.groups).toEqual(
      expect.arrayContaining([
        group('resolved', 3, { assignedAgentId: 3, csatScore: 5, queued: true, escalated: true }),
        group('ended', 5),
        group('resolved', 1, { assignedAgentId: 3, queued: true, escalated: true }),
      ]),
    );
    expect(merged.groups).toHaveLength(3);
    expect(merged.escalations).toEqual(
      expect.arrayContaining([
        { date: '2026-10-24', trigger: 'phrase', count: 3 },
        { date: '2026-10-25', trigger: 'phrase', count: 1 },
        { date: '2026-10-24', trigger: null, count: 1 },
      ]),
    );
    expect(merged.escalations).toHaveLength(3);
  });

  it('gives the groups the in-memory aggregation gives for the same conversations split over days', () => {
    const facts = (status: ConversationFacts['status'], agent: number | null, score: number | null): ConversationFacts => ({
      status,
      createdAt: new Date('2026-10-24T10:00:00Z'),
      escalationTrigger: null,
      queuedAt: agent ? new Date('2026-10-24T10:01:00Z') : null,
      offlineAt: null,
      claimedAt: null,
      firstAgentReplyAt: null,
      resolvedAt: null,
      abandonedAt: null,
      csatScore: score,
      assignedAgentId: agent,
    });
    const context = { from: '2026-10-24', to: '2026-10-24', timeZone: HELSINKI, offlineMessages: 0, agentNames: new Map(), claims: [] };
    const dayOne = [facts('resolved', 1, 4), facts('ended', null, null)];
    const dayTwo = [facts('resolved', 1, 4), facts('resolved', 2, null)];
    const whole = aggregateFacts({ ...context, conversations: [...dayOne, ...dayTwo] });
    const merged = mergeFigures([{ groups: [...aggregateFacts({ ...context, conversations: dayOne }).groups], escalations: [], histograms: {} }], {
      groups: aggregateFacts({ ...context, conversations: dayTwo }).groups,
      escalations: [],
      buckets: [],
    });
    expect(new Set(merged.groups.map((each) => JSON.stringify(each)))).toEqual(new Set(whole.groups.map((each) => JSON.stringify(each))));
  });
});

describe('liveSpans', () => {
  const days = ['2026-10-23', '2026-10-24', '2026-10-25', '2026-10-26', '2026-10-27'];

  it('joins the adjacent days that are not rolled up, in the zone’s own day lengths', () => {
    expect(liveSpans(days, new Set(['2026-10-24', '2026-10-27']), HELSINKI)).toEqual([
      { start: new Date('2026-10-22T21:00:00Z'), end: new Date('2026-10-23T21:00:00Z') },
      // The 25th has 25 hours: summer time ends at 04:00.
      { start: new Date('2026-10-24T21:00:00Z'), end: new Date('2026-10-26T22:00:00Z') },
    ]);
  });

  it('is the whole range when nothing is rolled up, and nothing when everything is', () => {
    expect(liveSpans(days, new Set(), HELSINKI)).toEqual([{ start: new Date('2026-10-22T21:00:00Z'), end: new Date('2026-10-27T22:00:00Z') }]);
    expect(liveSpans(days, new Set(days), HELSINKI)).toEqual([]);
  });
});

describe('daysToRollUp', () => {
  const base = { timeZone: HELSINKI, settleMs: 10 * 60_000, rolledUp: new Set<string>(), limit: 100 };

  it('offers the days from the first one to the last that ended at least the settling time ago', () => {
    // 00:05 in Helsinki on the 27th: the 26th ended only five minutes ago.
    expect(daysToRollUp({ ...base, firstDay: '2026-10-24', now: new Date('2026-10-26T22:05:00Z') })).toEqual(['2026-10-24', '2026-10-25']);
    expect(daysToRollUp({ ...base, firstDay: '2026-10-24', now: new Date('2026-10-26T22:10:00Z') })).toEqual(['2026-10-24', '2026-10-25', '2026-10-26']);
  });

  it('leaves out the days already rolled up, stops at the limit, and offers nothing without any conversation', () => {
    const now = new Date('2026-11-01T12:00:00Z');
    expect(daysToRollUp({ ...base, firstDay: '2026-10-24', now, rolledUp: new Set(['2026-10-25', '2026-10-26']), limit: 3 })).toEqual([
      '2026-10-24',
      '2026-10-27',
      '2026-10-28',
    ]);
    expect(daysToRollUp({ ...base, firstDay: null, now })).toEqual([]);
  });
});

describe('months', () => {
  it('knows the last day of a month, leap years included', () => {
    expect(['2026-02-01', '2028-02-01', '2026-10-01', '2026-12-01'].map(lastDayOfMonth)).toEqual(['2026-02-28', '2028-02-29', '2026-10-31', '2026-12-31']);
  });

  it('offers the months whose last day has closed, less those rolled up', () => {
    expect(monthsToRollUp('2026-08-17', '2026-10-30', new Set(), 12)).toEqual(['2026-08-01', '2026-09-01']);
    expect(monthsToRollUp('2026-08-17', '2026-10-31', new Set(['2026-09-01']), 12)).toEqual(['2026-08-01', '2026-10-01']);
    expect(monthsToRollUp(null, '2026-10-31', new Set(), 12)).toEqual([]);
  });

  it('finds the whole months of a range and the days outside them', () => {
    expect(wholeMonthsIn('2026-07-01', '2026-10-31')).toEqual(['2026-07-01', '2026-08-01', '2026-09-01', '2026-10-01']);
    expect(wholeMonthsIn('2026-07-02', '2026-10-30')).toEqual(['2026-08-01', '2026-09-01']);
    expect(wholeMonthsIn('2026-07-02', '2026-07-30')).toEqual([]);
    const days = ['2026-07-30', '2026-07-31', '2026-08-01', '2026-08-02', '2026-08-03'];
    expect(dayRunsOutside(days, new Set(['2026-08-01', '2026-08-02']))).toEqual([
      { first: '2026-07-30', last: '2026-07-31' },
      { first: '2026-08-03', last: '2026-08-03' },
    ]);
  });

  it('combines days into one period that merges to the same figures', () => {
    const days = [1, 2, 3].map((seed) => ({
      groups: [group('ended', seed)],
      escalations: [{ date: '2026-10-24', trigger: 'phrase' as const, count: seed }],
      histograms: packHistograms(bucketsOf('resolution', 0, [seed * 1_000 + 1, 5_500, 5_900 + seed])),
    }));
    const month = combineFigures(days);
    expect(mergeFigures([month], { groups: [], escalations: [], buckets: [] })).toEqual(mergeFigures(days, { groups: [], escalations: [], buckets: [] }));
  });
});
