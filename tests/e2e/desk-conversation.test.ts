import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page, Route } from 'playwright-core';
import type { Socket } from 'socket.io-client';
import request from 'supertest';

import type { AgentConversationView, MessageView } from '../../server/src/contracts/views';
import { adminLogin, DEMO_ADMIN, DEMO_AGENT } from '../helpers/admin-auth';
import { AdminSessions, launchChromium } from '../helpers/browser';
import { startPlayground, type RunningPlayground } from '../helpers/playground-server';
import { agentSocket, eventually, nextEvent, startCustomer, widgetSocket, type Customer } from '../helpers/protocol';

/**
 * The agent desk's conversation work in Chromium, against the built playground: two agents
 * (Aino and Elias) in their own browser contexts, a supervisor whose role can read but not
 * chat, and a customer on the widget's socket.
 */
const ELIAS = { email: 'elias@example.com', password: DEMO_AGENT.password };
const SUPERVISOR = { email: 'sanna@example.com', password: 'Supervisor-Demo-1', firstname: 'Sanna', lastname: 'Seuraaja' };

let playground: RunningPlayground;
let browser: Browser;
let adminToken: string;
const tokens: Record<'aino' | 'elias', string> = { aino: '', elias: '' };
const contexts: BrowserContext[] = [];
const sockets: Socket[] = [];
/**
 * A desk socket each for Aino and Elias for the whole file, as a desk left open in another tab.
 * The tests open and close desks, and once the grace period (30 s) after an agent's last socket
 * closed has passed, the presence job turns the agent offline whatever `beforeEach` set: a later
 * test's customer would find nobody online. With these, both stay as `beforeEach` leaves them.
 */
const presenceSockets: Socket[] = [];
const sessions = new AdminSessions(() => browser, () => playground.url);

beforeAll(async () => {
  [playground, browser] = await Promise.all([startPlayground(), launchChromium()]);
  adminToken = await adminLogin(playground.url, DEMO_ADMIN.email, DEMO_ADMIN.password);
  await asAdmin('put', '/live-support/settings').send({ queue: { enforceOpeningHours: false } }).expect(200);
  tokens.aino = await adminLogin(playground.url, DEMO_AGENT.email, DEMO_AGENT.password);
  tokens.elias = await adminLogin(playground.url, ELIAS.email, ELIAS.password);
  presenceSockets.push(await agentSocket(playground, tokens.aino), await agentSocket(playground, tokens.elias));
  await createSupervisor();
});

beforeEach(async () => {
  for (const agent of ['aino', 'elias'] as const) await setPresence(agent, 'online');
});

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.close();
  await Promise.all(contexts.splice(0).map((context) => context.close()));
  // Every test leaves every seat free and nobody waiting.
  for (const agent of ['aino', 'elias'] as const) {
    const { body } = await asAgent(agent, 'get', '/live-support/queue?pageSize=100').expect(200);
    for (const card of body.data.mine as Array<{ id: number }>) {
      await asAgent(agent, 'post', `/live-support/conversations/${card.id}/resolve`).send({}).expect(200);
    }
    for (const card of body.data.waiting as Array<{ id: number }>) {
      await asAgent(agent, 'post', `/live-support/conversations/${card.id}/claim`).send({});
      await asAgent(agent, 'post', `/live-support/conversations/${card.id}/resolve`).send({});
    }
  }
});

afterAll(async () => {
  for (const socket of presenceSockets) socket.close();
  await browser?.close();
  await playground?.stop();
});

function asAdmin(method: 'get' | 'post' | 'put', path: string) {
  return request(playground.url)[method](path).set('Authorization', `Bearer ${adminToken}`);
}

function asAgent(agent: 'aino' | 'elias', method: 'get' | 'post' | 'put', path: string) {
  return request(playground.url)[method](path).set('Authorization', `Bearer ${tokens[agent]}`);
}

async function setPresence(agent: 'aino' | 'elias', status: 'online' | 'away' | 'offline'): Promise<void> {
  await asAgent(agent, 'put', '/live-support/presence').send({ status }).expect(200);
}

