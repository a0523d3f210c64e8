import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Socket } from 'socket.io-client';
import request from 'supertest';

import { ADMIN_API_BASE, PUBLIC_API_BASE } from '../../server/src/contracts/constants';
import { adminLogin, DEMO_ADMIN, DEMO_AGENT } from '../helpers/admin-auth';
import { launchChromium } from '../helpers/browser';
import { OPTIONAL_VERIFICATION, userHashOf } from '../helpers/identity';
import { startPlayground, type RunningPlayground } from '../helpers/playground-server';
import { agentSocket as agentSocketTo, ask as askOn, eventually, nextEvent, okData } from '../helpers/protocol';

/**
 * The widget as a customer uses it, in Debian's Chromium, against the built playground, with a
 * real agent on the other side (the agent's socket, as the desk uses it).
 */
let playground: RunningPlayground;
let browser: Browser;
let agentToken: string;
let agentSocket: Socket;
/** The first node's database, which the restarted node runs on and does not remove. */
let restartedOnDatabase: string | null = null;

const connectAgent = () => agentSocketTo(playground, agentToken);

/** Asks on the agent's socket and answers the acknowledgement's data (a refusal fails the test). */
async function ask<T>(event: string, payload: object): Promise<T> {
  return okData(await askOn<T>(agentSocket, event, payload));
}

const nextAgentEvent = <T>(event: string, accept: (payload: T) => boolean, timeoutMs = 15000) =>
  nextEvent<T>(agentSocket, event, accept, timeoutMs);

async function settings(update: object): Promise<void> {
  const adminToken = await adminLogin(playground.url, DEMO_ADMIN.email, DEMO_ADMIN.password);
  await request(playground.url).put(`${ADMIN_API_BASE}/settings`).set('Authorization', `Bearer ${adminToken}`).send(update).expect(200);
}

beforeAll(async () => {
  [playground, browser] = await Promise.all([startPlayground(), launchChromium()]);
  await settings({ queue: { enforceOpeningHours: false }, ...OPTIONAL_VERIFICATION });
  agentToken = await adminLogin(playground.url, DEMO_AGENT.email, DEMO_AGENT.password);
  agentSocket = await connectAgent();
  await ask('presence:set', { status: 'online' });
});

afterAll(async () => {
  agentSocket?.close();
  await browser?.close();
  await playground?.stop();
  if (restartedOnDatabase) fs.rmSync(path.dirname(restartedOnDatabase), { recursive: true, force: true });
});

async function openDemo(context: BrowserContext, pagePath = '/'): Promise<Page> {
  const page = await context.newPage();
  page.on('dialog', (dialog) => {
    throw new Error(`unexpected dialog: ${dialog.message()}`);
  });
  await page.goto(`${playground.url}${pagePath}`);
  return page;
}

async function sendAsCustomer(page: Page, text: string): Promise<void> {
  await page.getByTestId('input').fill(text);
  await page.getByTestId('send').click();
}

const messages = (page: Page) => page.getByTestId('message');

async function seqsShown(page: Page): Promise<number[]> {
  const values = await messages(page).evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-seq')));
  return values.filter((value): value is string => Boolean(value)).map(Number);
}

async function claimNext(): Promise<number> {
  const queued = await nextAgentEvent<{ conversation: { id: number; status: string } }>(
    'queue:changed',
    (change) => change.conversation.status === 'queued',
  );
  await ask('conversation:claim', { conversationId: queued.conversation.id });
  return queued.conversation.id;
}

