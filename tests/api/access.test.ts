import type { Socket } from 'socket.io-client';
import request from 'supertest';

import { ACTIONS, NAMESPACES, PUBLIC_API_BASE } from '../../server/src/contracts/constants';
import { UID } from '../../server/src/constants';
import { DEMO_ADMIN, DEMO_AGENT } from '../helpers/admin-auth';
import { useBootedStrapi } from '../helpers/booted-strapi';
import {
  agentSocket,
  ask,
  countRows,
  createAdmin,
  eventually,
  loginAgent,
  nextEvent,
  startCustomer,
  waitForMessage,
  widgetSocket,
  type Customer,
} from '../helpers/protocol';
import { connectSocket, expectRefused } from '../helpers/sockets';

// Open agent sockets are checked again every second here (a minute by default).
const app = useBootedStrapi({ config: { realtime: { accessRecheckMs: 1000 } } });
const agent = app.signIn(DEMO_AGENT, { presence: 'online' });
const superAdmin = app.signIn(DEMO_ADMIN);

async function snapshotCounts() {
  return {
    conversations: await countRows(app, UID.conversation),
    messages: await countRows(app, UID.message),
    events: await countRows(app, UID.conversationEvent),
  };
}

describe('visitor tokens', () => {
  let alice: Customer;
  let bob: Customer;

  beforeAll(async () => {
    alice = await startCustomer(app);
    bob = await startCustomer(app);
    await bob.post('/messages', { clientId: 'b1', text: 'secret order number 123' }).expect(200);
    // The bot answers after the request returns; let it, so that row counts below stay still.
    await waitForMessage(bob, (message) => message.author === 'bot');
  });

  it("does not let A read, post to, escalate, rate or leave B's conversation", async () => {
    const before = await snapshotCounts();
    const asAlice = (method: 'get' | 'post', path: string, body?: object) => {
      const url = `${PUBLIC_API_BASE}/conversations/${bob.conversationId}${path}`;
      const call = method === 'get' ? request(app.url).get(url) : request(app.url).post(url).send(body ?? {});
      return call.set('Authorization', `Bearer ${alice.token}`);
    };
    const attempts = [
      asAlice('get', ''),
      asAlice('get', '/messages'),
      asAlice('post', '/messages', { clientId: 'x', text: 'hi' }),
      asAlice('post', '/escalate'),
      asAlice('post', '/csat', { score: 1 }),
      asAlice('post', '/leave'),
    ];
    for (const response of await Promise.all(attempts)) {
      expect(response.status).toBe(403);
      expect(response.body.error.details.code).toBe('OTHER_CONVERSATION');
      expect(JSON.stringify(response.body)).not.toContain('secret order number');
    }
    expect(await snapshotCounts()).toEqual(before);
    expect((await bob.get('')).body.data.status).toBe('bot');
  });

  it('answers 401 without a token or with a forged, foreign or malformed one', async () => {
    const url = `${PUBLIC_API_BASE}/conversations/${bob.conversationId}`;
    const [header, payload] = bob.token.split('.');
    const forgedPayload = Buffer.from(JSON.stringify({ sub: String(bob.conversationId) })).toString('base64url');
    for (const authorization of [undefined, 'Bearer', 'Bearer nonsense', `Bearer ${header}.${forgedPayload}.${payload}`, `Basic ${bob.token}`]) {
      const call = request(app.url).get(url);
      const response = await (authorization ? call.set('Authorization', authorization) : call);
      expect(response.status).toBe(401);
      expect(response.body.error).toMatchObject({ name: 'UnauthorizedError', details: { code: 'INVALID_VISITOR_TOKEN' } });
    }
  });

  it('refuses a widget socket with a forged token and binds a good one to its own conversation', async () => {
    const refused = await expectRefused(connectSocket(app.url, NAMESPACES.widget, { token: `${bob.token}x` }));
    expect(refused.data).toEqual({ code: 'UNAUTHORIZED' });

    const socket = await widgetSocket(app, alice.token);
    try {
      const view = await ask<{ id: number }>(socket, 'conversation:get');
      expect(view).toMatchObject({ ok: true, data: { id: alice.conversationId } });
      // Payloads cannot name another conversation: the token decides, unknown fields are refused.
      const sneaky = await ask(socket, 'messages:since', { after: 0, conversationId: bob.conversationId });
      expect(sneaky).toMatchObject({ ok: false, error: { status: 400, name: 'ValidationError' } });
    } finally {
      socket.close();
    }
  });

  it('stops opening a conversation a day after it ended, over REST and sockets, and not before', async () => {
    const carol = await startCustomer(app);
    expect((await carol.post('/escalate').expect(200)).body.data.status).toBe('queued');
    expect((await carol.post('/leave').expect(200)).body.data.status).toBe('abandoned');
    await carol.get('').expect(200);
    await widgetSocket(app, carol.token).then((socket) => socket.close());

    // A day passes: the ending is moved back, as the clock would have moved it.
    const dayAgo = new Date(Date.now() - 24 * 3_600_000 - 1000);
    await app.strapi.db.query(UID.conversation).update({ where: { id: carol.conversationId }, data: { abandonedAt: dayAgo } });
    const refused = await carol.get('/messages');
    expect(refused.status).toBe(401);
    expect(refused.body.error.details).toEqual({ code: 'VISITOR_ACCESS_ENDED' });
    await carol.post('/csat', { score: 5 }).expect(401);
    const socketRefused = await expectRefused(connectSocket(app.url, NAMESPACES.widget, { token: carol.token }));
    expect(socketRefused.data).toEqual({ code: 'UNAUTHORIZED' });
    // An open conversation's token is not affected by its age.
    await alice.get('').expect(200);
  });
});