/** A role that may read the desk but not chat, and one person in it, made through the admin API. */
async function createSupervisor(): Promise<void> {
  const role = await asAdmin('post', '/admin/roles')
    .send({ name: 'Live Support supervisor', description: 'Reads the queue; does not chat.' })
    .expect(201);
  const roleId = role.body.data.id as number;
  await asAdmin('put', `/admin/roles/${roleId}/permissions`)
    .send({
      permissions: [
        { action: 'plugin::live-support.read', subject: null, properties: {}, conditions: [] },
        { action: 'plugin::live-support.analytics', subject: null, properties: {}, conditions: [] },
      ],
    })
    .expect(200);
  const user = await asAdmin('post', '/admin/users')
    .send({ firstname: SUPERVISOR.firstname, lastname: SUPERVISOR.lastname, email: SUPERVISOR.email, roles: [roleId] })
    .expect(201);
  await request(playground.url)
    .post('/admin/register')
    .send({
      registrationToken: user.body.data.registrationToken,
      userInfo: { firstname: SUPERVISOR.firstname, lastname: SUPERVISOR.lastname, password: SUPERVISOR.password },
    })
    .expect(200);
}

/** A customer who has started a chat (and written `first`, when given) and asked for a person. */
async function escalatedCustomer(name: string, first?: string): Promise<Customer> {
  const customer = await startCustomer(playground, {
    locale: 'en',
    name,
    email: `${name.split(' ')[0].toLowerCase()}@example.com`,
  });
  if (first) await customer.post('/messages', { clientId: `${customer.conversationId}-first`, text: first }).expect(200);
  const escalated = await customer.post('/escalate', { reason: 'wants a person' }).expect(200);
  expect(escalated.body.data.status).toBe('queued');
  return customer;
}

async function customerSocket(customer: Customer): Promise<Socket> {
  const socket = await widgetSocket(playground, customer.token);
  sockets.push(socket);
  return socket;
}

async function openDesk(account: { email: string; password: string }, path = ''): Promise<Page> {
  const context = await sessions.newContext(account, { locale: 'en-US' });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(`${playground.url}/admin/plugins/live-support${path}`);
  return page;
}

const waitingCard = (page: Page, name: string) =>
  page.getByTestId('column-waiting').getByTestId('card').filter({ hasText: name });

async function conversationOf(id: number): Promise<AgentConversationView> {
  return (await asAdmin('get', `/live-support/conversations/${id}`).expect(200)).body.data as AgentConversationView;
}

