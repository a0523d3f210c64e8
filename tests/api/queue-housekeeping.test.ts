import type { Socket } from 'socket.io-client';

import { UID } from '../../server/src/constants';
import type { AgentConversationView, QueueCardView, VisitorConversationView } from '../../server/src/contracts/views';
import { DEMO_ADMIN, DEMO_AGENT } from '../helpers/admin-auth';
import { useBootedStrapi } from '../helpers/booted-strapi';
import { clearOfMidnight, dayIn } from '../helpers/clock';
import { eventually, nextEvent, startCustomer, widgetSocket, type Customer } from '../helpers/protocol';

/*
 * The queue tells the truth and nothing waits for ever: the housekeeping sweeps
 * (`queueHousekeeping.sweep`, `botClosing.sweep`) driven with a controlled clock.
 */

const ABANDON_AFTER_SECONDS = 90;

// 32 sessions from one address in a few seconds: the per-IP session limit would refuse them.
const app = useBootedStrapi({ config: { rateLimit: { sessionsPerIpPerMinute: 0 } } });
const agent = app.signIn(DEMO_AGENT, { presence: 'online' });
const admin = app.signIn(DEMO_ADMIN);

interface QueueSweep {
  abandoned: number[];
  offered: number[];
  stillConnected: number[];
}

const queueSweep = (now: Date) => app.service('queueHousekeeping').sweep(now) as Promise<QueueSweep>;
const botSweep = (now: Date) => app.service('botClosing').sweep(now) as Promise<{ ended: number[] }>;
const secondsFromNow = (seconds: number) => new Date(Date.now() + seconds * 1000);
const minutesFromNow = (minutes: number) => secondsFromNow(minutes * 60);
const waitingCount = () => app.strapi.db.query(UID.conversation).count({ where: { status: 'queued' } });

beforeEach(async () => {
  // Every test starts from an empty queue and no chat left with the bot.
  await app.strapi.db.query(UID.conversation).updateMany({
    where: { status: { $in: ['bot', 'queued', 'active'] } },
    data: { status: 'abandoned' },
  });
  await agent.put('/presence', { status: 'online' }).expect(200);
  await app.service('settings').update({
    queue: { maxQueueLength: 20, requireOnlineAgent: true, abandonAfterSeconds: ABANDON_AFTER_SECONDS, maxWaitMinutes: 0 },
    bot: { closeAfterMinutes: 0 },
  });
});

/** A customer in the queue with their widget open (the socket is closed after the test unless closed before). */
async function waitingWithWidget(): Promise<{ customer: Customer; socket: Socket }> {
  const customer = await startCustomer(app);
  const socket = await widgetSocket(app, customer.token);
  app.closeAfterTest(socket);
  const escalated = await customer.post('/escalate');
  expect(escalated.body.data.status).toBe('queued');
  return { customer, socket };
}

/** Closes widget sockets and waits until the server has let go of every one of them. */
async function closeWidgets(...sockets: Socket[]): Promise<void> {
  // A closed socket forgets its id: read them first.
  const ids = new Set(sockets.map((socket) => socket.id));
  for (const socket of sockets) socket.close();
  const realtime = app.service('realtime').get() as { widget: { fetchSockets(): Promise<Array<{ id: string }>> } };
  await eventually(async () => (await realtime.widget.fetchSockets()).every((socket) => !ids.has(socket.id)));
}

