import request from 'supertest';

import { UID } from '../../server/src/constants';
import { PUBLIC_API_BASE } from '../../server/src/contracts/constants';
import { addDays, DEFAULT_OPENING_HOURS, toLocalTime, type OpeningHours } from '../../server/src/domain/opening-hours';
import { DEMO_ADMIN, DEMO_AGENT } from '../helpers/admin-auth';
import { useBootedStrapi } from '../helpers/booted-strapi';
import { alwaysOpen, nextEvent, startCustomer, waitForMessage, widgetSocket } from '../helpers/protocol';

const app = useBootedStrapi();
const superAdmin = app.signIn(DEMO_ADMIN);
const agent = app.signIn(DEMO_AGENT);

const CLOSED_ALL_WEEK: OpeningHours['weekly'] = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };

async function storedRow() {
  const row = await app.strapi.db.query(UID.openingHours).findOne({});
  return { timeZone: row.timeZone, weekly: row.weekly, exceptions: row.exceptions };
}

const widgetAvailability = async () => (await request(app.url).get(`${PUBLIC_API_BASE}/widget-config`).expect(200)).body.data.availability;

const widgetConfig = async () => (await request(app.url).get(`${PUBLIC_API_BASE}/widget-config`).expect(200)).body.data;
const storedTexts = async () => (await app.service('settings').get()).texts;

afterEach(async () => {
  await superAdmin.put('/opening-hours', DEFAULT_OPENING_HOURS).expect(200);
  await app.service('settings').update({ texts: {} });
  await alwaysOpen(app);
});

describe('GET and PUT /opening-hours', () => {
  it('answers the seeded hours, and stores and answers a change whole', async () => {
    expect((await superAdmin.get('/opening-hours').expect(200)).body).toEqual({ data: DEFAULT_OPENING_HOURS });

    const lunchBreak: OpeningHours = {
      timeZone: 'Europe/Stockholm',
      weekly: { ...DEFAULT_OPENING_HOURS.weekly, mon: [{ from: '13:00', to: '17:00' }, { from: '08:00', to: '12:00' }], sat: [] },
      exceptions: [
        { date: '2027-06-25', ranges: [], note: 'Midsommarafton' },
        { date: '2027-12-23', ranges: [{ from: '09:00', to: '13:00' }] },
      ],
    };
    const saved = await superAdmin.put('/opening-hours', lunchBreak).expect(200);
    expect(saved.body).toEqual({ data: lunchBreak });
    expect(await storedRow()).toEqual(lunchBreak);
    expect((await superAdmin.get('/opening-hours').expect(200)).body.data).toEqual(lunchBreak);
  });

  it('refuses an agent without the settings permission, and saves nothing', async () => {
    const before = await storedRow();
    await agent.get('/opening-hours').expect(403);
    await agent.put('/opening-hours', { ...DEFAULT_OPENING_HOURS, weekly: CLOSED_ALL_WEEK }).expect(403);
    expect(await storedRow()).toEqual(before);
  });

  it.each<[string, object, string[]]>([
    ['an unknown time zone', { ...DEFAULT_OPENING_HOURS, timeZone: 'Europe/Atlantis' }, ['timeZone']],
    ['a reversed interval', { ...DEFAULT_OPENING_HOURS, weekly: { ...DEFAULT_OPENING_HOURS.weekly, tue: [{ from: '18:00', to: '08:00' }] } }, ['weekly', 'tue', '0']],
    [
      'overlapping intervals',
      { ...DEFAULT_OPENING_HOURS, weekly: { ...DEFAULT_OPENING_HOURS.weekly, mon: [{ from: '08:00', to: '12:00' }, { from: '11:00', to: '18:00' }] } },
      ['weekly', 'mon', '1', 'from'],
    ],
    ['a time that is not HH:MM', { ...DEFAULT_OPENING_HOURS, weekly: { ...DEFAULT_OPENING_HOURS.weekly, wed: [{ from: '8.00', to: '18:00' }] } }, ['weekly', 'wed', '0', 'from']],
    ['a date that does not exist', { ...DEFAULT_OPENING_HOURS, exceptions: [{ date: '2027-02-29', ranges: [] }] }, ['exceptions', '0', 'date']],
    [
      'a date given twice',
      { ...DEFAULT_OPENING_HOURS, exceptions: [{ date: '2027-12-24', ranges: [] }, { date: '2027-12-24', ranges: [{ from: '10:00', to: '12:00' }] }] },
      ['exceptions', '1', 'date'],
    ],
    ['a note too long', { ...DEFAULT_OPENING_HOURS, exceptions: [{ date: '2027-12-24', ranges: [], note: 'x'.repeat(201) }] }, ['exceptions', '0', 'note']],
    ['a missing weekday', { ...DEFAULT_OPENING_HOURS, weekly: { mon: [] } }, ['weekly', 'tue']],
    ['an unknown field', { ...DEFAULT_OPENING_HOURS, holidays: 'FI' }, []],
  ])('answers 400 for %s, naming the path, and saves nothing', async (_label, body, path) => {
    await superAdmin.put('/opening-hours', { ...DEFAULT_OPENING_HOURS, weekly: CLOSED_ALL_WEEK }).expect(200);
    const before = await storedRow();
    const response = await superAdmin.put('/opening-hours', body);
    expect(response.status).toBe(400);
    expect(response.body.error.name).toBe('ValidationError');
    expect(response.body.error.details.errors.map((error: { path: string[] }) => error.path)).toContainEqual(path);
    expect(await storedRow()).toEqual(before);
  });
});

