import http from 'node:http';
import type { AddressInfo } from 'node:net';

import request from 'supertest';

import { verifyWebhookSignature } from '../../server/src/bots/webhook-client';
import { UID } from '../../server/src/constants';
import { PUBLIC_API_BASE } from '../../server/src/contracts/constants';
import type { AgentConversationView } from '../../server/src/contracts/views';
import { DEMO_ADMIN, DEMO_AGENT } from '../helpers/admin-auth';
import { useBootedStrapi } from '../helpers/booted-strapi';
import { FAQ_BOT_SETTINGS } from '../helpers/knowledge-base';
import { startCustomer, waitForMessage, waitForStatus } from '../helpers/protocol';

const app = useBootedStrapi();
const agent = app.signIn(DEMO_AGENT, { presence: 'online' });
const superAdmin = app.signIn(DEMO_ADMIN);


async function conversationView(id: number): Promise<AgentConversationView> {
  return (await agent.get(`/conversations/${id}`)).body.data as AgentConversationView;
}

describe('escalation end to end', () => {
  it('queues "Haluaisin puhua ihmisen kanssa" with the phrase trigger, without a bot answer', async () => {
    const customer = await startCustomer(app, { locale: 'fi' });
    await customer.post('/messages', { clientId: 'p1', text: 'Haluaisin puhua ihmisen kanssa' }).expect(200);
    await waitForStatus(customer, 'queued');
    const view = await conversationView(customer.conversationId);
    expect(view.escalationTrigger).toBe('phrase');
    expect(view.escalationReason).toMatch(/ihmisen/);
    expect(view.messages.some((message) => message.author === 'bot')).toBe(false);
  });

  it('queues after two failed bot answers with the failed-answers trigger', async () => {
    const customer = await startCustomer(app, { locale: 'en' });
    await customer.post('/messages', { clientId: 'f1', text: 'Do you sell green umbrellas?' }).expect(200);
    await waitForMessage(customer, (message) => message.author === 'bot');
    expect((await customer.get('')).body.data.status).toBe('bot');
    await customer.post('/messages', { clientId: 'f2', text: 'What about purple bicycles?' }).expect(200);
    await waitForStatus(customer, 'queued');
    const view = await conversationView(customer.conversationId);
    expect(view.escalationTrigger).toBe('failed_answers');
    expect(view.messages.filter((message) => message.author === 'bot')).toHaveLength(2);
  });

  it('queues on a keyword, and not once the keyword rule is switched off', async () => {
    const first = await startCustomer(app, { locale: 'fi' });
    await first.post('/messages', { clientId: 'k1', text: 'Teen valituksen tilauksesta' }).expect(200);
    await waitForStatus(first, 'queued');
    expect((await conversationView(first.conversationId)).escalationTrigger).toBe('keyword');

    // The learned layer off too: this test is about the keyword rule (tests/api/intent.test.ts covers the layer).
    await app.service('settings').update({ escalation: { keywords: { enabled: false }, intent: { enabled: false } } });
    try {
      const second = await startCustomer(app, { locale: 'fi' });
      await second.post('/messages', { clientId: 'k1', text: 'Teen valituksen tilauksesta' }).expect(200);
      await waitForMessage(second, (message) => message.author === 'bot');
      expect((await second.get('')).body.data.status).toBe('bot');
    } finally {
      await app.service('settings').update({ escalation: { keywords: { enabled: true }, intent: { enabled: true } } });
    }
  });
});

describe('escalation settings apply at once', () => {
  it('honours a phrase added through the settings route, without a restart', async () => {
    // "Call me right away" is a request the learned layer catches; this test is about the phrase
    // list, so the layer is off while it runs.
    await app.service('settings').update({ escalation: { intent: { enabled: false } } });
    const current = (await superAdmin.get('/settings')).body.data.escalation.phrases.lists.fi as string[];
    try {
      const before = await startCustomer(app, { locale: 'fi' });
      await before.post('/messages', { clientId: 's1', text: 'Soittakaa minulle heti' }).expect(200);
      await waitForMessage(before, (message) => message.author === 'bot');
      expect((await before.get('')).body.data.status).toBe('bot');

      await superAdmin
        .put('/settings', { escalation: { phrases: { lists: { fi: [...current, 'soittakaa minulle'] } } } })
        .expect(200);
      const after = await startCustomer(app, { locale: 'fi' });
      await after.post('/messages', { clientId: 's1', text: 'Soittakaa minulle heti' }).expect(200);
      await waitForStatus(after, 'queued');
      expect((await conversationView(after.conversationId)).escalationReason).toMatch(/soittakaa minulle/);
    } finally {
      await superAdmin.put('/settings', { escalation: { phrases: { lists: { fi: current } } } }).expect(200);
      await app.service('settings').update({ escalation: { intent: { enabled: true } } });
    }
  });
});

