import fc from 'fast-check';
import type { Socket } from 'socket.io-client';
import request from 'supertest';

import { ADMIN_API_BASE, NAMESPACES, PUBLIC_API_BASE } from '../../server/src/contracts/constants';
import type { Ack } from '../../server/src/contracts/views';
import { DEMO_ADMIN, DEMO_AGENT } from '../helpers/admin-auth';
import { useBootedStrapi } from '../helpers/booted-strapi';
import { changedRows, compareSnapshots, snapshotDatabase, type DatabaseSnapshot } from '../helpers/fuzz/database-snapshot';
import { bodyMayBeAccepted, describeCase, httpCaseArbitrary, inPool, withBody, type HttpCase } from '../helpers/fuzz/http-cases';
import { hostileValue, nearValid } from '../helpers/fuzz/hostile-values';
import { ADMIN_ROUTES, PUBLIC_ROUTES, WIDGET_EVENTS, couldBeAnId, type FuzzRoute } from '../helpers/fuzz/routes';
import { ask, eventually, startCustomer, waitForMessage, widgetSocket, type Customer } from '../helpers/protocol';
import { connectSocket } from '../helpers/sockets';
import { everyJobOff } from '../helpers/test-env';

/**
 * Proof by hostile input: thousands of generated requests and socket payloads (fixed seed,
 * printed) against every public route and widget event and a sample of the admin routes.
 * None may answer 5xx or kill the process, and the database keeps every row it had, byte for
 * byte; the only rows added belong to conversations that valid generated requests started.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261130);
// The counts can be lowered while working on the test; the defaults are what CI proves.
const HTTP_CASES_PER_ROUTE = Number(process.env.FUZZ_CASES_PER_ROUTE ?? 270);
const SOCKET_CASES = Number(process.env.FUZZ_SOCKET_CASES ?? 2100);
const HANDSHAKE_CASES = 60;
const CONCURRENCY = 6;

// Limits off, so every request reaches validation instead of a 429; the idle sweep stays away.
const app = useBootedStrapi({
  config: {
    // Every periodic job off: they would touch the starting rows (signs of life, idle checks, the
    // analytics rollup's day rows) while the test compares them byte for byte, and each is tested
    // elsewhere.
    jobs: everyJobOff(),
    rateLimit: {
      sessionsPerIpPerMinute: 0,
      messagesPerConversationPerMinute: 0,
      escalationTrialsPerUserPerMinute: 0,
      cannedReplyChangesPerUserPerMinute: 0,
      customerDataRequestsPerUserPerMinute: 0,
      customerUpdatesPerConversationPerMinute: 0,
      typingEventsPerConversationPerMinute: 0,
      conversationReadsPerConversationPerMinute: 0,
      catchUpsPerConversationPerMinute: 0,
      offlineMessagesPerIpPerMinute: 0,
      ratingsPerConversationPerMinute: 0,
      escalationsPerConversationPerMinute: 0,
      leavesPerConversationPerMinute: 0,
      eventsPerSocketPerMinute: 0,
      queuedConversationsPerIp: 0,
    },
  },
});
const agent = app.signIn(DEMO_AGENT, { presence: 'online' });
const admin = app.signIn(DEMO_ADMIN);

const statusClass = (status: number) => (status === 0 ? 'no answer' : `${Math.floor(status / 100)}xx`);
const tally = (counts: Record<string, number>, key: string) => void (counts[key] = (counts[key] ?? 0) + 1);

describe('hostile input', () => {
  const fixtures: Customer[] = [];
  const sockets: Socket[] = [];
  let botToken = '';
  let before: DatabaseSnapshot;

  beforeAll(async () => {
    // Strapi logs each malformed JSON body at error level with its stack, and Koa prints each
    // malformed request it drops: about 24,000 lines over this file, which only bury the counts
    // it prints. FUZZ_DEBUG=1 keeps them.
    if (!process.env.FUZZ_DEBUG) {
      for (const transport of app.strapi.log.transports) transport.silent = true;
      app.strapi.server.app.silent = true;
    }
    // Conversations in each state: left offline, with the bot, queued, with an agent, ended.
    await agent.put('/presence', { status: 'offline' }).expect(200);
    const offline = await startCustomer(app);
    expect((await offline.post('/escalate')).body.data.status).toBe('offline');
    await offline.post('/offline-message', { email: 'olga@example.com', message: 'Call me back', clientId: 'off-1' }).expect(201);
    await agent.put('/presence', { status: 'online' }).expect(200);
    const withBot = await startCustomer(app, { locale: 'en', name: 'Bea', email: 'bea@example.com' });
    await withBot.post('/messages', { clientId: 'b1', text: 'What are your opening hours?' }).expect(200);
    await waitForMessage(withBot, (message) => message.author === 'bot');
    const queued = await startCustomer(app);
    await queued.post('/escalate', { reason: 'order' }).expect(200);
    const active = await startCustomer(app);
    await active.post('/escalate').expect(200);
    await agent.post(`/conversations/${active.conversationId}/claim`).expect(200);
    await agent.post(`/conversations/${active.conversationId}/messages`, { clientId: 'a1', text: 'Hello, Aino here' }).expect(200);
    const ended = await startCustomer(app);
    await ended.post('/escalate').expect(200);
    await ended.post('/leave').expect(200);
    fixtures.push(withBot, queued, active, ended, offline);
    // The admin's own state row exists before the run (it is created on first use).
    await app.service('agents').ensureState(admin.id);
    botToken = ((await app.strapi.service('admin::api-token').create({ name: 'fuzz bot', type: 'full-access', lifespan: null })) as { accessKey: string }).accessKey;
    for (const customer of fixtures) sockets.push(await widgetSocket(app, customer.token));
    app.closeAtEnd(...sockets);
    before = await snapshotDatabase(app.strapi);
  });

  it(`answers ${PUBLIC_ROUTES.length + ADMIN_ROUTES.length} routes, the widget events and the handshake without a 5xx, and changes no row it had (seed ${SEED})`, async () => {
    const started = Date.now();
    const phase = (name: string) => process.env.FUZZ_DEBUG && console.log(`${name} done after ${Date.now() - started} ms`);
    const sandbox = await startCustomer(app);
    const sandboxSocket = await widgetSocket(app, sandbox.token);
    app.closeAtEnd(sandboxSocket);

    // HTTP: every route, the same number of cases each.
    const routes: FuzzRoute[] = [...PUBLIC_ROUTES, ...ADMIN_ROUTES];
    const cases = routes.flatMap((route, index) =>
      fc.sample(httpCaseArbitrary(route, routes, fixtures.length), { seed: SEED + index, numRuns: HTTP_CASES_PER_ROUTE }),
    );
    const http = { sent: 0, skippedValid: 0, sentToSandbox: 0, sessionsStarted: 1, byClass: {} as Record<string, number>, byStatus: {} as Record<string, number> };
    const serverErrors: string[] = [];

    const credential = (testCase: HttpCase, conversation: Customer): string | null => {
      const other = fixtures[(testCase.fixture + 1) % fixtures.length] as Customer;
      if (testCase.auth === 'none') return null;
      if (typeof testCase.auth === 'object') return testCase.auth.header;
      if (testCase.auth === 'other') return `Bearer ${other.token}`;
      const right = { open: null, visitor: `Bearer ${conversation.token}`, bot: `Bearer ${botToken}`, admin: `Bearer ${admin.token}` };
      return right[testCase.route.auth];
    };

    await inPool(cases, CONCURRENCY, async (testCase) => {
      const { route } = testCase;
      const idMayMatch = !route.path.includes(':id') || testCase.param === 'own' || testCase.param === 'other' || couldBeAnId(testCase.param);
      const mayChange =
        (route.effect === 'conversation' || route.effect === 'global') &&
        testCase.method === route.method &&
        testCase.auth === 'right' &&
        idMayMatch &&
        bodyMayBeAccepted(testCase);
      if (mayChange && route.effect === 'global') {
        http.skippedValid += 1;
        return;
      }
      // A request that may be valid goes to the conversation started for the run, never to the prepared ones.
      const conversation = mayChange ? sandbox : (fixtures[testCase.fixture] as Customer);
      if (mayChange) http.sentToSandbox += 1;
      const other = fixtures[(testCase.fixture + 1) % fixtures.length] as Customer;
      const param = mayChange || testCase.param === 'own' ? String(conversation.conversationId) : testCase.param === 'other' ? String(other.conversationId) : testCase.param;
      const base = route.auth === 'admin' ? ADMIN_API_BASE : PUBLIC_API_BASE;
      const path = `${base}${route.path.replace(':id', param)}${testCase.query ? `?${testCase.query}` : ''}`;
      const method = testCase.method.toLowerCase() as 'get' | 'post' | 'put' | 'delete' | 'patch' | 'head' | 'options';
      let call = request(app.url)[method](path).timeout({ response: 10_000, deadline: 20_000 });
      const authorization = credential(testCase, conversation);
      if (authorization !== null) call = call.set('Authorization', authorization);
      if (testCase.origin) call = call.set('Origin', testCase.origin);
      let status = 0;
      try {
        status = (await withBody(call, testCase)).status;
      } catch (error) {
        serverErrors.push(`${describeCase(testCase, path)} → ${(error as Error).message}`);
      }
      http.sent += 1;
      if (process.env.FUZZ_DEBUG) console.log(`${Date.now() - started} ${status} ${describeCase(testCase, path).slice(0, 160)}`);
      tally(http.byClass, statusClass(status));
      tally(http.byStatus, `${testCase.method} ${route.auth} ${route.path} ${status}`);
      if (route.effect === 'creates' && status === 201) http.sessionsStarted += 1;
      if (status >= 500) serverErrors.push(`${describeCase(testCase, path)} → ${status}`);
    });

    phase('http');
    // Sockets: every widget event, hostile payloads on the prepared conversations' sockets.
    const socketCaseArbitrary = fc
      .record({
        spec: fc.constantFrom(...WIDGET_EVENTS),
        fixture: fc.nat(fixtures.length - 1),
        shape: fc.oneof({ weight: 18, arbitrary: fc.constant('ack' as const) }, { weight: 1, arbitrary: fc.constantFrom('no-ack' as const, 'extra-args' as const) }),
        payloadKind: fc.nat(9),
        hostile: hostileValue,
      })
      .chain((base) => nearValid(base.spec.valid).map((near) => ({ ...base, payload: base.payloadKind === 0 ? undefined : base.payloadKind === 1 ? base.hostile : near })))
      // Frames above realtime.maxPayloadBytes close the socket: one such frame is tried on its own below.
      .filter(({ payload }) => (JSON.stringify(payload) ?? '').length < 12_000);
    const socketCases = fc.sample(socketCaseArbitrary, { seed: SEED, numRuns: SOCKET_CASES });
    const acks = { sent: 0, unanswered: 0, sentToSandbox: 0, byStatus: {} as Record<string, number> };
    await inPool(socketCases, CONCURRENCY, async ({ spec, fixture, shape, payload }) => {
      const mayChange = spec.effect !== 'read' && spec.schema.safeParse(payload ?? {}).success;
      const socket = mayChange ? sandboxSocket : (sockets[fixture] as Socket);
      if (mayChange) acks.sentToSandbox += 1;
      acks.sent += 1;
      if (shape === 'no-ack') {
        socket.emit(spec.event, payload);
        return;
      }
      try {
        const ack = shape === 'ack' ? await ask(socket, spec.event, payload) : ((await socket.timeout(10_000).emitWithAck(spec.event, payload, { extra: true })) as Ack<unknown>);
        tally(acks.byStatus, ack.ok ? 'ok' : String(ack.error.status));
        if (!ack.ok && ack.error.status >= 500) serverErrors.push(`socket ${spec.event} ${JSON.stringify(payload)?.slice(0, 300)} → ${ack.error.status}`);
      } catch {
        acks.unanswered += 1;
        serverErrors.push(`socket ${spec.event} ${JSON.stringify(payload)?.slice(0, 300)} → no acknowledgement`);
      }
    });

    phase('sockets');
    // Handshakes with hostile tokens are refused; none connects.
    const handshakes = { refused: 0, connected: 0, unanswered: 0 };
    const auths = fc.sample(fc.oneof(hostileValue.map((token) => ({ token })), hostileValue), { seed: SEED, numRuns: HANDSHAKE_CASES });
    await inPool(auths, CONCURRENCY, async (auth) => {
      const socket = connectSocket(app.url, NAMESPACES.widget, typeof auth === 'object' && auth !== null ? (auth as Record<string, unknown>) : { token: auth });
      const outcome = await new Promise<keyof typeof handshakes>((resolve) => {
        const timer = setTimeout(() => resolve('unanswered'), 10_000);
        const settle = (result: keyof typeof handshakes) => {
          clearTimeout(timer);
          resolve(result);
        };
        socket.once('connect', () => settle('connected'));
        socket.once('connect_error', () => settle('refused'));
        // A handshake above realtime.maxPayloadBytes: the server closes the connection.
        socket.io.once('close', () => settle('refused'));
      });
      socket.close();
      tally(handshakes, outcome);
      if (outcome !== 'refused') serverErrors.push(`handshake ${JSON.stringify(auth)?.slice(0, 200)} → ${outcome}`);
    });

    phase('handshakes');
    // A frame above the limit closes that one socket, and nothing else.
    const oversized = await widgetSocket(app, fixtures[0]?.token as string);
    const closed = new Promise<string>((resolve) => oversized.once('disconnect', resolve));
    oversized.emit('message:send', { clientId: 'big', text: 'x'.repeat(40_000) });
    expect(await closed).toBe('transport close');

    // The process still answers, and so does every socket that only ever sent nonsense.
    expect((await request(app.url).get('/_health')).status).toBe(204);
    for (const socket of sockets) {
      expect(socket.connected).toBe(true);
      expect((await ask(socket, 'conversation:get')).ok).toBe(true);
    }
    // Bots answer valid messages after the request returns: wait until the database is still.
    let settled = await snapshotDatabase(app.strapi);
    await eventually(async () => {
      const again = await snapshotDatabase(app.strapi);
      const still = JSON.stringify(again.counts) === JSON.stringify(settled.counts);
      settled = again;
      return still;
    }, 10_000);
    const comparison = compareSnapshots(before, settled);

    const figures = {
      seed: SEED,
      seconds: Math.round((Date.now() - started) / 1000),
      requestsSent: http.sent + acks.sent + HANDSHAKE_CASES + 1,
      http: { ...http, byStatus: undefined },
      socketEvents: acks,
      handshakes,
      answersAtOrAbove500: serverErrors.length,
      rowsAdded: comparison.added,
      newConversations: comparison.newConversationIds.length,
      existingRowHashes: Object.fromEntries(Object.entries(comparison.hashes).map(([table, { before: then, after: now }]) => [table, then === now ? `${then.slice(0, 16)} unchanged` : `${then.slice(0, 16)} → ${now.slice(0, 16)}`])),
    };
    console.log(`hostile input figures:\n${JSON.stringify(figures, null, 2)}\nby route and status: ${JSON.stringify(http.byStatus)}`);

    if (comparison.strayRows.length > 0) console.log(`rows added outside the run's conversations: ${JSON.stringify(comparison.strayRows.slice(0, 5))}`);
    expect(serverErrors.slice(0, 20)).toEqual([]);
    if (!process.env.FUZZ_CASES_PER_ROUTE) expect(http.sent + acks.sent).toBeGreaterThanOrEqual(10_000);
    expect(acks.unanswered).toBe(0);
    expect(handshakes).toEqual({ refused: HANDSHAKE_CASES, connected: 0, unanswered: 0 });
    expect(changedRows(before, settled)).toEqual([]);
    for (const { before: then, after: now } of Object.values(comparison.hashes)) expect(now).toBe(then);
    expect(comparison.unexpectedCountChanges).toEqual({});
    expect(comparison.strayRows).toEqual([]);
    expect(comparison.newConversationIds).toHaveLength(http.sessionsStarted);
  }, 300_000);

  it('refuses a widget event sent with more than one payload with an acknowledged 400, and posts nothing', async () => {
    const active = fixtures[2] as Customer;
    const socket = sockets[2] as Socket;
    const ack = (await socket.timeout(10_000).emitWithAck('message:send', { clientId: 'two-payloads', text: 'valid text' }, { extra: true })) as Ack<unknown>;
    expect(ack).toMatchObject({ ok: false, error: { status: 400, name: 'ValidationError', message: 'an event carries one payload, not 2' } });
    const messages = (await active.get('/messages')).body.data as Array<{ clientId?: string; text: string }>;
    expect(messages.map((message) => message.text)).not.toContain('valid text');
  });

  it.each([
    ['malformed JSON', '{"locale": "en"'],
    ['a __proto__ key', '{"locale": "en", "__proto__": {"isVip": true}}'],
    ['a constructor.prototype key', '{"locale": "en", "constructor": {"prototype": {"isVip": true}}}'],
  ])('refuses a JSON body with %s with a 400 and starts no conversation', async (_name, body) => {
    const before = await app.strapi.db.query('plugin::live-support.conversation').count({});
    const response = await request(app.url).post(`${PUBLIC_API_BASE}/sessions`).set('Content-Type', 'application/json').send(body);
    expect(response.status).toBe(400);
    expect(response.body.error.status).toBe(400);
    expect(await app.strapi.db.query('plugin::live-support.conversation').count({})).toBe(before);
  });
});
