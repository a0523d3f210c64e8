import request from 'supertest';

import { ADMIN_API_BASE } from '../../server/src/contracts/constants';
import { UID } from '../../server/src/constants';
import { ERASED_TEXT } from '../../server/src/domain/retention';
import { DEMO_ADMIN, DEMO_AGENT } from '../helpers/admin-auth';
import { useBootedStrapi } from '../helpers/booted-strapi';
import { dayIn } from '../helpers/clock';
import { countRows, startCustomer, type Customer } from '../helpers/protocol';

const app = useBootedStrapi();
const admin = app.signIn(DEMO_ADMIN);
// The playground's Agent role: read and chat, no `settings`.
const agent = app.signIn(DEMO_AGENT);

const DAY_MS = 86_400_000;
/** Today in the opening hours' time zone (the default, Europe/Helsinki), as the report counts days. */
const dayOf = (date: Date) => dayIn('Europe/Helsinki', date);

const retention = () => app.service('retention') as { sweep(now?: Date, options?: { batchSize?: number }): Promise<Record<string, unknown>> };
const db = (uid: string) => app.strapi.db.query(uid as never);

/** A conversation an agent served and the customer rated: messages both ways, an escalation reason, a comment. */
async function servedConversation(details: object, words: string): Promise<Customer> {
  await agent.put('/presence', { status: 'online' }).expect(200);
  const customer = await startCustomer(app, { locale: 'en', ...details });
  await customer.post('/messages', { clientId: 'c-1', text: words }).expect(200);
  await customer.post('/escalate', { reason: `About ${words}` }).expect(200);
  await agent.post(`/conversations/${customer.conversationId}/claim`).expect(200);
  await agent.post(`/conversations/${customer.conversationId}/messages`, { clientId: 'a-1', text: 'Hello, how can I help?' }).expect(200);
  await agent.post(`/conversations/${customer.conversationId}/resolve`).expect(200);
  await customer.post('/csat', { score: 4, comment: `Thanks from ${words}` }).expect(200);
  return customer;
}

/** A conversation that went to the offline flow (no agent online) and the message left there. */
async function offlineConversation(details: object, message: object): Promise<Customer> {
  await agent.put('/presence', { status: 'offline' }).expect(200);
  const customer = await startCustomer(app, { locale: 'en', ...details });
  expect((await customer.post('/escalate')).body.data.status).toBe('offline');
  await customer.post('/offline-message', message).expect(201);
  return customer;
}

/**
 * When the conversations aged by `age` happened: 40 days ago, one instant for all of them, so
 * that the report of their day finds them all even when a midnight passes during the tests.
 */
const FORTY_DAYS_AGO = new Date(Date.now() - 40 * DAY_MS);

/** Moves a conversation (and its offline message) back in time, as if it had happened `then`. */
async function age(conversationId: number, then: Date): Promise<void> {
  const row = (await db(UID.conversation).findOne({ where: { id: conversationId } })) as Record<string, unknown>;
  const moved = Object.fromEntries(
    ['createdAt', 'lastActivityAt', 'queuedAt', 'claimedAt', 'firstAgentReplyAt', 'resolvedAt', 'abandonedAt', 'offlineAt', 'csatAt']
      .filter((column) => row[column] !== null && row[column] !== undefined)
      .map((column) => [column, then]),
  );
  await db(UID.conversation).update({ where: { id: conversationId }, data: moved });
  await db(UID.offlineMessage).updateMany({ where: { conversationId }, data: { createdAt: then } });
}

let maija: Customer;
let maijaOffline: Customer;

beforeAll(async () => {
  maija = await servedConversation(
    { name: 'Maija Meikäläinen', email: 'Maija@Example.com', phone: '+358 40 123 4567', externalId: 'crm-1', metadata: { plan: 'gold' } },
    'order 4711',
  );
  maijaOffline = await offlineConversation({}, { name: 'Maija', email: 'maija@example.com', message: 'Please call me back.' });
  await servedConversation({ name: 'Matti', email: 'matti@example.com' }, 'invoice 9');
});

