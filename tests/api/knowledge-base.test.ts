import type { KnowledgeContextItem } from '../../server/src/contracts/views';
import { DEMO_ADMIN, DEMO_AGENT } from '../helpers/admin-auth';
import { useBootedStrapi } from '../helpers/booted-strapi';
import { FAQ_BOT_SETTINGS } from '../helpers/knowledge-base';
import { eventually, startCustomer, waitForMessage, type Customer } from '../helpers/protocol';

const app = useBootedStrapi();
const agent = app.signIn(DEMO_AGENT, { presence: 'online' });
const superAdmin = app.signIn(DEMO_ADMIN);

/** The playground's help articles: one collection, not localized, with a language field and drafts. */
const HELP_ARTICLE_SETTINGS = {
  provider: 'auto',
  knowledgeBase: { contentType: 'api::help-article.help-article', titleField: 'title', bodyField: 'body', languageField: 'language' },
};

type Documents = {
  create(params: object): Promise<{ documentId: string }>;
  update(params: object): Promise<unknown>;
  delete(params: object): Promise<unknown>;
  findMany(params: object): Promise<Array<{ documentId: string; question: string; answer: string }>>;
};
const documents = (uid: string) => app.strapi.documents(uid as never) as unknown as Documents;

async function botAnswer(locale: string, text: string): Promise<string> {
  const customer = await startCustomer(app, { locale });
  await customer.post('/messages', { clientId: 'q1', text }).expect(200);
  return (await waitForMessage(customer, (message) => message.author === 'bot')).text;
}

/** The agents' knowledge panel once the customer has written these messages. */
async function panelAfter(customer: Customer, texts: string[]): Promise<KnowledgeContextItem[]> {
  for (const [index, text] of texts.entries()) {
    await customer.post('/messages', { clientId: `m${index}`, text }).expect(200);
  }
  return eventually(async () => {
    const response = await agent.get(`/conversations/${customer.conversationId}/knowledge`).expect(200);
    const items = response.body.data as KnowledgeContextItem[];
    return items.length > 0 ? items : null;
  });
}

