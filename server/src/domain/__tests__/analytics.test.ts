import { botContainment, buildReport, durationStats, percentile, rangeInstants, reportToCsv, type ConversationFacts } from '../analytics';

const HELSINKI = 'Europe/Helsinki';
const at = (iso: string) => new Date(iso);

function facts(overrides: Partial<ConversationFacts>): ConversationFacts {
  return {
    status: 'bot',
    createdAt: at('2026-11-24T08:00:00Z'),
    escalationTrigger: null,
    queuedAt: null,
    offlineAt: null,
    claimedAt: null,
    firstAgentReplyAt: null,
    resolvedAt: null,
    abandonedAt: null,
    csatScore: null,
    assignedAgentId: null,
    ...overrides,
  };
}

const served = facts({
  status: 'resolved',
  escalationTrigger: 'phrase',
  queuedAt: at('2026-11-24T08:00:00Z'),
  claimedAt: at('2026-11-24T08:01:00Z'),
  firstAgentReplyAt: at('2026-11-24T08:02:00Z'),
  resolvedAt: at('2026-11-24T08:10:00Z'),
  csatScore: 5,
  assignedAgentId: 7,
});

describe('the analytics report', () => {
  const report = buildReport({
    from: '2026-11-23',
    to: '2026-11-24',
    timeZone: HELSINKI,
    conversations: [
      served,
      facts({
        status: 'resolved',
        escalationTrigger: 'button',
        // 23:30 UTC on the 23rd is already the 24th in Helsinki.
        queuedAt: at('2026-11-23T23:30:00Z'),
        claimedAt: at('2026-11-23T23:34:00Z'),
        firstAgentReplyAt: at('2026-11-23T23:36:00Z'),
        resolvedAt: at('2026-11-23T23:50:00Z'),
        assignedAgentId: 7,
      }),
      facts({ status: 'abandoned', escalationTrigger: 'keyword', queuedAt: at('2026-11-23T10:00:00Z'), abandonedAt: at('2026-11-23T10:05:00Z') }),
      facts({ status: 'offline', escalationTrigger: 'button', offlineAt: at('2026-11-23T20:00:00Z') }),
      facts({ status: 'bot' }),
    ],
    claims: [
      { agentId: 7, waitSeconds: 60 },
      { agentId: 7, waitSeconds: 240 },
    ],
    offlineMessages: 1,
    agentNames: new Map([[7, 'Aino']]),
  });

  it('counts conversations, escalations, the bot-only ones and the abandoned share', () => {
    expect(report.totals).toEqual({
      conversations: 5,
      escalations: 4,
      botOnly: 1,
      resolved: 2,
      abandoned: 1,
      abandonedShare: 0.3333,
      offlineMessages: 1,
      ended: 4,
      botContained: 0,
      botContainmentRate: 0,
    });
  });

  it('counts escalations per day in the team’s time zone, by trigger', () => {
    expect(report.escalationsPerDay.map((day) => [day.date, day.total])).toEqual([
      ['2026-11-23', 2],
      ['2026-11-24', 2],
    ]);
    expect(report.escalationsPerDay[1].byTrigger).toMatchObject({ phrase: 1, button: 1, keyword: 0 });
  });

  it('measures waiting, response and resolution from entering the queue', () => {
    expect(report.waitingTime).toEqual({ count: 2, averageSeconds: 150, medianSeconds: 150, p90Seconds: 240 });
    expect(report.responseTime).toEqual({ count: 2, averageSeconds: 240, medianSeconds: 240, p90Seconds: 360 });
    expect(report.resolutionTime).toMatchObject({ count: 2, averageSeconds: 900 });
  });

  it('reports satisfaction against the resolved conversations, and per agent', () => {
    expect(report.satisfaction).toEqual({ averageScore: 5, responseRate: 0.5, ratings: 1, distribution: [0, 0, 0, 0, 1] });
    expect(report.agents).toEqual([
      {
        agentId: 7,
        name: 'Aino',
        conversations: 2,
        resolved: 2,
        firstResponse: { count: 2, averageSeconds: 90, medianSeconds: 90, p90Seconds: 120 },
        averageScore: 5,
        ratings: 1,
      },
    ]);
  });

  it('exports one CSV row per day, then the summary', () => {
    const lines = reportToCsv(report).split('\r\n');
    expect(lines[0]).toBe('date,escalations,phrase,button,failed_answers,keyword,frustration,bot_request,api,intent');
    expect(lines[1]).toBe('2026-11-23,2,0,1,0,1,0,0,0,0');
    expect(lines[2]).toBe('2026-11-24,2,1,1,0,0,0,0,0,0');
    expect(lines).toContain('CSAT average,5');
    expect(lines).toContain('bot containment rate,0');
  });
});

describe('bot containment', () => {
  it('is the share of ended conversations that ended with the bot; open ones do not count', () => {
    const report = buildReport({
      from: '2026-11-24',
      to: '2026-11-24',
      timeZone: HELSINKI,
      conversations: [served, facts({ status: 'ended' }), facts({ status: 'ended' }), facts({ status: 'abandoned' }), facts({ status: 'bot' }), facts({ status: 'queued' })],
      claims: [],
      offlineMessages: 0,
      agentNames: new Map(),
    });
    expect(report.totals).toMatchObject({ ended: 4, botContained: 2, botContainmentRate: 0.5 });
    expect(reportToCsv(report).split('\r\n')).toEqual(expect.arrayContaining(['ended,4', 'ended with the bot,2', 'bot containment rate,0.5']));
  });

  it('is unknown before any conversation has ended', () => {
    expect(botContainment([{ status: 'bot' }, { status: 'active' }])).toEqual({ ended: 0, botContained: 0, botContainmentRate: null });
  });
});

describe('the building blocks', () => {
  it('bounds whole days in the time zone', () => {
    const { start, end } = rangeInstants('2026-11-24', '2026-11-24', HELSINKI);
    expect(start.toISOString()).toBe('2026-11-23T22:00:00.000Z');
    expect(end.toISOString()).toBe('2026-11-24T22:00:00.000Z');
  });

  it('takes percentiles by nearest rank and leaves empty data empty', () => {
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBe(9);
    expect(percentile([], 0.9)).toBeNull();
    expect(durationStats([])).toEqual({ count: 0, averageSeconds: null, medianSeconds: null, p90Seconds: null });
  });
});
