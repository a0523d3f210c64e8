import { UID } from '../../server/src/constants';
import { useBootedStrapi } from '../helpers/booted-strapi';

// The database as seeding leaves it: no settings written before the restart.
const app = useBootedStrapi({ openingHours: 'enforced' });

/** A second boot on the same database: seeding must not duplicate nor undo the owner's edits. */
describe('restarting on the same database', () => {
  it('keeps edited and deleted defaults as the site owner left them', async () => {
    const templates = app.strapi.documents(UID.template as never);
    const seeded = (await templates.findMany({})) as unknown as Array<{ documentId: string; name: string; language: string }>;
    expect(seeded).toHaveLength(9);

    const greeting = seeded.find((template) => template.name === 'Tervehdys')!;
    const closing = seeded.find((template) => template.name === 'Closing')!;
    await templates.update({ documentId: greeting.documentId, data: { body: 'Moi! Täällä {agentName}.' } as never });
    await templates.delete({ documentId: closing.documentId });

    const hours = app.strapi.documents(UID.openingHours as never);
    const existingHours = (await hours.findFirst({})) as { documentId: string };
    await hours.update({ documentId: existingHours.documentId, data: { timeZone: 'Europe/Stockholm' } as never });

    await app.restart();

    const afterRestart = (await app.strapi.documents(UID.template as never).findMany({})) as unknown as Array<{ name: string; body: string }>;
    expect(afterRestart).toHaveLength(8);
    expect(afterRestart.find((template) => template.name === 'Tervehdys')?.body).toBe('Moi! Täällä {agentName}.');
    expect(afterRestart.some((template) => template.name === 'Closing')).toBe(false);

    const openingHours = (await app.strapi.documents(UID.openingHours as never).findMany({})) as unknown as Array<{ timeZone: string }>;
    expect(openingHours).toHaveLength(1);
    expect(openingHours[0].timeZone).toBe('Europe/Stockholm');
  });
});