describe('the Customer data page', () => {
  it('finds a customer by email whatever its case, by the digits of a phone, or by external id', async () => {
    const byEmail = await admin.get('/customer-data?email=MAIJA@example.COM').expect(200);
    expect(byEmail.body.data).toMatchObject({ lookup: 'email', openConversationIds: [] });
    expect(byEmail.body.data.conversations.map((row: { id: number }) => row.id)).toEqual([maija.conversationId, maijaOffline.conversationId]);
    expect(byEmail.body.data.conversations[0]).toMatchObject({
      status: 'resolved',
      customerName: 'Maija Meikäläinen',
      customerPhone: '+358 40 123 4567',
      externalId: 'crm-1',
      messageCount: expect.any(Number),
    });
    expect(byEmail.body.data.conversations[0].messageCount).toBeGreaterThanOrEqual(2);
    expect(byEmail.body.data.offlineMessages).toEqual([
      expect.objectContaining({ conversationId: maijaOffline.conversationId, email: 'maija@example.com', name: 'Maija' }),
    ]);

    const byPhone = await admin.get(`/customer-data?phone=${encodeURIComponent('358-40-1234567')}`).expect(200);
    expect(byPhone.body.data.conversations.map((row: { id: number }) => row.id)).toEqual([maija.conversationId]);
    const byExternalId = await admin.get('/customer-data?externalId=crm-1').expect(200);
    expect(byExternalId.body.data.conversations.map((row: { id: number }) => row.id)).toEqual([maija.conversationId]);
    const nobody = await admin.get('/customer-data?email=nobody@example.com').expect(200);
    expect(nobody.body.data).toMatchObject({ conversations: [], offlineMessages: [] });
  });

  it('answers only those with the settings permission, and refuses a query that names no one customer', async () => {
    await agent.get('/customer-data?email=maija@example.com').expect(403);
    await agent.get('/customer-data/export?email=maija@example.com').expect(403);
    await agent.post('/customer-data/erase', { email: 'maija@example.com' }).expect(403);
    await admin.get('/customer-data').expect(400);
    await admin.get('/customer-data?email=maija@example.com&phone=0401234567').expect(400);
    await admin.get('/customer-data?phone=abc').expect(400);
    await admin.post('/customer-data/erase', { email: 'maija@example.com', note: 'x' }).expect(400);
  });

  it('exports the customer’s conversations with their messages and events, and their offline messages, as a JSON file', async () => {
    const response = await request(app.url)
      .get(`${ADMIN_API_BASE}/customer-data/export?externalId=crm-1`)
      .set('Authorization', `Bearer ${admin.token}`)
      .expect(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="live-support-customer-data-\d{4}-\d{2}-\d{2}\.json"$/);
    const [conversation] = response.body.conversations;
    expect(conversation).toMatchObject({ id: maija.conversationId, customerEmail: 'Maija@Example.com', metadata: { plan: 'gold' } });
    expect(conversation.messages.map((message: { text: string }) => message.text)).toEqual(
      expect.arrayContaining(['order 4711', 'Hello, how can I help?']),
    );
    expect(conversation.events.map((event: { kind: string }) => event.kind)).toEqual(
      expect.arrayContaining(['created', 'escalated', 'claimed', 'resolved', 'rated']),
    );
    expect(response.body.offlineMessages).toEqual([]);

    const withOffline = await admin.get('/customer-data/export?email=maija@example.com').expect(200);
    expect(withOffline.body.offlineMessages).toEqual([expect.objectContaining({ message: 'Please call me back.' })]);
  });

  it('refuses to erase while a conversation is going on, and changes nothing', async () => {
    await agent.put('/presence', { status: 'online' }).expect(200);
    const open = await startCustomer(app, { locale: 'en', email: 'open@example.com' });
    await open.post('/escalate').expect(200);
    const refused = await admin.post('/customer-data/erase', { email: 'open@example.com' }).expect(409);
    expect(refused.body.error.details).toEqual({ code: 'CONVERSATION_OPEN', conversationIds: [open.conversationId] });
    expect((await admin.get('/customer-data?email=open@example.com').expect(200)).body.data.openConversationIds).toEqual([open.conversationId]);
    await open.post('/leave').expect(200);
    await admin.post('/customer-data/erase', { email: 'open@example.com' }).expect(200);
  });

  it('erases the personal fields and texts and keeps what analytics counts', async () => {
    const today = dayOf(new Date());
    const before = (await admin.get(`/analytics?from=${today}&to=${today}`).expect(200)).body.data;

    const erased = await admin.post('/customer-data/erase', { email: 'maija@example.com' }).expect(200);
    expect(erased.body.data).toEqual({ conversations: 2, messages: expect.any(Number), offlineMessages: 1 });
    expect(erased.body.data.messages).toBeGreaterThanOrEqual(2);

    const after = (await admin.get(`/analytics?from=${today}&to=${today}`).expect(200)).body.data;
    expect(after).toEqual(before);

    const row = (await db(UID.conversation).findOne({ where: { id: maija.conversationId } })) as Record<string, unknown>;
    expect(row).toMatchObject({
      customerName: null,
      customerEmail: null,
      customerPhone: null,
      externalId: null,
      metadata: null,
      escalationReason: null,
      csatComment: null,
      status: 'resolved',
      csatScore: 4,
      escalationTrigger: 'button',
    });
    const texts = (await db(UID.message).findMany({ where: { conversationId: maija.conversationId } })) as Array<{ text: string }>;
    expect(texts.length).toBeGreaterThanOrEqual(2);
    expect(new Set(texts.map((message) => message.text))).toEqual(new Set([ERASED_TEXT]));
    const escalated = (await db(UID.conversationEvent).findOne({ where: { conversationId: maija.conversationId, kind: 'escalated' } })) as {
      data: Record<string, unknown>;
    };
    expect(escalated.data).toEqual({ trigger: 'button', reason: null });
    const offline = (await db(UID.offlineMessage).findOne({ where: { conversationId: maijaOffline.conversationId } })) as Record<string, unknown>;
    expect(offline).toMatchObject({ name: null, email: null, phone: null, message: ERASED_TEXT, status: 'new' });

    expect((await admin.get('/customer-data?email=maija@example.com').expect(200)).body.data.conversations).toEqual([]);
    // Erasing again finds nothing left to change.
    expect((await admin.post('/customer-data/erase', { externalId: 'crm-1' }).expect(200)).body.data).toEqual({
      conversations: 0,
      messages: 0,
      offlineMessages: 0,
    });
  });

  it('records each action with counts and the admin user, never the personal data', async () => {
    const log = (await db(UID.customerDataEvent).findMany({ orderBy: { id: 'asc' } })) as Array<Record<string, unknown>>;
    expect(new Set(log.map((entry) => entry.kind))).toEqual(new Set(['searched', 'exported', 'erased']));
    const adminEntries = log.filter((entry) => entry.actorId === admin.id);
    expect(adminEntries).toHaveLength(log.length);
    expect(log).toContainEqual(
      expect.objectContaining({
        kind: 'erased',
        actorKind: 'agent',
        data: { lookup: 'email', conversations: 2, messages: expect.any(Number), offlineMessages: 1 },
      }),
    );
    expect(JSON.stringify(log)).not.toMatch(/maija|example\.com|crm-1|4567|open@/i);
  });
});