describe('agent permissions', () => {
  beforeAll(async () => {
    // A role that may read the queue but not chat.
    const role = await app.strapi.admin.services.role.create({ name: 'Observer', code: 'observer', description: 'read only' });
    await app.strapi.admin.services.role.assignPermissions(role.id, [{ action: ACTIONS.read, subject: null }]);
    await createAdmin(app, { email: 'observer@example.com', password: 'Observer-Pass-1', firstname: 'Olli' }, 'observer');
    await createAdmin(app, { email: 'editor2@example.com', password: 'Editor-Pass-1', firstname: 'Eeva' }, 'strapi-editor');
  });

  it('lets an admin without chat read the queue but not claim, over REST and sockets', async () => {
    const customer = await startCustomer(app);
    await customer.post('/escalate').expect(200);
    const observer = await loginAgent(app, 'observer@example.com', 'Observer-Pass-1');

    expect((await observer.get('/queue')).status).toBe(200);
    const claim = await observer.post(`/conversations/${customer.conversationId}/claim`);
    expect(claim.status).toBe(403);

    const socket = await agentSocket(app, observer.token);
    try {
      const queue = await ask(socket, 'queue:get', {});
      expect(queue.ok).toBe(true);
      const socketClaim = await ask(socket, 'conversation:claim', { conversationId: customer.conversationId });
      expect(socketClaim).toMatchObject({ ok: false, error: { status: 403, name: 'ForbiddenError' } });
    } finally {
      socket.close();
    }
    expect((await customer.get('')).body.data.status).toBe('queued');
  });

  it('refuses the agent socket to an admin without read, and to a bad token', async () => {
    const editor = await loginAgent(app, 'editor2@example.com', 'Editor-Pass-1');
    const forbidden = await expectRefused(connectSocket(app.url, NAMESPACES.agent, { token: editor.token }));
    expect(forbidden.message).toBe('forbidden');
    expect(forbidden.data).toEqual({ code: 'FORBIDDEN' });
    const unauthorized = await expectRefused(connectSocket(app.url, NAMESPACES.agent, { token: 'not-a-token' }));
    expect(unauthorized.data).toEqual({ code: 'UNAUTHORIZED' });
    const visitorToken = (await startCustomer(app)).token;
    expect((await expectRefused(connectSocket(app.url, NAMESPACES.agent, { token: visitorToken }))).data).toEqual({
      code: 'UNAUTHORIZED',
    });
  });

  it("does not let one agent post in, transfer or resolve another agent's conversation", async () => {
    const customer = await startCustomer(app);
    await customer.post('/escalate').expect(200);
    await agent.post(`/conversations/${customer.conversationId}/claim`).expect(200);
    const elias = await loginAgent(app, 'elias@example.com', 'Demo-Agent-1');
    for (const [path, body] of [
      ['/messages', { clientId: 'e1', text: 'hello' }],
      ['/transfer', {}],
      ['/resolve', {}],
    ] as const) {
      const response = await elias.post(`/conversations/${customer.conversationId}${path}`, body);
      expect({ path, status: response.status, body: response.body }).toMatchObject({
        path,
        status: 403,
        body: { error: { details: { code: 'NOT_ASSIGNED' } } },
      });
    }
    expect((await customer.get('')).body.data).toMatchObject({ status: 'active', agentName: 'Aino' });
  });
});

