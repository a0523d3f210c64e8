import { readFile } from 'node:fs/promises';

import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import request from 'supertest';

import type { AnalyticsReport } from '../../server/src/contracts/analytics';
import { adminLogin, DEMO_ADMIN, DEMO_AGENT } from '../helpers/admin-auth';
import { AdminSessions, launchChromium } from '../helpers/browser';
import { clearOfMidnight, dayIn } from '../helpers/clock';
import { startPlayground, type RunningPlayground } from '../helpers/playground-server';
import { startCustomer, type Customer } from '../helpers/protocol';

/**
 * The desk's analytics in Chromium, against the built playground: three customers escalate
 * today, Aino answers and resolves two (rated 5 and 3), the third leaves the queue. The super
 * admin reads the figures, the chart, the agents and the CSV; Aino's role has no `analytics`.
 */
let playground: RunningPlayground;
let browser: Browser;
let adminToken: string;
let agentToken: string;
/** Where the support team works: the report's days are counted there, and so is the browser's. */
let timeZone: string;
let today: string;
const contexts: BrowserContext[] = [];
const sessions = new AdminSessions(() => browser, () => playground.url);

const daysBefore = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

function asAdmin(method: 'get' | 'put', path: string) {
  return request(playground.url)[method](path).set('Authorization', `Bearer ${adminToken}`);
}

function asAgent(method: 'get' | 'post' | 'put', path: string) {
  return request(playground.url)[method](path).set('Authorization', `Bearer ${agentToken}`);
}

async function escalatedCustomer(name: string): Promise<Customer> {
  const customer = await startCustomer(playground, {
    locale: 'en',
    name,
    email: `${name.split(' ')[0].toLowerCase()}@example.com`,
  });
  await customer
    .post('/messages', {
      clientId: `${customer.conversationId}-first`,
      text: 'Where is my parcel?',
    })
    .expect(200);
  const escalated = await customer.post('/escalate', { reason: 'wants a person' }).expect(200);
  expect(escalated.body.data.status).toBe('queued');
  return customer;
}

/** Aino claims, answers and resolves; the customer rates the chat. */
async function servedAndRated(name: string, score: number): Promise<void> {
  const customer = await escalatedCustomer(name);
  const id = customer.conversationId;
  await asAgent('post', `/live-support/conversations/${id}/claim`).send({}).expect(200);
  await asAgent('post', `/live-support/conversations/${id}/messages`)
    .send({ clientId: `reply-${id}`, text: 'Let me check.' })
    .expect(200);
  await asAgent('post', `/live-support/conversations/${id}/resolve`).send({}).expect(200);
  await customer.post('/csat', { score }).expect(200);
}

async function openAnalytics(account: { email: string; password: string }, browserTimeZone = timeZone): Promise<Page> {
  const context = await sessions.newContext(account, {
    locale: 'en-US',
    timezoneId: browserTimeZone,
    acceptDownloads: true,
  });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(`${playground.url}/admin/plugins/live-support/analytics`);
  return page;
}

const cardValue = (page: Page, key: string) => page.getByTestId(`analytics-card-${key}`).getByTestId('analytics-card-value');

beforeAll(async () => {
  [playground, browser] = await Promise.all([startPlayground(), launchChromium()]);
  adminToken = await adminLogin(playground.url, DEMO_ADMIN.email, DEMO_ADMIN.password);
  agentToken = await adminLogin(playground.url, DEMO_AGENT.email, DEMO_AGENT.password);
  await asAdmin('put', '/live-support/settings')
    .send({ queue: { enforceOpeningHours: false } })
    .expect(200);
  await asAgent('put', '/live-support/presence').send({ status: 'online' }).expect(200);

  const utcToday = new Date().toISOString().slice(0, 10);
  const probe = await asAdmin('get', `/live-support/analytics?from=${daysBefore(utcToday, 1)}&to=${utcToday}`).expect(200);
  timeZone = (probe.body.data as AnalyticsReport).range.timeZone;
  // Every test reads "today" (the page's default range ends on it) and counts the chats made here
  // on it: the file's few minutes must not span a midnight of the team's zone.
  await clearOfMidnight(timeZone, 4 * 60_000);
  today = dayIn(timeZone);

  await servedAndRated('Alma Analytics', 5);
  await servedAndRated('Bertil Analytics', 3);
  const leaving = await escalatedCustomer('Cecilia Leaving');
  await leaving.post('/leave').expect(200);
  // Up to four minutes' wait for the date, besides the playground's start.
}, 7 * 60_000);

afterEach(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
});

afterAll(async () => {
  await browser?.close();
  await playground?.stop();
});

