import request from 'supertest';

import { UID } from '../../server/src/constants';
import { PUBLIC_API_BASE } from '../../server/src/contracts/constants';
import { DEMO_AGENT } from '../helpers/admin-auth';
import { useBootedStrapi } from '../helpers/booted-strapi';
import { agentSocket, ask, countRows, eventually, nextEvent, startCustomer, widgetSocket, type Customer } from '../helpers/protocol';

/** The public side's rate limits, set low here so that a test can reach them. */
const SESSIONS_PER_MINUTE = 4;
const MESSAGES_PER_MINUTE = 5;
const CUSTOMER_UPDATES_PER_MINUTE = 2;
const TYPING_PER_MINUTE = 3;
const READS_PER_MINUTE = 3;
const CATCH_UPS_PER_MINUTE = 3;
const OFFLINE_MESSAGES_PER_MINUTE = 2;
const RATINGS_PER_MINUTE = 2;
const ESCALATIONS_PER_MINUTE = 3;
const LEAVES_PER_MINUTE = 2;
const EVENTS_PER_SOCKET = 8;
const QUEUED_PER_IP = 3;

const app = useBootedStrapi({
  // As behind one reverse proxy: it appends the address it saw to X-Forwarded-For.
  prepare: async () => ({ TRUSTED_PROXIES: '1' }),
  config: {
    rateLimit: {
      sessionsPerIpPerMinute: SESSIONS_PER_MINUTE,
      messagesPerConversationPerMinute: MESSAGES_PER_MINUTE,
      customerUpdatesPerConversationPerMinute: CUSTOMER_UPDATES_PER_MINUTE,
      typingEventsPerConversationPerMinute: TYPING_PER_MINUTE,
      conversationReadsPerConversationPerMinute: READS_PER_MINUTE,
      catchUpsPerConversationPerMinute: CATCH_UPS_PER_MINUTE,
      offlineMessagesPerIpPerMinute: OFFLINE_MESSAGES_PER_MINUTE,
      ratingsPerConversationPerMinute: RATINGS_PER_MINUTE,
      escalationsPerConversationPerMinute: ESCALATIONS_PER_MINUTE,
      leavesPerConversationPerMinute: LEAVES_PER_MINUTE,
      eventsPerSocketPerMinute: EVENTS_PER_SOCKET,
      queuedConversationsPerIp: QUEUED_PER_IP,
    },
  },
});
const agent = app.signIn(DEMO_AGENT, { presence: 'online' });

beforeAll(async () => {
  // The bot stays quiet (an external bot would answer), so the conversation stays open to messages.
  await app.service('settings').update({ bot: { provider: 'external' } });
});

