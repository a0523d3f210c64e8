import request from 'supertest';

import { UID } from '../../server/src/constants';
import { PUBLIC_API_BASE } from '../../server/src/contracts/constants';
import type { AgentConversationView, MessageView, VisitorConversationView } from '../../server/src/contracts/views';
import { DEMO_AGENT } from '../helpers/admin-auth';
import { useBootedStrapi } from '../helpers/booted-strapi';
import { OPTIONAL_VERIFICATION, userHashOf, VERIFICATION_OFF } from '../helpers/identity';
import {
  agentSocket,
  ask,
  nextClientId,
  nextEvent,
  startCustomer,
  waitForMessage,
  waitForStatus,
  widgetSocket,
} from '../helpers/protocol';

const app = useBootedStrapi();
const agent = app.signIn(DEMO_AGENT, { presence: 'online' });

describe('the whole flow over REST', () => {
  it('goes bot → queued → active → resolved → rated, with history and events', async () => {
    const customer = await startCustomer(app, { locale: 'en', name: 'Maija', email: 'maija@example.com' });

    const first = await customer.post('/messages', { clientId: 'm1', text: 'Where is my parcel?' });
    expect(first.status).toBe(200);
    expect(first.body.data).toMatchObject({ seq: 1, clientId: 'm1', author: 'customer', text: 'Where is my parcel?' });

    await waitForMessage(customer, (message) => message.author === 'bot');
    const afterBot = await customer.get('/messages?after=0');
    expect(afterBot.body.data.map((message: MessageView) => [message.seq, message.author])).toEqual([
      [1, 'customer'],
      [2, 'bot'],
    ]);
    expect(afterBot.body.data[1].text).toMatch(/customer service agent/);

    const escalated = await customer.post('/escalate', { reason: 'wants a person' });
    expect(escalated.status).toBe(200);
    expect(escalated.body.data).toMatchObject({ status: 'queued', position: 1 });

    const queue = await agent.get('/queue');
    expect(queue.status).toBe(200);
    expect(queue.body.data.waiting.map((card: { id: number }) => card.id)).toContain(customer.conversationId);
    expect(queue.body.meta.counts.waiting).toBeGreaterThanOrEqual(1);

    const claimed = await agent.post(`/conversations/${customer.conversationId}/claim`);
    expect(claimed.status).toBe(200);
    expect(claimed.body.data).toMatchObject({ status: 'active', assignedAgent: { id: agent.id, name: 'Aino' } });

    const status = await customer.get('');
    expect(status.body.data).toMatchObject({ status: 'active', agentName: 'Aino', position: null });

    const reply = await agent.post(`/conversations/${customer.conversationId}/messages`, {
      clientId: 'a1',
      text: 'Hi Maija, let me check.',
    });
    expect(reply.status).toBe(200);
    expect(reply.body.data).toMatchObject({ author: 'agent', agentName: 'Aino' });
    await customer.post('/messages', { clientId: 'm2', text: 'Thanks!' }).expect(200);

    const resolved = await agent.post(`/conversations/${customer.conversationId}/resolve`);
    expect(resolved.body.data.status).toBe('resolved');

    const rated = await customer.post('/csat', { score: 5, comment: 'Quick and kind' });
    expect(rated.status).toBe(200);
    expect(rated.body.data.csatScore).toBe(5);

    const view = (await agent.get(`/conversations/${customer.conversationId}`)).body.data as AgentConversationView;
    expect(view.messages.map((message) => message.seq)).toEqual(view.messages.map((_, index) => index + 1));
    expect(view.messages.map((message) => message.author)).toEqual([
      'customer', 'bot', 'system', 'system', 'agent', 'customer', 'system',
    ]);
    expect(view.events.map((event) => [event.kind, event.fromStatus, event.toStatus, event.actorKind])).toEqual([
      ['created', null, 'bot', 'customer'],
      ['escalated', 'bot', 'queued', 'customer'],
      ['claimed', 'queued', 'active', 'agent'],
      ['resolved', 'active', 'resolved', 'agent'],
      ['rated', 'resolved', 'resolved', 'customer'],
    ]);
    expect(view.events[2].actorId).toBe(agent.id);
    expect(view).toMatchObject({
      escalationTrigger: 'button',
      escalationReason: 'wants a person',
      csatScore: 5,
      csatComment: 'Quick and kind',
      customer: { name: 'Maija', email: 'maija@example.com' },
    });
    expect(view.firstAgentReplyAt).not.toBeNull();
  });
});

