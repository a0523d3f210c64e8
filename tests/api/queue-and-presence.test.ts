import { UID } from '../../server/src/constants';
import type { AgentConversationView, MessageView, VisitorConversationView } from '../../server/src/contracts/views';
import { DEFAULT_OPENING_HOURS } from '../../server/src/domain/opening-hours';
import { DEMO_AGENT } from '../helpers/admin-auth';
import { useBootedStrapi } from '../helpers/booted-strapi';
import { OPTIONAL_VERIFICATION, userHashOf, VERIFICATION_OFF } from '../helpers/identity';
import {
  agentSocket,
  alwaysOpen,
  createAdmin,
  eventually,
  nextEvent,
  startCustomer,
  widgetSocket,
  type Customer,
} from '../helpers/protocol';

const GRACE_MS = 300;

// The presence job every second, so that a short grace period is seen through at once.
const app = useBootedStrapi({ config: { presenceGracePeriodMs: GRACE_MS, jobs: { presence: { cron: '* * * * * *' } } } });
const aino = app.signIn(DEMO_AGENT);
const elias = app.signIn({ email: 'elias@example.com', password: 'Demo-Agent-1' });

beforeEach(async () => {
  // Every test starts from an empty queue with both agents online.
  await app.strapi.db.query(UID.conversation).updateMany({
    where: { status: { $in: ['bot', 'queued', 'active'] } },
    data: { status: 'abandoned' },
  });
  await aino.put('/presence', { status: 'online' }).expect(200);
  await elias.put('/presence', { status: 'online' }).expect(200);
  await app.service('settings').update({ queue: { maxQueueLength: 20, seatsPerAgent: 3, requireOnlineAgent: true } });
});

async function queuedCustomer(session: object = { locale: 'en' }): Promise<Customer> {
  const customer = await startCustomer(app, session);
  const response = await customer.post('/escalate');
  expect(response.body.data.status).toBe('queued');
  return customer;
}

describe('queue order and positions', () => {
  it('puts a VIP first and pushes the new positions to every waiting customer', async () => {
    const customers = [await queuedCustomer(), await queuedCustomer(), await queuedCustomer()];
    const widgets = await Promise.all(customers.map((customer) => widgetSocket(app, customer.token)));
    app.closeAfterTest(...widgets);
    for (const [index, customer] of customers.entries()) {
      expect((await customer.get('')).body.data.position).toBe(index + 1);
    }

    const pushed = widgets.map((widget, index) =>
      nextEvent<{ position: number; estimatedWaitSeconds: number | null }>(
        widget,
        'queue:position',
        (standing) => standing.position === [2, 3, 1][index],
      ),
    );
    await app.service('conversations').setPriority(customers[2].conversationId, { isVip: true });
    const positions = await Promise.all(pushed);
    expect(positions.map((standing) => standing.position)).toEqual([2, 3, 1]);
    for (const standing of positions) expect(standing.estimatedWaitSeconds).toEqual(expect.any(Number));

    const queue = (await aino.get('/queue')).body.data.waiting as Array<{ id: number; isVip: boolean; position: number }>;
    expect(queue.map((card) => card.id)).toEqual([
      customers[2].conversationId,
      customers[0].conversationId,
      customers[1].conversationId,
    ]);
    expect(queue.map((card) => card.position)).toEqual([1, 2, 3]);
    expect(queue[0].isVip).toBe(true);
  });

  it('shows each card’s last message', async () => {
    const [first, second] = [await queuedCustomer(), await queuedCustomer()];
    await second.post('/messages', { clientId: 'still-there', text: 'Anyone there?' }).expect(200);
    const waiting = (await aino.get('/queue')).body.data.waiting as Array<{
      id: number;
      lastMessage: { author: string; text: string } | null;
    }>;
    const cardOf = (id: number) => waiting.find((card) => card.id === id);
    expect(cardOf(first.conversationId)?.lastMessage).toMatchObject({ author: 'system', text: expect.stringContaining('Connecting you') });
    expect(cardOf(second.conversationId)?.lastMessage).toMatchObject({ author: 'customer', text: 'Anyone there?' });
  });

  it('moves everyone up when the first one is claimed, and pushes it', async () => {
    const [first, second] = [await queuedCustomer(), await queuedCustomer()];
    const widget = await widgetSocket(app, second.token);
    app.closeAfterTest(widget);
    const movedUp = nextEvent<{ position: number }>(widget, 'queue:position', (standing) => standing.position === 1);
    await aino.post(`/conversations/${first.conversationId}/claim`).expect(200);
    expect((await movedUp).position).toBe(1);
  });

  it('marks customers from a VIP email domain as VIP, and the VIP-first rule can be turned off', async () => {
    await aino.put('/settings', { queue: { vipEmailDomains: ['bigclient.fi'] } }).expect(403);
    // VIP by email needs a verified identity: the site signs the email.
    await app.service('settings').update({ queue: { vipEmailDomains: ['bigclient.fi'], vipFirst: true }, ...OPTIONAL_VERIFICATION });
    try {
      const ordinary = await queuedCustomer({ locale: 'fi', email: 'matti@example.com', userHash: userHashOf('matti@example.com') });
      const vip = await queuedCustomer({ locale: 'fi', email: 'Maija@Sales.BigClient.fi', userHash: userHashOf('Maija@Sales.BigClient.fi') });
      let queue = (await aino.get('/queue')).body.data.waiting as Array<{ id: number; isVip: boolean }>;
      expect(queue.map((card) => [card.id, card.isVip])).toEqual([
        [vip.conversationId, true],
        [ordinary.conversationId, false],
      ]);
      expect((await vip.get('')).body.data.position).toBe(1);

      await app.service('settings').update({ queue: { vipFirst: false } });
      queue = (await aino.get('/queue')).body.data.waiting as Array<{ id: number; isVip: boolean }>;
      expect(queue.map((card) => card.id)).toEqual([ordinary.conversationId, vip.conversationId]);
      expect((await ordinary.get('')).body.data.position).toBe(1);
    } finally {
      await app.service('settings').update({ queue: { vipEmailDomains: [], vipFirst: true }, ...VERIFICATION_OFF });
    }
  });

  it('hides the estimate when the setting says so, but keeps the position', async () => {
    await app.service('settings').update({ queue: { showEstimatedWait: false } });
    try {
      const customer = await queuedCustomer();
      expect((await customer.get('')).body.data).toMatchObject({ position: 1, estimatedWaitSeconds: null });
    } finally {
      await app.service('settings').update({ queue: { showEstimatedWait: true } });
    }
  });
});