describe('malformed input changes nothing', () => {
  let customer: Customer;

  beforeAll(async () => {
    customer = await startCustomer(app);
  });

  const longText = 'x'.repeat(2001);
  const customerCases: Array<[string, string, object | string]> = [
    ['POST', '/messages', {}],
    ['POST', '/messages', { clientId: 'ok', text: '' }],
    ['POST', '/messages', { clientId: 'ok', text: '   ' }],
    ['POST', '/messages', { clientId: 'ok', text: longText }],
    ['POST', '/messages', { clientId: 'has space', text: 'hi' }],
    ['POST', '/messages', { clientId: 'ok', text: 42 }],
    ['POST', '/messages', { clientId: 'ok', text: 'hi', html: '<b>x</b>' }],
    ['POST', '/messages', { clientId: 'ok', text: 'bell\u0007' }],
    ['POST', '/escalate', { reason: 5 }],
    ['POST', '/escalate', { trigger: 'api' }],
    ['POST', '/csat', { score: 6 }],
    ['POST', '/csat', { score: 2.5 }],
    ['POST', '/leave', { now: true }],
    ['GET', '/messages?after=-1', ''],
    ['GET', '/messages?after=abc', ''],
    ['GET', '/messages?limit=100000', ''],
    ['GET', '/messages?sort=seq', ''],
  ];

  it.each(customerCases)('customer %s %s %j → 400', async (method, path, body) => {
    const before = await snapshotCounts();
    const response = method === 'GET' ? await customer.get(path) : await customer.post(path, body as object);
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ status: 400, name: 'ValidationError' });
    expect(response.body.error.details.errors.length).toBeGreaterThan(0);
    expect(await snapshotCounts()).toEqual(before);
  });

  it.each([
    [{ locale: 'de' }],
    [{ email: 'not-an-email' }],
    [{ phone: 'call me' }],
    [{ name: 'x'.repeat(201) }],
    [{ metadata: { nested: { deep: true } } }],
    [{ metadata: Object.fromEntries(Array.from({ length: 21 }, (_, index) => [`k${index}`, index])) }],
    [{ isVip: true }],
  ])('session start %j → 400 and no conversation', async (body) => {
    const before = await snapshotCounts();
    const response = await request(app.url).post(`${PUBLIC_API_BASE}/sessions`).send(body);
    expect(response.status).toBe(400);
    expect(await snapshotCounts()).toEqual(before);
  });

  it.each(['/queue?page=0', '/queue?pageSize=101', '/queue?status=queued', '/conversations/1/messages?after=x'])(
    'agent GET %s → 400',
    async (path) => {
      const response = await agent.get(path);
      expect(response.status).toBe(400);
      expect(response.body.error.name).toBe('ValidationError');
    },
  );

  it('answers 400 for a conversation id that is not a number', async () => {
    const response = await agent.get('/conversations/abc');
    expect(response.status).toBe(400);
  });

  it('answers 404 for a conversation that does not exist', async () => {
    const response = await agent.post('/conversations/999999/claim');
    expect(response.status).toBe(404);
  });

  it.each<[string, string, object]>([
    ['POST', '/conversations/1/claim', { force: true }],
    ['POST', '/conversations/1/messages', { text: 'no client id' }],
    ['POST', '/conversations/1/transfer', { toAgentId: 'elias' }],
    ['POST', '/conversations/1/transfer', { note: 'x'.repeat(1001) }],
    ['PUT', '/presence', { status: 'busy' }],
    ['PUT', '/settings', { queue: { maxQueueLength: 0 } }],
    ['PUT', '/settings', { queue: { seats: 3 } }],
  ])('agent %s %s %j → 400', async (method, path, body) => {
    const before = await snapshotCounts();
    const settingsBefore = await app.service('settings').get();
    const response = method === 'PUT' ? await superAdmin.put(path, body) : await superAdmin.post(path, body);
    expect(response.status).toBe(400);
    expect(await snapshotCounts()).toEqual(before);
    expect(await app.service('settings').get()).toEqual(settingsBefore);
  });

  it('answers 413 for a body above the limit and stores nothing', async () => {
    const before = await snapshotCounts();
    const response = await customer.post('/messages', { clientId: 'big', text: 'y'.repeat(20_000) });
    expect(response.status).toBe(413);
    expect(response.body.error.name).toBe('PayloadTooLargeError');
    expect(await snapshotCounts()).toEqual(before);
  });

  it('answers malformed socket payloads with a 400 acknowledgement and changes nothing', async () => {
    const widget = await widgetSocket(app, customer.token);
    const desk = await agentSocket(app, agent.token);
    try {
      const before = await snapshotCounts();
      const widgetCases: Array<[string, unknown]> = [
        ['message:send', { clientId: 'x' }],
        ['message:send', { clientId: 'x', text: 'y'.repeat(2001) }],
        ['message:send', 'just a string'],
        ['conversation:escalate', { reason: { html: true } }],
        ['csat:submit', { score: 0 }],
        ['messages:since', { after: 'zero' }],
        ['messages:since', { after: 0, limit: 501 }],
        ['conversation:get', { id: 1 }],
        ['conversation:leave', { because: 'bored' }],
        ['typing', { isTyping: 'yes' }],
      ];
      for (const [event, payload] of widgetCases) {
        expect(await ask(widget, event, payload)).toMatchObject({ ok: false, error: { status: 400 } });
      }
      const agentCases: Array<[string, unknown]> = [
        ['conversation:claim', {}],
        ['conversation:claim', { conversationId: 'one' }],
        ['message:send', { conversationId: customer.conversationId, text: 'no id' }],
        ['conversation:transfer', { conversationId: customer.conversationId, toAgentId: -1 }],
        ['presence:set', { status: 'invisible' }],
        ['queue:get', { pageSize: 1000 }],
        ['queue:get', { page: '2' }],
        ['agents:get', { all: true }],
        ['conversation:get', { conversationId: 0 }],
        ['messages:since', { conversationId: customer.conversationId, after: -1 }],
        ['conversation:resolve', { conversationId: customer.conversationId, now: true }],
        ['typing', { conversationId: customer.conversationId }],
      ];
      for (const [event, payload] of agentCases) {
        expect(await ask(desk, event, payload)).toMatchObject({ ok: false, error: { status: 400 } });
      }
      expect(await snapshotCounts()).toEqual(before);
    } finally {
      widget.close();
      desk.close();
    }
  });

  it('keeps HTML in messages as the literal text it is', async () => {
    const text = '<img src=x onerror=alert(1)> & <script>alert(2)</script>';
    const response = await customer.post('/messages', { clientId: 'xss', text });
    expect(response.status).toBe(200);
    expect(response.body.data.text).toBe(text);
  });
});

