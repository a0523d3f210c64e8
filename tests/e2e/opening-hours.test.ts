import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import request from 'supertest';

import { DEFAULT_OPENING_HOURS, toLocalTime, type OpeningHours } from '../../server/src/domain/opening-hours';
import { publicHolidays } from '../../server/src/domain/public-holidays';
import { adminLogin, DEMO_ADMIN } from '../helpers/admin-auth';
import { launchChromium, logInToAdmin } from '../helpers/browser';
import { startPlayground, type RunningPlayground } from '../helpers/playground-server';

/**
 * Settings → Live Support → Opening hours, in Chromium against the built playground, as a site
 * owner uses it: a lunch break, next year's Finnish holidays in one click, an extra closed day;
 * saved, and the customer's widget follows at once.
 */
let playground: RunningPlayground;
let browser: Browser;
let adminToken: string;

const asAdmin = (method: 'get' | 'put', path: string) =>
  request(playground.url)[method](path).set('Authorization', `Bearer ${adminToken}`);

beforeAll(async () => {
  [playground, browser] = await Promise.all([startPlayground(), launchChromium()]);
  adminToken = await adminLogin(playground.url, DEMO_ADMIN.email, DEMO_ADMIN.password);
  await asAdmin('put', '/live-support/settings').send({ queue: { enforceOpeningHours: true } }).expect(200);
  await asAdmin('put', '/live-support/opening-hours').send(DEFAULT_OPENING_HOURS).expect(200);
});

afterAll(async () => {
  if (adminToken) await asAdmin('put', '/live-support/opening-hours').send(DEFAULT_OPENING_HOURS).expect(200);
  await browser?.close();
  await playground?.stop();
});

async function openOpeningHours(page: Page): Promise<void> {
  await logInToAdmin(page, playground.url, DEMO_ADMIN.email, DEMO_ADMIN.password);
  await page.goto(`${playground.url}/admin/settings/live-support`);
  await page.getByLabel('Monday, interval 1: opens').waitFor({ timeout: 30000 });
}

describe('Settings → Live Support → Opening hours', () => {
  it('sets a lunch break, adds next year’s Finnish holidays in one click, closes today; the widget follows', async () => {
    const today = toLocalTime(new Date(), DEFAULT_OPENING_HOURS.timeZone).date;
    // From September on the editor offers next year's holidays first.
    const holidayYear = Number(today.slice(0, 4)) + (today.slice(5) >= '09-01' ? 1 : 0);
    const context = await browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    try {
      await openOpeningHours(page);

      await page.getByLabel('Monday, interval 1: closes').fill('12:00');
      await page.getByRole('button', { name: 'Add interval to Monday' }).click();
      await page.getByLabel('Monday, interval 2: opens').fill('13:00');
      await page.getByLabel('Monday, interval 2: closes').fill('18:00');

      await page.getByTestId('opening-holidays-FI').click();
      const midsummerEve = publicHolidays('FI', holidayYear).find((holiday) => holiday.name === 'Juhannusaatto');
      await page.getByTestId(`opening-exception-${midsummerEve?.date}`).waitFor();

      // An overlap is shown on its field and blocks the save until it is corrected.
      await page.getByLabel('Monday, interval 2: opens').fill('11:00');
      await page.getByText('Overlaps another interval of the same day.').waitFor();
      expect(await page.getByTestId('opening-hours-save').isDisabled()).toBe(true);
      await page.getByLabel('Monday, interval 2: opens').fill('13:00');

      // The new exception takes its place in date order: the one date that is not a holiday.
      await page.getByTestId('opening-exception-add').click();
      const dateInputs = page.getByLabel('Date', { exact: true });
      const dates = await dateInputs.evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
      const addedIndex = dates.findIndex((date) => !publicHolidays('FI', holidayYear).some((holiday) => holiday.date === date));
      await dateInputs.nth(addedIndex).fill(today);
      await page.getByLabel('Note', { exact: true }).nth(addedIndex).fill('Inventory');
      await page.getByTestId('opening-preview-status').getByText(/^Closed, opens /).waitFor();

      const axe = await new AxeBuilder({ page }).include('[data-testid="settings-openingHours"]').analyze();
      const serious = axe.violations
        .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
        .map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`);
      expect(serious).toEqual([]);

      await page.getByTestId('opening-hours-save').click();
      await page.getByText('Opening hours saved.').waitFor();

      const stored = (await asAdmin('get', '/live-support/opening-hours').expect(200)).body.data as OpeningHours;
      expect(stored.weekly.mon).toEqual([
        { from: '08:00', to: '12:00' },
        { from: '13:00', to: '18:00' },
      ]);
      expect(stored.exceptions).toContainEqual({ date: today, ranges: [], note: 'Inventory' });
      for (const holiday of publicHolidays('FI', holidayYear)) {
        if (holiday.date !== today) expect(stored.exceptions).toContainEqual({ date: holiday.date, ranges: [], note: holiday.name });
      }

      // The widget's status follows at once: closed all day today, whatever the hour.
      const config = (await request(playground.url).get('/api/live-support/widget-config').expect(200)).body.data;
      expect(config.availability.open).toBe(false);
      expect(toLocalTime(new Date(config.availability.nextOpeningAt), DEFAULT_OPENING_HOURS.timeZone).date > today).toBe(true);

      const shop = await context.newPage();
      await shop.goto(`${playground.url}/`);
      await shop.getByTestId('launcher').click();
      await shop.getByTestId('availability').waitFor({ timeout: 15000 });
    } finally {
      await context.close();
    }
  });
});