describe('claiming the next waiting customer', () => {
  it('gives each agent the next one in queue order, never the same one twice, then says nobody waits', async () => {
    const [older, vip] = [await queuedCustomer(), await queuedCustomer()];
    await app.service('conversations').setPriority(vip.conversationId, { isVip: true });

    const [first, second] = await Promise.all([aino.post('/queue/claim-next'), elias.post('/queue/claim-next')]);
    expect([first.status, second.status]).toEqual([200, 200]);
    const claimed = [first.body.data, second.body.data].map((view: { id: number; assignedAgent: { name: string } }) => [
      view.id,
      view.assignedAgent.name,
    ]);
    expect(claimed.map(([id]) => id).sort()).toEqual([older.conversationId, vip.conversationId].sort());
    expect(new Set(claimed.map(([, name]) => name))).toEqual(new Set(['Aino', 'Elias']));

    const none = await aino.post('/queue/claim-next');
    expect(none.status).toBe(404);
    expect(none.body.error.details).toEqual({ code: 'QUEUE_EMPTY' });
  });

  it('takes the VIP first when one agent asks', async () => {
    const older = await queuedCustomer();
    const vip = await queuedCustomer();
    await app.service('conversations').setPriority(vip.conversationId, { isVip: true });
    expect((await aino.post('/queue/claim-next').expect(200)).body.data.id).toBe(vip.conversationId);
    expect((await aino.post('/queue/claim-next').expect(200)).body.data.id).toBe(older.conversationId);
  });
});

describe('availability at escalation', () => {
  it('goes offline when the queue is full', async () => {
    await app.service('settings').update({ queue: { maxQueueLength: 1 } });
    await queuedCustomer();
    const late = await startCustomer(app);
    const response = await late.post('/escalate');
    expect(response.body.data.status).toBe('offline');
    const view = (await aino.get(`/conversations/${late.conversationId}`)).body.data as AgentConversationView;
    expect(view.events.at(-1)).toMatchObject({ kind: 'offline', data: { unavailable: 'queue_full' } });
  });

  it('goes offline when no agent is online', async () => {
    await aino.put('/presence', { status: 'away' }).expect(200);
    await elias.put('/presence', { status: 'offline' }).expect(200);
    const customer = await startCustomer(app);
    expect((await customer.post('/escalate')).body.data.status).toBe('offline');
    const messages = (await customer.get('/messages')).body.data as MessageView[];
    expect(messages.at(-1)).toMatchObject({ author: 'system', text: expect.stringMatching(/not available/) });
  });

  it('goes offline outside opening hours', async () => {
    const openingHours = app.strapi.db.query(UID.openingHours);
    const stored = await openingHours.findOne({});
    const closedEveryDay = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };
    await openingHours.update({ where: { id: stored.id }, data: { weekly: closedEveryDay } });
    await app.service('settings').update({ queue: { enforceOpeningHours: true } });
    try {
      const customer = await startCustomer(app);
      expect((await customer.post('/escalate')).body.data.status).toBe('offline');
      const view = (await aino.get(`/conversations/${customer.conversationId}`)).body.data as AgentConversationView;
      expect(view.events.at(-1)).toMatchObject({ kind: 'offline', data: { unavailable: 'closed' } });
    } finally {
      await openingHours.update({ where: { id: stored.id }, data: { weekly: DEFAULT_OPENING_HOURS.weekly } });
      await alwaysOpen(app);
    }
  });
});