describe('the whole flow over sockets', () => {
  it('pushes messages, status, typing and positions both ways', async () => {
    const customer = await startCustomer(app, { locale: 'fi' });
    const widget = await widgetSocket(app, customer.token);
    const desk = await agentSocket(app, agent.token);
    app.closeAfterTest(widget, desk);

    const botReply = nextEvent<MessageView>(widget, 'message:new', (message) => message.author === 'bot');
    const sent = await ask<MessageView>(widget, 'message:send', { clientId: 's1', text: 'Hei' });
    expect(sent).toMatchObject({ ok: true, data: { seq: 1, author: 'customer' } });
    expect((await botReply).text).toMatch(/asiakaspalvelijan/);

    const queueCard = nextEvent<{ conversation: { id: number; status: string } }>(
      desk,
      'queue:changed',
      (change) => change.conversation.id === customer.conversationId && change.conversation.status === 'queued',
    );
    const position = nextEvent<{ conversationId: number; position: number }>(widget, 'queue:position');
    const escalated = await ask<VisitorConversationView>(widget, 'conversation:escalate', {});
    expect(escalated).toMatchObject({ ok: true, data: { status: 'queued' } });
    await queueCard;
    expect(await position).toMatchObject({ conversationId: customer.conversationId, position: expect.any(Number) });

    const activeStatus = nextEvent<VisitorConversationView>(widget, 'conversation:status', (view) => view.status === 'active');
    const joinedMessage = nextEvent<MessageView>(widget, 'message:new', (message) => message.author === 'system' && /Aino/.test(message.text));
    const claim = await ask<AgentConversationView>(desk, 'conversation:claim', { conversationId: customer.conversationId });
    expect(claim).toMatchObject({ ok: true, data: { status: 'active' } });
    expect(await activeStatus).toMatchObject({ agentName: 'Aino' });
    expect((await joinedMessage).text).toBe('Aino liittyi keskusteluun.');

    const customerTyping = nextEvent<{ isTyping: boolean; author: string }>(desk, 'typing');
    widget.emit('typing', { isTyping: true });
    expect(await customerTyping).toMatchObject({ conversationId: customer.conversationId, author: 'customer', isTyping: true });

    const agentTyping = nextEvent<{ isTyping: boolean; agentName: string }>(widget, 'typing');
    desk.emit('typing', { conversationId: customer.conversationId, isTyping: true });
    expect(await agentTyping).toMatchObject({ author: 'agent', agentName: 'Aino', isTyping: true });

    const agentMessage = nextEvent<MessageView>(widget, 'message:new', (message) => message.author === 'agent');
    await ask(desk, 'message:send', { conversationId: customer.conversationId, clientId: nextClientId(), text: 'Moi!' });
    expect((await agentMessage).text).toBe('Moi!');

    const customerMessage = nextEvent<MessageView>(desk, 'message:new', (message) => message.author === 'customer');
    await ask(widget, 'message:send', { clientId: 's2', text: 'Kiitos' });
    expect((await customerMessage).text).toBe('Kiitos');

    const resolvedStatus = nextEvent<VisitorConversationView>(widget, 'conversation:status', (view) => view.status === 'resolved');
    expect(await ask(desk, 'conversation:resolve', { conversationId: customer.conversationId })).toMatchObject({ ok: true });
    await resolvedStatus;
    expect(await ask(widget, 'csat:submit', { score: 4 })).toMatchObject({ ok: true, data: { csatScore: 4 } });
  });
});

