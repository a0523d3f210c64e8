import { NAMESPACES } from '../../server/src/contracts/constants';
import { DEMO_AGENT, DEMO_ADMIN } from '../helpers/admin-auth';
import { useBootedStrapi } from '../helpers/booted-strapi';
import { nextEvent, startCustomer, type Customer } from '../helpers/protocol';
import { startSmtpServer, type LocalSmtp } from '../helpers/smtp';
import { connectSocket } from '../helpers/sockets';

let smtp: LocalSmtp;

const app = useBootedStrapi({
  async prepare() {
    smtp = await startSmtpServer();
    return smtp.env;
  },
  afterStop: async () => smtp?.stop(),
});
const agent = app.signIn(DEMO_AGENT, { presence: 'offline' });
const secondAgent = app.signIn(DEMO_ADMIN, { presence: 'offline' });

/** The agent's presence as the agents' list reads it now. */
async function agentPresence(): Promise<string | undefined> {
  const lines = (await agent.get('/agents').expect(200)).body.data as Array<{ agentId: number; status: string }>;
  return lines.find((line) => line.agentId === agent.id)?.status;
}

async function offlineCustomer(details: object, message: object): Promise<Customer> {
  const customer = await startCustomer(app, { locale: 'fi', ...details });
  expect((await customer.post('/escalate')).body.data.status).toBe('offline');
  await customer.post('/offline-message', message).expect(201);
  return customer;
}