describe('agent sockets that stay open', () => {
  let role: { id: number };

  beforeAll(async () => {
    role = await app.strapi.admin.services.role.create({ name: 'Temporary agents', code: 'temporary-agents', description: 'read and chat' });
    await app.strapi.admin.services.role.assignPermissions(role.id, [
      { action: ACTIONS.read, subject: null },
      { action: ACTIONS.chat, subject: null },
    ]);
    for (const [email, firstname] of [
      ['deactivated@example.com', 'Dan'],
      ['logout@example.com', 'Lotta'],
      ['demoted@example.com', 'Demi'],
    ]) {
      await createAdmin(app, { email, password: 'Temporary-Pass-1', firstname }, 'temporary-agents');
    }
  });

  const disconnected = (socket: Socket) =>
    new Promise<string>((resolve) => socket.once('disconnect', (reason) => resolve(reason)));

  it('closes the sockets of a user who is deactivated, telling them why', async () => {
    const dan = await loginAgent(app, 'deactivated@example.com', 'Temporary-Pass-1');
    const socket = await agentSocket(app, dan.token);
    try {
      const revoked = nextEvent<{ code: string }>(socket, 'access:revoked', () => true, 5000);
      const closed = disconnected(socket);
      await app.strapi.db.query('admin::user').update({ where: { id: dan.id }, data: { isActive: false } });
      expect(await revoked).toEqual({ code: 'SESSION_ENDED' });
      expect(await closed).toBe('io server disconnect');
    } finally {
      socket.close();
    }
  });

  it('closes the sockets of a session that logged out', async () => {
    const lotta = await loginAgent(app, 'logout@example.com', 'Temporary-Pass-1');
    const socket = await agentSocket(app, lotta.token);
    try {
      const closed = disconnected(socket);
      await request(app.url).post('/admin/logout').set('Authorization', `Bearer ${lotta.token}`).send({}).expect(200);
      expect(await closed).toBe('io server disconnect');
    } finally {
      socket.close();
    }
  });

  it('stops chatting on a socket whose role lost the chat permission, and keeps it reading', async () => {
    const demi = await loginAgent(app, 'demoted@example.com', 'Temporary-Pass-1');
    const socket = await agentSocket(app, demi.token);
    try {
      // Allowed to try: an unknown conversation is a 404, not a 403.
      expect(await ask(socket, 'conversation:claim', { conversationId: 999999 })).toMatchObject({ ok: false, error: { status: 404 } });
      await app.strapi.admin.services.role.assignPermissions(role.id, [{ action: ACTIONS.read, subject: null }]);
      await eventually(async () => {
        const claim = await ask(socket, 'conversation:claim', { conversationId: 999999 });
        return !claim.ok && claim.error.status === 403;
      });
      expect((await ask(socket, 'queue:get', {})).ok).toBe(true);
      expect(socket.connected).toBe(true);
    } finally {
      socket.close();
    }
  });
});