describe('a saved change applies at once', () => {
  it('turns the widget’s status and the escalation decision closed and open again', async () => {
    await app.service('settings').update({ queue: { enforceOpeningHours: true, requireOnlineAgent: false } });

    await superAdmin.put('/opening-hours', { ...DEFAULT_OPENING_HOURS, weekly: CLOSED_ALL_WEEK }).expect(200);
    expect(await widgetAvailability()).toEqual({ open: false, nextOpeningAt: null, timeZone: DEFAULT_OPENING_HOURS.timeZone });
    const closedCustomer = await startCustomer(app);
    expect((await closedCustomer.post('/escalate')).body.data.status).toBe('offline');

    // Today and tomorrow open all day in the team's zone, so the test holds across midnight.
    const today = toLocalTime(new Date(), DEFAULT_OPENING_HOURS.timeZone).date;
    const allDay = [{ from: '00:00', to: '24:00' }];
    await superAdmin
      .put('/opening-hours', {
        ...DEFAULT_OPENING_HOURS,
        weekly: CLOSED_ALL_WEEK,
        exceptions: [
          { date: today, ranges: allDay, note: 'Open day' },
          { date: addDays(today, 1), ranges: allDay },
        ],
      })
      .expect(200);
    expect(await widgetAvailability()).toEqual({ open: true, nextOpeningAt: null, timeZone: DEFAULT_OPENING_HOURS.timeZone });
    const openCustomer = await startCustomer(app);
    expect((await openCustomer.post('/escalate')).body.data.status).toBe('queued');
  });

  it('tells a closed widget when it opens next, from an exception', async () => {
    await app.service('settings').update({ queue: { enforceOpeningHours: true } });
    const today = toLocalTime(new Date(), DEFAULT_OPENING_HOURS.timeZone).date;
    const inThreeDays = addDays(today, 3);
    await superAdmin
      .put('/opening-hours', { ...DEFAULT_OPENING_HOURS, weekly: CLOSED_ALL_WEEK, exceptions: [{ date: inThreeDays, ranges: [{ from: '10:00', to: '12:00' }] }] })
      .expect(200);
    const availability = await widgetAvailability();
    expect(availability.open).toBe(false);
    // 10:00 in Helsinki is 08:00 UTC in winter and 07:00 UTC in summer.
    expect(availability.nextOpeningAt).toMatch(new RegExp(`^${inThreeDays}T0[78]:00:00.000Z$`));
  });
});

