import { bootStrapi, type BootedStrapi } from '../helpers/strapi';

const TEMPLATE_UID = 'plugin::live-support.template' as never;
const OPENING_HOURS_UID = 'plugin::live-support.opening-hours' as never;

/** A second boot on the same database: seeding must not duplicate nor undo the owner's edits. */
describe('restarting on the same database', () => {
  let app: BootedStrapi | undefined;

  afterAll(async () => {
    await app?.stop();
    app?.removeDatabase();
  });

  it('keeps edited and deleted defaults as the site owner left them', async () => {
    app = await bootStrapi();
    const templates = app.strapi.documents(TEMPLATE_UID);
    const seeded = (await templates.findMany({})) as unknown as Array<{ documentId: string; name: string; language: string }>;
    expect(seeded).toHaveLength(6);

    const greeting = seeded.find((template) => template.name === 'Tervehdys')!;
    const closing = seeded.find((template) => template.name === 'Closing')!;
    await templates.update({ documentId: greeting.documentId, data: { body: 'Moi! Täällä {agentName}.' } as never });
    await templates.delete({ documentId: closing.documentId });

    const hours = app.strapi.documents(OPENING_HOURS_UID);
    const existingHours = (await hours.findFirst({})) as { documentId: string };
    await hours.update({ documentId: existingHours.documentId, data: { timeZone: 'Europe/Stockholm' } as never });

    const databaseFile = app.databaseFile;
    const removeDatabase = app.removeDatabase;
    await app.stop();

    app = await bootStrapi({ databaseFile });
    app.removeDatabase = removeDatabase;

    const afterRestart = (await app.strapi.documents(TEMPLATE_UID).findMany({})) as unknown as Array<{ name: string; body: string }>;
    expect(afterRestart).toHaveLength(5);
    expect(afterRestart.find((template) => template.name === 'Tervehdys')?.body).toBe('Moi! Täällä {agentName}.');
    expect(afterRestart.some((template) => template.name === 'Closing')).toBe(false);

    const openingHours = (await app.strapi.documents(OPENING_HOURS_UID).findMany({})) as unknown as Array<{ timeZone: string }>;
    expect(openingHours).toHaveLength(1);
    expect(openingHours[0].timeZone).toBe('Europe/Stockholm');
  });
});
