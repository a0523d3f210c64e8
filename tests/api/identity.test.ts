import request from 'supertest';

import { UID } from '../../server/src/constants';
import { PUBLIC_API_BASE } from '../../server/src/contracts/constants';
import type { AgentConversationView } from '../../server/src/contracts/views';
import { DEMO_ADMIN, DEMO_AGENT } from '../helpers/admin-auth';
import { useBootedStrapi } from '../helpers/booted-strapi';
import { OPTIONAL_VERIFICATION, TEST_IDENTITY_SECRET, userHashOf, VERIFICATION_OFF } from '../helpers/identity';
import { countRows, startCustomer, type Customer } from '../helpers/protocol';

const app = useBootedStrapi();
const agent = app.signIn(DEMO_AGENT);
const superAdmin = app.signIn(DEMO_ADMIN);

const startSession = (body: object) => request(app.url).post(`${PUBLIC_API_BASE}/sessions`).send({ locale: 'en', ...body });
const identify = (customer: Customer, details: object) =>
  request(app.url)
    .put(`${PUBLIC_API_BASE}/conversations/${customer.conversationId}/customer`)
    .set('Authorization', `Bearer ${customer.token}`)
    .send(details);
const agentView = async (id: number) => (await agent.get(`/conversations/${id}`)).body.data as AgentConversationView;

const MAIJA = { name: 'Maija', email: 'maija@bigclient.fi', externalId: 'user-42' };
const MAIJA_HASH = userHashOf('user-42');

beforeAll(async () => {
  await app.service('settings').update({ queue: { vipEmailDomains: ['bigclient.fi'] } });
});
afterEach(async () => {
  await app.service('settings').update(VERIFICATION_OFF);
});

describe('identity settings', () => {
  it('keep the secret write-only, need one to verify, and clear it on request', async () => {
    await superAdmin.put('/settings', { identity: { secret: 'too-short' } }).expect(400);
    const noSecret = await superAdmin.put('/settings', { identity: { verification: 'required' } }).expect(400);
    expect(noSecret.body.error.message).toMatch(/identity\.secret/);

    const saved = await superAdmin.put('/settings', OPTIONAL_VERIFICATION).expect(200);
    expect(saved.body.data.identity).toEqual({ verification: 'optional', secret: null, secretSet: true });
    const shown = await superAdmin.get('/settings').expect(200);
    expect(shown.body.data.identity).toEqual({ verification: 'optional', secret: null, secretSet: true });
    expect(JSON.stringify(shown.body)).not.toContain(TEST_IDENTITY_SECRET);

    await superAdmin.put('/settings', { identity: { verification: 'off', secret: null } }).expect(200);
    expect((await superAdmin.get('/settings')).body.data.identity).toEqual({ verification: 'off', secret: null, secretSet: false });
  });
});

describe('off', () => {
  it('takes the identity as given, unverified, and an email in a VIP domain does not make it VIP', async () => {
    const response = await startSession({ ...MAIJA, userHash: MAIJA_HASH }).expect(201);
    const view = await agentView(response.body.data.conversation.id);
    expect(view.customer).toMatchObject({ ...MAIJA, verified: false });
    expect(view.isVip).toBe(false);
  });
});