describe('seats', () => {
  it('refuses a claim beyond the agent’s seats and leaves the conversation waiting', async () => {
    await app.service('settings').update({ queue: { seatsPerAgent: 2 } });
    const customers = [await queuedCustomer(), await queuedCustomer(), await queuedCustomer()];
    await aino.post(`/conversations/${customers[0].conversationId}/claim`).expect(200);
    await aino.post(`/conversations/${customers[1].conversationId}/claim`).expect(200);
    const third = await aino.post(`/conversations/${customers[2].conversationId}/claim`);
    expect(third.status).toBe(409);
    expect(third.body.error.details).toMatchObject({ code: 'SEAT_LIMIT', maxSeats: 2, activeChats: 2 });
    expect((await customers[2].get('')).body.data.status).toBe('queued');
    // Resolving frees a seat.
    await aino.post(`/conversations/${customers[0].conversationId}/resolve`).expect(200);
    await aino.post(`/conversations/${customers[2].conversationId}/claim`).expect(200);
  });
});

describe('transfer', () => {
  it('back to the queue keeps the first queue time and the history', async () => {
    const customer = await queuedCustomer();
    const queuedAt = (await customer.get('')).body.data.queuedAt;
    await aino.post(`/conversations/${customer.conversationId}/claim`).expect(200);
    await aino.post(`/conversations/${customer.conversationId}/messages`, { clientId: 't1', text: 'Let me ask.' }).expect(200);
    const transferred = await aino.post(`/conversations/${customer.conversationId}/transfer`, { note: 'billing question' });
    expect(transferred.status).toBe(200);
    expect(transferred.body.data).toMatchObject({ status: 'queued', assignedAgent: null, queuedAt });

    const claimed = await elias.post(`/conversations/${customer.conversationId}/claim`);
    const view = claimed.body.data as AgentConversationView;
    expect(view.assignedAgent?.name).toBe('Elias');
    expect(view.messages.some((message) => message.text === 'Let me ask.')).toBe(true);
    expect(view.events.find((event) => event.kind === 'transferred')).toMatchObject({
      fromStatus: 'active',
      toStatus: 'queued',
      actorId: aino.id,
      actorName: 'Aino',
      targetAgentName: null,
      data: { note: 'billing question', fromAgentId: aino.id, toAgentId: null },
    });
  });

  it('to a named colleague, who receives the conversation and its messages live', async () => {
    const customer = await queuedCustomer();
    await aino.post(`/conversations/${customer.conversationId}/claim`).expect(200);
    const eliasDesk = await agentSocket(app, elias.token);
    const widget = await widgetSocket(app, customer.token);
    app.closeAfterTest(eliasDesk, widget);

    const status = nextEvent<VisitorConversationView>(widget, 'conversation:status', (view) => view.agentName === 'Elias');
    const response = await aino.post(`/conversations/${customer.conversationId}/transfer`, {
      toAgentId: elias.id,
      note: 'Elias knows returns',
    });
    expect(response.status).toBe(200);
    expect(response.body.data).toMatchObject({ status: 'active', assignedAgent: { id: elias.id, name: 'Elias' } });
    await status;
    const eliasView = (await elias.get(`/conversations/${customer.conversationId}`)).body.data as AgentConversationView;
    expect(eliasView.events.find((event) => event.kind === 'transferred')).toMatchObject({
      actorName: 'Aino',
      targetAgentName: 'Elias',
      data: { note: 'Elias knows returns' },
    });

    const live = nextEvent<MessageView>(eliasDesk, 'message:new', (message) => message.author === 'customer');
    await customer.post('/messages', { clientId: 'after-transfer', text: 'Hello again' }).expect(200);
    expect((await live).text).toBe('Hello again');

    // Aino no longer owns it.
    expect((await aino.post(`/conversations/${customer.conversationId}/resolve`)).status).toBe(403);
    expect((await elias.post(`/conversations/${customer.conversationId}/resolve`)).status).toBe(200);
  });

  it('refuses a colleague who is not online, or oneself', async () => {
    const customer = await queuedCustomer();
    await aino.post(`/conversations/${customer.conversationId}/claim`).expect(200);
    await elias.put('/presence', { status: 'away' }).expect(200);
    const away = await aino.post(`/conversations/${customer.conversationId}/transfer`, { toAgentId: elias.id });
    expect(away.status).toBe(409);
    expect(away.body.error.details.code).toBe('AGENT_UNAVAILABLE');
    const self = await aino.post(`/conversations/${customer.conversationId}/transfer`, { toAgentId: aino.id });
    expect(self.status).toBe(400);
    const unknown = await aino.post(`/conversations/${customer.conversationId}/transfer`, { toAgentId: 424242 });
    expect(unknown.status).toBe(400);
    expect((await customer.get('')).body.data).toMatchObject({ status: 'active', agentName: 'Aino' });
  });
});

