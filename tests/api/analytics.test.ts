import request from 'supertest';

import type { AnalyticsQuery, AnalyticsReport } from '../../server/src/contracts/analytics';

import { ADMIN_API_BASE } from '../../server/src/contracts/constants';
import { DEMO_ADMIN, DEMO_AGENT } from '../helpers/admin-auth';
import {
  expectHistoryFigures,
  HISTORY_RANGE,
  inMemoryReport,
  insertHistory,
  seedAnalyticsHistory,
  servedConversation,
} from '../helpers/analytics-reference';
import { useBootedStrapi } from '../helpers/booted-strapi';
import { clearOfMidnight, dayIn } from '../helpers/clock';
import { startCustomer } from '../helpers/protocol';

// The rollup job off: the tests run the rollup themselves and check which days it has rolled up
// between their steps, which a tick of the job (every ten minutes) would change behind their back.
const app = useBootedStrapi({ config: { jobs: { analytics: { enabled: false } } } });
const agent = app.signIn(DEMO_AGENT, { presence: 'online' });
const admin = app.signIn(DEMO_ADMIN);

/** Today in the opening hours' time zone (the default, Europe/Helsinki), as the report counts days. */
const today = () => dayIn('Europe/Helsinki');

beforeAll(async () => {
  // The first tests report "today" on the conversations made here: all on one date.
  await clearOfMidnight('Europe/Helsinki', 60_000);
  // One conversation the bot handles alone, three handed over: two served (one rated), one left.
  await startCustomer(app);
  for (const [index, score] of [[0, 4], [1, null]] as const) {
    const customer = await startCustomer(app);
    await customer.post('/escalate', { reason: `served ${index}` }).expect(200);
    await agent.post(`/conversations/${customer.conversationId}/claim`).expect(200);
    await agent.post(`/conversations/${customer.conversationId}/messages`, { clientId: `a-${index}`, text: 'Hello!' }).expect(200);
    await agent.post(`/conversations/${customer.conversationId}/resolve`).expect(200);
    if (score) await customer.post('/csat', { score }).expect(200);
  }
  const leaving = await startCustomer(app);
  await leaving.post('/escalate').expect(200);
  await leaving.post('/leave').expect(200);
});