describe('messages', () => {
  it('stores a repeated clientId once, even when sent concurrently', async () => {
    const customer = await startCustomer(app);
    const responses = await Promise.all(
      Array.from({ length: 8 }, () => customer.post('/messages', { clientId: 'same', text: 'Hello?' })),
    );
    expect(responses.map((response) => response.status)).toEqual(Array(8).fill(200));
    expect(new Set(responses.map((response) => response.body.data.id)).size).toBe(1);
    await waitForMessage(customer, (message) => message.author === 'bot');
    const history = (await customer.get('/messages')).body.data as MessageView[];
    expect(history.filter((message) => message.clientId === 'same')).toHaveLength(1);
    // one customer message and exactly one bot reply
    expect(history.map((message) => message.author)).toEqual(['customer', 'bot']);
  });

  it('gives a reconnecting client exactly the messages after its last seq', async () => {
    const customer = await startCustomer(app);
    for (let index = 1; index <= 2; index += 1) {
      await customer.post('/messages', { clientId: `r${index}`, text: `message ${index}` }).expect(200);
      await waitForMessage(customer, (message) => message.author === 'bot' && message.seq === index * 2);
    }
    // Two failed bot answers hand the conversation over: customer, bot, customer, bot, system.
    await waitForStatus(customer, 'queued');
    await customer.post('/messages', { clientId: 'r3', text: 'still there?' }).expect(200);
    const all = (await customer.get('/messages')).body.data as MessageView[];
    expect(all.map((message) => message.seq)).toEqual([1, 2, 3, 4, 5, 6]);

    const widget = await widgetSocket(app, customer.token);
    app.closeAfterTest(widget);
    const missed = await ask<MessageView[]>(widget, 'messages:since', { after: 2 });
    expect(missed.ok && missed.data.map((message) => message.seq)).toEqual([3, 4, 5, 6]);
    const rest = await customer.get('/messages?after=5');
    expect(rest.body.data.map((message: MessageView) => message.seq)).toEqual([6]);
  });
});

describe('refused transitions change nothing', () => {
  it('answers 409 and leaves status, events and messages as they were', async () => {
    const customer = await startCustomer(app);
    const eventsBefore = await app.strapi.db.query(UID.conversationEvent).count({
      where: { conversationId: customer.conversationId },
    });

    const attempts = [
      () => customer.post('/leave'),
      () => customer.post('/csat', { score: 3 }),
      () => agent.post(`/conversations/${customer.conversationId}/claim`),
      () => agent.post(`/conversations/${customer.conversationId}/resolve`),
      () => agent.post(`/conversations/${customer.conversationId}/transfer`, {}),
    ];
    for (const attempt of attempts) {
      const response = await attempt();
      expect(response.status).toBe(409);
      expect(response.body.error).toMatchObject({ status: 409, name: 'ConflictError' });
    }

    const after = await customer.get('');
    expect(after.body.data.status).toBe('bot');
    const eventsAfter = await app.strapi.db.query(UID.conversationEvent).count({
      where: { conversationId: customer.conversationId },
    });
    expect(eventsAfter).toBe(eventsBefore);
    expect((await customer.get('/messages')).body.data).toEqual([]);
  });

  it('refuses messages to a resolved conversation and a second rating', async () => {
    const customer = await startCustomer(app);
    await customer.post('/escalate').expect(200);
    await agent.post(`/conversations/${customer.conversationId}/claim`).expect(200);
    await agent.post(`/conversations/${customer.conversationId}/resolve`).expect(200);
    await customer.post('/csat', { score: 2 }).expect(200);

    const late = await customer.post('/messages', { clientId: 'late', text: 'one more thing' });
    expect(late.status).toBe(409);
    expect(late.body.error.details.code).toBe('CONVERSATION_CLOSED');
    const again = await customer.post('/csat', { score: 5 });
    expect(again.status).toBe(409);
    expect((await customer.get('')).body.data.csatScore).toBe(2);
  });

  it('lets a queued customer leave, and then nobody can claim it', async () => {
    const customer = await startCustomer(app);
    await customer.post('/escalate').expect(200);
    const left = await customer.post('/leave');
    expect(left.body.data.status).toBe('abandoned');
    const claim = await agent.post(`/conversations/${customer.conversationId}/claim`);
    expect(claim.status).toBe(409);
  });
});