describe('webhook bot', () => {
  let server: http.Server;
  let url: string;
  const SECRET = 'a-webhook-secret-of-some-length';
  let respond: (body: Record<string, unknown>) => object = () => ({ reply: 'Hello from the webhook' });
  const received: Array<{ body: Record<string, unknown>; signatureValid: boolean }> = [];

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let raw = '';
      req.on('data', (chunk) => (raw += chunk));
      req.on('end', () => {
        const body = JSON.parse(raw) as Record<string, unknown>;
        const signatureValid = verifyWebhookSignature(
          SECRET,
          String(req.headers['x-live-support-timestamp']),
          raw,
          String(req.headers['x-live-support-signature']),
        );
        received.push({ body, signatureValid });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(respond(body)));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/bot`;
    await superAdmin
      .put('/settings', { bot: { provider: 'webhook', webhook: { url, secret: SECRET, timeoutMs: 2000 } } })
      .expect(200);
  });

  afterAll(async () => {
    await superAdmin.put('/settings', { bot: FAQ_BOT_SETTINGS });
    await new Promise((resolve) => server.close(resolve));
  });

  it('posts each customer message, signed, and shows the reply', async () => {
    respond = () => ({ reply: 'Hello from the webhook' });
    const customer = await startCustomer(app, { locale: 'en' });
    await customer.post('/messages', { clientId: 'w1', text: 'Hi there' }).expect(200);
    expect((await waitForMessage(customer, (message) => message.author === 'bot')).text).toBe('Hello from the webhook');
    const call = received.at(-1)!;
    expect(call.signatureValid).toBe(true);
    expect(call.body).toMatchObject({
      conversation: { id: customer.conversationId, language: 'en', status: 'bot' },
      message: { seq: 1, clientId: 'w1', text: 'Hi there' },
      history: [{ seq: 1, author: 'customer', text: 'Hi there' }],
    });
  });

  it('keeps the secret write-only, and a partial update changes nothing else', async () => {
    const shown = (await superAdmin.get('/settings').expect(200)).body.data;
    expect(shown.bot.webhook).toEqual({ url, secret: null, secretSet: true, timeoutMs: 2000 });
    expect(JSON.stringify(shown)).not.toContain(SECRET);

    const before = (await superAdmin.get('/settings')).body.data;
    const saved = await superAdmin.put('/settings', { queue: { vipFirst: false } }).expect(200);
    expect(saved.body.data).toEqual({ ...before, queue: { ...before.queue, vipFirst: false } });
    await superAdmin.put('/settings', { queue: { vipFirst: true } }).expect(200);

    // The stored secret still signs each request.
    respond = () => ({ reply: 'Still signed' });
    const customer = await startCustomer(app, { locale: 'en' });
    await customer.post('/messages', { clientId: 'w-secret', text: 'Hello again' }).expect(200);
    expect((await waitForMessage(customer, (message) => message.author === 'bot')).text).toBe('Still signed');
    expect(received.at(-1)!.signatureValid).toBe(true);
  });

  it('hands over when the bot says escalate, with its reason', async () => {
    respond = () => ({ reply: 'Let me get a colleague.', escalate: true, reason: 'billing dispute' });
    const customer = await startCustomer(app, { locale: 'en' });
    await customer.post('/messages', { clientId: 'w1', text: 'My invoice is wrong' }).expect(200);
    await waitForStatus(customer, 'queued');
    const view = await conversationView(customer.conversationId);
    expect(view).toMatchObject({ escalationTrigger: 'bot_request', escalationReason: 'billing dispute' });
    expect(view.messages.find((message) => message.author === 'bot')?.text).toBe('Let me get a colleague.');
  });

  it('counts a malformed answer as failed without breaking the chat', async () => {
    respond = () => ({ reply: 42 });
    const customer = await startCustomer(app, { locale: 'en' });
    await customer.post('/messages', { clientId: 'w1', text: 'Hello?' }).expect(200);
    const fallback = await waitForMessage(customer, (message) => message.author === 'bot');
    expect(fallback.text).toMatch(/can't help/);
    const row = await app.strapi.db.query(UID.conversation).findOne({ where: { id: customer.conversationId } });
    expect(row.consecutiveBotFailures).toBe(1);
  });
});

describe('server API and external bots', () => {
  it('uses a bot provider registered by other Strapi code', async () => {
    app.service('bots').register({
      name: 'echo',
      answer: async (context: { message: { text: string } }) => ({
        reply: `You said: ${context.message.text}`,
        failed: false,
        escalate: false,
        reason: null,
      }),
    });
    await app.service('settings').update({ bot: { provider: 'echo' } });
    try {
      const customer = await startCustomer(app, { locale: 'en' });
      await customer.post('/messages', { clientId: 'e1', text: 'ping' }).expect(200);
      expect((await waitForMessage(customer, (message) => message.author === 'bot')).text).toBe('You said: ping');
    } finally {
      await app.service('settings').update({ bot: { provider: 'auto' } });
      app.service('bots').unregister('echo');
    }
  });

  it('refuses the escalation button when the setting switches it off; phrases still work', async () => {
    await app.service('settings').update({ escalation: { buttonEnabled: false } });
    try {
      const customer = await startCustomer(app, { locale: 'en' });
      const refused = await customer.post('/escalate');
      expect(refused.status).toBe(403);
      expect(refused.body.error.details.code).toBe('BUTTON_DISABLED');
      await customer.post('/messages', { clientId: 'h1', text: 'I want to talk to a human' }).expect(200);
      await waitForStatus(customer, 'queued');
    } finally {
      await app.service('settings').update({ escalation: { buttonEnabled: true } });
    }
  });

  it('lets an external bot with an API token post bot messages and hand over', async () => {
    await app.service('settings').update({ bot: { provider: 'external' } });
    const token = (await app.strapi.service('admin::api-token').create({
      name: 'external bot',
      type: 'full-access',
      lifespan: null,
    })) as { accessKey: string };
    const customer = await startCustomer(app, { locale: 'en' });
    const base = `${PUBLIC_API_BASE}/bot/conversations/${customer.conversationId}`;

    // Without a token Strapi answers 403 (the public role lacks the action); a visitor token is no API token.
    expect((await request(app.url).post(`${base}/messages`).send({ clientId: 'x', text: 'hi' })).status).toBe(403);
    expect(
      (await request(app.url).post(`${base}/messages`).set('Authorization', `Bearer ${customer.token}`).send({ clientId: 'x', text: 'hi' }))
        .status,
    ).toBe(401);

    // With the external provider the plugin itself stays quiet.
    await request(app.url)
      .post(`${PUBLIC_API_BASE}/conversations/${customer.conversationId}/messages`)
      .set('Authorization', `Bearer ${customer.token}`)
      .send({ clientId: 'c-1', text: 'Hello shop' })
      .expect(200);
    await new Promise((resolve) => setTimeout(resolve, 300));

    const posted = await request(app.url)
      .post(`${base}/messages`)
      .set('Authorization', `Bearer ${token.accessKey}`)
      .send({ clientId: 'ext-1', text: 'I am the shop bot.' });
    expect(posted.status).toBe(200);
    expect(posted.body.data).toMatchObject({ author: 'bot', text: 'I am the shop bot.' });

    const read = await request(app.url).get(base).set('Authorization', `Bearer ${token.accessKey}`);
    expect(read.body.data.messages.map((message: { author: string; text: string }) => [message.author, message.text])).toEqual([
      ['customer', 'Hello shop'],
      ['bot', 'I am the shop bot.'],
    ]);

    const handedOver = await request(app.url)
      .post(`${base}/escalate`)
      .set('Authorization', `Bearer ${token.accessKey}`)
      .send({ reason: 'order dispute' });
    expect(handedOver.status).toBe(200);
    expect(handedOver.body.data.status).toBe('queued');
    const view = await conversationView(customer.conversationId);
    expect(view).toMatchObject({ escalationTrigger: 'api', escalationReason: 'order dispute' });
    await app.service('settings').update({ bot: { provider: 'auto' } });
  });
});