describe('customers who are gone leave the queue', () => {
  it('31 customers who escalate and vanish no longer block the 32nd once the abandon time has passed', async () => {
    await app.service('settings').update({ queue: { maxQueueLength: 31 } });
    const vanished = [];
    for (let index = 0; index < 31; index += 1) vanished.push(await waitingWithWidget());
    await closeWidgets(...vanished.map(({ socket }) => socket));
    expect(await waitingCount()).toBe(31);

    // Before the time is up nobody leaves: a page reload must not cost a place.
    expect((await queueSweep(secondsFromNow(ABANDON_AFTER_SECONDS / 2))).abandoned).toEqual([]);

    const swept = await queueSweep(secondsFromNow(ABANDON_AFTER_SECONDS + 5));
    console.log(`queue sweep: ${swept.abandoned.length} abandoned, ${swept.stillConnected.length} still connected`);
    expect([...swept.abandoned].sort((a, b) => a - b)).toEqual(vanished.map(({ customer }) => customer.conversationId).sort((a, b) => a - b));
    expect(await waitingCount()).toBe(0);
    // A second sweep, on this node or another, finds nothing more to do.
    expect((await queueSweep(secondsFromNow(ABANDON_AFTER_SECONDS + 5))).abandoned).toEqual([]);

    const next = await startCustomer(app);
    const escalated = await next.post('/escalate').expect(200);
    expect(escalated.body.data).toMatchObject({ status: 'queued', position: 1 });

    // The customer who comes back later sees that the chat ended; the history says why.
    const gone = vanished[0].customer;
    expect((await gone.get('').expect(200)).body.data).toMatchObject({ status: 'abandoned', position: null });
    const history = (await agent.get(`/conversations/${gone.conversationId}`).expect(200)).body.data as AgentConversationView;
    expect(history.events.at(-1)).toMatchObject({
      kind: 'abandoned',
      fromStatus: 'queued',
      toStatus: 'abandoned',
      actorKind: 'system',
      data: expect.objectContaining({ reason: 'customer_gone' }),
    });
  });

  it('keeps the place of a customer who comes back in time, and moves everyone behind a gone customer up at once', async () => {
    const gone = await waitingWithWidget();
    const returning = await waitingWithWidget();
    const behind = await waitingWithWidget();
    await closeWidgets(gone.socket, returning.socket);

    expect((await queueSweep(secondsFromNow(ABANDON_AFTER_SECONDS / 3))).abandoned).toEqual([]);
    const back = await widgetSocket(app, returning.customer.token);
    app.closeAfterTest(back);

    const movedUp = nextEvent<{ conversationId: number; position: number }>(behind.socket, 'queue:position', (push) => push.position === 2);
    // An event that must not come: listened to from before the sweep, looked at after a pause.
    let heardStatus = false;
    const onStatus = () => {
      heardStatus = true;
    };
    back.on('conversation:status', onStatus);
    const swept = await queueSweep(secondsFromNow(ABANDON_AFTER_SECONDS * 2));
    expect(swept.abandoned).toEqual([gone.customer.conversationId]);
    expect(swept.stillConnected.sort()).toEqual([returning.customer.conversationId, behind.customer.conversationId].sort());
    expect(await movedUp).toMatchObject({ conversationId: behind.customer.conversationId, position: 2 });
    expect((await returning.customer.get('')).body.data).toMatchObject({ status: 'queued', position: 1 });

    // The gone customer's status push went to their room only: the returning customer heard nothing of it.
    await new Promise((resolve) => setTimeout(resolve, 200));
    back.off('conversation:status', onStatus);
    expect(heardStatus).toBe(false);
  });

  it('keeps a client without a socket alive through its REST calls', async () => {
    const customer = await startCustomer(app);
    // Queued as if 80 s ago, so that only the REST call below can keep the place.
    await app.service('escalation').escalate(customer.conversationId, { trigger: 'api', actor: { kind: 'system' } }, secondsFromNow(-80));
    await customer.get('').expect(200);

    expect((await queueSweep(secondsFromNow(30))).abandoned).toEqual([]);
    expect((await customer.get('')).body.data.status).toBe('queued');
    const swept = await queueSweep(secondsFromNow(ABANDON_AFTER_SECONDS + 5));
    expect(swept.abandoned).toEqual([customer.conversationId]);
  });
});

