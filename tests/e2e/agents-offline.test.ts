import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import request from 'supertest';

import { adminLogin, DEMO_ADMIN, DEMO_AGENT } from '../helpers/admin-auth';
import { AdminSessions, launchChromium, logInToAdmin } from '../helpers/browser';
import { startPlayground, type RunningPlayground } from '../helpers/playground-server';
import { startSmtpServer, type LocalSmtp } from '../helpers/smtp';

/**
 * The Agents page and the offline messages inbox of the desk, in Chromium, against the built
 * playground. Email leaves through a local SMTP server standing in for the provider's.
 */
const DEMO_AGENT_2 = { email: 'elias@example.com', password: DEMO_AGENT.password };

let smtp: LocalSmtp;
let playground: RunningPlayground;
let browser: Browser;
let adminToken: string;
let ainoToken: string;
let eliasToken: string;
const sessions = new AdminSessions(() => browser, () => playground.url);

beforeAll(async () => {
  smtp = await startSmtpServer();
  [playground, browser] = await Promise.all([
    startPlayground({
      env: smtp.env,
    }),
    launchChromium(),
  ]);
  adminToken = await adminLogin(playground.url, DEMO_ADMIN.email, DEMO_ADMIN.password);
  await request(playground.url)
    .put('/live-support/settings')
    .set('Authorization', `Bearer ${adminToken}`)
    .send({ queue: { enforceOpeningHours: false } })
    .expect(200);
  ainoToken = await adminLogin(playground.url, DEMO_AGENT.email, DEMO_AGENT.password);
  eliasToken = await adminLogin(playground.url, DEMO_AGENT_2.email, DEMO_AGENT_2.password);
});

afterAll(async () => {
  await browser?.close();
  await playground?.stop();
  await smtp?.stop();
});

function setPresence(token: string, status: 'online' | 'away' | 'offline') {
  return request(playground.url)
    .put('/live-support/presence')
    .set('Authorization', `Bearer ${token}`)
    .send({ status })
    .expect(200);
}

async function startCustomer(details: object): Promise<{ id: number; token: string }> {
  const response = await request(playground.url).post('/api/live-support/sessions').send(details).expect(201);
  return { id: response.body.data.conversation.id as number, token: response.body.data.token as string };
}