describe('claiming', () => {
  it('lets two agents in two browsers race for one escalation: one gets it, the other is told who', async () => {
    const [aino, elias] = await Promise.all([openDesk(DEMO_AGENT), openDesk(ELIAS)]);
    await Promise.all([aino, elias].map((page) => page.getByTestId('column-waiting').waitFor({ timeout: 30000 })));
    const customer = await escalatedCustomer('Rita Race');
    await Promise.all([aino, elias].map((page) => waitingCard(page, 'Rita Race').waitFor({ timeout: 15000 })));

    // Both press Claim on a card they both still see. The desk drops a card that a push says is
    // taken, so neither claim may reach the server before the other click has landed: each
    // claim request waits until both have been sent (or 15 s). Queue refreshes are held back too.
    let bothSent: () => void = () => undefined;
    const barrier = new Promise<void>((resolve) => (bothSent = resolve));
    const giveUp = setTimeout(() => bothSent(), 15000);
    let claimsSent = 0;
    const holdUntilBothSent = async (route: Route) => {
      claimsSent += 1;
      if (claimsSent === 2) bothSent();
      await barrier;
      await route.continue();
    };
    for (const page of [aino, elias]) {
      await page.route('**/live-support/queue*', (route) => route.abort());
      await page.route('**/live-support/conversations/*/claim', holdUntilBothSent);
    }
    await Promise.all([aino, elias].map((page) => waitingCard(page, 'Rita Race').getByTestId('claim').click()));
    await barrier;
    clearTimeout(giveUp);
    expect(claimsSent).toBe(2);

    // A click returns before its request is answered: wait for the claim to be stored.
    const winner = await eventually(async () => (await conversationOf(customer.conversationId)).assignedAgent?.name, 15000);
    expect(['Aino', 'Elias']).toContain(winner);
    const loser = winner === 'Aino' ? elias : aino;
    await loser.getByText(`Already claimed by ${winner}`).waitFor({ timeout: 15000 });
    await waitingCard(loser, 'Rita Race').waitFor({ state: 'detached' });
    expect((await conversationOf(customer.conversationId)).status).toBe('active');
  });

  it('announces a waiting customer (tab title, notification), claims them with Alt+Shift+N and flags their next message', async () => {
    const context = await sessions.newContext(DEMO_AGENT, { locale: 'en-US' });
    contexts.push(context);
    await context.grantPermissions(['notifications'], { origin: playground.url });
    // Record what the desk shows through the browser's own Notification API.
    await context.addInitScript(() => {
      const Original = window.Notification;
      const shown: string[] = [];
      (window as unknown as { shownNotifications: string[] }).shownNotifications = shown;
      class Recording extends Original {
        constructor(title: string, options?: NotificationOptions) {
          super(title, options);
          shown.push(`${title} | ${options?.body ?? ''}`);
        }
      }
      Object.defineProperty(Recording, 'permission', { get: () => Original.permission });
      window.Notification = Recording as typeof Notification;
    });
    const page = await context.newPage();
    await page.goto(`${playground.url}/admin/plugins/live-support`);
    await page.getByTestId('column-waiting').waitFor({ timeout: 30000 });
    await page.getByTestId('shortcut-hint').waitFor();
    await page.getByTestId('count-queued').filter({ hasText: /^0$/ }).waitFor({ timeout: 15000 });

    const customer = await escalatedCustomer('Nina Next');
    await waitingCard(page, 'Nina Next').waitFor({ timeout: 15000 });
    await page.waitForFunction(() => document.title.startsWith('(1) '), undefined, { timeout: 15000 });
    await page.waitForFunction(
      () => (window as unknown as { shownNotifications: string[] }).shownNotifications.length > 0,
      undefined,
      { timeout: 15000 },
    );
    const shown = await page.evaluate(() => (window as unknown as { shownNotifications: string[] }).shownNotifications);
    expect(shown).toEqual(['A customer is waiting | Nina Next: wants a person']);

    await page.keyboard.press('Alt+Shift+N');
    await page.waitForURL(new RegExp(`/admin/plugins/live-support/conversations/${customer.conversationId}$`), { timeout: 15000 });
    await page.getByTestId('reply-input').waitFor();
    const view = await conversationOf(customer.conversationId);
    expect(view).toMatchObject({ status: 'active', assignedAgent: { name: 'Aino' } });
    await page.waitForFunction(() => !document.title.startsWith('('), undefined, { timeout: 15000 });

    // Back on the queue, the customer writes: the card says a reply is due, and the browser tells.
    await page.getByRole('link', { name: 'Queue' }).click();
    const mineCard = page.getByTestId('column-mine').getByTestId('card').filter({ hasText: 'Nina Next' });
    await mineCard.waitFor({ timeout: 15000 });
    expect(await mineCard.getByTestId('card-awaiting-reply').count()).toBe(0);
    await customer.post('/messages', { clientId: 'nina-2', text: 'Are you there?' }).expect(200);
    await mineCard.getByTestId('card-awaiting-reply').waitFor({ timeout: 15000 });
    await page.waitForFunction(
      () => (window as unknown as { shownNotifications: string[] }).shownNotifications.length > 1,
      undefined,
      { timeout: 15000 },
    );
    expect(await page.evaluate(() => (window as unknown as { shownNotifications: string[] }).shownNotifications[1])).toBe(
      'New message from a customer | Are you there?',
    );
  });
});