describe('analytics', () => {
  it('reports the day’s conversations, escalations, times, satisfaction and agents', async () => {
    const response = await admin.get(`/analytics?from=${today()}&to=${today()}`).expect(200);
    const report = response.body.data;
    expect(report.range).toEqual({ from: today(), to: today(), timeZone: 'Europe/Helsinki' });
    expect(report.totals).toEqual({
      conversations: 4,
      escalations: 3,
      botOnly: 1,
      resolved: 2,
      abandoned: 1,
      abandonedShare: 0.3333,
      offlineMessages: 0,
      // Two resolved and one abandoned have ended; the bot's own conversation is still open.
      ended: 3,
      botContained: 0,
      botContainmentRate: 0,
    });
    expect(report.escalationsPerDay).toEqual([
      { date: today(), total: 3, byTrigger: expect.objectContaining({ button: 3, phrase: 0 }) },
    ]);
    expect(report.waitingTime.count).toBe(2);
    expect(report.responseTime).toMatchObject({ count: 2, averageSeconds: expect.any(Number) });
    expect(report.resolutionTime.count).toBe(2);
    expect(report.satisfaction).toEqual({ averageScore: 4, responseRate: 0.5, ratings: 1, distribution: [0, 0, 0, 1, 0] });
    expect(report.agents).toEqual([
      expect.objectContaining({ agentId: agent.id, name: 'Aino', conversations: 2, resolved: 2, averageScore: 4, ratings: 1 }),
    ]);
  });

  it('exports the same figures as CSV', async () => {
    const response = await request(app.url)
      .get(`${ADMIN_API_BASE}/analytics/export?from=${today()}&to=${today()}`)
      .set('Authorization', `Bearer ${admin.token}`)
      .expect(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(`attachment; filename="live-support-${today()}-${today()}.csv"`);
    const lines = response.text.split('\r\n');
    expect(lines[0]).toBe('date,escalations,phrase,button,failed_answers,keyword,frustration,bot_request,api,intent');
    expect(lines[1]).toBe(`${today()},3,0,3,0,0,0,0,0,0`);
    expect(lines).toContain('resolved,2');
    expect(lines).toContain('bot containment rate,0');
  });

  it('answers only those with the analytics permission, and refuses a bad range', async () => {
    await agent.get(`/analytics?from=${today()}&to=${today()}`).expect(403);
    const reversed = await admin.get('/analytics?from=2026-11-25&to=2026-11-01').expect(400);
    expect(reversed.body.error.message).toContain('`from` must not be after `to`');
    await admin.get('/analytics?from=2024-01-01&to=2026-01-01').expect(400);
    await admin.get('/analytics?from=yesterday&to=today').expect(400);
    await admin.get('/analytics').expect(400);
  });
});

describe('analytics aggregated by the database', () => {
  it('equals the figures computed from every conversation in memory, days and medians included', async () => {
    await seedAnalyticsHistory(app.strapi, [agent.id, admin.id]);
    const response = await admin.get(`/analytics?from=${HISTORY_RANGE.from}&to=${HISTORY_RANGE.to}`).expect(200);
    const report = response.body.data;
    expect(report).toEqual(await inMemoryReport(app.strapi, HISTORY_RANGE, 'Europe/Helsinki'));
    expectHistoryFigures(report);
  });

  it('streams the CSV', async () => {
    const response = await request(app.url)
      .get(`${ADMIN_API_BASE}/analytics/export?from=${HISTORY_RANGE.from}&to=${HISTORY_RANGE.to}`)
      .set('Authorization', `Bearer ${admin.token}`)
      .expect(200);
    expect(response.headers['transfer-encoding']).toBe('chunked');
    expect(response.text.split('\r\n').slice(1, 4)).toEqual([
      '2026-10-24,1,1,0,0,0,0,0,0,0',
      '2026-10-25,3,2,0,0,1,0,0,0,0',
      '2026-10-26,1,0,1,0,0,0,0,0,0',
    ]);
  });
});

describe('analytics rolled up per day', () => {
  // Builds on the history seeded above (the 23rd to the 26th of October), with one more day.
  const WEEK = { from: '2026-10-20', to: '2026-10-26' } as const;
  const service = <Name extends 'analyticsRollup' | 'customers' | 'personalData' | 'openingHours'>(name: Name) =>
    app.strapi.plugin('live-support').service(name);
  const rolledUpDays = async (timeZone = 'Europe/Helsinki', range: AnalyticsQuery = WEEK) =>
    [...((await service('analyticsRollup').rolledUp(range.from, range.to, timeZone)) as { days: Set<string> }).days].sort();
  // September holds one conversation: its days are rolled up, then the month from them.
  const FROM_SEPTEMBER = { from: '2026-09-01', to: '2026-10-26' } as const;
  const reportOf = async (range: AnalyticsQuery): Promise<AnalyticsReport> =>
    (await admin.get(`/analytics?from=${range.from}&to=${range.to}`).expect(200)).body.data;
  const expectReference = async (timeZone = 'Europe/Helsinki', range: AnalyticsQuery = WEEK) => {
    const report = await reportOf(range);
    expect(report).toEqual(await inMemoryReport(app.strapi, range, timeZone));
    return report;
  };
  /** September's month row, if rolled up (the months closed since then depend on today's date). */
  const september = async () =>
    (await app.strapi.db
      .query('plugin::live-support.analytics-day')
      .findMany({ where: { period: 'month', state: 'ready', day: '2026-09-01' }, select: ['day', 'timeZone'] })) as Array<{ day: string; timeZone: string }>;
  /** The job's runs until nothing is left (each run rolls up a bounded number of days). */
  const rollUpAll = async () => ((await service('analyticsRollup').rollUpUntilDone(new Date())) as { rolledUp: number }).rolledUp;
  let unrated: number;
  let onTheTwentyFourth: number;
  let inSeptember: number;

  beforeAll(async () => {
    // 11:00 on the 20th in Helsinki: resolved, not rated yet.
    [unrated, inSeptember] = await insertHistory(app.strapi, [
      servedConversation('2026-10-20T08:00:00Z', agent.id, 4, 6),
      servedConversation('2026-09-15T08:00:00Z', admin.id, 2, 3, { csat_score: 4 }),
    ]);
    const table = app.strapi.db.metadata.get('plugin::live-support.conversation').tableName;
    const row = (await app.strapi.db.connection(table).where({ document_id: 'history-2026-10-23T21:30:00Z' }).first('id')) as { id: number };
    onTheTwentyFourth = row.id;
  });

  it('adds the days that can no longer change, read from their rows, to the live ones', async () => {
    expect(await rollUpAll()).toBeGreaterThan(0);
    // Whether the 25th and 26th are too depends on the queue and idle jobs: their conversations were still going on.
    expect(await rolledUpDays()).toEqual(expect.arrayContaining(['2026-10-20', '2026-10-21', '2026-10-22', '2026-10-23', '2026-10-24']));
    await expectReference();
    expect(await september()).toEqual([{ day: '2026-09-01', timeZone: 'Europe/Helsinki' }]);
    expect(await rolledUpDays('Europe/Helsinki', FROM_SEPTEMBER)).toContain('2026-09-30');
    await expectReference('Europe/Helsinki', FROM_SEPTEMBER);
    // A second run finds nothing new, except a day that became final meanwhile: the 25th or the
    // 26th, when the idle or queue job closed their last conversation between the two runs.
    const before = await rolledUpDays('Europe/Helsinki', FROM_SEPTEMBER);
    const again = (await service('analyticsRollup').rollUp(new Date())) as { rolledUp: number };
    const added = (await rolledUpDays('Europe/Helsinki', FROM_SEPTEMBER)).filter((day) => !before.includes(day));
    expect(added.filter((day) => day !== '2026-10-25' && day !== '2026-10-26')).toEqual([]);
    expect(again.rolledUp).toBe(added.length);
  });

  it('counts a rating given after the day was rolled up', async () => {
    const before = await reportOf(WEEK);
    await service('customers').rate(unrated, { score: 3 });
    expect(await rolledUpDays()).not.toContain('2026-10-20');
    const after = await expectReference();
    expect(after.satisfaction.ratings).toBe(before.satisfaction.ratings + 1);
    await rollUpAll();
    expect(await rolledUpDays()).toContain('2026-10-20');
    await expectReference();
  });

  it('drops a conversation that retention deletes from a rolled-up day', async () => {
    const before = await reportOf(WEEK);
    const deleted = await service('personalData').deleteConversations([onTheTwentyFourth, inSeptember]);
    expect(deleted.conversations).toBe(2);
    expect(await rolledUpDays()).not.toContain('2026-10-24');
    // The month goes with its day.
    expect(await september()).toEqual([]);
    const after = await expectReference();
    expect(after.totals.conversations).toBe(before.totals.conversations - 1);
    expect(after.waitingTime.count).toBe(before.waitingTime.count - 1);
    await expectReference('Europe/Helsinki', FROM_SEPTEMBER);
    await rollUpAll();
    expect(await rolledUpDays()).toContain('2026-10-24');
    // Nothing is left in September: the job starts from the month of the first conversation.
    expect(await september()).toEqual([]);
    await expectReference();
    await expectReference('Europe/Helsinki', FROM_SEPTEMBER);
  });

  it('counts the days of a new time zone live until they are rolled up in that zone', async () => {
    const hours = await service('openingHours').get();
    await service('openingHours').save({ ...hours, timeZone: 'America/New_York' });
    try {
      expect(await rolledUpDays('America/New_York')).toEqual([]);
      await expectReference('America/New_York');
      await rollUpAll();
      expect(await rolledUpDays('America/New_York')).toContain('2026-10-20');
      await expectReference('America/New_York');
    } finally {
      await service('openingHours').save(hours);
    }
    // The first zone's days were kept and are read again.
    expect(await rolledUpDays()).toContain('2026-10-24');
    await expectReference();
  });
});
