import type { AgentConversationView } from '../../server/src/contracts/views';
import { DEMO_AGENT } from '../helpers/admin-auth';
import { useBootedStrapi } from '../helpers/booted-strapi';
import { eventually, startCustomer, waitForStatus, type Customer } from '../helpers/protocol';

const app = useBootedStrapi();
const agent = app.signIn(DEMO_AGENT, { presence: 'online' });

interface MessageLike {
  author: string;
  text: string;
}

async function conversationView(id: number): Promise<AgentConversationView> {
  return (await agent.get(`/conversations/${id}`)).body.data as AgentConversationView;
}

const botAnswers = async (customer: Customer): Promise<number> =>
  ((await customer.get('/messages')).body.data as MessageLike[]).filter((message) => message.author === 'bot').length;

/**
 * Sends a customer message and waits for the bot's turn on it to finish: the bot has answered it,
 * so the next message is checked against a history that holds this one.
 */
async function sayAndWaitForBot(customer: Customer, clientId: string, text: string): Promise<void> {
  const before = await botAnswers(customer);
  await customer.post('/messages', { clientId, text }).expect(200);
  await eventually(async () => (await botAnswers(customer)) > before);
}

const statusOf = async (customer: Customer): Promise<string> => (await customer.get('')).body.data.status as string;

beforeAll(async () => {
  // The bot answers these questions with its fallback, a failed answer: with the failed-answers
  // rule on (2 in a row by default) it would hand the conversation over before frustration does.
  await app.service('settings').update({ escalation: { failedAnswers: { enabled: false } } });
});

describe('frustration over the API', () => {
  it('escalates a question asked again, read from the stored messages, with a reason naming the repeat', async () => {
    const customer = await startCustomer(app, { locale: 'fi' });
    await sayAndWaitForBot(customer, 'r1', 'Missä minun tilaukseni on?');
    // One repeat scores 0.30, below the default threshold 0.6: the bot keeps the conversation.
    await sayAndWaitForBot(customer, 'r2', 'Missä minun tilaukseni on nyt?');
    expect(await statusOf(customer)).toBe('bot');

    await customer.post('/messages', { clientId: 'r3', text: 'missä on minun tilaukseni' }).expect(200);
    await waitForStatus(customer, 'queued');
    const view = await conversationView(customer.conversationId);
    expect(view.escalationTrigger).toBe('frustration');
    expect(view.escalationReason).toBe('frustration 0.60: repeated question');
    // Handed over before the bot answered the third time.
    expect(view.messages.filter((message) => message.author === 'bot')).toHaveLength(2);
  });

  it('does not escalate different questions', async () => {
    const customer = await startCustomer(app, { locale: 'fi' });
    await sayAndWaitForBot(customer, 'd1', 'Missä minun tilaukseni on?');
    await sayAndWaitForBot(customer, 'd2', 'Paljonko toimitus maksaa Ahvenanmaalle?');
    await sayAndWaitForBot(customer, 'd3', 'Voinko maksaa laskulla?');
    expect(await statusOf(customer)).toBe('bot');
    expect((await conversationView(customer.conversationId)).escalationTrigger).toBeNull();
  });

  it('escalates a single angry message aimed at the bot, naming the signals', async () => {
    const customer = await startCustomer(app, { locale: 'fi' });
    await customer.post('/messages', { clientId: 'a1', text: 'botti on ihan turha!!!' }).expect(200);
    await waitForStatus(customer, 'queued');
    const view = await conversationView(customer.conversationId);
    expect(view.escalationTrigger).toBe('frustration');
    expect(view.escalationReason).toBe('frustration 0.75: words aimed at the bot, negative words, repeated punctuation');
    expect(view.messages.some((message) => message.author === 'bot')).toBe(false);
  });

  it('does not escalate a product complaint without anger', async () => {
    const customer = await startCustomer(app, { locale: 'en' });
    await sayAndWaitForBot(customer, 'p1', 'This kettle is useless, it leaks. Is that covered by the warranty?');
    expect(await statusOf(customer)).toBe('bot');
  });
});