describe('rate limits', () => {
  it('refuses new chats from one address beyond the limit, with Retry-After, and creates nothing', async () => {
    // Invalid requests are refused before they count.
    await request(app.url).post(`${PUBLIC_API_BASE}/sessions`).send({ locale: 'de' }).expect(400);
    const windowOpenedBy = Date.now();
    for (let index = 0; index < SESSIONS_PER_MINUTE; index += 1) await startCustomer(app);
    const before = await countRows(app, UID.conversation);

    const refused = await request(app.url).post(`${PUBLIC_API_BASE}/sessions`).send({ locale: 'en' });
    const elapsedSeconds = (Date.now() - windowOpenedBy) / 1000;
    expect(refused.status).toBe(429);
    expect(refused.body.error).toMatchObject({ status: 429, name: 'RateLimitError', details: { code: 'RATE_LIMITED' } });
    // The allowance comes back when the minute that began with the first counted chat ends: the
    // wait is that minute less the seconds the chats above took, and agrees with the body.
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(retryAfter).toBeGreaterThanOrEqual(Math.floor(60 - elapsedSeconds));
    expect(refused.body.error.details.retryAfterSeconds).toBe(retryAfter);
    expect(await countRows(app, UID.conversation)).toBe(before);
  });

  it('reads the address the trusted proxy saw, so a spoofed X-Forwarded-For does not reset the limit', async () => {
    const viaProxy = (forwardedFor: string) =>
      request(app.url).post(`${PUBLIC_API_BASE}/sessions`).set('X-Forwarded-For', forwardedFor).send({ locale: 'en' });
    const statuses: number[] = [];
    // The client writes any left-most entries it likes; the proxy appends the address it saw.
    for (let index = 0; index <= SESSIONS_PER_MINUTE; index += 1) {
      statuses.push((await viaProxy(`10.${index}.0.1, 198.51.100.${index}, 203.0.113.7`)).status);
    }
    console.log(`sessions with ${SESSIONS_PER_MINUTE + 1} spoofed left-most X-Forwarded-For entries from one client: ${statuses.join(', ')}`);
    expect(statuses).toEqual([...Array(SESSIONS_PER_MINUTE).fill(201), 429]);
    // Another client behind the same proxy has its own allowance.
    expect((await viaProxy('203.0.113.8')).status).toBe(201);
  });

  it('counts the addresses of one IPv6 /64 together and keeps the next /64 apart', async () => {
    const viaProxy = (address: string) =>
      request(app.url).post(`${PUBLIC_API_BASE}/sessions`).set('X-Forwarded-For', address).send({ locale: 'en' });
    const statuses: number[] = [];
    for (let index = 0; index <= SESSIONS_PER_MINUTE; index += 1) statuses.push((await viaProxy(`2001:db8:1:2::${index + 1}`)).status);
    expect(statuses).toEqual([...Array(SESSIONS_PER_MINUTE).fill(201), 429]);
    expect((await viaProxy('2001:db8:1:3::1')).status).toBe(201);
  });

  it('counts a conversation’s messages over REST and the socket together', async () => {
    const { token, post, get } = await startWithoutUsingTheAddressLimit();
    const socket = await widgetSocket(app, token);
    try {
      const windowOpenedBy = Date.now();
      for (let index = 0; index < 3; index += 1) {
        await post('/messages', { clientId: `rest-${index}`, text: `REST ${index}` }).expect(200);
      }
      for (let index = 0; index < MESSAGES_PER_MINUTE - 3; index += 1) {
        expect((await ask(socket, 'message:send', { clientId: `socket-${index}`, text: `socket ${index}` })).ok).toBe(true);
      }
      const restRefused = await post('/messages', { clientId: 'one-too-many', text: 'Hello?' });
      const elapsedSeconds = (Date.now() - windowOpenedBy) / 1000;
      expect(restRefused.status).toBe(429);
      // The allowance comes back when the conversation's minute ends; the seconds the sends above
      // took, on a loaded machine, already count towards it, so the wait is that minute less them and agrees with the body.
      const retryAfter = Number(restRefused.headers['retry-after']);
      expect(Number.isInteger(retryAfter) && retryAfter <= 60 && retryAfter >= Math.floor(60 - elapsedSeconds)).toBe(true);
      expect(restRefused.body.error.details).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: retryAfter });
      expect(await ask(socket, 'message:send', { clientId: 'socket-too-many', text: 'Hello?' })).toMatchObject({
        ok: false,
        error: { status: 429, name: 'RateLimitError', details: { code: 'RATE_LIMITED' } },
      });
      const stored = (await get('/messages?after=0')).body.data as Array<{ clientId: string }>;
      expect(stored).toHaveLength(MESSAGES_PER_MINUTE);
      expect(stored.some((message) => message.clientId.endsWith('too-many'))).toBe(false);
    } finally {
      socket.close();
    }
  });
});

const RATE_LIMITED = { ok: false, error: { status: 429, name: 'RateLimitError', details: { code: 'RATE_LIMITED' } } };
const rateLimitedBody = (response: request.Response) => {
  expect(response.status).toBe(429);
  expect(response.body.error.details).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) });
  expect(response.headers['retry-after']).toBe(String(response.body.error.details.retryAfterSeconds));
};