describe('a conversation from greeting to rating', () => {
  it('chats with typing both ways, greets with a template, transfers with a note, resolves and shows the rating', async () => {
    const customer = await escalatedCustomer('Maija Chat', 'How can I track my order?');
    const widget = await customerSocket(customer);
    const aino = await openDesk(DEMO_AGENT);
    await waitingCard(aino, 'Maija Chat').getByTestId('claim').click({ timeout: 30000 });
    await aino.getByTestId('column-mine').getByTestId('card').filter({ hasText: 'Maija Chat' }).getByTestId('open').click();
    await aino.waitForURL(new RegExp(`/conversations/${customer.conversationId}$`));
    await aino.getByTestId('reply-input').waitFor();

    // The history: the customer's question before the escalation and why it was escalated.
    await aino.getByTestId('message').filter({ hasText: 'How can I track my order?' }).waitFor();
    await aino.getByTestId('event').filter({ hasText: 'Moved to the queue: Pressed the button (wants a person)' }).waitFor();
    // The knowledge base (the playground's FAQ) has the matching article beside the chat.
    await aino.getByTestId('knowledge-item').filter({ hasText: 'How can I track my order?' }).waitFor({ timeout: 15000 });
    // The customer asked the entry's very question: a strong match, in the conversation's language.
    const tracking = aino.getByTestId('knowledge-item').filter({ hasText: 'How can I track my order?' });
    expect(await tracking.getByTestId('knowledge-strength').textContent()).toBe('Strong match (100%)');
    expect(await tracking.getByTestId('knowledge-other-language').count()).toBe(0);
    // The agent searches the knowledge base themselves, in the customer's language.
    await aino.getByLabel('Search the knowledge base').fill('warranty');
    await aino.getByTestId('knowledge-item').filter({ hasText: 'How long is the warranty?' }).waitFor({ timeout: 15000 });
    await aino.getByLabel('Search the knowledge base').fill('');
    await tracking.waitFor({ timeout: 15000 });

    // The customer types: the agent sees it.
    widget.emit('typing', { isTyping: true });
    await aino.getByTestId('customer-typing').waitFor({ timeout: 15000 });
    widget.emit('typing', { isTyping: false });
    await aino.getByTestId('customer-typing').waitFor({ state: 'detached', timeout: 15000 });

    // The agent types: the customer sees it.
    const agentTyping = nextEvent<{ author: string; agentName: string; isTyping: boolean }>(
      widget,
      'typing',
      (typing) => typing.isTyping,
    );
    await aino.getByTestId('reply-input').pressSequentially('Hel');
    expect(await agentTyping).toMatchObject({ author: 'agent', agentName: 'Aino', isTyping: true });
    await aino.getByTestId('reply-input').fill('');

    // The greeting template, with the agent's name filled in.
    const greeting = "Hi! I'm customer service agent Aino. How can I help?";
    await aino.getByRole('combobox', { name: 'Insert a template' }).click();
    await aino.getByRole('option', { name: /^Greeting · EN/ }).click();
    expect(await aino.getByTestId('reply-input').inputValue()).toBe(greeting);
    const received = nextEvent<MessageView>(widget, 'message:new', (message) => message.author === 'agent');
    await aino.getByTestId('reply-input').press('Enter');
    expect(await received).toMatchObject({ author: 'agent', agentName: 'Aino', text: greeting });
    await aino.getByTestId('message').filter({ hasText: greeting }).waitFor();

    // Transfer to Elias with a note; Aino is done with it.
    const elias = await openDesk(ELIAS);
    await elias.getByTestId('column-mine').waitFor({ timeout: 30000 });
    await aino.getByTestId('transfer').click();
    // Each online colleague is offered with their load.
    const eliasOption = aino.getByRole('radio', { name: 'Elias · 0 of 3 chats' });
    await eliasOption.waitFor();
    await eliasOption.click();
    await aino.getByTestId('transfer-note').fill('Order 1234 is delayed, she knows the number.');
    await aino.getByTestId('transfer-submit').click();
    await aino.waitForURL(/\/admin\/plugins\/live-support$/, { timeout: 15000 });
    // Aino may still look, but no longer answers.
    await aino.goto(`${playground.url}/admin/plugins/live-support/conversations/${customer.conversationId}`);
    await aino.getByTestId('customer').filter({ hasText: 'Elias' }).waitFor({ timeout: 15000 });
    expect(await aino.getByTestId('reply-input').count()).toBe(0);
    expect(await aino.getByTestId('resolve').count()).toBe(0);

    // Elias gets it live, with the whole history and the note.
    const eliasCard = elias.getByTestId('column-mine').getByTestId('card').filter({ hasText: 'Maija Chat' });
    await eliasCard.waitFor({ timeout: 15000 });
    await eliasCard.getByTestId('open').click();
    await elias.getByTestId('message').filter({ hasText: 'How can I track my order?' }).waitFor({ timeout: 15000 });
    await elias.getByTestId('message').filter({ hasText: greeting }).waitFor();
    await elias.getByTestId('event').filter({ hasText: 'Aino transferred the conversation to Elias' }).waitFor();
    expect(await elias.getByTestId('event-note').textContent()).toBe('Note: Order 1234 is delayed, she knows the number.');

    // Elias resolves; the customer's rating appears on the conversation.
    await elias.getByTestId('resolve').click();
    await elias.getByTestId('reply-input').waitFor({ state: 'detached', timeout: 15000 });
    await customer.post('/csat', { score: 4, comment: 'Quick and friendly' }).expect(200);
    await elias.getByTestId('rating-score').filter({ hasText: '4 / 5' }).waitFor({ timeout: 15000 });
    expect(await elias.getByTestId('rating-comment').textContent()).toBe('Quick and friendly');
    await elias.getByTestId('event').filter({ hasText: 'The customer rated the chat 4/5' }).waitFor();
  });
});