describe('templates in the reply box', () => {
  it('offers the seeded templates, the conversation language first, with the agent name filled in', async () => {
    const customer = await startCustomer(app, { locale: 'fi', name: 'Maija' });
    const response = await agent.get(`/conversations/${customer.conversationId}/templates`).expect(200);
    const templates = response.body.data as Array<{ language: string; category: string; text: string; unfilled: string[] }>;
    expect(templates.length).toBeGreaterThanOrEqual(6);
    expect(templates[0]).toMatchObject({
      language: 'fi',
      category: 'greeting',
      text: 'Hei! Olen asiakaspalvelija Aino. Miten voin auttaa?',
      unfilled: [],
    });
    expect(templates.slice(0, 3).every((template) => template.language === 'fi')).toBe(true);

    await agent.get('/conversations/999999/templates').expect(404);
    await agent.get('/conversations/not-a-number/templates').expect(400);
  });
});

describe('idle conversations', () => {
  const idle = () => app.service('idle');
  const minutesFromNow = (minutes: number) => new Date(Date.now() + minutes * 60_000);

  async function activeCustomer(name: string) {
    const customer = await startCustomer(app, { locale: 'en', name });
    await customer.post('/escalate').expect(200);
    await agent.post(`/conversations/${customer.conversationId}/claim`).expect(200);
    return customer;
  }

  it('reminds the agent once when a customer waits for an answer', async () => {
    const customer = await activeCustomer('Wanda Waiting');
    const desk = await agentSocket(app, agent.token);
    app.closeAfterTest(desk);
    expect((await idle().sweep(minutesFromNow(2))).some((action: { conversationId: number }) => action.conversationId === customer.conversationId)).toBe(false);

    const reminder = nextEvent<{ conversationId: number; customerName: string; waitingSince: string }>(
      desk,
      'conversation:reminder',
      (payload) => payload.conversationId === customer.conversationId,
    );
    const actions = await idle().sweep(minutesFromNow(4));
    expect(actions.filter((action: { conversationId: number }) => action.conversationId === customer.conversationId)).toEqual([
      expect.objectContaining({ kind: 'remind_agent', agentId: agent.id }),
    ]);
    expect(await reminder).toMatchObject({ customerName: 'Wanda Waiting', waitingSince: expect.any(String) });
    // Once per unanswered message.
    const again = await idle().sweep(minutesFromNow(10));
    expect(again.some((action: { conversationId: number }) => action.conversationId === customer.conversationId)).toBe(false);
    await agent.post(`/conversations/${customer.conversationId}/resolve`).expect(200);
  });

  it('closes a chat the customer left unanswered, tells them why, and records it', async () => {
    const customer = await activeCustomer('Quentin Quiet');
    await agent.post(`/conversations/${customer.conversationId}/messages`, { clientId: 'idle-answer', text: 'Here is the tracking link.' }).expect(200);
    const widget = await widgetSocket(app, customer.token);
    app.closeAfterTest(widget);
    const closed = nextEvent<VisitorConversationView>(widget, 'conversation:status', (view) => view.status === 'resolved');

    const mine = (actions: Array<{ conversationId: number }>) => actions.filter((action) => action.conversationId === customer.conversationId);
    expect(mine(await idle().sweep(minutesFromNow(14)))).toEqual([]);
    expect(mine(await idle().sweep(minutesFromNow(16)))).toEqual([expect.objectContaining({ kind: 'close_inactive' })]);
    await closed;

    const view = (await agent.get(`/conversations/${customer.conversationId}`)).body.data as AgentConversationView;
    expect(view.status).toBe('resolved');
    expect(view.events.at(-1)).toMatchObject({ kind: 'resolved', actorKind: 'system', data: { reason: 'inactive' } });
    expect(view.messages.at(-1)).toMatchObject({ author: 'system', text: expect.stringContaining('no reply for a while') });
    // The customer may still rate the chat.
    await customer.post('/csat', { score: 3 }).expect(200);
  });

  it('leaves chats alone when the site owner turns the rules off', async () => {
    await agent.put('/settings', {}).expect(403);
    const settings = app.service('settings');
    await settings.update({ queue: { reminderAfterMinutes: 0, closeInactiveAfterMinutes: 0 } });
    try {
      const customer = await activeCustomer('Olga Off');
      expect(await idle().sweep(minutesFromNow(600))).toEqual([]);
      expect((await customer.get('')).body.data.status).toBe('active');
      await agent.post(`/conversations/${customer.conversationId}/resolve`).expect(200);
    } finally {
      await settings.update({ queue: { reminderAfterMinutes: 3, closeInactiveAfterMinutes: 15 } });
    }
  });
});