describe('limits on every public action', () => {
  it('counts reads and catch-ups of a conversation over REST and the socket together', async () => {
    const customer = await startWithoutUsingTheAddressLimit();
    const socket = await widgetSocket(app, customer.token);
    app.closeAfterTest(socket);
    for (let index = 0; index < READS_PER_MINUTE - 1; index += 1) await customer.get('').expect(200);
    expect((await ask(socket, 'conversation:get')).ok).toBe(true);
    rateLimitedBody(await customer.get(''));
    expect(await ask(socket, 'conversation:get')).toMatchObject(RATE_LIMITED);

    for (let index = 0; index < CATCH_UPS_PER_MINUTE - 1; index += 1) await customer.get('/messages?after=0').expect(200);
    expect((await ask(socket, 'messages:since', { after: 0 })).ok).toBe(true);
    rateLimitedBody(await customer.get('/messages?after=0'));
    expect(await ask(socket, 'messages:since', { after: 0 })).toMatchObject(RATE_LIMITED);
  });

  it('limits one socket’s events whatever they are, and keeps the connection', async () => {
    const customer = await startWithoutUsingTheAddressLimit();
    const socket = await widgetSocket(app, customer.token);
    app.closeAfterTest(socket);
    // Reads, catch-ups and typing, each within its own limit, use up the socket's allowance.
    const events: Array<[string, object]> = [
      ...Array.from({ length: READS_PER_MINUTE }, (): [string, object] => ['conversation:get', {}]),
      ...Array.from({ length: CATCH_UPS_PER_MINUTE }, (): [string, object] => ['messages:since', { after: 0 }]),
    ];
    while (events.length < EVENTS_PER_SOCKET) events.push(['typing', { isTyping: events.length % 2 === 0 }]);
    for (const [event, payload] of events) expect(await ask(socket, event, payload)).toMatchObject({ ok: true });
    expect(await ask(socket, 'message:send', { clientId: 'over-the-socket-limit', text: 'Hello?' })).toMatchObject(RATE_LIMITED);
    expect(socket.connected).toBe(true);
    // Another socket of the same conversation has its own allowance.
    const other = await widgetSocket(app, customer.token);
    app.closeAfterTest(other);
    expect((await ask(other, 'message:send', { clientId: 'from-another-socket', text: 'Hello' })).ok).toBe(true);
    const stored = (await app.strapi.db.query(UID.message).findMany({ where: { conversationId: customer.conversationId } })) as Array<{ clientId: string }>;
    expect(stored.map((message) => message.clientId)).toEqual(['from-another-socket']);
  });

  it('limits customer updates; a refused one and a repeated one change and push nothing', async () => {
    const customer = await startWithoutUsingTheAddressLimit();
    const socket = await widgetSocket(app, customer.token);
    app.closeAfterTest(socket);
    const pushes: unknown[] = [];
    socket.on('conversation:status', (view) => pushes.push(view));

    // An invalid body is refused with 400 before it counts.
    await customer.put('/customer', { email: 'not an email' }).expect(400);
    await customer.put('/customer', { name: 'Maija' }).expect(200);
    await eventuallyCount(pushes, 1);
    // The same details again: stored already, so nothing is pushed.
    await customer.put('/customer', { name: 'Maija' }).expect(200);
    const refused = await customer.put('/customer', { name: 'Mallory' });
    rateLimitedBody(refused);
    expect((await customer.get('')).body.data).toMatchObject({ status: 'bot' });
    const row = await app.strapi.db.query(UID.conversation).findOne({ where: { id: customer.conversationId } });
    expect(row.customerName).toBe('Maija');
    // A round trip on the socket: any push sent before it has arrived.
    await ask(socket, 'messages:since', { after: 0 });
    expect(pushes).toHaveLength(1);
  });

  it('limits typing signals (a refused one is dropped, the socket stays) and pushes only those that change something', async () => {
    const customer = await startWithoutUsingTheAddressLimit();
    await customer.post('/escalate').expect(200);
    const desk = await agentSocket(app, agent.token);
    const widget = await widgetSocket(app, customer.token);
    app.closeAfterTest(desk, widget);
    expect((await ask(desk, 'conversation:claim', { conversationId: customer.conversationId })).ok).toBe(true);
    const typing: Array<{ isTyping: boolean }> = [];
    desk.on('typing', (event: { conversationId: number; isTyping: boolean }) => {
      if (event.conversationId === customer.conversationId) typing.push(event);
    });

    const firstOn = nextEvent(desk, 'typing');
    widget.emit('typing', { isTyping: true });
    await firstOn;
    // Already on: not pushed again (within the keep-alive). Then off: pushed.
    widget.emit('typing', { isTyping: true });
    const off = nextEvent<{ isTyping: boolean }>(desk, 'typing', (event) => !event.isTyping);
    widget.emit('typing', { isTyping: false });
    await off;
    // Over the limit: dropped without an answer, and the connection stays.
    widget.emit('typing', { isTyping: true });
    expect(await ask(widget, 'conversation:get')).toMatchObject({ ok: true });
    expect(await ask(desk, 'agents:get')).toMatchObject({ ok: true });
    expect(typing.map((event) => event.isTyping)).toEqual([true, false]);
    expect(widget.connected).toBe(true);

    // A typing event that asks for an answer gets the 429.
    expect(await ask(widget, 'typing', { isTyping: true })).toMatchObject(RATE_LIMITED);

    // Ratings: the conversation is resolved first.
    await agent.post(`/conversations/${customer.conversationId}/resolve`).expect(200);
    await customer.post('/csat', { score: 9 }).expect(400);
    expect(await ask(widget, 'csat:submit', { score: 5 })).toMatchObject({ ok: true });
    await customer.post('/csat', { score: 1 }).expect(409);
    rateLimitedBody(await customer.post('/csat', { score: 1 }));
    expect(await ask(widget, 'csat:submit', { score: 1 })).toMatchObject(RATE_LIMITED);
    const row = await app.strapi.db.query(UID.conversation).findOne({ where: { id: customer.conversationId } });
    expect(row.csatScore).toBe(5);
  });

  it('limits escalations and leaves per conversation, over REST and a new socket for every attempt', async () => {
    const customer = await startWithoutUsingTheAddressLimit();
    /** Sends one request per attempt, REST and a fresh widget socket in turn: the answers' statuses. */
    const alternating = async (attempts: number, rest: () => request.Test, event: string) => {
      const statuses: number[] = [];
      for (let attempt = 0; attempt < attempts; attempt += 1) {
        if (attempt % 2 === 0) {
          statuses.push((await rest()).status);
          continue;
        }
        // A socket of its own has a fresh per-socket allowance: only the conversation's limit applies.
        const socket = await widgetSocket(app, customer.token);
        try {
          const ack = await ask(socket, event, {});
          statuses.push(ack.ok ? 200 : ack.error.status);
        } finally {
          socket.close();
        }
      }
      return statuses;
    };

    // A body refused with 400 does not count.
    await customer.post('/escalate', { reason: 42 }).expect(400);
    const escalations = await alternating(ESCALATIONS_PER_MINUTE + 2, () => customer.post('/escalate'), 'conversation:escalate');
    // The first queues the chat; asking again while queued answers the same view.
    expect(escalations).toEqual([...Array(ESCALATIONS_PER_MINUTE).fill(200), 429, 429]);
    rateLimitedBody(await customer.post('/escalate'));
    const leaves = await alternating(LEAVES_PER_MINUTE + 2, () => customer.post('/leave'), 'conversation:leave');
    // The first leave ends the chat; another finds it ended (409) and still counts.
    expect(leaves).toEqual([200, ...Array(LEAVES_PER_MINUTE - 1).fill(409), 429, 429]);
    rateLimitedBody(await customer.post('/leave'));
    console.log(`one conversation, REST and a new socket in turn: escalations ${escalations.join(', ')}; leaves ${leaves.join(', ')}`);
    const events = (await app.strapi.db.query(UID.conversationEvent).findMany({ where: { conversationId: customer.conversationId } })) as Array<{ kind: string }>;
    expect(events.filter((event) => event.kind === 'abandoned')).toHaveLength(1);
  });

  it('caps the conversations one address has waiting in the queue; another address still queues', async () => {
    const from = (address: string) => ({ address, customers: [] as Customer[] });
    const first = from('198.51.100.77');
    const second = from('198.51.100.78');
    const start = async (origin: { address: string; customers: Customer[] }) => {
      const response = await request(app.url).post(`${PUBLIC_API_BASE}/sessions`).set('X-Forwarded-For', origin.address).send({ locale: 'en' }).expect(201);
      const started = customerOf(response.body.data.token, response.body.data.conversation.id);
      origin.customers.push(started);
      return started;
    };
    for (let index = 0; index <= QUEUED_PER_IP; index += 1) await start(first);
    for (const customer of first.customers.slice(0, QUEUED_PER_IP)) {
      expect((await customer.post('/escalate')).body.data.status).toBe('queued');
    }
    const fourth = first.customers[QUEUED_PER_IP];
    const refused = await fourth.post('/escalate');
    expect(refused.status).toBe(429);
    expect(refused.body.error).toMatchObject({ status: 429, details: { code: 'TOO_MANY_QUEUED' } });
    const socket = await widgetSocket(app, fourth.token);
    app.closeAfterTest(socket);
    expect(await ask(socket, 'conversation:escalate', {})).toMatchObject({ ok: false, error: { status: 429, details: { code: 'TOO_MANY_QUEUED' } } });
    expect((await fourth.get('')).body.data.status).toBe('bot');

    const other = await start(second);
    expect((await other.post('/escalate')).body.data.status).toBe('queued');

    // One of the first address's chats ends: another may wait in its place.
    await first.customers[0].post('/leave').expect(200);
    expect((await ask<{ status: string }>(socket, 'conversation:escalate', {}))).toMatchObject({ ok: true, data: { status: 'queued' } });

    // The address is kept for the cap only: no view shows it.
    const view = (await fourth.get('')).body.data as Record<string, unknown>;
    expect(JSON.stringify(view)).not.toContain('198.51.100.77');
    const card = (await agent.get(`/conversations/${fourth.conversationId}`)).body;
    expect(JSON.stringify(card)).not.toContain('198.51.100.77');
    for (const customer of [...first.customers, other]) await customer.post('/leave');
  });

  it('limits offline messages per address; the refused one stores nothing', async () => {
    await agent.put('/presence', { status: 'offline' }).expect(200);
    try {
      const customers = [await startWithoutUsingTheAddressLimit(), await startWithoutUsingTheAddressLimit(), await startWithoutUsingTheAddressLimit()];
      for (const customer of customers) expect((await customer.post('/escalate')).body.data.status).toBe('offline');
      const leave = (customer: { post: (path: string, body?: object) => request.Test }, index: number) =>
        customer.post('/offline-message', { email: `olga${index}@example.com`, message: 'Call me back', clientId: `offline-${index}` });
      // An invalid body is refused before it counts.
      await customers[0].post('/offline-message', { email: 'nope', message: '' }).expect(400);
      const before = await countRows(app, UID.offlineMessage);
      for (let index = 0; index < OFFLINE_MESSAGES_PER_MINUTE; index += 1) await leave(customers[index], index).expect(201);
      rateLimitedBody(await leave(customers[2], 2));
      expect(await countRows(app, UID.offlineMessage)).toBe(before + OFFLINE_MESSAGES_PER_MINUTE);
    } finally {
      await agent.put('/presence', { status: 'online' }).expect(200);
    }
  });
});

