import { readFile } from 'node:fs/promises';

import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import request from 'supertest';

import type { CustomerDataExport } from '../../server/src/contracts/customer-data';
import { adminLogin, DEMO_ADMIN, DEMO_AGENT } from '../helpers/admin-auth';
import { launchChromium, logInToAdmin } from '../helpers/browser';
import { startPlayground, type RunningPlayground } from '../helpers/playground-server';
import { startCustomer } from '../helpers/protocol';

/**
 * The Customer data page in Chromium, against the built playground: Hanna chatted with Aino
 * and was served; the super admin finds her by email, downloads her data and erases it. Aino's
 * role has no `settings`, so neither the page nor its link is hers.
 */
let playground: RunningPlayground;
let browser: Browser;
let adminToken: string;
let agentToken: string;
let conversationId: number;
const contexts: BrowserContext[] = [];

const asAdmin = (method: 'get' | 'put', path: string) =>
  request(playground.url)[method](path).set('Authorization', `Bearer ${adminToken}`);
const asAgent = (method: 'get' | 'post' | 'put', path: string) =>
  request(playground.url)[method](path).set('Authorization', `Bearer ${agentToken}`);

async function openCustomerData(account: { email: string; password: string }): Promise<Page> {
  const context = await browser.newContext({ locale: 'en-US', acceptDownloads: true });
  contexts.push(context);
  const page = await context.newPage();
  await logInToAdmin(page, playground.url, account.email, account.password);
  await page.goto(`${playground.url}/admin/plugins/live-support/customer-data`);
  return page;
}

async function search(page: Page, email: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name: 'Customer data' }).waitFor({ timeout: 30000 });
  await page.getByRole('radio', { name: 'Email' }).click();
  await page.getByRole('textbox', { name: 'Email' }).fill(email);
  await page.getByTestId('customer-data-submit').click();
}

beforeAll(async () => {
  [playground, browser] = await Promise.all([startPlayground(), launchChromium()]);
  adminToken = await adminLogin(playground.url, DEMO_ADMIN.email, DEMO_ADMIN.password);
  agentToken = await adminLogin(playground.url, DEMO_AGENT.email, DEMO_AGENT.password);
  await asAdmin('put', '/live-support/settings').send({ queue: { enforceOpeningHours: false } }).expect(200);
  await asAgent('put', '/live-support/presence').send({ status: 'online' }).expect(200);
  const customer = await startCustomer(playground, { locale: 'en', name: 'Hanna Henkilö', email: 'Hanna@Example.com' });
  conversationId = customer.conversationId;
  await customer.post('/messages', { clientId: 'hanna-1', text: 'My address is Esimerkkikatu 1.' }).expect(200);
  await customer.post('/escalate').expect(200);
  await asAgent('post', `/live-support/conversations/${conversationId}/claim`).send({}).expect(200);
  await asAgent('post', `/live-support/conversations/${conversationId}/resolve`).send({}).expect(200);
});

afterEach(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
});

afterAll(async () => {
  await browser?.close();
  await playground?.stop();
});

describe('the Customer data page', () => {
  it('finds a customer by email, exports their data as JSON, and erases it after asking', async () => {
    const page = await openCustomerData(DEMO_ADMIN);
    await search(page, 'hanna@example.com');
    const row = page.getByTestId('customer-data-conversation');
    await row.waitFor({ timeout: 15000 });
    expect(await page.getByTestId('customer-data-summary').textContent()).toBe('1 conversations, 0 offline messages');
    expect(await row.textContent()).toContain('Hanna Henkilö · Hanna@Example.com');
    expect(await row.getByTestId('customer-data-status').textContent()).toBe('Resolved');

    // Away from the Search button: its hover colour is the design system's, not the page's.
    await page.mouse.move(0, 0);
    const axe = await new AxeBuilder({ page }).include('main').analyze();
    const serious = axe.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`);
    expect(serious).toEqual([]);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('customer-data-export').click()]);
    expect(download.suggestedFilename()).toMatch(/^live-support-customer-data-\d{4}-\d{2}-\d{2}\.json$/);
    const exported = JSON.parse(await readFile(await download.path(), 'utf8')) as CustomerDataExport;
    expect(exported.conversations).toHaveLength(1);
    expect(exported.conversations[0]).toMatchObject({ id: conversationId, customerName: 'Hanna Henkilö' });
    expect(exported.conversations[0].messages.map((message) => message.text)).toContain('My address is Esimerkkikatu 1.');

    await page.getByTestId('customer-data-erase').click();
    const dialog = page.getByRole('alertdialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('1 conversations and 0 offline messages');
    await page.getByTestId('customer-data-erase-confirm').click();
    await page.getByText('Erased: 1 conversations, 0 offline messages.').waitFor({ timeout: 15000 });
    // The search is asked again: nothing holds the email any more.
    await page.getByTestId('customer-data-empty').waitFor({ timeout: 15000 });

    const after = await asAdmin('get', '/live-support/customer-data/export?email=hanna@example.com').expect(200);
    expect(after.body.conversations).toEqual([]);
  });

  it('is not shown to a role without the settings permission', async () => {
    const page = await openCustomerData(DEMO_AGENT);
    await page.getByText("You don't have the permissions to access that content").waitFor({ timeout: 30000 });
    expect(await page.getByTestId('customer-data-search').count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Customer data' }).count()).toBe(0);
  });
});
