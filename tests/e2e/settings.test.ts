import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import request from 'supertest';

import { adminLogin, DEMO_ADMIN, DEMO_AGENT } from '../helpers/admin-auth';
import { AdminSessions, launchChromium, logInToAdmin } from '../helpers/browser';
import { startPlayground, type RunningPlayground } from '../helpers/playground-server';

/**
 * Settings → Live Support in the admin panel, in Chromium, against the built playground: what a
 * site owner saves there reaches the customers' widget and the API at once, without a restart.
 */
let playground: RunningPlayground;
let browser: Browser;
let adminToken: string;

beforeAll(async () => {
  [playground, browser] = await Promise.all([startPlayground(), launchChromium()]);
  adminToken = await adminLogin(playground.url, DEMO_ADMIN.email, DEMO_ADMIN.password);
});

afterAll(async () => {
  await browser?.close();
  await playground?.stop();
});

interface StoredSettings {
  queue: { maxQueueLength: number; seatsPerAgent: number; enforceOpeningHours: boolean };
  widget: { primaryColor: string; texts: Record<'fi' | 'en' | 'sv', { title: string; welcome: string }>; allowedOrigins: string[] };
  texts: Record<string, Record<string, string>>;
}

async function storedSettings(): Promise<StoredSettings> {
  const response = await request(playground.url).get('/live-support/settings').set('Authorization', `Bearer ${adminToken}`).expect(200);
  return response.body.data as StoredSettings;
}

/**
 * The admin's session, logged in once through the form and reused by every test: Strapi allows
 * five logins per user and address in five minutes, fewer than this file's tests.
 */
const sessions = new AdminSessions(() => browser, () => playground.url);
const adminContext = (locale = 'en-US'): Promise<BrowserContext> => sessions.newContext(DEMO_ADMIN, { locale });

/** Settings → Live Support: the admin's through the shared session, anyone else's through the form. */
async function openSettings(page: Page, email: string, password: string): Promise<void> {
  if (email !== DEMO_ADMIN.email) await logInToAdmin(page, playground.url, email, password);
  await page.goto(`${playground.url}/admin/settings/live-support`);
}

/** The widget's launcher colour, once it is `expected` (the loader reads its config after start). */
async function waitForLauncherColour(page: Page, expected: string): Promise<string> {
  const handle = await page.waitForFunction(
    (colour) => {
      const launcher = document.querySelector('[data-live-support]')?.shadowRoot?.querySelector('[data-testid="launcher"]');
      const shown = launcher ? getComputedStyle(launcher).backgroundColor : null;
      return shown === colour ? shown : null;
    },
    expected,
    { timeout: 15000 },
  );
  return (await handle.jsonValue()) as string;
}