describe('customer texts per language', () => {
  const FINNISH_CLOSED = 'Olemme kiinni, palaamme {nextOpening}.';

  it('stores an owner’s wording, shows it in the settings and the widget configuration, and resets it when left out', async () => {
    const saved = await superAdmin.put('/settings', { texts: { closed_notice: { fi: ` ${FINNISH_CLOSED} ` }, rating_prompt: { sv: 'Betyg?' } } }).expect(200);
    expect(saved.body.data.texts).toEqual({ closed_notice: { fi: FINNISH_CLOSED }, rating_prompt: { sv: 'Betyg?' } });
    expect((await superAdmin.get('/settings').expect(200)).body.data.texts).toEqual(saved.body.data.texts);
    const { texts } = await widgetConfig();
    expect(texts.fi).toMatchObject({ closed_notice: FINNISH_CLOSED, title: 'Asiakaspalvelu' });
    expect(texts.sv).toMatchObject({ rating_prompt: 'Betyg?' });
    expect(texts.en).not.toHaveProperty('closed_notice');

    await superAdmin.put('/settings', { texts: { rating_prompt: { sv: 'Betyg?' } } }).expect(200);
    expect(await storedTexts()).toEqual({ rating_prompt: { sv: 'Betyg?' } });
    expect((await widgetConfig()).texts.fi).not.toHaveProperty('closed_notice');
  });

  it.each<[string, object, string[]]>([
    ['an unknown text', { texts: { farewell: { fi: 'Hei hei' } } }, ['texts']],
    ['an unknown language', { texts: { resolved: { de: 'Tschüss' } } }, ['texts', 'resolved']],
    ['an unknown placeholder', { texts: { claimed: { fi: '{customerName} on täällä' } } }, ['texts', 'claimed', 'fi']],
    ['unbalanced braces', { texts: { closed_notice: { en: 'We open {nextOpening' } } }, ['texts', 'closed_notice', 'en']],
    ['an empty text', { texts: { resolved: { sv: '  ' } } }, ['texts', 'resolved', 'sv']],
    ['a text too long', { texts: { resolved: { en: 'x'.repeat(501) } } }, ['texts', 'resolved', 'en']],
    ['markup', { texts: { resolved: { en: 'Bye <img src=x onerror=alert(1)>' } } }, ['texts', 'resolved', 'en']],
  ])('answers 400 for %s, naming the path, and saves nothing', async (_label, body, path) => {
    await superAdmin.put('/settings', { texts: { resolved: { fi: 'Kiitos!' } } }).expect(200);
    const response = await superAdmin.put('/settings', { ...body, queue: { seatsPerAgent: 7 } });
    expect(response.status).toBe(400);
    expect(response.body.error.details.errors.map((error: { path: string[] }) => error.path)).toContainEqual(path);
    expect(await storedTexts()).toEqual({ resolved: { fi: 'Kiitos!' } });
    expect((await app.service('settings').get()).queue.seatsPerAgent).not.toBe(7);
  });

  it('refuses an agent without the settings permission', async () => {
    await agent.put('/settings', { texts: { resolved: { fi: 'Loppu.' } } }).expect(403);
    expect(await storedTexts()).toEqual({});
  });

  it('words a conversation’s system message as the owner wrote it, with the next opening filled in', async () => {
    await app.service('settings').update({ queue: { enforceOpeningHours: true } });
    const inThreeDays = addDays(toLocalTime(new Date(), DEFAULT_OPENING_HOURS.timeZone).date, 3);
    await superAdmin
      .put('/opening-hours', { ...DEFAULT_OPENING_HOURS, weekly: CLOSED_ALL_WEEK, exceptions: [{ date: inThreeDays, ranges: [{ from: '10:00', to: '12:00' }] }] })
      .expect(200);
    await superAdmin.put('/settings', { texts: { offline_closed: { fi: 'Suljettu. Avaamme {nextOpening}.' } } }).expect(200);

    const finnish = await startCustomer(app, { locale: 'fi' });
    expect((await finnish.post('/escalate')).body.data.status).toBe('offline');
    const notice = await waitForMessage(finnish, (message) => message.author === 'system');
    expect(notice.text).toMatch(/^Suljettu\. Avaamme \S+ \d+\.\d+\. (klo )?10\.00\.$/);

    // Another language keeps its default, which says why there is no queue.
    const english = await startCustomer(app, { locale: 'en' });
    await english.post('/escalate').expect(200);
    expect((await waitForMessage(english, (message) => message.author === 'system')).text).toBe(
      'Our customer service is closed now. You can leave a message and we will get back to you.',
    );
  });
});

describe('open widgets follow a change without a reload', () => {
  it('pushes the new configuration to a connected widget when texts or opening hours change', async () => {
    const customer = await startCustomer(app, { locale: 'fi' });
    const socket = await widgetSocket(app, customer.token);
    try {
      const textsPushed = nextEvent<{ texts: Record<string, Record<string, string>> }>(socket, 'config:changed', (config) => !!config.texts.fi?.closed_notice);
      await superAdmin.put('/settings', { texts: { closed_notice: { fi: 'Kiinni, avaamme {nextOpening}.' } } }).expect(200);
      expect((await textsPushed).texts.fi?.closed_notice).toBe('Kiinni, avaamme {nextOpening}.');

      await app.service('settings').update({ queue: { enforceOpeningHours: true } });
      const closedPushed = nextEvent<{ availability: { open: boolean } }>(socket, 'config:changed', (config) => !config.availability.open);
      await superAdmin.put('/opening-hours', { ...DEFAULT_OPENING_HOURS, weekly: CLOSED_ALL_WEEK }).expect(200);
      expect((await closedPushed).availability).toEqual({ open: false, nextOpeningAt: null, timeZone: DEFAULT_OPENING_HOURS.timeZone });
    } finally {
      socket.disconnect();
    }
  });

  it('pushes nothing for a save that changes nothing', async () => {
    // The clean-up after the test before changed the configuration, and its pushes go out in the
    // background: wait for them to be sent before this widget connects, so it hears only this test's.
    await app.service('notifier').widgetConfigChanged();
    const customer = await startCustomer(app, { locale: 'fi' });
    const socket = await widgetSocket(app, customer.token);
    try {
      const pushes: Array<{ texts: Record<string, Record<string, string>> }> = [];
      socket.on('config:changed', (config: { texts: Record<string, Record<string, string>> }) => pushes.push(config));
      const hours = (await superAdmin.get('/opening-hours').expect(200)).body.data as Record<string, unknown>;
      const texts = (await superAdmin.get('/settings').expect(200)).body.data.texts as Record<string, unknown>;
      await superAdmin.put('/opening-hours', hours).expect(200);
      await superAdmin.put('/settings', { texts }).expect(200);

      // A real change afterwards: pushes arrive in the order they were sent, so every push a
      // save without a change had sent would come before this one.
      const realPushed = nextEvent<{ texts: Record<string, Record<string, string>> }>(socket, 'config:changed', (config) => config.texts.fi?.closed_notice === 'Suljettu nyt.');
      await superAdmin.put('/settings', { texts: { closed_notice: { fi: 'Suljettu nyt.' } } }).expect(200);
      await realPushed;
      expect(pushes.map((config) => config.texts.fi?.closed_notice)).toEqual(['Suljettu nyt.']);
    } finally {
      socket.disconnect();
    }
  });
});