describe('permissions', () => {
  it('shows a role without "chat" the queue but no way to claim, reply or change presence', async () => {
    const customer = await escalatedCustomer('Pekka Perm');
    const page = await openDesk(SUPERVISOR);
    const card = waitingCard(page, 'Pekka Perm');
    await card.waitFor({ timeout: 30000 });
    expect(await card.getByTestId('claim').count()).toBe(0);
    expect(await page.getByTestId('presence').count()).toBe(0);

    await card.getByTestId('open').click();
    await page.getByTestId('customer').waitFor({ timeout: 15000 });
    expect(await page.getByTestId('claim').count()).toBe(0);
    expect(await page.getByTestId('reply-input').count()).toBe(0);
    expect(await page.getByTestId('transfer').count()).toBe(0);

    const supervisorToken = await adminLogin(playground.url, SUPERVISOR.email, SUPERVISOR.password);
    await request(playground.url)
      .post(`/live-support/conversations/${customer.conversationId}/claim`)
      .set('Authorization', `Bearer ${supervisorToken}`)
      .send({})
      .expect(403);
    expect((await conversationOf(customer.conversationId)).status).toBe('queued');
  });
});

describe('accessibility', () => {
  it('has no serious or critical axe violations on the queue and the conversation pages', async () => {
    const customer = await escalatedCustomer('Aada Axe', 'Can I return a parcel?');
    await asAgent('aino', 'post', `/live-support/conversations/${customer.conversationId}/claim`).send({}).expect(200);
    await escalatedCustomer('Veikko Waiting');
    const page = await openDesk(DEMO_AGENT);
    const audit = async (where: string) => {
      const results = await new AxeBuilder({ page }).include('main').include('nav[aria-label="Live Support"]').analyze();
      const serious = results.violations
        .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
        .map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`);
      expect({ where, serious }).toEqual({ where, serious: [] });
    };

    await waitingCard(page, 'Veikko Waiting').waitFor({ timeout: 30000 });
    await page.getByTestId('column-mine').getByTestId('card').filter({ hasText: 'Aada Axe' }).waitFor();
    await audit('queue');

    await page.goto(`${playground.url}/admin/plugins/live-support/conversations/${customer.conversationId}`);
    await page.getByTestId('reply-input').waitFor({ timeout: 30000 });
    await page.getByTestId('knowledge').waitFor();
    await audit('conversation');
  });
});