describe('no endless waits', () => {
  it('offers a customer who waited the maximum time to leave a message, once, and the message keeps their place no longer', async () => {
    await app.service('settings').update({ queue: { maxWaitMinutes: 10 } });
    const { customer, socket } = await waitingWithWidget();
    await customer.post('/messages', { clientId: 'w1', text: 'My invoice is wrong' }).expect(200);

    const card = async () => ((await agent.get('/queue').expect(200)).body.data.waiting as QueueCardView[]).find((one) => one.id === customer.conversationId);
    expect(await card()).toMatchObject({ maxWaitMinutes: 10, waitingSince: expect.any(String) });

    expect((await queueSweep(minutesFromNow(9))).offered).toEqual([]);
    const offer = nextEvent<VisitorConversationView>(socket, 'conversation:status', (view) => view.leaveMessageOffered);
    const swept = await queueSweep(minutesFromNow(10.1));
    expect(swept.offered).toEqual([customer.conversationId]);
    expect(swept.abandoned).toEqual([]);
    expect(await offer).toMatchObject({ status: 'queued', position: 1, leaveMessageOffered: true });
    expect((await queueSweep(minutesFromNow(12))).offered).toEqual([]);

    // Taking the offer moves the conversation to the offline flow with the message.
    const left = await customer.post('/offline-message', { email: 'maija@example.com', message: 'My invoice is wrong' });
    expect(left.status).toBe(201);
    expect((await customer.get('')).body.data).toMatchObject({ status: 'offline', leaveMessageOffered: false });
    const history = (await agent.get(`/conversations/${customer.conversationId}`)).body.data as AgentConversationView;
    expect(history.events.at(-1)).toMatchObject({ kind: 'offline', fromStatus: 'queued', data: { reason: 'max_wait' } });
  });

  it('refuses a message from a waiting customer who was not offered one', async () => {
    const { customer } = await waitingWithWidget();
    const refused = await customer.post('/offline-message', { email: 'maija@example.com', message: 'Hello?' });
    expect(refused.status).toBe(409);
    expect((await customer.get('')).body.data.status).toBe('queued');
  });
});

describe('conversations that stay with the bot end', () => {
  it('ends a bot chat after the quiet time without a customer message, and analytics counts it as contained', async () => {
    // The report below is of today: the chats started here must be on that date.
    await clearOfMidnight('Europe/Helsinki', 60_000);
    await app.service('settings').update({ bot: { closeAfterMinutes: 30 } });
    const wrote = await startCustomer(app);
    await wrote.post('/messages', { clientId: 'b1', text: 'What are your opening hours?' }).expect(200);
    const silent = await startCustomer(app);
    const escalated = await startCustomer(app);
    await escalated.post('/escalate').expect(200);
    const socket = await widgetSocket(app, wrote.token);
    app.closeAfterTest(socket);

    expect((await botSweep(minutesFromNow(29))).ended).toEqual([]);
    const endedPush = nextEvent<VisitorConversationView>(socket, 'conversation:status', (view) => view.status === 'ended');
    const swept = await botSweep(minutesFromNow(31));
    console.log(`bot sweep: ${swept.ended.length} ended`);
    expect([...swept.ended].sort()).toEqual([wrote.conversationId, silent.conversationId].sort());
    expect(await endedPush).toMatchObject({ id: wrote.conversationId, status: 'ended' });
    expect((await escalated.get('')).body.data.status).toBe('queued');

    const history = (await agent.get(`/conversations/${wrote.conversationId}`)).body.data as AgentConversationView;
    expect(history.events.at(-1)).toMatchObject({ kind: 'ended', fromStatus: 'bot', toStatus: 'ended', actorKind: 'bot', data: expect.objectContaining({ reason: 'quiet' }) });
    const late = await wrote.post('/messages', { clientId: 'b2', text: 'Hello again' });
    expect(late.status).toBe(409);

    // The report's days are the team's (the playground's time zone).
    const today = dayIn('Europe/Helsinki');
    const report = (await admin.get(`/analytics?from=${today}&to=${today}`).expect(200)).body.data;
    const { ended, botContained, botContainmentRate } = report.totals as { ended: number; botContained: number; botContainmentRate: number };
    console.log(`analytics: ${botContained} of ${ended} ended conversations contained by the bot (${botContainmentRate})`);
    expect(botContained).toBeGreaterThanOrEqual(2);
    expect(botContainmentRate).toBeCloseTo(botContained / ended, 4);
  });
});
