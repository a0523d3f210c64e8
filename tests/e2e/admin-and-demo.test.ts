import type { Browser, Page } from 'playwright-core';

import { PLUGIN_ID } from '../../server/src/contracts/constants';
import { DEMO_AGENT } from '../helpers/admin-auth';
import { launchChromium, logInToAdmin } from '../helpers/browser';
import { startPlayground, type RunningPlayground } from '../helpers/playground-server';

let playground: RunningPlayground;
let browser: Browser;

beforeAll(async () => {
  [playground, browser] = await Promise.all([startPlayground(), launchChromium()]);
});

afterAll(async () => {
  await browser?.close();
  await playground?.stop();
});

function logIn(page: Page, email: string, password: string): Promise<void> {
  return logInToAdmin(page, playground.url, email, password);
}

describe('agent desk in the admin panel', () => {
  it('lets the demo agent log in, open Live Support and see the desk', async () => {
    const context = await browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    try {
      await logIn(page, DEMO_AGENT.email, DEMO_AGENT.password);

      await page.getByRole('link', { name: 'Live Support' }).click();
      await page.waitForURL(new RegExp(`/admin/plugins/${PLUGIN_ID}`));
      await expectVisible(page.getByRole('heading', { level: 1, name: 'Live Support' }));
      await expectVisible(page.getByText('Waiting', { exact: true }));
      await page.getByTestId('count-queued').filter({ hasText: '0' }).waitFor();
    } finally {
      await context.close();
    }
  });
});

describe('demo page', () => {
  it('serves the shop page at / and loads the widget from its script tag', async () => {
    const context = await browser.newContext({ locale: 'fi-FI' });
    const page = await context.newPage();
    const failedRequests: string[] = [];
    page.on('requestfailed', (request) => failedRequests.push(request.url()));
    try {
      const response = await page.goto(`${playground.url}/`);
      expect(response?.status()).toBe(200);
      await expectVisible(page.getByRole('heading', { name: 'Tervetuloa Demokauppaan' }));

      // Playwright's locators pierce the widget's shadow root.
      await page.getByRole('button', { name: 'Chat' }).click();
      await expectVisible(page.getByRole('dialog', { name: 'Asiakaspalvelu' }));
      const closeButton = page.getByRole('button', { name: 'Sulje' });
      expect(await closeButton.getAttribute('aria-expanded')).toBe('true');
      await closeButton.click();
      await page.getByRole('dialog').waitFor({ state: 'hidden' });
      expect(failedRequests).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

async function expectVisible(locator: ReturnType<Page['getByText']>): Promise<void> {
  await locator.waitFor({ state: 'visible', timeout: 30000 });
  expect(await locator.isVisible()).toBe(true);
}
