import { DEMO_ADMIN, DEMO_AGENT } from '../helpers/admin-auth';
import { useBootedStrapi } from '../helpers/booted-strapi';
import { createAdmin, loginAgent, startCustomer } from '../helpers/protocol';

/** Low, so that the last test reaches it; the other tests change fewer replies than this per user. */
const CHANGES_PER_MINUTE = 16;

const app = useBootedStrapi({ config: { rateLimit: { cannedReplyChangesPerUserPerMinute: CHANGES_PER_MINUTE } } });
const owner = app.signIn(DEMO_ADMIN);
const agent = app.signIn(DEMO_AGENT);
const colleague = app.signIn({ email: 'elias@example.com', password: 'Demo-Agent-1' });

const REPLIES = '/canned-replies';

interface ReplyBody {
  id: number;
  scope: 'personal' | 'shared';
  shortcut: string;
  title: string;
  text: string;
  language: string;
  rendered: string;
  editable: boolean;
}

const personal = (shortcut: string, extra: object = {}) => ({
  scope: 'personal',
  shortcut,
  title: `Reply ${shortcut}`,
  text: 'Hi {customerName}, this is {agentName}. We open {nextOpening}.',
  language: 'en',
  ...extra,
});

const listOf = async (who: typeof agent, query = ''): Promise<ReplyBody[]> =>
  (await who.get(`${REPLIES}${query}`).expect(200)).body.data as ReplyBody[];

describe('GET /canned-replies', () => {
  it('lists the seeded shared replies in all three languages, with shortcuts', async () => {
    const replies = await listOf(agent);
    const shared = replies.filter((reply) => reply.scope === 'shared');
    expect(new Set(shared.map((reply) => reply.language))).toEqual(new Set(['fi', 'en', 'sv']));
    expect(shared.map((reply) => reply.shortcut)).toEqual(expect.arrayContaining(['tervehdys', 'greeting', 'halsning']));
    // An agent without settings may use the shared replies but not change them.
    expect(shared.every((reply) => reply.editable === false)).toBe(true);
    expect((await listOf(owner)).filter((reply) => reply.scope === 'shared').every((reply) => reply.editable)).toBe(true);
  });

  it('puts the conversation language first and fills in its customer and agent', async () => {
    const customer = await startCustomer(app, { locale: 'sv', name: 'Sara' });
    await agent.post(REPLIES, personal('hallo', { language: 'all', text: 'Hej {customerName}, {agentName} här.' })).expect(201);
    const replies = await listOf(agent, `?conversationId=${customer.conversationId}`);
    const languages = replies.map((reply) => reply.language);
    expect(languages.slice(0, 3)).toEqual(['sv', 'sv', 'sv']);
    expect(languages[3]).toBe('all');
    const greeting = replies.find((reply) => reply.shortcut === 'halsning')!;
    expect(greeting.rendered).toBe('Hej! Jag heter Aino och arbetar med kundtjänst. Hur kan jag hjälpa dig?');
    expect(replies.find((reply) => reply.shortcut === 'hallo')!.rendered).toBe('Hej Sara, Aino här.');
    await agent.get(`${REPLIES}?conversationId=999999`).expect(404);
    await agent.get(`${REPLIES}?conversationId=abc`).expect(400);
  });
});

describe('personal replies', () => {
  it('are created by their owner with chat and seen by nobody else', async () => {
    const { body } = await agent.post(REPLIES, personal('thanks')).expect(201);
    const created = body.data as ReplyBody;
    expect(created).toMatchObject({ scope: 'personal', shortcut: 'thanks', editable: true });
    // Without a conversation, the fallbacks: the customer's name dropped, the agent "an agent", the opening "soon".
    expect(created.rendered).toBe('Hi, this is an agent. We open soon.');

    expect((await listOf(agent)).map((reply) => reply.id)).toContain(created.id);
    expect((await listOf(colleague)).map((reply) => reply.id)).not.toContain(created.id);
    expect((await listOf(owner)).map((reply) => reply.id)).not.toContain(created.id);

    // For everyone else the reply does not exist: 404, and it stays as it was.
    const edit = personal('stolen');
    delete (edit as Partial<typeof edit>).scope;
    expect((await colleague.put(`${REPLIES}/${created.id}`, edit)).status).toBe(404);
    expect((await owner.put(`${REPLIES}/${created.id}`, edit)).status).toBe(404);
    expect((await colleague.delete(`${REPLIES}/${created.id}`)).status).toBe(404);
    expect((await listOf(agent)).find((reply) => reply.id === created.id)?.shortcut).toBe('thanks');

    // Nor do they see it in the reply box's template list.
    const customer = await startCustomer(app, { locale: 'en' });
    const templates = await colleague.get(`/conversations/${customer.conversationId}/templates`).expect(200);
    expect((templates.body.data as Array<{ id: number }>).map((template) => template.id)).not.toContain(created.id);
  });

  it('are edited and deleted by their owner', async () => {
    const created = (await agent.post(REPLIES, personal('wait')).expect(201)).body.data as ReplyBody;
    const { scope: _scope, ...content } = personal('wait-more', { title: 'Please wait', language: 'fi', text: 'Hetki vain.' });
    const updated = (await agent.put(`${REPLIES}/${created.id}`, content).expect(200)).body.data as ReplyBody;
    expect(updated).toMatchObject({ id: created.id, shortcut: 'wait-more', title: 'Please wait', language: 'fi', text: 'Hetki vain.' });
    await agent.delete(`${REPLIES}/${created.id}`).expect(200);
    expect((await listOf(agent)).map((reply) => reply.id)).not.toContain(created.id);
    await agent.delete(`${REPLIES}/${created.id}`).expect(404);
  });

  it('have shortcuts unique per owner: two agents may use the same one, one agent not twice', async () => {
    await agent.post(REPLIES, personal('same')).expect(201);
    await colleague.post(REPLIES, personal('same')).expect(201);
    const taken = await agent.post(REPLIES, personal('same'));
    expect(taken.status).toBe(409);
    expect(taken.body.error.details).toMatchObject({ code: 'SHORTCUT_TAKEN', shortcut: 'same', scope: 'personal' });
  });
});