describe('the analytics page', () => {
  it('shows the last 30 days: the figures, today’s escalations by trigger, the ratings and the agents', async () => {
    const page = await openAnalytics(DEMO_ADMIN);
    await page.getByRole('heading', { level: 1, name: 'Analytics' }).waitFor({ timeout: 30000 });
    expect(await page.getByLabel(/^From/).inputValue()).toBe(daysBefore(today, 29));
    expect(await page.getByLabel(/^To/).inputValue()).toBe(today);
    expect(await page.getByTestId('analytics-preset-last30').getAttribute('aria-pressed')).toBe('true');

    await page.getByTestId('analytics-cards').waitFor({ timeout: 15000 });
    expect(await cardValue(page, 'conversations').textContent()).toBe('3');
    expect(await cardValue(page, 'escalations').textContent()).toBe('3');
    expect(await cardValue(page, 'resolved').textContent()).toBe('2');
    expect(await cardValue(page, 'abandoned').textContent()).toBe('33.3%');
    expect(await page.getByTestId('analytics-card-abandoned').textContent()).toContain('1 left the queue before an agent came');
    expect(await cardValue(page, 'offlineMessages').textContent()).toBe('0');
    expect(await cardValue(page, 'csatAverage').textContent()).toBe('4.0 / 5');
    expect(await cardValue(page, 'csatResponseRate').textContent()).toBe('100%');
    // Seconds here, since Aino answered at once; formatted as a person reads them.
    expect(await cardValue(page, 'responseAverage').textContent()).toMatch(/^\d+ s$/);
    expect(await cardValue(page, 'waiting').textContent()).toMatch(/^\d+ s \/ \d+ s$/);

    // Today's bar: three escalations, all by the button, said in words as well as drawn.
    const bar = page.locator(`[data-testid="analytics-bar"][data-date="${today}"]`);
    expect(await bar.getAttribute('data-total')).toBe('3');
    expect(await bar.getAttribute('title')).toMatch(/: 3 escalations \(Pressed the button 3\)$/);
    expect(await page.getByTestId('analytics-bar').count()).toBe(30);
    expect(await page.getByTestId('analytics-legend').textContent()).toBe('Pressed the button');
    // The numbers as a table, shown on request.
    await page.getByTestId('analytics-chart-table-toggle').click();
    const row = page.locator(`[data-testid="analytics-chart-row"][data-date="${today}"]`);
    await row.waitFor();
    expect(await row.locator('td').allTextContents()).toEqual([expect.any(String), '3', '3']);

    // One 5 and one 3.
    const scores = await page
      .getByTestId('analytics-csat-row')
      .evaluateAll((rows) => rows.map((element) => [element.getAttribute('data-score'), element.getAttribute('data-count')]));
    expect(scores).toEqual([
      ['5', '1'],
      ['4', '0'],
      ['3', '1'],
      ['2', '0'],
      ['1', '0'],
    ]);

    const agent = page.getByTestId('analytics-agent-row');
    expect(await agent.count()).toBe(1);
    expect(await agent.getByTestId('analytics-agent-name').textContent()).toBe('Aino');
    expect(await agent.getByTestId('analytics-agent-conversations').textContent()).toBe('2');
    expect(await agent.getByTestId('analytics-agent-resolved').textContent()).toBe('2');
    expect(await agent.getByTestId('analytics-agent-csat').textContent()).toBe('4.0 / 5');
    expect(await agent.getByTestId('analytics-agent-ratings').textContent()).toBe('2');
  });

  it('re-reads on a new range, says when it is empty or wrong, and exports the range as CSV', async () => {
    const page = await openAnalytics(DEMO_ADMIN);
    await page.getByTestId('analytics-cards').waitFor({ timeout: 30000 });

    await page.getByTestId('analytics-preset-last7').click();
    expect(await page.getByLabel(/^From/).inputValue()).toBe(daysBefore(today, 6));
    await page.locator('[data-testid="analytics-bar"]').nth(6).waitFor();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="analytics-bar"]').length === 7);

    // The end before the start: the field says so, and nothing is asked.
    await page.getByLabel(/^To/).fill(daysBefore(today, 10));
    await page.getByText('The end date must not be before the start date.').waitFor();
    expect(await page.getByTestId('analytics-export').isDisabled()).toBe(true);

    // A week with nobody in it.
    await page.getByLabel(/^From/).fill(daysBefore(today, 20));
    await page.getByTestId('analytics-empty').waitFor({ timeout: 15000 });
    expect(await page.getByTestId('analytics-empty').textContent()).toContain('No conversations in this range');

    await page.getByTestId('analytics-preset-thisMonth').click();
    await page.getByTestId('analytics-cards').waitFor({ timeout: 15000 });
    const from = `${today.slice(0, 8)}01`;
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('analytics-export').click()]);
    expect(download.suggestedFilename()).toBe(`live-support-${from}-${today}.csv`);
    const csv = await readFile(await download.path(), 'utf8');
    const lines = csv.split('\r\n');
    expect(lines[0]).toMatch(/^date,escalations,phrase,button,/);
    expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^${today},3,`)));
    expect(lines).toContain('resolved,2');
  });

  it('counts the days where the team works, whatever the browser’s time zone', async () => {
    // Samoa is 13 hours behind Helsinki: for part of every day, its date is the day before.
    const page = await openAnalytics(DEMO_ADMIN, 'Pacific/Pago_Pago');
    await page.locator(`input[value="${today}"]`).waitFor({ timeout: 30000 });
    expect(await page.getByLabel(/^To/).inputValue()).toBe(today);
    expect(await page.getByLabel(/^From/).inputValue()).toBe(daysBefore(today, 29));
  });

  it('is not shown to a role without the analytics permission, in the browser or over the API', async () => {
    const page = await openAnalytics(DEMO_AGENT);
    await page.getByText("You don't have the permissions to access that content").waitFor({ timeout: 30000 });
    expect(await page.getByTestId('analytics-range').count()).toBe(0);
    await asAgent('get', `/live-support/analytics?from=${today}&to=${today}`).expect(403);
    await asAgent('get', `/live-support/analytics/export?from=${today}&to=${today}`).expect(403);
  });

  it('has no serious or critical axe violations', async () => {
    const page = await openAnalytics(DEMO_ADMIN);
    await page.getByTestId('analytics-agents').waitFor({ timeout: 30000 });
    const results = await new AxeBuilder({ page }).include('main').analyze();
    const serious = results.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map(
        (violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`,
      );
    expect(serious).toEqual([]);
  });
});
