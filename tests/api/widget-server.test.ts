import request from 'supertest';

import { UID } from '../../server/src/constants';
import { NAMESPACES, PUBLIC_API_BASE } from '../../server/src/contracts/constants';
import { DEMO_ADMIN, DEMO_AGENT } from '../helpers/admin-auth';
import { useBootedStrapi } from '../helpers/booted-strapi';
import { agentSocket, countRows, loginAgent, nextEvent, startCustomer } from '../helpers/protocol';
import { connectSocket, expectRefused, waitForConnect } from '../helpers/sockets';

const app = useBootedStrapi();
const admin = app.signIn(DEMO_ADMIN);

describe('widget configuration', () => {
  it('gives the widget its look, texts and availability, and follows the settings at once', async () => {
    const first = await request(app.url).get(`${PUBLIC_API_BASE}/widget-config`);
    expect(first.status).toBe(200);
    expect(first.body.data).toMatchObject({
      socketPath: '/live-support/socket.io',
      defaultLanguage: 'fi',
      languages: ['fi', 'en', 'sv'],
      theme: { primaryColor: '#2e4fd6', position: 'right' },
      texts: { fi: { title: 'Asiakaspalvelu' }, en: { title: 'Customer service' }, sv: { title: 'Kundtjänst' } },
      escalationButton: true,
      availability: { open: true, nextOpeningAt: null, timeZone: 'Europe/Helsinki' },
    });

    await admin
      .put('/settings', { widget: { primaryColor: '#aa3300', position: 'left', texts: { en: { title: 'Help', welcome: 'Hello!' } } } })
      .expect(200);
    const second = await request(app.url).get(`${PUBLIC_API_BASE}/widget-config`);
    expect(second.body.data.theme).toEqual({ primaryColor: '#aa3300', position: 'left' });
    expect(second.body.data.texts.en).toEqual({ title: 'Help', welcome: 'Hello!' });
    expect(second.body.data.texts.fi.title).toBe('Asiakaspalvelu');
  });

  it('serves both widget bundles with ETags', async () => {
    for (const name of ['widget.js', 'widget-app.js']) {
      const response = await request(app.url).get(`${PUBLIC_API_BASE}/${name}`);
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toMatch(/javascript/);
      const again = await request(app.url).get(`${PUBLIC_API_BASE}/${name}`).set('If-None-Match', response.headers.etag);
      expect(again.status).toBe(304);
    }
  });
});

describe('site origins', () => {
  const SITE = 'https://shop.example.com';
  const EVIL = 'https://evil.example.net';

  it('refuses customer routes to browsers on other sites, and allows the listed ones', async () => {
    const before = await countRows(app, UID.conversation);
    const refused = await request(app.url).post(`${PUBLIC_API_BASE}/sessions`).set('Origin', EVIL).send({});
    expect(refused.status).toBe(403);
    expect(refused.body.error.details).toMatchObject({ code: 'ORIGIN_NOT_ALLOWED', origin: EVIL });
    expect(await countRows(app, UID.conversation)).toBe(before);

    await admin.put('/settings', { widget: { allowedOrigins: [SITE] } }).expect(200);
    const allowed = await request(app.url).post(`${PUBLIC_API_BASE}/sessions`).set('Origin', SITE).send({});
    expect(allowed.status).toBe(201);
    expect(allowed.headers['access-control-allow-origin']).toBe(SITE);
    expect((await request(app.url).get(`${PUBLIC_API_BASE}/widget-config`).set('Origin', EVIL)).status).toBe(403);
  });

  it("always allows the server's own origin and requests without one", async () => {
    expect((await request(app.url).post(`${PUBLIC_API_BASE}/sessions`).set('Origin', app.url).send({})).status).toBe(201);
    expect((await request(app.url).post(`${PUBLIC_API_BASE}/sessions`).send({})).status).toBe(201);
  });

  it('refuses the widget socket to other sites', async () => {
    await admin.put('/settings', { widget: { allowedOrigins: [SITE] } }).expect(200);
    const customer = await startCustomer(app);
    await expectRefused(connectSocket(app.url, NAMESPACES.widget, { token: customer.token }, { Origin: EVIL }));
    const good = connectSocket(app.url, NAMESPACES.widget, { token: customer.token }, { Origin: SITE });
    await waitForConnect(good);
    good.close();
  });

  it('refuses an origin setting with a path', async () => {
    const response = await admin.put('/settings', { widget: { allowedOrigins: ['https://shop.example.com/page'] } });
    expect(response.status).toBe(400);
  });
});

describe('offline messages', () => {
  it('lets a customer leave a message when nobody is online, and tells the agents', async () => {
    const agent = await loginAgent(app, DEMO_AGENT.email, DEMO_AGENT.password);
    await agent.put('/presence', { status: 'offline' }).expect(200);
    const customer = await startCustomer(app, { locale: 'fi', name: 'Liisa' });
    expect((await customer.post('/escalate')).body.data.status).toBe('offline');

    const incomplete = await customer.post('/offline-message', { message: 'Soittakaa minulle' });
    expect(incomplete.status).toBe(400);
    expect(incomplete.body.error.details.errors[0].path).toEqual(['email']);

    const desk = await agentSocket(app, agent.token);
    try {
      const announced = nextEvent<{ conversationId: number; name: string }>(desk, 'offline-message:new');
      const left = await customer.post('/offline-message', { email: 'liisa@example.com', message: 'Soittakaa minulle' });
      expect(left.status).toBe(201);
      expect(left.body.data).toMatchObject({ status: 'new' });
      expect(await announced).toMatchObject({ conversationId: customer.conversationId, name: 'Liisa' });
    } finally {
      desk.close();
    }

    const stored = await app.strapi.db
      .query(UID.offlineMessage)
      .findOne({ where: { conversationId: customer.conversationId } });
    expect(stored).toMatchObject({ email: 'liisa@example.com', message: 'Soittakaa minulle', language: 'fi', status: 'new', name: 'Liisa' });
    expect((await customer.post('/offline-message', { email: 'liisa@example.com', message: 'Again' })).status).toBe(409);
  });

  it('refuses an offline message while live support is available', async () => {
    const customer = await startCustomer(app);
    const response = await customer.post('/offline-message', { email: 'x@example.com', message: 'Hello' });
    expect(response.status).toBe(409);
    expect(response.body.error.details.code).toBe('NOT_OFFLINE');
  });
});
