import { dayIndexAt, dayRuns, daysOf } from '../analytics-days';
import { medianRanks, p90Rank, percentile, summariseDurations, summaryFromRanks } from '../analytics-durations';
import { aggregateFacts, buildReport, reportFromAggregates, type ConversationFacts } from '../analytics';
import { median } from '../queue';

const HELSINKI = 'Europe/Helsinki';
const HOUR = 3_600_000;

describe('the range’s days as runs of equal length', () => {
  it('is one run when the clocks do not change', () => {
    expect(dayRuns('2026-11-01', '2026-11-30', HELSINKI)).toEqual([
      { startMs: Date.parse('2026-10-31T22:00:00Z'), firstDay: 0, days: 30, dayMs: 24 * HOUR },
    ]);
  });

  it('breaks where a day has 23 or 25 hours, and maps every hour of the year to its local day', () => {
    const runs = dayRuns('2026-01-01', '2026-12-31', HELSINKI);
    expect(runs.map((run) => [run.firstDay, run.days, run.dayMs / HOUR])).toEqual([
      [0, 87, 24], // 1 January – 28 March
      [87, 1, 23], // 29 March: clocks go forward
      [88, 209, 24],
      [297, 1, 25], // 25 October: clocks go back
      [298, 67, 24],
    ]);
    const days = daysOf('2026-01-01', '2026-12-31');
    const localDay = new Intl.DateTimeFormat('en-CA', { timeZone: HELSINKI });
    for (let instant = Date.parse('2025-12-31T22:00:00Z'); instant < Date.parse('2026-12-31T22:00:00Z'); instant += HOUR / 2) {
      expect(days[dayIndexAt(runs, instant)!]).toBe(localDay.format(new Date(instant)));
    }
  });

  it('places instants outside the range on no day', () => {
    const runs = dayRuns('2026-11-24', '2026-11-24', HELSINKI);
    expect(dayIndexAt(runs, Date.parse('2026-11-23T21:59:59.999Z'))).toBeNull();
    expect(dayIndexAt(runs, Date.parse('2026-11-23T22:00:00Z'))).toBe(0);
    expect(dayIndexAt(runs, Date.parse('2026-11-24T22:00:00Z'))).toBeNull();
  });

  it('holds in a zone whose offset is not whole hours', () => {
    const runs = dayRuns('2026-11-24', '2026-11-25', 'Asia/Kathmandu');
    expect(dayIndexAt(runs, Date.parse('2026-11-24T18:14:59Z'))).toBe(0);
    expect(dayIndexAt(runs, Date.parse('2026-11-24T18:15:00Z'))).toBe(1);
  });
});

describe('duration figures from ranks', () => {
  it('asks for the two middle ranks and the nearest rank of the 90th percentile', () => {
    expect(medianRanks(1)).toEqual([1, 1]);
    expect(medianRanks(4)).toEqual([2, 3]);
    expect(medianRanks(5)).toEqual([3, 3]);
    for (let count = 1; count <= 1000; count += 1) expect(p90Rank(count)).toBe(Math.ceil(0.9 * count));
  });

  it('gives exactly the median and percentile of every value', () => {
    for (const values of [[5], [4, 1], [3, 9, 1, 7], [10, 2, 8, 6, 4, 0.5, 12.25, 3, 3, 99, 1]]) {
      const summary = summariseDurations(values);
      expect(summary).toEqual({
        count: values.length,
        totalSeconds: values.reduce((sum, value) => sum + value, 0),
        medianSeconds: median(values),
        p90Seconds: percentile(values, 0.9),
      });
      const sorted = [...values].sort((a, b) => a - b);
      expect(summaryFromRanks(values.length, summary.totalSeconds, (rank) => sorted[rank - 1])).toEqual(summary);
    }
  });

  it('leaves out negative and non-finite durations, and reports nothing for none', () => {
    expect(summariseDurations([-1, Number.NaN, 4])).toEqual({ count: 1, totalSeconds: 4, medianSeconds: 4, p90Seconds: 4 });
    expect(summaryFromRanks(0, 0, () => 1)).toEqual({ count: 0, totalSeconds: 0, medianSeconds: null, p90Seconds: null });
  });
});

describe('aggregated facts', () => {
  const base: ConversationFacts = {
    status: 'resolved',
    createdAt: new Date('2026-11-24T08:00:00Z'),
    escalationTrigger: 'button',
    queuedAt: new Date('2026-11-24T08:00:00Z'),
    offlineAt: null,
    claimedAt: new Date('2026-11-24T08:01:00Z'),
    firstAgentReplyAt: new Date('2026-11-24T08:02:00Z'),
    resolvedAt: new Date('2026-11-24T08:05:00Z'),
    abandonedAt: null,
    csatScore: 4,
    assignedAgentId: 3,
  };
  const input = {
    from: '2026-11-24',
    to: '2026-11-24',
    timeZone: HELSINKI,
    conversations: [base, base, { ...base, csatScore: 2 }, { ...base, status: 'bot' as const, queuedAt: null, escalationTrigger: null, csatScore: null, assignedAgentId: null }],
    claims: [],
    offlineMessages: 0,
    agentNames: new Map([[3, 'Aino']]),
  };

  it('counts alike conversations once, with their number', () => {
    const aggregates = aggregateFacts(input);
    expect(aggregates.groups).toEqual([
      { status: 'resolved', assignedAgentId: 3, csatScore: 4, queued: true, escalated: true, count: 2 },
      { status: 'resolved', assignedAgentId: 3, csatScore: 2, queued: true, escalated: true, count: 1 },
      { status: 'bot', assignedAgentId: null, csatScore: null, queued: false, escalated: false, count: 1 },
    ]);
    expect(aggregates.escalations).toEqual([{ date: '2026-11-24', trigger: 'button', count: 3 }]);
  });

  it('weighs each group by its number in the report', () => {
    const report = reportFromAggregates(aggregateFacts(input));
    expect(report).toEqual(buildReport(input));
    expect(report.satisfaction).toEqual({ averageScore: 3.33, responseRate: 1, ratings: 3, distribution: [0, 1, 0, 2, 0] });
    expect(report.agents[0]).toMatchObject({ conversations: 3, resolved: 3, averageScore: 3.33, ratings: 3 });
  });
});