async function waitForPresence(name: string, status: 'online' | 'away' | 'offline'): Promise<void> {
  const deadline = Date.now() + 15000;
  for (;;) {
    const response = await request(playground.url)
      .get('/live-support/agents')
      .set('Authorization', `Bearer ${adminToken}`)
      .expect(200);
    const agent = (response.body.data as { name: string; status: string }[]).find((entry) => entry.name === name);
    if (agent?.status === status) return;
    if (Date.now() > deadline) throw new Error(`${name} is ${agent?.status ?? 'not listed'}, not ${status}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Marks the page so that a reload (which would drop the mark) is caught. */
async function markPage(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { liveSupportTestMark?: string }).liveSupportTestMark = 'kept';
  });
}

async function pageWasNotReloaded(page: Page): Promise<boolean> {
  return page.evaluate(() => (window as unknown as { liveSupportTestMark?: string }).liveSupportTestMark === 'kept');
}

/** No serious or critical axe violations in the page's main content. */
async function expectAccessible(page: Page, where: string): Promise<void> {
  const results = await new AxeBuilder({ page }).include('main').analyze();
  const serious = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`);
  expect({ where, serious }).toEqual({ where, serious: [] });
}

/** A customer escalates while nobody is available and leaves a message for the inbox. */
async function leaveOfflineMessage(details: object, message: object): Promise<void> {
  const customer = await startCustomer(details);
  const escalated = await request(playground.url)
    .post(`/api/live-support/conversations/${customer.id}/escalate`)
    .set('Authorization', `Bearer ${customer.token}`)
    .send({})
    .expect(200);
  expect(escalated.body.data.status).toBe('offline');
  await request(playground.url)
    .post(`/api/live-support/conversations/${customer.id}/offline-message`)
    .set('Authorization', `Bearer ${customer.token}`)
    .send(message)
    .expect(201);
}

/** An admin whose role may read the desk but not chat, made through Strapi's own admin API. */
async function createReadOnlyAdmin(): Promise<{ email: string; password: string }> {
  const auth = { Authorization: `Bearer ${adminToken}` };
  const role = await request(playground.url)
    .post('/admin/roles')
    .set(auth)
    .send({ name: 'Live Support viewer', description: 'Reads the desk, cannot chat' })
    .expect(201);
  await request(playground.url)
    .put(`/admin/roles/${role.body.data.id}/permissions`)
    .set(auth)
    .send({ permissions: [{ action: 'plugin::live-support.read', subject: null, properties: {}, conditions: [] }] })
    .expect(200);
  const account = { email: 'ritva@example.com', password: 'Demo-Viewer-1' };
  const user = await request(playground.url)
    .post('/admin/users')
    .set(auth)
    .send({ firstname: 'Ritva', lastname: 'Viewer', email: account.email, roles: [role.body.data.id] })
    .expect(201);
  await request(playground.url)
    .post('/admin/register')
    .send({
      registrationToken: user.body.data.registrationToken,
      userInfo: { firstname: 'Ritva', lastname: 'Viewer', password: account.password },
    })
    .expect(200);
  return account;
}

function agentRow(page: Page, name: string) {
  return page.getByTestId('agent-row').filter({ has: page.getByTestId('agent-name').getByText(name, { exact: true }) });
}

describe('the Agents page', () => {
  it('lists the agents and follows their presence and load live', async () => {
    // The server lists the agents it has seen; a presence change is enough to be seen.
    await setPresence(ainoToken, 'offline');
    await setPresence(eliasToken, 'offline');

    const context = await browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    try {
      await logInToAdmin(page, playground.url, DEMO_ADMIN.email, DEMO_ADMIN.password);
      await page.goto(`${playground.url}/admin/plugins/live-support/agents`);
      await page.getByTestId('agents-table').waitFor({ timeout: 30000 });
      await page.getByRole('heading', { name: 'Agents', level: 1 }).waitFor();
      await markPage(page);
      // The supervisor's own socket brings them online too.
      await agentRow(page, 'Demo').and(page.locator('[data-status="online"]')).waitFor({ timeout: 15000 });

      const aino = agentRow(page, 'Aino');
      const elias = agentRow(page, 'Elias');
      await aino.and(page.locator('[data-status="offline"]')).waitFor({ timeout: 15000 });
      await elias.and(page.locator('[data-status="offline"]')).waitFor();
      expect(await elias.getByTestId('agent-status').textContent()).toBe('Offline');
      expect(await elias.getByTestId('agent-load').getAttribute('data-active')).toBe('0');
      expect(await elias.getByTestId('agent-load').getAttribute('data-seats')).toBe('3');
      expect(await elias.getByTestId('agent-load').textContent()).toContain('0 / 3');

      // Who is an agent is managed in Strapi's roles.
      expect(await page.getByTestId('agents-roles-link').getAttribute('href')).toBe('/admin/settings/roles');

      // Elias goes online elsewhere: his row and the summary follow without a reload.
      const onlineBefore = Number(await page.getByTestId('agents-summary').getAttribute('data-online'));
      await setPresence(eliasToken, 'online');
      await elias.and(page.locator('[data-status="online"]')).waitFor({ timeout: 15000 });
      expect(await elias.getByTestId('agent-status').textContent()).toBe('Online');
      await page.locator(`[data-testid="agents-summary"][data-online="${onlineBefore + 1}"]`).waitFor();
      expect(await page.getByTestId('agents-summary').textContent()).toMatch(
        new RegExp(`^${onlineBefore + 1} of \\d+ agents online · \\d+ free seats?$`),
      );

      // He claims a conversation: his load shows it.
      const customer = await startCustomer({ locale: 'en', name: 'Load Customer' });
      const escalated = await request(playground.url)
        .post(`/api/live-support/conversations/${customer.id}/escalate`)
        .set('Authorization', `Bearer ${customer.token}`)
        .send({})
        .expect(200);
      expect(escalated.body.data.status).toBe('queued');
      const freeBefore = Number(await page.getByTestId('agents-summary').getAttribute('data-free-seats'));
      await request(playground.url)
        .post(`/live-support/conversations/${customer.id}/claim`)
        .set('Authorization', `Bearer ${eliasToken}`)
        .send({})
        .expect(200);
      await elias.getByTestId('agent-load').and(page.locator('[data-active="1"]')).waitFor({ timeout: 15000 });
      expect(await elias.getByTestId('agent-load').textContent()).toContain('1 / 3');
      await page.locator(`[data-testid="agents-summary"][data-free-seats="${freeBefore - 1}"]`).waitFor();

      // Aino opens the desk in her own browser: her first socket brings her online.
      const ainoContext = await sessions.newContext(DEMO_AGENT, { locale: 'en-US' });
      try {
        const ainoPage = await ainoContext.newPage();
        await ainoPage.goto(`${playground.url}/admin/plugins/live-support`);
        await aino.and(page.locator('[data-status="online"]')).waitFor({ timeout: 30000 });
      } finally {
        await ainoContext.close();
      }

      // Online agents are listed first.
      const statuses = await page.getByTestId('agent-row').evaluateAll((rows) =>
        rows.map((row) => row.getAttribute('data-status')),
      );
      expect(statuses.indexOf('offline') === -1 || statuses.lastIndexOf('online') < statuses.indexOf('offline')).toBe(true);

      expect(await pageWasNotReloaded(page)).toBe(true);
      await expectAccessible(page, 'agents');
    } finally {
      await context.close();
    }
  });
});

describe('the offline messages inbox', () => {
  it('shows new messages live, replies by email and marks them handled', async () => {
    const context = await sessions.newContext(DEMO_AGENT, { locale: 'en-US' });
    const page = await context.newPage();
    try {
      await page.goto(`${playground.url}/admin/plugins/live-support/offline`);
      await page.getByRole('heading', { name: 'Offline messages', level: 1 }).waitFor({ timeout: 30000 });
      await page.getByTestId('offline-empty').waitFor({ timeout: 15000 });
      await page.locator('[data-testid="offline-pending"][data-count="0"]').waitFor();
      await markPage(page);

      // Nobody is available: escalations go to the offline flow. Aino's socket brings her
      // online; once it has, setting her offline by hand keeps her offline while connected.
      await waitForPresence('Aino', 'online');
      await setPresence(ainoToken, 'offline');
      await setPresence(eliasToken, 'offline');
      await setPresence(adminToken, 'offline');

      await leaveOfflineMessage(
        { locale: 'fi', name: 'Liisa Offline' },
        { email: 'liisa@example.com', message: 'Paketti ei tullut perille.\n<b>Ei lihavoitu</b>' },
      );

      // It arrives over the socket.
      const liisaItem = page.getByTestId('offline-item').filter({ hasText: 'Liisa Offline' });
      await liisaItem.waitFor({ timeout: 15000 });
      await page.locator('[data-testid="offline-pending"][data-count="1"]').waitFor();
      expect(await page.getByTestId('offline-count-new').textContent()).toBe('1');
      expect(await liisaItem.getAttribute('data-status')).toBe('new');

      await liisaItem.click();
      const detail = page.getByTestId('offline-detail');
      await detail.getByRole('heading', { name: 'Liisa Offline' }).waitFor();
      expect(await detail.getByTestId('offline-email').textContent()).toContain('liisa@example.com');
      expect(await detail.getByTestId('offline-language').textContent()).toContain('Finnish');
      // The customer's text is shown as text, never as HTML.
      const text = detail.getByTestId('offline-text');
      expect(await text.textContent()).toBe('Paketti ei tullut perille.\n<b>Ei lihavoitu</b>');
      expect(await text.locator('b').count()).toBe(0);

      await expectAccessible(page, 'inbox with a message open');

      const reply = 'Sorry about that, a new parcel is on its way.';
      await detail.getByLabel('Reply by email').fill(reply);
      await detail.getByTestId('offline-reply-send').click();
      await page.locator('[data-testid="offline-detail"][data-status="replied"]').waitFor({ timeout: 15000 });
      expect(await detail.getByTestId('offline-reply-sent').textContent()).toContain(reply);
      expect(await detail.getByTestId('offline-reply-sent').textContent()).toContain('Replied by Aino');

      expect(smtp.mails).toHaveLength(1);
      expect(smtp.mails[0].to).toEqual(['liisa@example.com']);
      expect(smtp.mails[0].raw).toContain('Subject: Vastaus viestiisi');
      expect(smtp.mails[0].raw).toContain(reply);
      expect(smtp.mails[0].raw).toContain('> Paketti ei tullut perille.');

      // Replied: it leaves the "new" list and is under "Replied".
      await liisaItem.waitFor({ state: 'detached', timeout: 15000 });
      await page.locator('[data-testid="offline-pending"][data-count="0"]').waitFor();
      await page.getByTestId('offline-filter-replied').click();
      await page.getByTestId('offline-item').filter({ hasText: 'Liisa Offline' }).and(page.locator('[data-status="replied"]')).waitFor();
      await page.getByTestId('offline-filter-new').click();
      await page.getByTestId('offline-empty').waitFor();

      // A customer who left only a phone number: no email reply, the agent calls and marks it handled.
      await leaveOfflineMessage({ locale: 'sv', name: 'Pekka Phone' }, { phone: '+358 40 123 4567', message: 'Ring mig, tack.' });
      const pekkaItem = page.getByTestId('offline-item').filter({ hasText: 'Pekka Phone' });
      await pekkaItem.waitFor({ timeout: 15000 });
      await page.locator('[data-testid="offline-pending"][data-count="1"]').waitFor();
      // The side navigation's unread badge agrees with the inbox (one replied, one new).
      const inboxLink = page.locator('nav[aria-label="Live Support"]').getByRole('link', { name: /Offline messages/ });
      await inboxLink.getByText('1', { exact: true }).waitFor();
      await pekkaItem.click();
      await detail.getByRole('heading', { name: 'Pekka Phone' }).waitFor();
      expect(await detail.getByTestId('offline-language').textContent()).toContain('Swedish');
      expect(await detail.getByLabel('Reply by email').isDisabled()).toBe(true);
      expect(await detail.getByTestId('offline-reply-send').isDisabled()).toBe(true);
      expect(await detail.getByTestId('offline-reply-form').textContent()).toContain(
        'The customer left no email address, so you cannot reply here. Call them at +358 40 123 4567',
      );

      await detail.getByTestId('offline-mark-handled').click();
      await page.locator('[data-testid="offline-detail"][data-status="read"]').waitFor({ timeout: 15000 });
      await pekkaItem.waitFor({ state: 'detached', timeout: 15000 });
      await page.getByTestId('offline-empty').waitFor();
      await page.locator('[data-testid="offline-pending"][data-count="0"]').waitFor();
      await inboxLink.getByText('1', { exact: true }).waitFor({ state: 'detached' });
      await page.getByTestId('offline-filter-read').click();
      await page.getByTestId('offline-item').filter({ hasText: 'Pekka Phone' }).and(page.locator('[data-status="read"]')).waitFor();

      const inbox = await request(playground.url)
        .get('/live-support/offline-messages')
        .set('Authorization', `Bearer ${ainoToken}`)
        .expect(200);
      expect(inbox.body.meta.counts).toEqual({ new: 0, read: 1, replied: 1 });
      expect(smtp.mails).toHaveLength(1);

      expect(await pageWasNotReloaded(page)).toBe(true);
    } finally {
      await context.close();
    }
  });

  it('shows the messages but no reply or mark actions to an admin without the chat permission', async () => {
    const viewer = await createReadOnlyAdmin();
    await setPresence(ainoToken, 'offline');
    await setPresence(eliasToken, 'offline');
    await setPresence(adminToken, 'offline');
    await leaveOfflineMessage(
      { locale: 'en', name: 'Viewer Check' },
      { email: 'viewer.check@example.com', message: 'Please call me back.' },
    );

    const context = await browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    try {
      await logInToAdmin(page, playground.url, viewer.email, viewer.password);
      await page.goto(`${playground.url}/admin/plugins/live-support/offline`);
      const item = page.getByTestId('offline-item').filter({ hasText: 'Viewer Check' });
      await item.waitFor({ timeout: 30000 });
      await item.click();
      const detail = page.getByTestId('offline-detail');
      await detail.getByRole('heading', { name: 'Viewer Check' }).waitFor();
      expect(await detail.getByTestId('offline-text').textContent()).toBe('Please call me back.');
      expect(await detail.getByTestId('offline-status').textContent()).toBe('New');
      expect(await detail.getByTestId('offline-mark-handled').count()).toBe(0);
      expect(await detail.getByTestId('offline-reply-form').count()).toBe(0);

      await page.getByTestId('offline-filter-read').click();
      const handled = page.getByTestId('offline-item').filter({ hasText: 'Pekka Phone' });
      await handled.waitFor();
      await handled.click();
      await detail.getByRole('heading', { name: 'Pekka Phone' }).waitFor();
      expect(await detail.getByTestId('offline-mark-new').count()).toBe(0);

      // The Agents page is open to them too: reading needs only `read`.
      await page.goto(`${playground.url}/admin/plugins/live-support/agents`);
      await agentRow(page, 'Elias').waitFor({ timeout: 30000 });
      expect(await agentRow(page, 'Ritva').count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});