describe('knowledge-base bot on a localized FAQ', () => {
  beforeAll(async () => {
    await superAdmin.put('/settings', { bot: FAQ_BOT_SETTINGS }).expect(200);
  });

  it('answers from the FAQ collection in the customer’s language', async () => {
    expect(await botAnswer('fi', 'Kuinka nopeasti toimitatte tilaukset?')).toMatch(/Toimitamme tilaukset 1–3 arkipäivässä/);
    expect(await botAnswer('en', 'How do I return a product?')).toMatch(/return a product within 30 days/);
  });

  it('gives an English customer the English answer and a Swedish customer the Swedish one', async () => {
    expect(await botAnswer('en', 'How long is the warranty?')).toMatch(/^Products carry the manufacturer's warranty/);
    expect(await botAnswer('sv', 'Hur lång är garantin?')).toMatch(/^Produkterna har tillverkarens garanti/);
    expect(await botAnswer('fi', 'Kuinka pitkä takuu on?')).toMatch(/^Tuotteilla on valmistajan takuu/);
  });

  it('picks up an entry added while running, and stops answering from it once deleted', async () => {
    const faqs = documents('api::faq.faq');
    const created = await faqs.create({
      locale: 'fi-FI',
      data: { question: 'Myyttekö lahjakortteja?', answer: 'Kyllä: lahjakortit 20, 50 ja 100 euroa.' },
    });
    expect(await botAnswer('fi', 'Onko teillä lahjakortteja myynnissä?')).toMatch(/lahjakortit 20, 50/);

    await faqs.delete({ documentId: created.documentId, locale: 'fi-FI' });
    const fallback = await botAnswer('fi', 'Onko teillä lahjakortteja myynnissä?');
    expect(fallback).not.toMatch(/lahjakortit/);
    expect(fallback).toMatch(/asiakaspalvelijan/);
  });

  it('answers from the default locale’s version of an entry not translated into the customer’s', async () => {
    const faqs = documents('api::faq.faq');
    const created = await faqs.create({
      locale: 'en',
      data: { question: 'Do you have a shop in Stockholm?', answer: 'No shop in Stockholm: we sell online and deliver all over Sweden.' },
    });
    try {
      expect(await botAnswer('sv', 'Har ni en butik i Stockholm?')).toMatch(/^No shop in Stockholm/);
    } finally {
      await faqs.delete({ documentId: created.documentId, locale: 'en' });
    }
  });

  it('falls back to the default locale when the customer’s locale has no entries', async () => {
    const faqs = documents('api::faq.faq');
    expect(await botAnswer('sv', 'Tar ni MobilePay?')).toMatch(/^Vi tar emot nätbanksbetalningar, MobilePay/);

    const swedish = await faqs.findMany({ locale: 'sv-SE' });
    expect(swedish).toHaveLength(6);
    for (const entry of swedish) await faqs.delete({ documentId: entry.documentId, locale: 'sv-SE' });
    try {
      expect(await botAnswer('sv', 'Tar ni MobilePay?')).toMatch(/^We accept online bank payments, MobilePay/);
    } finally {
      for (const { documentId, question, answer } of swedish) {
        await faqs.update({ documentId, locale: 'sv-SE', data: { question, answer } });
      }
    }
    expect(await botAnswer('sv', 'Tar ni MobilePay?')).toMatch(/^Vi tar emot/);
  });

  it('gives agents the matching entries as context, in the entry’s locale, with a link to each', async () => {
    const customer = await startCustomer(app, { locale: 'en' });
    const [best] = await panelAfter(customer, ['I want to track my order']);
    expect(best).toMatchObject({
      title: 'How can I track my order?',
      locale: 'en',
      adminUrl: expect.stringMatching(/^\/admin\/content-manager\/collection-types\/api::faq\.faq\/\w+\?plugins\[i18n\]\[locale\]=en$/),
    });
    expect(best.excerpt).toMatch(/tracking code/);
  });

  it('shows agents the entries in the conversation’s language', async () => {
    const swedish = await panelAfter(await startCustomer(app, { locale: 'sv' }), ['Hur kan jag spåra min beställning?']);
    expect(swedish[0]).toMatchObject({ title: 'Hur kan jag spåra min beställning?', locale: 'sv-SE' });
    expect(swedish.every((item) => item.locale === 'sv-SE')).toBe(true);

    const finnish = await panelAfter(await startCustomer(app, { locale: 'fi' }), ['Miten seuraan tilaustani?']);
    expect(finnish[0]).toMatchObject({ title: 'Miten seuraan tilaustani?', locale: 'fi-FI' });
    expect(finnish.every((item) => item.locale === 'fi-FI')).toBe(true);
  });

  it('searches for the agent in the conversation’s language, before the customer has written', async () => {
    const customer = await startCustomer(app, { locale: 'sv' });
    const path = `/conversations/${customer.conversationId}/knowledge`;
    expect((await agent.get(path).expect(200)).body.data).toEqual([]);

    const found = (await agent.get(`${path}?q=garanti`).expect(200)).body.data as KnowledgeContextItem[];
    expect(found[0]).toMatchObject({ title: 'Hur lång är garantin?', locale: 'sv-SE', strength: 'strong' });
    expect(found.every((item) => item.locale === 'sv-SE')).toBe(true);
    expect((await agent.get(`${path}?q=${'x'.repeat(201)}`)).status).toBe(400);
  });

  it('shows a question that is an entry’s title as a strong match, whatever the customer wrote before', async () => {
    const customer = await startCustomer(app, { locale: 'en' });
    const [best] = await panelAfter(customer, [
      'Hello, I bought winter boots and a scarf last week',
      'My neighbour already got hers and I am getting worried',
      'How can I track my order?',
    ]);
    expect(best).toMatchObject({ title: 'How can I track my order?', confidence: 1, strength: 'strong' });
  });

  it('refuses settings that name a missing collection or field', async () => {
    for (const knowledgeBase of [{ contentType: 'api::nothing.nothing' }, { contentType: 'api::faq.faq', bodyField: 'nope' }]) {
      const response = await superAdmin.put('/settings', { bot: { knowledgeBase } });
      expect(response.status).toBe(400);
    }
    expect((await app.service('settings').get()).bot.knowledgeBase.contentType).toBe('api::faq.faq');
  });

  it('refuses another plugin’s collection, so its users cannot be published to visitors', async () => {
    const usersAsKnowledge = { contentType: 'plugin::users-permissions.user', titleField: 'username', bodyField: 'email' };
    const response = await superAdmin.put('/settings', { bot: { knowledgeBase: usersAsKnowledge } });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain('api::');
    expect((await app.service('settings').get()).bot.knowledgeBase.contentType).toBe('api::faq.faq');
  });

  it('does not use such a collection when it was stored before the rule existed', async () => {
    const before = (await app.service('settings').get()).bot.knowledgeBase;
    await app.service('settings').update({
      bot: { knowledgeBase: { contentType: 'plugin::users-permissions.user', titleField: 'username', bodyField: 'username' } },
    });
    try {
      expect(await app.service('knowledgeBase').isConfigured()).toBe(false);
    } finally {
      await app.service('settings').update({ bot: { knowledgeBase: before } });
    }
    expect(await app.service('knowledgeBase').isConfigured()).toBe(true);
  });
});

describe('knowledge-base bot on a collection that is not localized', () => {
  const paragraph = (text: string) => [{ type: 'paragraph', children: [{ type: 'text', text }] }];

  beforeAll(async () => {
    const articles = documents('api::help-article.help-article');
    await articles.create({
      status: 'published',
      data: { title: 'Voiko myymälässä noutaa?', body: paragraph('Kyllä: nouda tilaus Tampereen myymälästä arkisin.'), language: 'fi' },
    });
    await articles.create({
      status: 'published',
      data: { title: 'Can I collect in the store?', body: paragraph('Yes: collect your order at the Tampere store on weekdays.'), language: 'en' },
    });
    await articles.create({ data: { title: 'Gift wrapping', body: paragraph('A draft nobody should see yet.'), language: 'en' } });
    await superAdmin.put('/settings', { bot: HELP_ARTICLE_SETTINGS }).expect(200);
  });

  afterAll(async () => {
    await superAdmin.put('/settings', { bot: FAQ_BOT_SETTINGS }).expect(200);
  });

  it('answers from the published entries in the customer’s language, by the language field', async () => {
    expect(await botAnswer('en', 'Can I collect my order in the store?')).toMatch(/^Yes: collect your order at the Tampere store/);
    expect(await botAnswer('fi', 'Voiko tilauksen noutaa myymälästä?')).toMatch(/^Kyllä: nouda tilaus/);
    expect(await botAnswer('en', 'Do you do gift wrapping?')).not.toMatch(/draft/);
  });

  it('gives agents the entries without a locale, linked without one', async () => {
    const [best] = await panelAfter(await startCustomer(app, { locale: 'en' }), ['Can I collect in the store?']);
    expect(best).toMatchObject({
      title: 'Can I collect in the store?',
      locale: null,
      confidence: 1,
      strength: 'strong',
      adminUrl: expect.stringMatching(/^\/admin\/content-manager\/collection-types\/api::help-article\.help-article\/\w+$/),
    });
  });
});
