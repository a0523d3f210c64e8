/**
 * The learned escalation layer over the API: a customer message that no phrase, keyword or
 * frustration rule catches is handed to a person by the intent classifier (trigger `intent`, the
 * reason with its confidence), and stays with the bot when the site owner switches the layer off.
 */
import type { AgentConversationView } from '../../server/src/contracts/views';
import { DEFAULT_ESCALATION_SETTINGS, detectCustomerEscalation } from '../../server/src/domain/escalation';
import { askForPersonProbability } from '../../server/src/domain/escalation/classifier';
import { DEMO_AGENT } from '../helpers/admin-auth';
import { useBootedStrapi } from '../helpers/booted-strapi';
import { startCustomer, waitForMessage, waitForStatus } from '../helpers/protocol';

const app = useBootedStrapi();
const agent = app.signIn(DEMO_AGENT, { presence: 'online' });

// Names the staff indirectly: in none of the default phrase or keyword lists.
const INDIRECT_REQUEST = 'Saisinko jonkun henkilökunnasta juttelemaan';

async function conversationView(id: number): Promise<AgentConversationView> {
  return (await agent.get(`/conversations/${id}`)).body.data as AgentConversationView;
}

describe('the intent layer end to end', () => {
  it('is a message the rules alone let through (checked on the domain, so the test means what it says)', () => {
    const rulesOnly = { ...DEFAULT_ESCALATION_SETTINGS, intent: { enabled: false, threshold: DEFAULT_ESCALATION_SETTINGS.intent.threshold } };
    expect(
      detectCustomerEscalation({ text: INDIRECT_REQUEST, language: 'fi', previousCustomerMessages: [], settings: rulesOnly }).escalate,
    ).toBe(false);
  });

  it('queues it with the trigger intent and the classifier\'s confidence as the reason', async () => {
    const customer = await startCustomer(app, { locale: 'fi' });
    await customer.post('/messages', { clientId: 'i1', text: INDIRECT_REQUEST }).expect(200);
    await waitForStatus(customer, 'queued');
    const view = await conversationView(customer.conversationId);
    const confidence = askForPersonProbability(INDIRECT_REQUEST, 'fi');
    expect(view.escalationTrigger).toBe('intent');
    expect(view.escalationReason).toBe(`asked for a person (confidence ${confidence.toFixed(2)})`);
    expect(view.messages.some((message) => message.author === 'bot')).toBe(false);
  });

  it('leaves it with the bot when escalation.intent.enabled is false', async () => {
    await app.service('settings').update({ escalation: { intent: { enabled: false } } });
    try {
      const customer = await startCustomer(app, { locale: 'fi' });
      await customer.post('/messages', { clientId: 'i1', text: INDIRECT_REQUEST }).expect(200);
      await waitForMessage(customer, (message) => message.author === 'bot');
      expect((await customer.get('')).body.data.status).toBe('bot');
      expect((await conversationView(customer.conversationId)).escalationTrigger).toBeNull();
    } finally {
      await app.service('settings').update({ escalation: { intent: { enabled: true } } });
    }
  });
});