describe('customer details after the chat started', () => {
  it('takes the site’s identify() into the conversation and tells the agents', async () => {
    // VIP by email needs a verified identity: the site signs the email.
    await app.service('settings').update({ queue: { vipEmailDomains: ['bigclient.fi'] }, ...OPTIONAL_VERIFICATION });
    try {
      const customer = await startCustomer(app, { locale: 'fi' });
      await customer.post('/escalate').expect(200);
      const desk = await agentSocket(app, agent.token);
      app.closeAfterTest(desk);
      const changed = nextEvent<{ conversation: { id: number; customerName: string | null; isVip: boolean } }>(
        desk,
        'queue:changed',
        ({ conversation }) => conversation.id === customer.conversationId && conversation.customerName === 'Maija',
      );
      const response = await request(app.url)
        .put(`${PUBLIC_API_BASE}/conversations/${customer.conversationId}/customer`)
        .set('Authorization', `Bearer ${customer.token}`)
        .send({ name: 'Maija', email: 'maija@bigclient.fi', metadata: { plan: 'gold' }, userHash: userHashOf('maija@bigclient.fi') })
        .expect(200);
      expect(response.body.data.id).toBe(customer.conversationId);
      expect((await changed).conversation.isVip).toBe(true);
      const view = (await agent.get(`/conversations/${customer.conversationId}`)).body.data as AgentConversationView;
      expect(view.customer).toMatchObject({ name: 'Maija', email: 'maija@bigclient.fi', metadata: { plan: 'gold' } });

      // Bad details change nothing; nor does another conversation's token.
      await request(app.url)
        .put(`${PUBLIC_API_BASE}/conversations/${customer.conversationId}/customer`)
        .set('Authorization', `Bearer ${customer.token}`)
        .send({ email: 'not-an-email' })
        .expect(400);
      await request(app.url)
        .put(`${PUBLIC_API_BASE}/conversations/${customer.conversationId}/customer`)
        .set('Authorization', `Bearer ${customer.token}`)
        .send({})
        .expect(400);
      const other = await startCustomer(app);
      await request(app.url)
        .put(`${PUBLIC_API_BASE}/conversations/${customer.conversationId}/customer`)
        .set('Authorization', `Bearer ${other.token}`)
        .send({ name: 'Mallory' })
        .expect(403);
      expect(((await agent.get(`/conversations/${customer.conversationId}`)).body.data as AgentConversationView).customer.name).toBe('Maija');
    } finally {
      await app.service('settings').update({ queue: { vipEmailDomains: [] }, ...VERIFICATION_OFF });
    }
  });
});
