import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Socket } from 'socket.io-client';
import request from 'supertest';

import { ADMIN_API_BASE } from '../../server/src/contracts/constants';
import { adminLogin, DEMO_ADMIN, DEMO_AGENT } from '../helpers/admin-auth';
import { launchChromium } from '../helpers/browser';
import { startPlayground, type RunningPlayground } from '../helpers/playground-server';
import { agentSocket as agentSocketTo, ask, okData } from '../helpers/protocol';

/**
 * Times in the widget as a customer sees them, in Debian's Chromium against the built
 * playground: the queue's estimated wait counting down between pushes, and the next opening
 * in the team's clock for a customer in another time zone.
 */
let playground: RunningPlayground;
let browser: Browser;
let agentSocket: Socket;

async function settings(update: object): Promise<void> {
  const adminToken = await adminLogin(playground.url, DEMO_ADMIN.email, DEMO_ADMIN.password);
  await request(playground.url).put(`${ADMIN_API_BASE}/settings`).set('Authorization', `Bearer ${adminToken}`).send(update).expect(200);
}

beforeAll(async () => {
  [playground, browser] = await Promise.all([startPlayground(), launchChromium()]);
  await settings({ queue: { enforceOpeningHours: false, showEstimatedWait: true } });
  // An agent online (there is no estimate without one) who claims nobody.
  agentSocket = await agentSocketTo(playground, await adminLogin(playground.url, DEMO_AGENT.email, DEMO_AGENT.password));
  okData(await ask(agentSocket, 'presence:set', { status: 'online' }));
});

afterAll(async () => {
  agentSocket?.close();
  await browser?.close();
  await playground?.stop();
});

/** The demo page is in Finnish, and so is its widget. */
async function openWidget(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${playground.url}/`);
  await page.getByTestId('launcher').click();
  return page;
}

describe('the estimated wait', () => {
  it('counts down without a push, to "any moment now" and never below', async () => {
    const context = await browser.newContext({ locale: 'fi-FI' });
    try {
      // The page's clock stands still until moved; the timers run as usual.
      const start = Date.now();
      await context.clock.setFixedTime(start);
      const page = await openWidget(context);
      await page.getByTestId('input').fill('I want to talk to a human');
      await page.getByTestId('send').click();

      const status = page.getByTestId('queue-status');
      await status.filter({ hasText: /sijalla 1, odotusaika noin \d+ min\./ }).waitFor();
      const minutes = Number((await status.textContent())?.match(/noin (\d+) min/)?.[1]);
      expect(minutes).toBeGreaterThanOrEqual(1);

      for (let passed = 1; passed < minutes; passed++) {
        await context.clock.setFixedTime(start + passed * 60_000 + 1000);
        await status.filter({ hasText: `noin ${minutes - passed} min.` }).waitFor({ timeout: 15000 });
      }
      await context.clock.setFixedTime(start + minutes * 60_000 + 1000);
      await status.filter({ hasText: 'Olet jonossa sijalla 1, vuorosi tulee aivan pian.' }).waitFor({ timeout: 15000 });
      await context.clock.setFixedTime(start + (minutes + 10) * 60_000);
      await page.waitForTimeout(6000);
      expect(await status.textContent()).toBe('Olet jonossa sijalla 1, vuorosi tulee aivan pian.');

      await page.getByTestId('leave').click();
      await page.getByTestId('abandoned').waitFor();
    } finally {
      await context.close();
    }
  });
});

describe('the next opening', () => {
  it('is shown in the team’s time and named for a customer in New York', async () => {
    await settings({ queue: { enforceOpeningHours: true } });
    // Closed every weekday; open only three days from now, 08:00–18:00 in Helsinki.
    const openingDay = new Date(Date.now() + 3 * 86_400_000).toLocaleDateString('en-CA', { timeZone: 'Europe/Helsinki' });
    const adminToken = await adminLogin(playground.url, DEMO_ADMIN.email, DEMO_ADMIN.password);
    const weekly = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };
    const exceptions = [{ date: openingDay, ranges: [{ from: '08:00', to: '18:00' }], note: 'Test day' }];
    await request(playground.url)
      .put(`${ADMIN_API_BASE}/opening-hours`)
      .set('Authorization', `Bearer ${adminToken}`)
      .send({ timeZone: 'Europe/Helsinki', weekly, exceptions })
      .expect(200);

    const context = await browser.newContext({ locale: 'fi-FI', timezoneId: 'America/New_York' });
    try {
      const page = await openWidget(context);
      const zoneName = await page.evaluate(() =>
        new Intl.DateTimeFormat('fi', { timeZone: 'Europe/Helsinki', timeZoneName: 'longGeneric' })
          .formatToParts(new Date())
          .find((part) => part.type === 'timeZoneName')?.value,
      );
      const banner = page.getByTestId('availability');
      await banner.waitFor();
      // 08:00 in Helsinki is 01:00 in New York: the team's hour, with its zone's name.
      expect(await banner.textContent()).toMatch(new RegExp(`^Asiakaspalvelu on nyt suljettu, avaamme \\S+na 08\\.00 \\(${zoneName}\\)\\.$`));
    } finally {
      await context.close();
      await settings({ queue: { enforceOpeningHours: false } });
    }
  });
});
