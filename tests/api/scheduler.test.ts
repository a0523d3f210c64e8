import { UID } from '../../server/src/constants';
import type { ScheduledJobView } from '../../server/src/contracts/scheduled-jobs';
import type { TickResult } from '../../server/src/services/scheduler';
import { DEMO_ADMIN, DEMO_AGENT } from '../helpers/admin-auth';
import { useBootedStrapi } from '../helpers/booted-strapi';
import { agentSocket, eventually, nextEvent } from '../helpers/protocol';

const GRACE_MS = 60_000;

/**
 * The scheduler driven by a controlled clock: both jobs are off on this node, so only the
 * ticks a test asks for run (`runTick(name, tickAt, now)`), with whatever time it names.
 */
const app = useBootedStrapi({
  config: { presenceGracePeriodMs: GRACE_MS, jobs: { idle: { enabled: false }, presence: { enabled: false } } },
});
const admin = app.signIn(DEMO_ADMIN);
const aino = app.signIn(DEMO_AGENT);
const elias = app.signIn({ email: 'elias@example.com', password: 'Demo-Agent-1' });

interface Scheduler {
  runTick(name: string, tickAt: Date, now?: Date): Promise<TickResult>;
  nodeId(): string;
}
const scheduler = () => app.service('scheduler') as unknown as Scheduler;

/** A tick of a job at about `at`, always later than the job's earlier ticks in this file. */
const lastTicks = new Map<string, number>();
function tickOf(name: string, at: number = Date.now()): Date {
  const tick = Math.max(at, (lastTicks.get(name) ?? 0) + 1000);
  lastTicks.set(name, tick);
  return new Date(tick);
}
const nextTick = (afterMs = 1000) => tickOf('idle', (lastTicks.get('idle') ?? Date.now()) + afterMs);

const statusOf = async (name: string): Promise<ScheduledJobView> => {
  const jobs = (await admin.get('/jobs').expect(200)).body.data as ScheduledJobView[];
  return jobs.find((job) => job.name === name)!;
};

const presenceOf = async (agentId: number) =>
  ((await aino.get('/agents')).body.data as Array<{ agentId: number; status: string }>).find((agent) => agent.agentId === agentId)
    ?.status;

describe('one run per tick', () => {
  it('runs a tick once, refuses it again and refuses an older one', async () => {
    const tick = nextTick();
    expect(await scheduler().runTick('idle', tick, tick)).toEqual({ ran: true, outcome: { reminded: 0, closed: 0 }, error: null });
    expect(await scheduler().runTick('idle', tick, tick)).toEqual({ ran: false, reason: 'already-run' });
    expect(await scheduler().runTick('idle', new Date(tick.getTime() - 1000), tick)).toEqual({ ran: false, reason: 'already-run' });

    const status = await statusOf('idle');
    expect(status).toMatchObject({
      cron: '*/30 * * * * *',
      enabled: false,
      nextRunAt: null,
      lastTickAt: tick.toISOString(),
      lastStartedAt: tick.toISOString(),
      lastNode: scheduler().nodeId(),
      running: false,
      lastError: null,
      lastOutcome: { reminded: 0, closed: 0 },
      runCount: 1,
    });
    expect(new Date(status.lastFinishedAt!).getTime()).toBeGreaterThanOrEqual(tick.getTime());
  });

  it('lets exactly one of many racing callers run the same tick', async () => {
    const tick = nextTick();
    const results = await Promise.all(Array.from({ length: 6 }, () => scheduler().runTick('idle', tick, tick)));
    const ran = results.filter((result) => result.ran);
    console.log(`6 callers of one tick: ${ran.length} ran, ${results.length - ran.length} refused`);
    expect(ran).toHaveLength(1);
    expect((await statusOf('idle')).runCount).toBe(2);
  });

  it('waits while another node holds the lease, and takes over a lease its dead owner left', async () => {
    const started = nextTick();
    // A node started this tick and died mid-run: its lease stays until it runs out.
    await app.strapi.db.query(UID.scheduledJob).updateMany({
      where: { name: 'idle' },
      data: { lastTickAt: started, leaseOwner: 'dead-node', leaseUntil: new Date(started.getTime() + 10_000) },
    });
    expect((await statusOf('idle')).running).toBe(true);
    const during = nextTick(5000);
    expect(await scheduler().runTick('idle', during, during)).toEqual({ ran: false, reason: 'leased' });
    const after = nextTick(6000);
    expect(await scheduler().runTick('idle', after, after)).toMatchObject({ ran: true });
    expect(await statusOf('idle')).toMatchObject({ lastNode: scheduler().nodeId(), running: false, lastTickAt: after.toISOString() });
  });

  it('shows every job in Settings, to the settings permission only', async () => {
    const jobs = (await admin.get('/jobs').expect(200)).body.data as ScheduledJobView[];
    expect(jobs.map((job) => job.name)).toEqual(['idle', 'presence', 'queue', 'bot', 'retention', 'analytics']);
    expect(jobs[1]).toMatchObject({ cron: '*/5 * * * * *', timeZone: expect.any(String) });
    // Retention runs at night in the team's time zone.
    expect(jobs[4]).toMatchObject({ cron: '0 30 3 * * *', timeZone: 'Europe/Helsinki' });
    await aino.get('/jobs').expect(403);
  });
});