describe('shared replies', () => {
  it('need the settings permission to create, edit or delete', async () => {
    const shared = { ...personal('opening'), scope: 'shared' };
    const refused = await agent.post(REPLIES, shared);
    expect(refused.status).toBe(403);
    expect(refused.body.error.details).toMatchObject({ code: 'FORBIDDEN' });

    const created = (await owner.post(REPLIES, shared).expect(201)).body.data as ReplyBody;
    expect(created).toMatchObject({ scope: 'shared', editable: true });
    expect((await listOf(agent)).find((reply) => reply.id === created.id)).toMatchObject({ editable: false });

    const { scope: _scope, ...content } = shared;
    expect((await agent.put(`${REPLIES}/${created.id}`, content)).status).toBe(403);
    expect((await agent.delete(`${REPLIES}/${created.id}`)).status).toBe(403);
    await owner.put(`${REPLIES}/${created.id}`, { ...content, title: 'Opening hours' }).expect(200);
    await owner.delete(`${REPLIES}/${created.id}`).expect(200);
  });

  it('take a shortcut only once among the shared replies', async () => {
    const taken = await owner.post(REPLIES, { ...personal('greeting'), scope: 'shared' });
    expect(taken.status).toBe(409);
    expect(taken.body.error.details).toMatchObject({ code: 'SHORTCUT_TAKEN', scope: 'shared' });
  });
});

describe('access and validation', () => {
  it('refuses users without read (list) or chat (changes)', async () => {
    const account = { email: 'author@example.com', password: 'Author-Pass-1', firstname: 'Aatu' };
    await createAdmin(app, account, 'strapi-author');
    const author = await loginAgent(app, account.email, account.password);
    expect((await author.get(REPLIES)).status).toBe(403);
    expect((await author.post(REPLIES, personal('mine'))).status).toBe(403);
  });

  it.each([
    ['a shortcut with capitals and spaces', { shortcut: 'My Reply' }, ['shortcut']],
    ['a shortcut over 32 characters', { shortcut: 'a'.repeat(33) }, ['shortcut']],
    ['an empty title', { title: '   ' }, ['title']],
    ['a text over 2000 characters', { text: 'a'.repeat(2001) }, ['text']],
    ['an unknown language', { language: 'de' }, ['language']],
    ['an unknown scope', { scope: 'team' }, ['scope']],
    ['an unknown field', { category: 'greeting' }, []],
  ])('answers 400 naming the path for %s', async (_case, change, path) => {
    const refused = await agent.post(REPLIES, personal('valid', change));
    expect(refused.status).toBe(400);
    expect(refused.body.error.name).toBe('ValidationError');
    expect(refused.body.error.details.errors.map((issue: { path: string[] }) => issue.path)).toContainEqual(path);
  });

  it('answers 400 for an edit that tries to move a reply to another scope', async () => {
    const created = (await agent.post(REPLIES, personal('stay')).expect(201)).body.data as ReplyBody;
    const refused = await agent.put(`${REPLIES}/${created.id}`, personal('stay', { scope: 'shared' }));
    expect(refused.status).toBe(400);
    await agent.put(`${REPLIES}/not-a-number`, personal('stay')).expect(400);
  });

  it('limits how many changes one user makes per minute', async () => {
    const account = { email: 'busy@example.com', password: 'Busy-Pass-1', firstname: 'Bea' };
    await createAdmin(app, account, 'live-support-agent');
    const busy = await loginAgent(app, account.email, account.password);
    // A refused body does not use up the allowance.
    await busy.post(REPLIES, personal('BAD')).expect(400);
    for (let index = 0; index < CHANGES_PER_MINUTE; index += 1) await busy.post(REPLIES, personal(`r${index}`)).expect(201);
    const refused = await busy.post(REPLIES, personal('one-more'));
    expect(refused.status).toBe(429);
    expect(refused.body.error.details).toMatchObject({ code: 'RATE_LIMITED' });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // Listing is not limited, and another user's allowance is their own.
    await busy.get(REPLIES).expect(200);
    await agent.post(REPLIES, personal('still-fine')).expect(201);
  });
});