describe('the offline inbox', () => {
  it('announces waiting messages when an agent comes back, lists, marks and answers them by email', async () => {
    const customer = await offlineCustomer({ name: 'Liisa' }, { email: 'liisa@example.com', message: 'Paketti ei tullut perille.' });

    // Listen before connecting: the server announces right after the handshake.
    const socket = connectSocket(app.url, NAMESPACES.agent, { token: agent.token });
    try {
      const pending = nextEvent<{ count: number }>(socket, 'offline-messages:pending');
      expect((await pending).count).toBe(1);
      // The announcement comes after connecting has brought the agent online.
      expect(await agentPresence()).toBe('online');
    } finally {
      socket.close();
    }
    // The next customers must find nobody again.
    await agent.put('/presence', { status: 'offline' }).expect(200);

    const inbox = await agent.get('/offline-messages?status=new');
    expect(inbox.status).toBe(200);
    expect(inbox.body.meta.counts).toEqual({ new: 1, read: 0, replied: 0 });
    const [entry] = inbox.body.data;
    expect(entry).toMatchObject({
      conversationId: customer.conversationId,
      name: 'Liisa',
      email: 'liisa@example.com',
      message: 'Paketti ei tullut perille.',
      language: 'fi',
      status: 'new',
    });

    const read = await agent.put(`/offline-messages/${entry.id}`, { status: 'read' });
    expect(read.body.data.status).toBe('read');
    expect((await agent.get('/offline-messages')).body.meta.counts).toEqual({ new: 0, read: 1, replied: 0 });

    const replied = await agent.post(`/offline-messages/${entry.id}/reply`, { text: 'Pahoittelut! Lähetämme uuden paketin.' });
    expect(replied.status).toBe(200);
    expect(replied.body.data).toMatchObject({ status: 'replied', replyText: 'Pahoittelut! Lähetämme uuden paketin.', repliedBy: { id: agent.id, name: 'Aino' } });

    expect(smtp.mails).toHaveLength(1);
    expect(smtp.mails[0].to).toEqual(['liisa@example.com']);
    expect(smtp.mails[0].from).toBe('tuki@example.com');
    expect(smtp.mails[0].raw).toMatch(/Subject: Vastaus viestiisi/);
    expect(smtp.mails[0].raw).toMatch(/Pahoittelut! L=C3=A4het=C3=A4mme uuden paketin\.|Pahoittelut! Lähetämme uuden paketin\./);

    const again = await agent.post(`/offline-messages/${entry.id}/reply`, { text: 'Toinen vastaus' });
    expect(again.status).toBe(409);
    expect(again.body.error.details.code).toBe('ALREADY_REPLIED');
    expect(smtp.mails).toHaveLength(1);
  });

  it('tells every desk the new unread count when a message arrives or is marked', async () => {
    await offlineCustomer({ name: 'Kalle' }, { email: 'kalle@example.com', message: 'Soittakaa huomenna.' });
    const socket = connectSocket(app.url, NAMESPACES.agent, { token: agent.token });
    try {
      const connectedWith = await nextEvent<{ count: number }>(socket, 'offline-messages:pending');
      expect(connectedWith.count).toBeGreaterThan(0);
      // The announcement comes after connecting has brought the agent online: nobody must be, for
      // the next message to be left offline.
      expect(await agentPresence()).toBe('online');
      await agent.put('/presence', { status: 'offline' }).expect(200);
      const afterArrival = nextEvent<{ count: number }>(socket, 'offline-messages:pending');
      await offlineCustomer({ name: 'Kaisa' }, { email: 'kaisa@example.com', message: 'Toinen viesti.' });
      const onConnect = await afterArrival;
      expect(onConnect.count).toBe(connectedWith.count + 1);
      const inbox = await agent.get('/offline-messages?status=new');
      const [entry] = inbox.body.data as Array<{ id: number }>;

      const afterRead = nextEvent<{ count: number }>(socket, 'offline-messages:pending');
      await agent.put(`/offline-messages/${entry.id}`, { status: 'read' }).expect(200);
      expect((await afterRead).count).toBe(onConnect.count - 1);

      const afterNew = nextEvent<{ count: number }>(socket, 'offline-messages:pending');
      await agent.put(`/offline-messages/${entry.id}`, { status: 'new' }).expect(200);
      expect((await afterNew).count).toBe(onConnect.count);
    } finally {
      socket.close();
      await agent.put('/presence', { status: 'offline' }).expect(200);
    }
  });

  it('stores a message once however often it is sent, and refuses a second, different one', async () => {
    const customer = await startCustomer(app, { locale: 'en' });
    expect((await customer.post('/escalate')).body.data.status).toBe('offline');
    const message = { email: 'retry@example.com', message: 'Please call back', clientId: 'offline-retry-1' };
    // The same message sent twice at once (a double click, a retry after a lost response).
    const [first, second] = await Promise.all([customer.post('/offline-message', message), customer.post('/offline-message', message)]);
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(second.body.data.id).toBe(first.body.data.id);
    const later = await customer.post('/offline-message', message);
    expect(later.status).toBe(201);
    expect(later.body.data).toEqual(first.body.data);
    const other = await customer.post('/offline-message', { ...message, clientId: 'offline-other', message: 'Something else' });
    expect(other.status).toBe(409);
    expect(other.body.error.details.code).toBe('ALREADY_LEFT');
    const stored = (await agent.get('/offline-messages?pageSize=100')).body.data.filter(
      (entry: { conversationId: number }) => entry.conversationId === customer.conversationId,
    );
    console.log(`offline message sent 4 times (2 at once, 1 retry, 1 different): ${stored.length} stored`);
    expect(stored).toHaveLength(1);
    expect(stored[0].message).toBe('Please call back');
  });

  it('sends exactly one email when two agents answer the same message at once', async () => {
    await offlineCustomer({}, { email: 'race@example.com', message: 'Who answers?' });
    const entry = (await agent.get('/offline-messages?status=new')).body.data[0];
    const mailsBefore = smtp.mails.length;
    const answers = await Promise.all([
      agent.post(`/offline-messages/${entry.id}/reply`, { text: 'Answer from Aino' }),
      secondAgent.post(`/offline-messages/${entry.id}/reply`, { text: 'Answer from the admin' }),
    ]);
    const statuses = answers.map((answer) => answer.status).sort();
    const sent = smtp.mails.slice(mailsBefore).filter((mail) => mail.to.includes('race@example.com'));
    console.log(`two agents answered at once: statuses ${statuses.join(', ')}, emails sent ${sent.length}`);
    expect(statuses).toEqual([200, 409]);
    expect(sent).toHaveLength(1);
    const winner = answers.find((answer) => answer.status === 200)!;
    expect(sent[0].raw).toContain(winner.body.data.replyText);
  });

  it('refuses an email reply to a customer who left only a phone number', async () => {
    await offlineCustomer({}, { phone: '+358 40 123 4567', message: 'Soittakaa' });
    const entry = (await agent.get('/offline-messages?status=new')).body.data[0];
    const response = await agent.post(`/offline-messages/${entry.id}/reply`, { text: 'Hei' });
    expect(response.status).toBe(409);
    expect(response.body.error.details).toMatchObject({ code: 'NO_EMAIL', phone: '+358 40 123 4567' });
    expect((await agent.get('/offline-messages?status=new')).body.data[0].status).toBe('new');
  });

  it.each([
    ['PUT', '/offline-messages/1', { status: 'replied' }],
    ['POST', '/offline-messages/1/reply', { text: '' }],
    ['POST', '/offline-messages/1/reply', { text: 'ok', cc: 'boss@example.com' }],
  ])('%s %s %j → 400', async (method, path, body) => {
    const response = method === 'PUT' ? await agent.put(path, body) : await agent.post(path, body);
    expect(response.status).toBe(400);
  });

  it('answers 404 for a message that does not exist', async () => {
    expect((await agent.post('/offline-messages/99999/reply', { text: 'Hei' })).status).toBe(404);
  });
});
