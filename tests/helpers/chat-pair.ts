import request from 'supertest';

import { ADMIN_API_BASE, PUBLIC_API_BASE } from '../../server/src/contracts/constants';
import type { MessageView } from '../../server/src/contracts/views';
import { agentSocket, ask, okData, startCustomer, widgetSocket, type Agent, type Server } from './protocol';

/**
 * A customer (its session started on `setUpOn`) whose widget and agent's desk are both connected
 * to `node`; escalated and claimed on `node` when the test says, and each side's messages
 * recorded as heard.
 */
export async function chatPairOn(setUpOn: Server, node: { url: string }, agent: Agent) {
  const customer = await startCustomer(setUpOn);
  const widget = await widgetSocket(node, customer.token);
  const desk = await agentSocket(node, agent.token);
  const heardByDesk = new Set<string>();
  const heardByWidget = new Set<string>();
  desk.on('message:new', (message: MessageView) => {
    if (message.conversationId === customer.conversationId && message.author === 'customer') heardByDesk.add(message.text);
  });
  widget.on('message:new', (message: MessageView) => {
    if (message.author === 'agent') heardByWidget.add(message.text);
  });
  const asAgent = (path: string) => request(node.url).post(`${ADMIN_API_BASE}/conversations/${customer.conversationId}${path}`).set('Authorization', `Bearer ${agent.token}`);
  const sent = { byCustomer: [] as string[], byAgent: [] as string[] };
  return {
    customer,
    widget,
    desk,
    sent,
    heardByDesk,
    heardByWidget,
    async escalateAndClaim() {
      await request(node.url)
        .post(`${PUBLIC_API_BASE}/conversations/${customer.conversationId}/escalate`)
        .set('Authorization', `Bearer ${customer.token}`)
        .send({})
        .expect(200);
      await asAgent('/claim').send({}).expect(200);
    },
    async exchange(label: string) {
      const fromCustomer = `${label} from the customer`;
      okData(await ask(widget, 'message:send', { clientId: `${label}-customer`, text: fromCustomer }));
      sent.byCustomer.push(fromCustomer);
      const fromAgent = `${label} from the agent`;
      await asAgent('/messages').send({ clientId: `${label}-agent`, text: fromAgent }).expect(200);
      sent.byAgent.push(fromAgent);
    },
    close() {
      widget.close();
      desk.close();
    },
  };
}

export type ChatPair = Awaited<ReturnType<typeof chatPairOn>>;