describe('presence from the database', () => {
  beforeEach(async () => {
    await elias.put('/presence', { status: 'offline' }).expect(200);
    await aino.put('/presence', { status: 'online' }).expect(200);
  });

  it('keeps an agent online within the grace period after their last socket closed, then offline', async () => {
    const ainoDesk = await agentSocket(app, aino.token);
    app.closeAfterTest(ainoDesk);
    const desk = await agentSocket(app, elias.token);
    await eventually(async () => (await presenceOf(elias.id)) === 'online');

    const closedAt = Date.now();
    desk.close();
    await eventually(async () => (await app.strapi.db.query(UID.agentConnection).count({ where: { agentId: elias.id, sockets: 0 } })) === 1);

    const withinGrace = tickOf('presence', closedAt + GRACE_MS - 1000);
    expect(await scheduler().runTick('presence', withinGrace, withinGrace)).toMatchObject({ ran: true, outcome: { turnedOffline: 0 } });
    expect(await presenceOf(elias.id)).toBe('online');

    const pushed = nextEvent<{ agentId: number; status: string }>(ainoDesk, 'presence:changed', (change) => change.agentId === elias.id);
    const afterGrace = tickOf('presence', closedAt + GRACE_MS + 2000);
    expect(await scheduler().runTick('presence', afterGrace, afterGrace)).toMatchObject({ ran: true, outcome: { turnedOffline: 1 } });
    expect(await pushed).toMatchObject({ status: 'offline' });
    expect(await presenceOf(elias.id)).toBe('offline');
    // Aino's desk is still open: this node's heartbeat at each tick keeps her row live.
    expect(await presenceOf(aino.id)).toBe('online');
  });

  it('renews all of this node’s desks with one statement per heartbeat, and writes a row that went missing again', async () => {
    for (const agent of [aino, elias]) app.closeAfterTest(await agentSocket(app, agent.token));
    await eventually(async () => (await presenceOf(elias.id)) === 'online');
    const rows = () => app.strapi.db.query(UID.agentConnection);
    const nodeId = scheduler().nodeId();
    const heartbeat = (now: Date) => (app.service('presence') as unknown as { heartbeat(now: Date): Promise<void> }).heartbeat(now);
    const liveUntilOf = async () =>
      ((await rows().findMany({ where: { nodeId, agentId: { $in: [aino.id, elias.id] } } })) as Array<{ liveUntil: string }>).map((row) =>
        new Date(row.liveUntil).getTime(),
      );

    const table = app.strapi.db.metadata.get(UID.agentConnection).tableName;
    const statements: string[] = [];
    const listener = (query: { sql: string }) => statements.push(query.sql);
    const knex = app.strapi.db.connection;
    const first = new Date(Date.now() + 1000);
    knex.on('query', listener);
    try {
      await heartbeat(first);
    } finally {
      knex.removeListener('query', listener);
    }
    expect(statements.filter((sql) => sql.includes(`\`${table}\``) && /^(update|insert)/.test(sql))).toHaveLength(1);
    for (const liveUntil of await liveUntilOf()) expect(liveUntil).toBeGreaterThan(first.getTime());

    // Elias's row was forgotten (it ran out while this node was stalled, say): the next heartbeat writes it again.
    await rows().deleteMany({ where: { agentId: elias.id, nodeId } });
    const second = new Date(first.getTime() + 5000);
    await heartbeat(second);
    const renewed = await liveUntilOf();
    expect(renewed).toHaveLength(2);
    for (const liveUntil of renewed) expect(liveUntil).toBeGreaterThan(second.getTime());
  });

  it('lets the agent’s own "away" stand while their desk is open', async () => {
    const desk = await agentSocket(app, elias.token);
    app.closeAfterTest(desk);
    await eventually(async () => (await presenceOf(elias.id)) === 'online');
    await elias.put('/presence', { status: 'away' }).expect(200);
    const tick = tickOf('presence', Date.now() + GRACE_MS * 2);
    expect(await scheduler().runTick('presence', tick, tick)).toMatchObject({ ran: true });
    expect(await presenceOf(elias.id)).toBe('away');
  });

  it('does not trust presence left by the previous run after a restart', async () => {
    const desk = await agentSocket(app, elias.token);
    await eventually(async () => (await presenceOf(elias.id)) === 'online');
    desk.on('connect_error', () => desk.close());
    await app.restart();
    desk.close();
    // The new process has no socket of Elias's; the row of the old one still vouches for him
    // until it runs out, then he goes offline. (The signed-in agents know the old port only.)
    const storedPresence = () => (app.service('agents') as unknown as { presenceOf(id: number): Promise<string> }).presenceOf(elias.id);
    expect(await storedPresence()).toBe('online');
    const tick = tickOf('presence', Date.now() + GRACE_MS * 2);
    expect(await scheduler().runTick('presence', tick, tick)).toMatchObject({ ran: true, outcome: { turnedOffline: 1 } });
    expect(await storedPresence()).toBe('offline');
  });
});