async function eventuallyCount(list: unknown[], count: number): Promise<void> {
  await eventually(async () => list.length >= count);
}

function customerOf(token: string, conversationId: number): Customer {
  const base = `${PUBLIC_API_BASE}/conversations/${conversationId}`;
  return {
    token,
    conversationId,
    get: (path) => request(app.url).get(`${base}${path}`).set('Authorization', `Bearer ${token}`),
    post: (path, payload) => request(app.url).post(`${base}${path}`).set('Authorization', `Bearer ${token}`).send(payload ?? {}),
  };
}

/**
 * A customer whose chat is started through the service the REST route calls: every request
 * here comes from 127.0.0.1, whose new-chat allowance the test above used up.
 */
async function startWithoutUsingTheAddressLimit() {
  const { token, conversation } = await app.service('conversations').startSession({ locale: 'en' });
  const base = `${PUBLIC_API_BASE}/conversations/${conversation.id}`;
  return {
    conversationId: conversation.id as number,
    token: token as string,
    post: (path: string, body?: object) =>
      request(app.url).post(`${base}${path}`).set('Authorization', `Bearer ${token}`).send(body ?? {}),
    get: (path: string) => request(app.url).get(`${base}${path}`).set('Authorization', `Bearer ${token}`),
    put: (path: string, body: object) => request(app.url).put(`${base}${path}`).set('Authorization', `Bearer ${token}`).send(body),
  };
}
