import type { Browser, Page } from 'playwright-core';
import request from 'supertest';

import { adminLogin, DEMO_ADMIN, DEMO_AGENT } from '../helpers/admin-auth';
import { launchChromium, logInToAdmin } from '../helpers/browser';
import { OPTIONAL_VERIFICATION, userHashOf } from '../helpers/identity';
import { startPlayground, type RunningPlayground } from '../helpers/playground-server';
import { startCustomer } from '../helpers/protocol';

/** The agent desk in the admin panel, in Chromium, against the built playground. */
let playground: RunningPlayground;
let browser: Browser;
let agentToken: string;

beforeAll(async () => {
  [playground, browser] = await Promise.all([startPlayground(), launchChromium()]);
  const adminToken = await adminLogin(playground.url, DEMO_ADMIN.email, DEMO_ADMIN.password);
  await request(playground.url)
    .put('/live-support/settings')
    .set('Authorization', `Bearer ${adminToken}`)
    .send({ queue: { enforceOpeningHours: false }, ...OPTIONAL_VERIFICATION })
    .expect(200);
  agentToken = await adminLogin(playground.url, DEMO_AGENT.email, DEMO_AGENT.password);
});

afterAll(async () => {
  await browser?.close();
  await playground?.stop();
});

function logIn(page: Page, email: string, password: string): Promise<void> {
  return logInToAdmin(page, playground.url, email, password);
}


describe('the agent desk', () => {
  it('shows an escalated conversation live, claims it and answers the customer', async () => {
    const context = await browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    try {
      await logIn(page, DEMO_AGENT.email, DEMO_AGENT.password);
      await page.goto(`${playground.url}/admin/plugins/live-support`);
      await page.getByTestId('column-waiting').waitFor({ timeout: 30000 });
      await page.getByTestId('count-queued').filter({ hasText: '0' }).waitFor();
      await page.getByTestId('presence').waitFor();

      await request(playground.url)
        .put('/live-support/presence')
        .set('Authorization', `Bearer ${agentToken}`)
        .send({ status: 'online' })
        .expect(200);

      await page.locator('[data-testid="presence"][data-status="online"]').waitFor({ timeout: 15000 });

      // The site's backend signed the email: the desk shows the identity as verified.
      const customer = await startCustomer(playground, {
        locale: 'en',
        name: 'Maija Desk',
        email: 'maija@example.com',
        userHash: userHashOf('maija@example.com'),
      });
      const escalated = await customer.post('/escalate', { reason: 'wants a person' }).expect(200);
      expect(escalated.body.data.status).toBe('queued');

      // The card arrives over the socket, without a reload.
      const waitingCard = page.getByTestId('column-waiting').getByTestId('card').filter({ hasText: 'Maija Desk' });
      await waitingCard.waitFor({ timeout: 15000 });
      await page.getByTestId('count-queued').filter({ hasText: '1' }).waitFor();
      expect(await waitingCard.textContent()).toContain('wants a person');

      await waitingCard.getByTestId('claim').click();
      const mineCard = page.getByTestId('column-mine').getByTestId('card').filter({ hasText: 'Maija Desk' });
      await mineCard.waitFor({ timeout: 15000 });
      await waitingCard.waitFor({ state: 'detached' });
      await page.getByTestId('count-queued').filter({ hasText: '0' }).waitFor();

      await mineCard.getByTestId('open').click();
      await page.waitForURL(new RegExp(`/admin/plugins/live-support/conversations/${customer.conversationId}$`));
      await page.getByTestId('customer').filter({ hasText: 'maija@example.com' }).waitFor();
      const verification = page.getByTestId('customer').getByTestId('identity-verification');
      expect(await verification.getAttribute('data-verified')).toBe('true');
      expect(await verification.textContent()).toContain('Verified');

      // A customer message arrives live.
      await customer
        .post('/messages', { clientId: 'w-desk-1', text: 'Where is my parcel?' })
        .expect((response) => expect([200, 201]).toContain(response.status));
      await page.getByTestId('message').filter({ hasText: 'Where is my parcel?' }).waitFor({ timeout: 15000 });

      await page.getByTestId('reply-input').fill('Hi Maija, let me check.');
      await page.getByTestId('reply-send').click();
      await page.getByTestId('message').filter({ hasText: 'Hi Maija, let me check.' }).waitFor();
      await expect(page.getByTestId('reply-input').inputValue()).resolves.toBe('');

      const seen = await customer.get('/messages?after=0').expect(200);
      const texts = (seen.body.data as { author: string; text: string }[]).map(
        (message) => `${message.author}: ${message.text}`,
      );
      expect(texts).toContain('agent: Hi Maija, let me check.');

      await page.getByTestId('resolve').click();
      await page.getByTestId('reply-input').waitFor({ state: 'detached' });
      const view = await customer.get('').expect(200);
      expect(view.body.data.status).toBe('resolved');

      // The presence switch sets the agent's status.
      await page.getByTestId('presence').getByRole('combobox').click();
      await page.getByRole('option', { name: 'Away' }).click();
      await page.locator('[data-testid="presence"][data-status="away"]').waitFor();
      const agents = await request(playground.url)
        .get('/live-support/agents')
        .set('Authorization', `Bearer ${agentToken}`)
        .expect(200);
      const aino = (agents.body.data as { name: string; status: string }[]).find((agent) => agent.name === 'Aino');
      expect(aino?.status).toBe('away');

      await page.getByRole('link', { name: 'Back' }).click();
      await page.getByTestId('column-resolved').getByTestId('card').filter({ hasText: 'Maija Desk' }).waitFor();
      await page.getByTestId('count-mine').filter({ hasText: '0' }).waitFor();
    } finally {
      await context.close();
    }
  });

  it('tells the agent who got there first and drops the card', async () => {
    const context = await browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    try {
      await logIn(page, DEMO_AGENT.email, DEMO_AGENT.password);
      await page.goto(`${playground.url}/admin/plugins/live-support`);
      await page.getByTestId('column-waiting').waitFor({ timeout: 30000 });

      await request(playground.url)
        .put('/live-support/presence')
        .set('Authorization', `Bearer ${agentToken}`)
        .send({ status: 'online' })
        .expect(200);
      const customer = await startCustomer(playground, { locale: 'en', name: 'Race Customer', email: 'maija@example.com' });
      const escalated = await customer.post('/escalate', {}).expect(200);
      expect(escalated.body.data.status).toBe('queued');
      const card = page.getByTestId('column-waiting').getByTestId('card').filter({ hasText: 'Race Customer' });
      await card.waitFor({ timeout: 15000 });

      // Aino clicks while the card is on her desk; Elias's claim reaches the server while hers is
      // on its way, so his wins and hers is answered with who got there first.
      const eliasToken = await adminLogin(playground.url, 'elias@example.com', DEMO_AGENT.password);
      await page.route('**/live-support/conversations/*/claim', async (route) => {
        await request(playground.url)
          .post(`/live-support/conversations/${customer.conversationId}/claim`)
          .set('Authorization', `Bearer ${eliasToken}`)
          .send({})
          .expect(200);
        await route.continue();
      });
      await card.getByTestId('claim').click();
      await page.getByText(/Already claimed by Elias/).waitFor({ timeout: 15000 });
      await card.waitFor({ state: 'detached' });
    } finally {
      await context.close();
    }
  });
});