describe('a customer on the demo page', () => {
  let context: BrowserContext;
  let page: Page;
  let conversationId: number;

  beforeAll(async () => {
    context = await browser.newContext({ locale: 'fi-FI' });
    page = await openDemo(context);
  });

  afterAll(async () => {
    await context.close();
  });

  it('asks for a person in Finnish, waits in the queue and is claimed', async () => {
    await page.getByTestId('launcher').click();
    await page.getByTestId('panel').waitFor();
    expect(await page.getByTestId('input').evaluate((node) => node === (node.getRootNode() as ShadowRoot).activeElement)).toBe(true);

    const claimed = claimNext();
    await sendAsCustomer(page, 'Haluaisin puhua ihmisen kanssa');
    await messages(page).filter({ hasText: 'Haluaisin puhua ihmisen kanssa' }).and(page.locator('[data-state="sent"]')).waitFor();
    conversationId = await claimed;
    await page.getByTestId('agent-name').filter({ hasText: 'Aino' }).waitFor();
  });

  it('passes the site’s identify() after the chat started on to the agent, verified by its userHash', async () => {
    const changed = nextAgentEvent<{ conversation: { id: number; customerName: string | null } }>(
      'queue:changed',
      (change) => change.conversation.id === conversationId && change.conversation.customerName === 'Maija Asiakas',
    );
    // As the site's backend computes it and prints it into the page.
    const userHash = userHashOf('maija@example.com');
    await page.evaluate(
      (hash) =>
        (window as unknown as { LiveSupport: { identify(identity: object): void } }).LiveSupport.identify({
          name: 'Maija Asiakas',
          email: 'maija@example.com',
          userHash: hash,
        }),
      userHash,
    );
    await changed;
    const view = await ask<{ customer: { name: string; email: string; verified: boolean } }>('conversation:get', { conversationId });
    expect(view.customer).toMatchObject({ name: 'Maija Asiakas', email: 'maija@example.com', verified: true });
  });

  it('chats both ways with typing indicators', async () => {
    agentSocket.emit('typing', { conversationId, isTyping: true });
    await page.getByTestId('typing').filter({ hasText: 'Aino' }).waitFor();

    const customerTyping = nextAgentEvent<{ isTyping: boolean }>('typing', (event) => event.isTyping);
    await page.getByTestId('input').pressSequentially('Hei', { delay: 30 });
    await customerTyping;

    await ask('message:send', { conversationId, clientId: 'agent-1', text: 'Hei! Olen asiakaspalvelija Aino. Miten voin auttaa?' });
    await messages(page).filter({ hasText: 'Olen asiakaspalvelija Aino' }).waitFor();

    const received = nextAgentEvent<{ text: string; author: string }>('message:new', (message) => message.author === 'customer');
    await page.getByTestId('input').fill('Tilaukseni on myöhässä');
    await page.getByTestId('input').press('Enter');
    expect((await received).text).toBe('Tilaukseni on myöhässä');
  });

  it('shows agent messages with HTML as plain text', async () => {
    const payloads = ['<img src=x onerror=alert(1)>', '<script>alert(2)</script>', '<b>bold</b> & "quotes"'];
    for (const [index, text] of payloads.entries()) {
      await ask('message:send', { conversationId, clientId: `xss-${index}`, text });
    }
    for (const text of payloads) await messages(page).filter({ hasText: text }).waitFor();
    const injected = await page.locator('[data-live-support] img, [data-live-support] script, [data-live-support] b').count();
    expect(injected).toBe(0);
  });

  it('keeps the conversation over a reload, without duplicates', async () => {
    const before = await seqsShown(page);
    await page.reload();
    await page.getByTestId('launcher').click();
    await messages(page).filter({ hasText: 'Tilaukseni on myöhässä' }).waitFor();
    const after = await seqsShown(page);
    expect(new Set(after).size).toBe(after.length);
    expect(after).toEqual(before);
    await page.getByTestId('agent-name').filter({ hasText: 'Aino' }).waitFor();
  });

  it('reconnects after a server restart and catches up exactly', async () => {
    const { port, databaseFile, secrets } = playground;
    await playground.stop({ keepDatabase: true });
    restartedOnDatabase = databaseFile;
    agentSocket.close();
    playground = await startPlayground({ port, databaseFile, env: secrets });
    agentToken = await adminLogin(playground.url, DEMO_AGENT.email, DEMO_AGENT.password);
    agentSocket = await connectAgent();

    await ask('message:send', { conversationId, clientId: 'after-restart-1', text: 'Palvelin käynnistyi uudelleen.' });
    await ask('message:send', { conversationId, clientId: 'after-restart-2', text: 'Oletko vielä siellä?' });
    await messages(page).filter({ hasText: 'Oletko vielä siellä?' }).waitFor({ timeout: 60000 });

    const received = nextAgentEvent<{ text: string; seq: number }>('message:new', (message) => message.text === 'Olen täällä');
    await sendAsCustomer(page, 'Olen täällä');
    const own = await received;
    // The agent can hear of the message before the widget has its acknowledgement, which gives
    // the customer's own copy its number: wait for that, then compare.
    const seqs = await eventually(async () => {
      const shown = await seqsShown(page);
      return shown.includes(own.seq) && shown;
    }, 15000);
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    const history = await ask<{ messages: Array<{ seq: number }> }>('conversation:get', { conversationId });
    expect(seqs).toEqual(history.messages.map((message) => message.seq));
  });

  it('asks for a rating after the agent resolves, and stores it', async () => {
    await ask('conversation:resolve', { conversationId });
    await page.getByTestId('rating-5').click();
    await page.getByTestId('rating-comment').fill('Nopeaa apua');
    await page.getByTestId('rating-submit').click();
    const stored = await (async () => {
      for (let attempt = 0; attempt < 50; attempt += 1) {
        const view = await ask<{ csatScore: number | null; csatComment: string | null }>('conversation:get', { conversationId });
        if (view.csatScore) return view;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error('no rating stored');
    })();
    expect(stored).toMatchObject({ csatScore: 5, csatComment: 'Nopeaa apua' });
  });
});

describe('the queue as customers see it', () => {
  it('shows each waiting customer their place and moves them up live', async () => {
    const contexts = [await browser.newContext({ locale: 'en-US' }), await browser.newContext({ locale: 'en-US' })];
    try {
      const pages: Page[] = [];
      const ids: number[] = [];
      for (const context of contexts) {
        const page = await openDemo(context, '/');
        await page.evaluate(() => document.documentElement.setAttribute('lang', 'en'));
        await page.getByTestId('launcher').click();
        const queued = nextAgentEvent<{ conversation: { id: number; status: string } }>(
          'queue:changed',
          (change) => change.conversation.status === 'queued' && !ids.includes(change.conversation.id),
        );
        await sendAsCustomer(page, 'I want to talk to a human');
        ids.push((await queued).conversation.id);
        pages.push(page);
      }
      await pages[0].getByTestId('queue-status').filter({ hasText: /sijalla 1|number 1/ }).waitFor();
      await pages[1].getByTestId('queue-status').filter({ hasText: /sijalla 2|number 2/ }).waitFor();

      await ask('conversation:claim', { conversationId: ids[0] });
      await pages[1].getByTestId('queue-status').filter({ hasText: /sijalla 1|number 1/ }).waitFor();
      await pages[0].getByTestId('agent-name').waitFor();

      const left = nextAgentEvent<{ conversation: { id: number; status: string } }>(
        'queue:changed',
        (change) => change.conversation.id === ids[1] && change.conversation.status === 'abandoned',
      );
      await pages[1].getByTestId('leave').click();
      await left;
      await ask('conversation:resolve', { conversationId: ids[0] });
    } finally {
      for (const context of contexts) await context.close();
    }
  });
});

describe('languages and accessibility', () => {
  const pageWith = (locale: string) => `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>t</title></head>
    <body><main><h1>Shop</h1></main><script src="${PUBLIC_API_BASE}/widget.js" data-locale="${locale}" async></script></body></html>`;

  it.each([
    ['fi', /Asiakaspalvelu/],
    ['en', /Customer service/],
    ['sv', /Kundtjänst/],
  ])('speaks %s', async (locale, title) => {
    const context = await browser.newContext();
    try {
      await context.route(`${playground.url}/lang-${locale}.html`, (route) =>
        route.fulfill({ contentType: 'text/html', body: pageWith(locale) }),
      );
      const page = await openDemo(context, `/lang-${locale}.html`);
      await page.getByTestId('launcher').click();
      await page.getByTestId('panel').filter({ hasText: title }).waitFor();
    } finally {
      await context.close();
    }
  });

  it('has no axe violations in the open widget, with the bot, queued and active', async () => {
    const context = await browser.newContext({ locale: 'en-US' });
    try {
      const page = await openDemo(context);
      const audit = async (state: string) => {
        const results = await new AxeBuilder({ page }).include('[data-live-support]').analyze();
        expect({ state, violations: results.violations.map((violation) => `${violation.id}: ${violation.help}`) }).toEqual({
          state,
          violations: [],
        });
      };
      await page.getByTestId('launcher').click();
      await page.getByTestId('panel').waitFor();
      await audit('open');

      const queued = nextAgentEvent<{ conversation: { id: number; status: string } }>(
        'queue:changed',
        (change) => change.conversation.status === 'queued',
      );
      await sendAsCustomer(page, 'I want to talk to a human');
      const id = (await queued).conversation.id;
      await page.getByTestId('queue-status').waitFor();
      await audit('queued');
      await ask('conversation:claim', { conversationId: id });
      await page.getByTestId('agent-name').waitFor();
      await audit('active');
      await ask('conversation:resolve', { conversationId: id });
      await page.getByTestId('rating-5').waitFor();
      await audit('rating');
    } finally {
      await context.close();
    }
  });
});

describe('bundle', () => {
  it('ships within its size budget', () => {
    const dist = path.resolve(__dirname, '..', '..', 'widget', 'dist');
    const gzipped = (name: string) => gzipSync(fs.readFileSync(path.join(dist, name)), { level: 9 }).length;
    expect(gzipped('widget.js')).toBeLessThanOrEqual(3 * 1024);
    // The budget of scripts/check-widget-size.mjs (25 KB plus 832 bytes: see the reasons there).
    expect(gzipped('widget.js') + gzipped('widget-app.js')).toBeLessThanOrEqual(25 * 1024 + 832);
  });
});