describe('retention', () => {
  it('is off by default, and its settings are checked', async () => {
    const settings = (await admin.get('/settings').expect(200)).body.data;
    expect(settings.retention).toEqual({ keepDays: 0, action: 'anonymise' });
    expect(await retention().sweep(new Date())).toMatchObject({ enabled: false, conversations: 0, offlineMessages: 0 });
    await admin.put('/settings', { retention: { keepDays: -1 } }).expect(400);
    await admin.put('/settings', { retention: { action: 'shred' } }).expect(400);
    await agent.put('/settings', { retention: { keepDays: 30 } }).expect(403);
  });

  it('anonymises only expired closed rows, in batches, and a second run changes nothing', async () => {
    const old = [
      await servedConversation({ name: 'Old One', email: 'old1@example.com' }, 'old order 1'),
      await servedConversation({ name: 'Old Two', email: 'old2@example.com' }, 'old order 2'),
      await offlineConversation({ name: 'Old Three' }, { email: 'old3@example.com', message: 'Old message.' }),
    ];
    await agent.put('/presence', { status: 'online' }).expect(200);
    const stillOpen = await startCustomer(app, { locale: 'en', email: 'waiting@example.com' });
    await stillOpen.post('/escalate').expect(200);
    const recent = await servedConversation({ name: 'Recent', email: 'recent@example.com' }, 'new order');
    for (const customer of [...old, stillOpen]) await age(customer.conversationId, FORTY_DAYS_AGO);

    await admin.put('/settings', { retention: { keepDays: 30, action: 'anonymise' } }).expect(200);
    const now = new Date();
    const run = await retention().sweep(now, { batchSize: 2 });
    // Three expired conversations read two at a time are two batches; the offline message a third.
    expect(run).toEqual({
      enabled: true,
      action: 'anonymise',
      cutoff: new Date(now.getTime() - 30 * DAY_MS).toISOString(),
      conversations: 3,
      messages: expect.any(Number),
      offlineMessages: 1,
      batches: 3,
    });
    for (const customer of old) {
      expect(await db(UID.conversation).findOne({ where: { id: customer.conversationId } })).toMatchObject({ customerEmail: null, customerName: null });
    }
    for (const customer of [stillOpen, recent]) {
      expect(await db(UID.conversation).findOne({ where: { id: customer.conversationId } })).toMatchObject({
        customerEmail: expect.stringMatching(/@example\.com$/),
        anonymisedAt: null,
      });
    }

    expect(await retention().sweep(now, { batchSize: 2 })).toMatchObject({ conversations: 0, messages: 0, offlineMessages: 0, batches: 0 });
    const runs = (await db(UID.customerDataEvent).findMany({ where: { kind: 'retention_run' }, orderBy: { id: 'asc' } })) as Array<{
      actorKind: string;
      data: Record<string, unknown>;
    }>;
    expect(runs.map((entry) => [entry.actorKind, entry.data.conversations])).toEqual([
      ['system', 3],
      ['system', 0],
    ]);
  });

  it('deletes expired rows with `delete`, which takes them out of the analytics of their days', async () => {
    const oldDay = dayOf(FORTY_DAYS_AGO);
    const report = async () => (await admin.get(`/analytics?from=${oldDay}&to=${oldDay}`).expect(200)).body.data.totals;
    // The three old closed conversations and the one still waiting.
    expect(await report()).toMatchObject({ conversations: 4, offlineMessages: 1 });
    const conversationsBefore = await countRows(app, UID.conversation);

    await admin.put('/settings', { retention: { action: 'delete' } }).expect(200);
    const now = new Date();
    expect(await retention().sweep(now, { batchSize: 2 })).toMatchObject({ action: 'delete', conversations: 3, offlineMessages: 1, batches: 3 });
    expect(await countRows(app, UID.conversation)).toBe(conversationsBefore - 3);
    expect(await report()).toMatchObject({ conversations: 1, offlineMessages: 0 });
    const remainingIds = new Set(((await db(UID.conversation).findMany({ select: ['id'] })) as Array<{ id: number }>).map((row) => row.id));
    // Their messages and events went with them.
    for (const uid of [UID.message, UID.conversationEvent]) {
      const owners = (await db(uid).findMany({ select: ['conversationId'] })) as Array<{ conversationId: number }>;
      expect(owners.length).toBeGreaterThan(0);
      expect(owners.every((row) => remainingIds.has(row.conversationId))).toBe(true);
    }

    expect(await retention().sweep(now, { batchSize: 2 })).toMatchObject({ conversations: 0, offlineMessages: 0, batches: 0 });
  });
});