describe('presence', () => {
  it('brings an agent online with their first socket and offline after the grace period', async () => {
    await elias.put('/presence', { status: 'offline' }).expect(200);
    const desk = await agentSocket(app, elias.token);
    const presenceOf = async () =>
      ((await aino.get('/agents')).body.data as Array<{ agentId: number; status: string }>).find(
        (agent) => agent.agentId === elias.id,
      )?.status;

    await eventually(async () => (await presenceOf()) === 'online');
    const closedAt = Date.now();
    desk.close();
    // Still online right after the disconnect: a reload must not bounce the agent. The grace
    // period here is short: an answer that came after it (a stalled machine) may rightly be offline.
    const rightAfter = await presenceOf();
    if (Date.now() - closedAt < GRACE_MS) expect(rightAfter).toBe('online');
    await eventually(async () => (await presenceOf()) === 'offline', GRACE_MS * 10);
  });

  it('keeps the agent online when they reconnect within the grace period', async () => {
    const first = await agentSocket(app, elias.token);
    first.close();
    const closedAt = Date.now();
    const second = await agentSocket(app, elias.token);
    app.closeAfterTest(second);
    // Until a presence sweep has run after the first socket's grace period (and a second more,
    // for its disconnect to be handled): one that found no live row would have turned Elias offline.
    await eventually(async () => {
      const job = (await app.service('scheduledJobs').find('presence')) as { lastTickAt: Date | null; leaseUntil: Date | null } | null;
      return Boolean(job?.lastTickAt && job.lastTickAt.getTime() > closedAt + GRACE_MS + 1000 && job.leaseUntil === null);
    }, 10_000);
    const agents = (await aino.get('/agents')).body.data as Array<{ agentId: number; status: string }>;
    expect(agents.find((agent) => agent.agentId === elias.id)?.status).toBe('online');
  });

  it('lists every admin who may chat, before they first open the desk, and not those who may not', async () => {
    await createAdmin(app, { email: 'new.agent@example.com', password: 'New-Agent-1', firstname: 'Noora' }, 'live-support-agent');
    await createAdmin(app, { email: 'editor@example.com', password: 'Editor-Demo-1', firstname: 'Eetu' }, 'strapi-editor');
    const listed = async () => ((await aino.get('/agents')).body.data as Array<{ name: string; status: string; activeChats: number; maxSeats: number }>);
    const agents = await listed();
    expect(agents.find((agent) => agent.name === 'Noora')).toEqual(
      expect.objectContaining({ status: 'offline', activeChats: 0, maxSeats: 3 }),
    );
    expect(agents.map((agent) => agent.name)).toEqual(expect.arrayContaining(['Aino', 'Elias', 'Demo']));
    expect(agents.some((agent) => agent.name === 'Eetu')).toBe(false);

    await app.strapi.db.query('admin::user').update({ where: { email: 'new.agent@example.com' }, data: { isActive: false } });
    expect((await listed()).some((agent) => agent.name === 'Noora')).toBe(false);
  });

  it('tells other agents when presence changes', async () => {
    const ainoDesk = await agentSocket(app, aino.token);
    app.closeAfterTest(ainoDesk);
    const change = nextEvent<{ agentId: number; status: string }>(
      ainoDesk,
      'presence:changed',
      (presence) => presence.agentId === elias.id && presence.status === 'away',
    );
    await elias.put('/presence', { status: 'away' }).expect(200);
    expect(await change).toMatchObject({ name: 'Elias', maxSeats: 3 });
  });
});