/** A shop page in English with the widget's one script tag, served from the Strapi origin. */
async function openEnglishShop(): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext({ locale: 'en-US' });
  await context.route(`${playground.url}/shop-en.html`, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shop</title></head>
        <body><main><h1>Shop</h1></main><script src="/api/live-support/widget.js" data-locale="en" async></script></body></html>`,
    }),
  );
  const page = await context.newPage();
  await page.goto(`${playground.url}/shop-en.html`);
  return { page, close: () => context.close() };
}

async function widgetTitle(page: Page): Promise<string> {
  await page.getByTestId('launcher').click();
  const heading = page.getByTestId('panel').getByRole('heading', { level: 2 });
  await heading.waitFor();
  return (await heading.textContent()) ?? '';
}

describe('Settings → Live Support', () => {
  it('saves the widget title and colour and a queue rule; the customer’s widget and the API show them without a restart', async () => {
    const before = await storedSettings();
    const shopBefore = await openEnglishShop();
    try {
      expect(await widgetTitle(shopBefore.page)).toBe(before.widget.texts.en.title);
      await waitForLauncherColour(shopBefore.page, 'rgb(46, 79, 214)');
    } finally {
      await shopBefore.close();
    }

    const context = await adminContext();
    const page = await context.newPage();
    try {
      await openSettings(page, DEMO_ADMIN.email, DEMO_ADMIN.password);
      const title = page.getByLabel('Title (English)');
      await title.waitFor({ timeout: 30000 });
      const save = page.getByTestId('settings-save');
      expect(await save.isDisabled()).toBe(true);
      expect(await title.inputValue()).toBe(before.widget.texts.en.title);
      expect(await page.getByLabel('Maximum queue length').inputValue()).toBe(String(before.queue.maxQueueLength));

      await title.fill('Help desk');
      await page.getByLabel('Primary colour').fill('#c0392b');
      await page.getByLabel('Maximum queue length').fill('7');
      expect(await save.isEnabled()).toBe(true);
      await save.click();

      await page.getByText('Settings saved.').first().waitFor();
      await page.locator('[data-testid="settings-save"]:disabled').waitFor();

      const after = await storedSettings();
      expect(after.widget.texts.en.title).toBe('Help desk');
      expect(after.widget.primaryColor).toBe('#c0392b');
      expect(after.queue.maxQueueLength).toBe(7);
      // Only what changed was sent: the rest is as it was.
      expect(after.widget.texts.fi).toEqual(before.widget.texts.fi);
      expect(after.widget.texts.en.welcome).toBe(before.widget.texts.en.welcome);
      expect(after.queue.seatsPerAgent).toBe(before.queue.seatsPerAgent);

      // A reload reads the stored values back into the form.
      await page.reload();
      await title.waitFor({ timeout: 30000 });
      expect(await title.inputValue()).toBe('Help desk');
      expect(await page.getByLabel('Primary colour').inputValue()).toBe('#c0392b');
    } finally {
      await context.close();
    }

    // The same running Strapi: a customer's next page load has the new look.
    const shopAfter = await openEnglishShop();
    try {
      expect(await waitForLauncherColour(shopAfter.page, 'rgb(192, 57, 43)')).toBe('rgb(192, 57, 43)');
      expect(await widgetTitle(shopAfter.page)).toBe('Help desk');
    } finally {
      await shopAfter.close();
    }
  });

  it('rewords the Finnish "closed" notice, and an open Finnish widget shows it without a reload', async () => {
    const admin = (method: 'get' | 'put', path: string) => request(playground.url)[method](`/live-support${path}`).set('Authorization', `Bearer ${adminToken}`);
    const hoursBefore = (await admin('get', '/opening-hours').expect(200)).body.data;
    const { enforceOpeningHours } = (await storedSettings()).queue;
    // Closed now; open three days from now, so that the notice has an opening to name.
    const openingDay = new Date(Date.now() + 3 * 86_400_000).toLocaleDateString('en-CA', { timeZone: hoursBefore.timeZone });
    const weekly = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };
    await admin('put', '/opening-hours').send({ ...hoursBefore, weekly, exceptions: [{ date: openingDay, ranges: [{ from: '08:00', to: '18:00' }] }] }).expect(200);
    await admin('put', '/settings').send({ queue: { enforceOpeningHours: true } }).expect(200);

    const customer = await browser.newContext({ locale: 'fi-FI' });
    const owner = await adminContext();
    try {
      // The demo page is in Finnish: a customer starts a conversation while closed.
      const widget = await customer.newPage();
      await widget.goto(`${playground.url}/`);
      await widget.getByTestId('launcher').click();
      await widget.getByTestId('input').fill('Hei');
      await widget.getByTestId('send').click();
      const notice = widget.getByTestId('availability');
      await notice.filter({ hasText: /^Asiakaspalvelu on nyt suljettu, avaamme .+\.$/ }).waitFor({ timeout: 15000 });
      await widget.getByTestId('message-list').filter({ hasText: 'Hei' }).waitFor();

      const page = await owner.newPage();
      await openSettings(page, DEMO_ADMIN.email, DEMO_ADMIN.password);
      await page.getByTestId('texts-tab-fi').click();
      const closedText = page.getByTestId('text-closed_notice-fi');
      await closedText.waitFor({ timeout: 30000 });
      expect(await closedText.getAttribute('placeholder')).toBe('Asiakaspalvelu on nyt suljettu, avaamme {nextOpening}.');
      await closedText.fill('Olemme kiinni juuri nyt. Palaamme {nextOpening}!');
      await page.getByTestId('settings-save').click();
      await page.getByText('Settings saved.').first().waitFor();

      // The same page, not reloaded: the server pushed the new configuration.
      await notice.filter({ hasText: /^Olemme kiinni juuri nyt\. Palaamme .+!$/ }).waitFor({ timeout: 15000 });
      expect((await storedSettings()).texts).toEqual({ closed_notice: { fi: 'Olemme kiinni juuri nyt. Palaamme {nextOpening}!' } });

      // Reset to the default: the widget follows again.
      await page.getByTestId('text-reset-closed_notice-fi').click();
      expect(await closedText.inputValue()).toBe('');
      await page.getByTestId('settings-save').click();
      await notice.filter({ hasText: /^Asiakaspalvelu on nyt suljettu, avaamme .+\.$/ }).waitFor({ timeout: 15000 });
      expect((await storedSettings()).texts).toEqual({});
    } finally {
      await customer.close();
      await owner.close();
      await admin('put', '/settings').send({ queue: { enforceOpeningHours }, texts: {} }).expect(200);
      await admin('put', '/opening-hours').send(hoursBefore).expect(200);
    }
  });

  it('refuses bad values with the reason on the field, and changes nothing', async () => {
    const before = await storedSettings();
    const context = await adminContext();
    const page = await context.newPage();
    try {
      await openSettings(page, DEMO_ADMIN.email, DEMO_ADMIN.password);
      const origins = page.getByLabel('Allowed sites');
      await origins.waitFor({ timeout: 30000 });

      // Checked by the server: an origin with a path, saved together with a good title.
      await page.getByLabel('Title (English)').fill('Not saved');
      await origins.fill('https://shop.example.com/checkout');
      await page.getByTestId('settings-save').click();

      const alert = page.getByTestId('settings-error');
      await alert.waitFor();
      expect(await alert.textContent()).toContain('widget.allowedOrigins.0: an origin such as https://www.example.com, without a path');
      await page.locator('textarea[aria-invalid="true"]').first().waitFor();
      expect(await origins.getAttribute('aria-invalid')).toBe('true');
      const originsError = page.getByText('Line 1: an origin such as https://www.example.com, without a path');
      expect(await originsError.isVisible()).toBe(true);
      expect(await page.getByLabel('Title (English)').getAttribute('aria-invalid')).not.toBe('true');

      // Checked in the browser against the schema's bounds: nothing is sent.
      await origins.fill('');
      const queueLength = page.getByLabel('Maximum queue length');
      await queueLength.fill('0');
      await page.getByTestId('settings-save').click();
      await page.getByText('Use a number from 1 to 1,000.').waitFor();
      expect(await queueLength.getAttribute('aria-invalid')).toBe('true');

      expect(await storedSettings()).toEqual(before);
    } finally {
      await context.close();
    }
  });

  it('never shows the webhook secret, and removes it when asked', async () => {
    const secret = 'a-webhook-secret-of-enough-length';
    await request(playground.url)
      .put('/live-support/settings')
      .set('Authorization', `Bearer ${adminToken}`)
      .send({ bot: { webhook: { secret } } })
      .expect(200);
    const context = await adminContext();
    const page = await context.newPage();
    try {
      await openSettings(page, DEMO_ADMIN.email, DEMO_ADMIN.password);
      const secretInput = page.getByLabel('Signing secret');
      await secretInput.waitFor({ timeout: 30000 });
      expect(await secretInput.inputValue()).toBe('');
      expect(await page.content()).not.toContain(secret);
      await page.getByText('A secret is stored and signs each request').waitFor();

      await page.getByLabel('Remove the stored secret').click({ force: true });
      await page.getByTestId('settings-save').click();
      await page.getByText('Settings saved.').first().waitFor();
      const stored = await request(playground.url).get('/live-support/settings').set('Authorization', `Bearer ${adminToken}`).expect(200);
      expect(stored.body.data.bot.webhook).toMatchObject({ secret: null, secretSet: false });
      await page.getByLabel('Remove the stored secret').waitFor({ state: 'detached' });
    } finally {
      await context.close();
    }
  });

  it('asks before leaving with unsaved opening hours, as it does with unsaved settings', async () => {
    const context = await adminContext();
    const page = await context.newPage();
    try {
      await openSettings(page, DEMO_ADMIN.email, DEMO_ADMIN.password);
      const mondayCloses = page.getByLabel('Monday, interval 1: closes');
      await mondayCloses.waitFor({ timeout: 30000 });
      const stored = await mondayCloses.inputValue();
      await mondayCloses.fill(stored === '15:30' ? '15:45' : '15:30');
      const leave = () => page.getByRole('link', { name: 'Content Manager', exact: true }).click();
      await leave();
      const prompt = page.getByRole('alertdialog').filter({ hasText: 'All your modifications will be lost.' });
      await prompt.waitFor();
      await prompt.getByRole('button', { name: 'Cancel' }).click();
      await prompt.waitFor({ state: 'hidden' });
      expect(new URL(page.url()).pathname).toBe('/admin/settings/live-support');
      // Back to the stored hours: nothing is unsaved, so nothing is asked.
      await mondayCloses.fill(stored);
      await leave();
      await page.waitForURL(/\/admin\/content-manager/);
    } finally {
      await context.close();
    }
  });

  it('has no serious or critical axe violations', async () => {
    const context = await adminContext();
    const page = await context.newPage();
    try {
      await openSettings(page, DEMO_ADMIN.email, DEMO_ADMIN.password);
      await page.getByLabel('Maximum queue length').waitFor({ timeout: 30000 });
      const results = await new AxeBuilder({ page }).include('main').analyze();
      const serious = results.violations
        .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
        .map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`);
      expect(serious).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('shows each scheduled job with its schedule, last run and next run, read-only', async () => {
    const context = await adminContext();
    const page = await context.newPage();
    try {
      await openSettings(page, DEMO_ADMIN.email, DEMO_ADMIN.password);
      const presence = page.locator('[data-testid="settings-job-row"][data-job="presence"]');
      await presence.waitFor({ timeout: 30000 });
      expect(await presence.getByText('*/5 * * * * *').count()).toBe(1);
      expect(await presence.getByTestId('settings-job-next-run').textContent()).not.toBe('—');
      expect(await page.locator('[data-testid="settings-job-row"][data-job="idle"]').count()).toBe(1);
      // The presence job runs every 5 s: Refresh shows its last run soon.
      const lastRun = presence.getByTestId('settings-job-last-run');
      const deadline = Date.now() + 20000;
      while ((await lastRun.textContent()) === '—' && Date.now() < deadline) {
        await page.getByRole('button', { name: 'Refresh' }).click();
        await page.waitForTimeout(500);
      }
      expect(await lastRun.textContent()).not.toBe('—');
      expect(await presence.getByTestId('settings-job-error').textContent()).toBe('None');
    } finally {
      await context.close();
    }
  });

  it('is not open to an agent without the settings permission', async () => {
    const agentToken = await adminLogin(playground.url, DEMO_AGENT.email, DEMO_AGENT.password);
    await request(playground.url).get('/live-support/settings').set('Authorization', `Bearer ${agentToken}`).expect(403);

    const context = await browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    try {
      await openSettings(page, DEMO_AGENT.email, DEMO_AGENT.password);
      await page.getByText("You don't have the permissions to access that content").waitFor({ timeout: 30000 });
      expect(await page.getByTestId('settings-save').count()).toBe(0);
      expect(await page.getByLabel('Maximum queue length').count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});
