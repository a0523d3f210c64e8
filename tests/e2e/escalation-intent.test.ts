import type { Browser, Page } from 'playwright-core';
import request from 'supertest';

import { adminLogin, DEMO_ADMIN, DEMO_AGENT } from '../helpers/admin-auth';
import { launchChromium, logInToAdmin } from '../helpers/browser';
import { startPlayground, type RunningPlayground } from '../helpers/playground-server';
import { DEFAULT_ESCALATION_SETTINGS, detectCustomerEscalation } from '../../server/src/domain/escalation';
import { askForPersonProbability } from '../../server/src/domain/escalation/classifier';
import { startCustomer, waitForStatus } from '../helpers/protocol';

/**
 * The learned escalation layer in the admin, in Chromium, against the built playground: the
 * site owner tries a sentence in Settings → Live Support → Escalation, and agents see an
 * escalation by the classifier (trigger `intent`) under its own name on the desk.
 */
// Names the staff indirectly: in none of the default phrase or keyword lists.
const INDIRECT_REQUEST = 'Saisinko jonkun henkilökunnasta juttelemaan';
const RULES_ONLY = { ...DEFAULT_ESCALATION_SETTINGS, intent: { ...DEFAULT_ESCALATION_SETTINGS.intent, enabled: false } };

let playground: RunningPlayground;
let browser: Browser;
let adminToken: string;

beforeAll(async () => {
  [playground, browser] = await Promise.all([startPlayground(), launchChromium()]);
  adminToken = await adminLogin(playground.url, DEMO_ADMIN.email, DEMO_ADMIN.password);
  await request(playground.url)
    .put('/live-support/settings')
    .set('Authorization', `Bearer ${adminToken}`)
    .send({ queue: { enforceOpeningHours: false, requireOnlineAgent: false } })
    .expect(200);
});

afterAll(async () => {
  await browser?.close();
  await playground?.stop();
});

interface StoredEscalation {
  phrases: { enabled: boolean };
  intent: { enabled: boolean; threshold: number };
}

async function storedEscalation(): Promise<StoredEscalation> {
  const response = await request(playground.url).get('/live-support/settings').set('Authorization', `Bearer ${adminToken}`).expect(200);
  return response.body.data.escalation as StoredEscalation;
}

/** Types a sentence, presses Try and waits for the answer to it (an edit clears the one before). */
async function trySentence(page: Page, text: string): Promise<void> {
  await page.getByLabel('Customer message').fill(text);
  const result = page.getByTestId('escalation-trial-result');
  await result.waitFor({ state: 'detached' });
  await page.getByTestId('escalation-trial-submit').click();
  await result.waitFor();
}

describe('escalation in the admin', () => {
  it('tries a sentence against the form’s settings, saved or not, and shows what decided', async () => {
    const before = await storedEscalation();
    const context = await browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    try {
      await logInToAdmin(page, playground.url, DEMO_ADMIN.email, DEMO_ADMIN.password);
      await page.goto(`${playground.url}/admin/settings/live-support`);
      const trial = page.getByTestId('escalation-trial');
      await trial.waitFor({ timeout: 30000 });
      await page.getByLabel('Confidence that hands over').waitFor();

      await trySentence(page, 'I want to talk to a human');
      const result = page.getByTestId('escalation-trial-result');
      expect(await result.getAttribute('data-escalate')).toBe('true');
      expect(await result.textContent()).toContain('Would hand over to a person');
      expect(await page.getByTestId('escalation-trial-decided-by').textContent()).toBe('Decided by: Asked for a person');
      expect(await page.getByTestId('escalation-trial-words').textContent()).toContain('human');
      // The answer is in a live region, so a screen reader reads it out.
      expect(await trial.getByRole('status').textContent()).toContain('Would hand over to a person');

      // The same sentence with the form's unsaved switches: the phrases and the classifier off.
      await page.getByLabel('Detect requests for a person').click({ force: true });
      await page.getByLabel('Recognise requests the phrases miss').click({ force: true });
      await trySentence(page, 'I want to talk to a human');
      expect(await result.getAttribute('data-escalate')).toBe('false');
      expect(await result.textContent()).toContain('Would stay with the bot');
      expect(await page.getByTestId('escalation-trial-decided-by').textContent()).toBe('No rule fired.');

      // Another language, picked in the form.
      await page.getByLabel('Detect requests for a person').click({ force: true });
      await page.getByRole('combobox', { name: 'Language of the conversation' }).click();
      await page.getByRole('option', { name: 'Finnish' }).click();
      await trySentence(page, 'Haluan puhua ihmisen kanssa');
      expect(await result.getAttribute('data-escalate')).toBe('true');
      expect(await page.getByTestId('escalation-trial-decided-by').getAttribute('data-trigger')).toBe('phrase');

      // Trying saves nothing.
      expect(await storedEscalation()).toEqual(before);
    } finally {
      await context.close();
    }
  });

  it('shows an escalation by the classifier under its own name on the desk card and in the history', async () => {
    // A message no phrase, keyword or frustration rule catches: the classifier hands it over.
    const customer = await startCustomer(playground, { locale: 'fi', name: 'Ilona Intent' });
    expect(
      detectCustomerEscalation({ text: INDIRECT_REQUEST, language: 'fi', previousCustomerMessages: [], settings: RULES_ONLY }).escalate,
    ).toBe(false);
    await customer.post('/messages', { clientId: 'intent-1', text: INDIRECT_REQUEST }).expect(200);
    await waitForStatus(customer, 'queued');
    const reason = `asked for a person (confidence ${askForPersonProbability(INDIRECT_REQUEST, 'fi').toFixed(2)})`;

    const context = await browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    try {
      await logInToAdmin(page, playground.url, DEMO_AGENT.email, DEMO_AGENT.password);
      await page.goto(`${playground.url}/admin/plugins/live-support`);
      const card = page.getByTestId('column-waiting').getByTestId('card').filter({ hasText: 'Ilona Intent' });
      await card.waitFor({ timeout: 30000 });
      expect(await card.textContent()).toContain(`Recognised request for a person: ${reason}`);

      await page.goto(`${playground.url}/admin/plugins/live-support/conversations/${customer.conversationId}`);
      const escalated = page.getByTestId('history').getByTestId('event').filter({ hasText: 'Moved to the queue' });
      await escalated.waitFor({ timeout: 30000 });
      expect(await escalated.textContent()).toContain(`Moved to the queue: Recognised request for a person (${reason})`);
      expect(await page.getByTestId('customer').textContent()).toContain(`Recognised request for a person: ${reason}`);
    } finally {
      await context.close();
    }
  });
});
