import request from 'supertest';

import { UID } from '../../server/src/constants';
import { PUBLIC_API_BASE } from '../../server/src/contracts/constants';
import { addDays, DEFAULT_OPENING_HOURS, toLocalTime, type OpeningHours } from '../../server/src/domain/opening-hours';
import { DEMO_ADMIN, DEMO_AGENT } from '../helpers/admin-auth';
import { useBootedStrapi } from '../helpers/booted-strapi';
import { alwaysOpen, startCustomer } from '../helpers/protocol';

const app = useBootedStrapi();
const superAdmin = app.signIn(DEMO_ADMIN);
const agent = app.signIn(DEMO_AGENT);

const CLOSED_ALL_WEEK: OpeningHours['weekly'] = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };

async function storedRow() {
  const row = await app.strapi.db.query(UID.openingHours).findOne({});
  return { timeZone: row.timeZone, weekly: row.weekly, exceptions: row.exceptions };
}

const widgetAvailability = async () => (await request(app.url).get(`${PUBLIC_API_BASE}/widget-config`).expect(200)).body.data.availability;

afterEach(async () => {
  await superAdmin.put('/opening-hours', DEFAULT_OPENING_HOURS).expect(200);
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