describe('optional', () => {
  beforeEach(async () => {
    await app.service('settings').update(OPTIONAL_VERIFICATION);
  });

  it('marks a signed identity verified (and VIP by its email), an unsigned one unverified', async () => {
    const signed = await startSession({ ...MAIJA, userHash: MAIJA_HASH.toUpperCase() }).expect(201);
    const signedView = await agentView(signed.body.data.conversation.id);
    expect(signedView.customer).toMatchObject({ ...MAIJA, verified: true });
    expect(signedView.isVip).toBe(true);

    const byEmail = await startSession({ email: MAIJA.email, userHash: userHashOf(MAIJA.email) }).expect(201);
    expect((await agentView(byEmail.body.data.conversation.id)).customer.verified).toBe(true);

    const unsigned = await startSession(MAIJA).expect(201);
    const unsignedView = await agentView(unsigned.body.data.conversation.id);
    expect(unsignedView.customer).toMatchObject({ ...MAIJA, verified: false });
    expect(unsignedView.isVip).toBe(false);
  });

  it('refuses a wrong hash and stores nothing; a malformed one is a 400', async () => {
    const before = await countRows(app, UID.conversation);
    const wrong = await startSession({ ...MAIJA, userHash: userHashOf('user-43') }).expect(403);
    expect(wrong.body.error.details.code).toBe('IDENTITY_NOT_VERIFIED');
    await startSession({ ...MAIJA, userHash: userHashOf('user-42', 'another-secret-of-at-least-32-characters') }).expect(403);
    await startSession({ ...MAIJA, userHash: MAIJA_HASH.slice(1) }).expect(400);
    await startSession({ ...MAIJA, userHash: `${MAIJA_HASH}0` }).expect(400);
    await startSession({ ...MAIJA, userHash: `g${MAIJA_HASH.slice(1)}` }).expect(400);
    expect(await countRows(app, UID.conversation)).toBe(before);

    const customer = await startCustomer(app);
    const refused = await identify(customer, { ...MAIJA, userHash: userHashOf('user-43') }).expect(403);
    expect(refused.body.error.details.code).toBe('IDENTITY_NOT_VERIFIED');
    await identify(customer, { ...MAIJA, userHash: 'x'.repeat(64) }).expect(400);
    const view = await agentView(customer.conversationId);
    expect(view.customer).toMatchObject({ name: null, email: null, externalId: null, verified: false });
    expect(view.isVip).toBe(false);
  });

  it('verifies mid-chat, and then changes the identity only with a hash for the new one', async () => {
    const customer = await startCustomer(app);
    await identify(customer, { ...MAIJA, userHash: MAIJA_HASH }).expect(200);
    let view = await agentView(customer.conversationId);
    expect(view.customer).toMatchObject({ ...MAIJA, verified: true });
    expect(view.isVip).toBe(true);

    for (const change of [{ externalId: 'user-43' }, { email: 'mallory@example.com' }, { name: 'Mallory' }]) {
      const locked = await identify(customer, change).expect(409);
      expect(locked.body.error.details.code).toBe('VERIFIED_IDENTITY_LOCKED');
    }
    const wrong = await identify(customer, { externalId: 'user-43', userHash: MAIJA_HASH }).expect(403);
    expect(wrong.body.error.details.code).toBe('IDENTITY_NOT_VERIFIED');
    expect((await agentView(customer.conversationId)).customer).toMatchObject({ ...MAIJA, verified: true });

    // The page's context may change freely; re-sending the same identity changes nothing.
    await identify(customer, { phone: '+358 40 123 4567', metadata: { plan: 'gold' } }).expect(200);
    await identify(customer, MAIJA).expect(200);
    expect((await agentView(customer.conversationId)).customer).toMatchObject({ ...MAIJA, verified: true, metadata: { plan: 'gold' } });

    await identify(customer, { name: 'Pekka', externalId: 'user-43', userHash: userHashOf('user-43') }).expect(200);
    view = await agentView(customer.conversationId);
    expect(view.customer).toMatchObject({ name: 'Pekka', externalId: 'user-43', verified: true });
  });
});

describe('required', () => {
  beforeEach(async () => {
    await app.service('settings').update({ identity: { verification: 'required', secret: TEST_IDENTITY_SECRET } });
  });

  it('refuses an unsigned external id or email, so the chat starts anonymous; a name alone is unverified', async () => {
    const before = await countRows(app, UID.conversation);
    const refused = await startSession(MAIJA).expect(403);
    expect(refused.body.error.details.code).toBe('IDENTITY_NOT_VERIFIED');
    await startSession({ email: MAIJA.email }).expect(403);
    expect(await countRows(app, UID.conversation)).toBe(before);

    const named = await startSession({ name: 'Maija' }).expect(201);
    expect((await agentView(named.body.data.conversation.id)).customer).toMatchObject({ name: 'Maija', verified: false });

    const customer = await startCustomer(app);
    await identify(customer, { email: MAIJA.email }).expect(403);
    expect((await agentView(customer.conversationId)).customer).toMatchObject({ email: null, verified: false });

    const signed = await startSession({ ...MAIJA, userHash: MAIJA_HASH }).expect(201);
    const view = await agentView(signed.body.data.conversation.id);
    expect(view.customer.verified).toBe(true);
    expect(view.isVip).toBe(true);
  });
});
