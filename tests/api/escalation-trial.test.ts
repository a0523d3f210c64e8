import { DEFAULT_ESCALATION_SETTINGS, type EscalationSettings } from '../../server/src/domain/escalation';
import { DEMO_ADMIN, DEMO_AGENT } from '../helpers/admin-auth';
import { useBootedStrapi } from '../helpers/booted-strapi';
import { createAdmin, loginAgent } from '../helpers/protocol';

/** Low, so that the last test reaches it; the other tests try fewer sentences than this. */
const TRIALS_PER_MINUTE = 8;

const app = useBootedStrapi({ config: { rateLimit: { escalationTrialsPerUserPerMinute: TRIALS_PER_MINUTE } } });
const owner = app.signIn(DEMO_ADMIN);
const agent = app.signIn(DEMO_AGENT);

const TRY = '/settings/escalation/try';
const ASKS_FOR_A_PERSON = { text: 'I want to talk to a human', language: 'en' };

/** The default escalation settings with some rules switched, as the settings form would send them. */
const escalationWith = (switches: Partial<Record<'phrases' | 'keywords' | 'frustration' | 'intent', boolean>>): EscalationSettings => {
  const settings = structuredClone(DEFAULT_ESCALATION_SETTINGS) as EscalationSettings;
  for (const [rule, enabled] of Object.entries(switches)) settings[rule as keyof typeof switches].enabled = enabled;
  return settings;
};

describe('POST /settings/escalation/try', () => {
  it('needs the settings permission', async () => {
    const refused = await agent.post(TRY, ASKS_FOR_A_PERSON);
    expect(refused.status).toBe(403);
  });

  it.each([
    ['an empty text', { text: '   ', language: 'en' }, ['text']],
    ['a text over 2000 characters', { text: 'a'.repeat(2001), language: 'en' }, ['text']],
    ['an unknown language', { text: 'hello', language: 'de' }, ['language']],
    [
      'a threshold outside its range',
      { ...ASKS_FOR_A_PERSON, escalation: { ...DEFAULT_ESCALATION_SETTINGS, intent: { enabled: true, threshold: 0.3 } } },
      ['escalation', 'intent', 'threshold'],
    ],
    ['settings missing a rule', { ...ASKS_FOR_A_PERSON, escalation: { phrases: DEFAULT_ESCALATION_SETTINGS.phrases } }, ['escalation', 'keywords']],
  ])('answers 400 naming the path for %s', async (_case, body, path) => {
    const refused = await owner.post(TRY, body);
    expect(refused.status).toBe(400);
    expect(refused.body.error.name).toBe('ValidationError');
    expect(refused.body.error.details.errors.map((issue: { path: string[] }) => issue.path)).toContainEqual(path);
  });

  it('decides a request for a person by the phrase rule, with the words it matched', async () => {
    const { body } = await owner.post(TRY, ASKS_FOR_A_PERSON).expect(200);
    expect(body.data).toMatchObject({ escalate: true, decidedBy: 'phrase' });
    expect(body.data.reason).toMatch(/asked for a person/);
    expect(body.data.matchedWords).toEqual(expect.arrayContaining(['human']));
  });

  it('tries the unsaved settings of the body, not the stored ones, and the stored ones without a body', async () => {
    const settings = app.service('settings') as unknown as { update(update: object): Promise<unknown> };
    await settings.update({ escalation: { phrases: { enabled: false } } });
    try {
      // Stored: phrases off. Everything else off too, so that no other layer decides instead.
      const allOff = { phrases: false, keywords: false, frustration: false, intent: false };
      const stored = await owner.post(TRY, ASKS_FOR_A_PERSON).expect(200);
      expect(stored.body.data.decidedBy).not.toBe('phrase');

      const phrasesOn = await owner.post(TRY, { ...ASKS_FOR_A_PERSON, escalation: escalationWith({ ...allOff, phrases: true }) }).expect(200);
      expect(phrasesOn.body.data).toMatchObject({ escalate: true, decidedBy: 'phrase' });

      const nothingOn = await owner.post(TRY, { ...ASKS_FOR_A_PERSON, escalation: escalationWith(allOff) }).expect(200);
      expect(nothingOn.body.data).toEqual({ escalate: false, decidedBy: null, reason: null, confidence: null, matchedWords: [] });
    } finally {
      await settings.update({ escalation: { phrases: { enabled: true } } });
    }
  });

  it('limits how many sentences one admin user tries per minute', async () => {
    const account = { email: 'tuner@example.com', password: 'Tuner-Pass-1', firstname: 'Tiina' };
    await createAdmin(app, account, 'strapi-super-admin');
    const tuner = await loginAgent(app, account.email, account.password);
    // A refused body does not use up the allowance.
    await tuner.post(TRY, { text: '', language: 'en' }).expect(400);
    for (let index = 0; index < TRIALS_PER_MINUTE; index += 1) await tuner.post(TRY, ASKS_FOR_A_PERSON).expect(200);
    const refused = await tuner.post(TRY, ASKS_FOR_A_PERSON);
    expect(refused.status).toBe(429);
    expect(refused.body.error.details).toMatchObject({ code: 'RATE_LIMITED' });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // Another user's allowance is their own.
    await owner.post(TRY, ASKS_FOR_A_PERSON).expect(200);
  });
});
