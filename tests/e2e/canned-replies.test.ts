import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import request from 'supertest';

import type { MessageView } from '../../server/src/contracts/views';
import { adminLogin, DEMO_ADMIN, DEMO_AGENT } from '../helpers/admin-auth';
import { launchChromium, logInToAdmin } from '../helpers/browser';
import { startPlayground, type RunningPlayground } from '../helpers/playground-server';
import { eventually, startCustomer } from '../helpers/protocol';

/**
 * Canned replies in Chromium, against the built playground: an agent makes a personal reply in
 * the desk's dialog, then types `/` and its shortcut in a conversation, picks it with the
 * keyboard and sends it with the customer's and the agent's names filled in.
 */
let playground: RunningPlayground;
let browser: Browser;
let adminToken: string;
let agentToken: string;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  [playground, browser] = await Promise.all([startPlayground(), launchChromium()]);
  adminToken = await adminLogin(playground.url, DEMO_ADMIN.email, DEMO_ADMIN.password);
  await request(playground.url)
    .put('/live-support/settings')
    .set('Authorization', `Bearer ${adminToken}`)
    .send({ queue: { enforceOpeningHours: false } })
    .expect(200);
  agentToken = await adminLogin(playground.url, DEMO_AGENT.email, DEMO_AGENT.password);
  await asAgent('put', '/live-support/presence').send({ status: 'online' }).expect(200);
});

afterAll(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
  await browser?.close();
  await playground?.stop();
});

function asAgent(method: 'get' | 'post' | 'put', path: string) {
  return request(playground.url)[method](path).set('Authorization', `Bearer ${agentToken}`);
}

async function openDesk(path: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'en-US' });
  contexts.push(context);
  const page = await context.newPage();
  await logInToAdmin(page, playground.url, DEMO_AGENT.email, DEMO_AGENT.password);
  await page.goto(`${playground.url}/admin/plugins/live-support${path}`);
  return page;
}

async function audit(page: Page, where: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`);
  expect({ where, serious }).toEqual({ where, serious: [] });
}

describe('canned replies in the desk', () => {
  it('creates a personal reply, inserts it with / and the keyboard, filled in, and sends it', async () => {
    const customer = await startCustomer(playground, { locale: 'en', name: 'Maija Canned' });
    await customer.post('/escalate', { reason: 'wants a person' }).expect(200);
    await asAgent('post', `/live-support/conversations/${customer.conversationId}/claim`).send({}).expect(200);

    const page = await openDesk(`/conversations/${customer.conversationId}`);
    const input = page.getByTestId('reply-input');
    await input.waitFor({ timeout: 30000 });

    // The dialog: a new personal reply.
    await page.getByTestId('canned-replies-open').click();
    await page.getByTestId('canned-replies-list').waitFor();
    await audit(page, 'dialog');
    await page.getByTestId('canned-reply-new').click();
    await page.getByTestId('canned-reply-shortcut').fill('track');
    await page.getByTestId('canned-reply-title').fill('Order tracking');
    await page.getByTestId('canned-reply-text').fill('Hi {customerName}, {agentName} here: your order is on its way.');
    await page.getByTestId('canned-reply-save').click();
    await page.getByTestId('canned-replies-list').getByText('/track', { exact: true }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('canned-replies-list').waitFor({ state: 'detached' });

    // The / picker: filtered as the agent types, navigated with the arrows, taken with Enter.
    await input.click();
    await input.pressSequentially('/tr');
    const list = page.getByRole('listbox', { name: 'Canned replies' });
    await list.waitFor();
    expect(await input.getAttribute('aria-expanded')).toBe('true');
    const options = list.getByRole('option');
    // "/tr" matches /track and /transfer (the seeded shared reply); the first is selected.
    expect(await options.count()).toBeGreaterThanOrEqual(2);
    await audit(page, 'picker');
    const track = options.filter({ hasText: '/track' });
    // Move the selection onto /track with the arrows, wherever it is in the list.
    for (let step = 0; step < 10 && (await track.getAttribute('aria-selected')) !== 'true'; step += 1) {
      await input.press('ArrowDown');
    }
    expect(await track.getAttribute('aria-selected')).toBe('true');
    expect(await input.getAttribute('aria-activedescendant')).toBe(await track.getAttribute('id'));
    await input.press('Enter');
    await list.waitFor({ state: 'hidden' });
    expect(await input.inputValue()).toBe('Hi Maija Canned, Aino here: your order is on its way.');

    // Esc closes the list without inserting.
    await input.press('End');
    await input.pressSequentially(' /tr');
    await list.waitFor();
    await input.press('Escape');
    await list.waitFor({ state: 'hidden' });
    expect(await input.inputValue()).toBe('Hi Maija Canned, Aino here: your order is on its way. /tr');
    for (let index = 0; index < 4; index += 1) await input.press('Backspace');

    await input.press('Enter');
    const sent = await eventually(async () => {
      const { body } = await asAgent('get', `/live-support/conversations/${customer.conversationId}/messages`).expect(200);
      return (body.data as MessageView[]).find((message) => message.text.startsWith('Hi Maija Canned')) ?? null;
    }, 15000);
    expect(sent.text).toBe('Hi Maija Canned, Aino here: your order is on its way.');
  });
});
