import { createClient } from 'redis';
import request from 'supertest';

import { UID } from '../../server/src/constants';
import type { AppendOptions, AppendResult, NewMessage } from '../../server/src/services/messages';
import { ADMIN_API_BASE, PUBLIC_API_BASE } from '../../server/src/contracts/constants';
import type { PluginConfig } from '../../server/src/contracts/plugin-config';
import { startPlayground } from '../helpers/playground-server';
import { agentSocket, eventually, loginAgent, nextEvent, startCustomer, waitForMessage, widgetSocket } from '../helpers/protocol';
import { useTwoNodes } from '../helpers/two-nodes';

/**
 * Chat across two nodes (see `useTwoNodes`: this process and a `node server.js` child on one
 * PostgreSQL and one Redis). A claim is decided by the database, so exactly one agent wins
 * whichever node each request reaches; a push made on one node reaches sockets connected to the
 * other through Redis, and so do the settings cache and the new-chat allowance. (SQLite is the
 * single-node embedded default.) The Redis outage and the scheduled jobs on two nodes are in
 * multi-node-jobs.test.ts.
 */
const { nodeA, nodeB, redis, agents, realtimeEnv } = useTwoNodes({
  agents: 12,
  // Every test's customers come from this process's one address, about 35 within the file's
  // minute: more than the default allowance of new chats.
  rateLimit: { sessionsPerIpPerMinute: 100 },
});

it('accepts a token issued by one node on the other', async () => {
  const customer = await startCustomer(nodeA);
  const onB = await request(nodeB.url)
    .get(`${PUBLIC_API_BASE}/conversations/${customer.conversationId}`)
    .set('Authorization', `Bearer ${customer.token}`);
  expect(onB.status).toBe(200);
  const agentOnB = await request(nodeB.url).get(`${ADMIN_API_BASE}/queue`).set('Authorization', `Bearer ${agents[0].token}`);
  expect(agentOnB.status).toBe(200);
});

it('lets exactly one of 12 agents, split across two nodes, claim each conversation', async () => {
  for (let round = 0; round < 5; round += 1) {
    const customer = await startCustomer(nodeA);
    await request(nodeB.url)
      .post(`${PUBLIC_API_BASE}/conversations/${customer.conversationId}/escalate`)
      .set('Authorization', `Bearer ${customer.token}`)
      .send({})
      .expect(200);

    const answers = await Promise.all(
      agents.map((agent, index) =>
        request(index % 2 === 0 ? nodeA.url : nodeB.url)
          .post(`${ADMIN_API_BASE}/conversations/${customer.conversationId}/claim`)
          .set('Authorization', `Bearer ${agent.token}`)
          .send({}),
      ),
    );
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses).toEqual([200, ...Array(11).fill(409)]);
    const winner = answers.find((answer) => answer.status === 200)!.body.data.assignedAgent.id;
    for (const loser of answers.filter((answer) => answer.status === 409)) {
      expect(loser.body.error.details).toMatchObject({ code: 'ALREADY_CLAIMED', claimedBy: { id: winner } });
    }
    const claims = await nodeA.strapi.db
      .query(UID.conversationEvent)
      .count({ where: { conversationId: customer.conversationId, kind: 'claimed' } });
    expect(claims).toBe(1);
    // Free the winner's seat for the next round.
    const winnerAgent = agents.find((agent) => agent.id === winner)!;
    await winnerAgent.post(`/conversations/${customer.conversationId}/resolve`).expect(200);
  }
});

it('never lets the queue grow past its maximum, even with escalations racing on two nodes', async () => {
  const settings = nodeA.service('settings');
  const queued = await nodeA.strapi.db.query(UID.conversation).count({ where: { status: 'queued' } });
  await settings.update({ queue: { maxQueueLength: queued + 3 } });
  try {
    const customers = [];
    for (let index = 0; index < 10; index += 1) customers.push(await startCustomer(nodeA));
    const answers = await Promise.all(
      customers.map((customer, index) =>
        request(index % 2 === 0 ? nodeA.url : nodeB.url)
          .post(`${PUBLIC_API_BASE}/conversations/${customer.conversationId}/escalate`)
          .set('Authorization', `Bearer ${customer.token}`)
          .send({}),
      ),
    );
    const statuses = answers.map((answer) => `${answer.status} ${answer.body.data?.status}`).sort();
    expect(statuses).toEqual([...Array(7).fill('200 offline'), ...Array(3).fill('200 queued')]);
  } finally {
    await settings.update({ queue: { maxQueueLength: 20 } });
  }
});

it('pushes events made on one node to sockets connected to the other, through Redis', async () => {
  const desk = await agentSocket(nodeB, agents[0].token);
  const customer = await startCustomer(nodeA);
  const widget = await widgetSocket(nodeA, customer.token);
  try {
    // The customer escalates on node A; the agent's desk is connected to node B.
    const queued = nextEvent<{ conversation: { id: number; status: string } }>(
      desk,
      'queue:changed',
      ({ conversation }) => conversation.id === customer.conversationId && conversation.status === 'queued',
    );
    await customer.post('/escalate').expect(200);
    await queued;
    // Node B's queue (PostgreSQL) shows the card with its last message.
    const queue = await request(nodeB.url).get(`${ADMIN_API_BASE}/queue`).set('Authorization', `Bearer ${agents[0].token}`).expect(200);
    const card = (queue.body.data.waiting as Array<{ id: number; lastMessage: { author: string } | null }>).find(
      (waiting) => waiting.id === customer.conversationId,
    );
    expect(card?.lastMessage).toMatchObject({ author: 'system' });

    // The agent claims and answers through node B; the customer's widget is on node A.
    const answer = nextEvent<{ author: string; text: string }>(widget, 'message:new', (message) => message.author === 'agent');
    await request(nodeB.url)
      .post(`${ADMIN_API_BASE}/conversations/${customer.conversationId}/claim`)
      .set('Authorization', `Bearer ${agents[0].token}`)
      .send({})
      .expect(200);
    await request(nodeB.url)
      .post(`${ADMIN_API_BASE}/conversations/${customer.conversationId}/messages`)
      .set('Authorization', `Bearer ${agents[0].token}`)
      .send({ clientId: 'across-nodes', text: 'Hello from the other node' })
      .expect(200);
    expect((await answer).text).toBe('Hello from the other node');

    // And back: the customer writes on node A; the agent's desk on node B sees it.
    const fromCustomer = nextEvent<{ author: string; text: string }>(desk, 'message:new', (message) => message.author === 'customer');
    await customer.post('/messages', { clientId: 'reply-across', text: 'Thanks!' }).expect(200);
    expect((await fromCustomer).text).toBe('Thanks!');

    // Node A counts the agent's socket on node B: presence is cluster-wide.
    const sockets = await nodeA.service('realtime').get().agent.in(`agent:${agents[0].id}`).fetchSockets();
    expect(sockets.length).toBe(1);
    await agents[0].post(`/conversations/${customer.conversationId}/resolve`).expect(200);
  } finally {
    desk.close();
    widget.close();
  }
});

it('honours a settings change saved on node A in node B’s next message at once (its cached settings are dropped through Redis)', async () => {
  const customer = await startCustomer(nodeA);
  const writeOnB = (clientId: string, text: string) =>
    request(nodeB.url)
      .post(`${PUBLIC_API_BASE}/conversations/${customer.conversationId}/messages`)
      .set('Authorization', `Bearer ${customer.token}`)
      .send({ clientId, text })
      .expect(200);
  const botReplyAfter = async (seq: number) =>
    (await waitForMessage(customer, (message) => message.author === 'bot' && message.seq > seq)).text;
  try {
    // Node B's bot answers (and so caches the settings) before the change.
    const first = await writeOnB('cached-1', 'xyzzy plugh');
    expect(await botReplyAfter(first.body.data.seq)).not.toBe('Node A has spoken');
    await nodeA.service('settings').save({ texts: { default_bot_reply: { en: 'Node A has spoken' } } });
    const second = await writeOnB('cached-2', 'xyzzy plugh again');
    expect(await botReplyAfter(second.body.data.seq)).toBe('Node A has spoken');
  } finally {
    await nodeA.service('settings').save({ texts: {} });
  }
});

it('keeps two sites on one Redis apart: the other site’s desk never hears this site’s pushes', async () => {
  // Another site: the same playground app on its own database, sharing only the Redis.
  const otherSite = await startPlayground({
    env: { ...realtimeEnv(), SERVE_ADMIN_PANEL: 'false', NODE_ENV: 'test', STRAPI_LOG_LEVEL: 'error' },
  });
  const heardByOtherSite: string[] = [];
  const ownDesk = await agentSocket(nodeB, agents[1].token);
  let otherDesk: Awaited<ReturnType<typeof agentSocket>> | null = null;
  try {
    const otherAgent = await loginAgent(otherSite, 'aino@example.com', 'Demo-Agent-1');
    otherDesk = await agentSocket(otherSite, otherAgent.token);
    otherDesk.onAny((event: string, payload: { agentId?: number } | undefined) => {
      // The other site's agent coming online is that site's own news.
      const ownPresence = event === 'presence:changed' && payload?.agentId === otherAgent.id;
      if (!ownPresence) heardByOtherSite.push(event);
    });

    const customer = await startCustomer(nodeA);
    const queued = nextEvent<{ conversation: { id: number } }>(
      ownDesk,
      'queue:changed',
      ({ conversation }) => conversation.id === customer.conversationId,
    );
    await customer.post('/escalate').expect(200);
    await queued;
    // Redis delivers to every subscriber of a channel at once: a second more is ample.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    console.log(`two sites on one Redis: this site's desk heard the escalation; the other site's desk heard ${heardByOtherSite.length} events`);
    expect(heardByOtherSite).toEqual([]);
    await customer.post('/leave').expect(200);
  } finally {
    ownDesk.close();
    otherDesk?.close();
    await otherSite.stop();
  }
});

it('keeps a waiting customer whose widget is connected to node B when node A sweeps the queue', async () => {
  // Only the customers of this test wait.
  await nodeA.strapi.db.query(UID.conversation).updateMany({ where: { status: 'queued' }, data: { status: 'abandoned' } });
  const present = await startCustomer(nodeA);
  const widgetOnB = await widgetSocket(nodeB, present.token);
  const vanished = await startCustomer(nodeA);
  try {
    for (const customer of [present, vanished]) {
      const escalated = await request(nodeB.url)
        .post(`${PUBLIC_API_BASE}/conversations/${customer.conversationId}/escalate`)
        .set('Authorization', `Bearer ${customer.token}`)
        .send({})
        .expect(200);
      expect(escalated.body.data.status).toBe('queued');
    }
    const { abandonAfterSeconds } = (await nodeA.service('settings').get()).queue as { abandonAfterSeconds: number };
    const swept = (await nodeA.service('queueHousekeeping').sweep(new Date(Date.now() + (abandonAfterSeconds + 5) * 1000))) as {
      abandoned: number[];
      stillConnected: number[];
    };
    expect(swept.stillConnected).toEqual([present.conversationId]);
    expect(swept.abandoned).toEqual([vanished.conversationId]);
    expect((await present.get('').expect(200)).body.data).toMatchObject({ status: 'queued', position: 1 });
  } finally {
    widgetOnB.close();
  }
});

it('coalesces a burst of changes on one node into a few position pushes to a waiting customer, the last one right', async () => {
  // Only the customers of this test wait.
  await nodeA.strapi.db.query(UID.conversation).updateMany({ where: { status: 'queued' }, data: { status: 'abandoned' } });
  const burst = 12;
  const ahead = [];
  for (let index = 0; index < burst; index += 1) ahead.push(await startCustomer(nodeA));
  const behind = await startCustomer(nodeA);
  for (const customer of ahead) await customer.post('/escalate').expect(200);
  // The customer waits on node B; the changes are made on node A and reach it through Redis.
  const widgetOnB = await widgetSocket(nodeB, behind.token);
  try {
    const queued = nextEvent<{ position: number }>(widgetOnB, 'queue:position', (push) => push.position === burst + 1);
    await behind.post('/escalate').expect(200);
    await queued;
    const positions: number[] = [];
    widgetOnB.on('queue:position', (push: { conversationId: number; position: number }) => {
      if (push.conversationId === behind.conversationId) positions.push(push.position);
    });
    // Everyone ahead leaves at once, on node A: each leave is a change of one conversation.
    const customers = nodeA.service('customers') as unknown as { leave(id: number): Promise<unknown> };
    await Promise.all(ahead.map((customer) => customers.leave(customer.conversationId)));
    expect((await behind.get('').expect(200)).body.data).toMatchObject({ status: 'queued', position: 1 });
    await eventually(async () => positions.at(-1) === 1);
    expect(positions.length).toBeLessThanOrEqual(burst / 3);
  } finally {
    widgetOnB.close();
  }
});

/** Starts chats as one client behind the proxy, each on the node `nodeFor(index)`: the statuses. */
async function startChatsFrom(address: string, count: number, nodeFor: (index: number) => string): Promise<number[]> {
  const statuses: number[] = [];
  for (let index = 0; index < count; index += 1) {
    const answer = await request(nodeFor(index)).post(`${PUBLIC_API_BASE}/sessions`).set('X-Forwarded-For', address).send({ locale: 'en' });
    statuses.push(answer.status);
  }
  return statuses;
}

const sessionAllowance = () => (nodeA.strapi.config.get('plugin::live-support') as PluginConfig).rateLimit.sessionsPerIpPerMinute;

it('shares one address’s new-chat allowance between the nodes through Redis, under this site’s prefix', async () => {
  const allowance = sessionAllowance();
  const address = '203.0.113.40';
  const sent = allowance + 6;
  const statuses = await startChatsFrom(address, sent, (index) => (index % 2 === 0 ? nodeA.url : nodeB.url));
  const allowed = statuses.filter((status) => status === 201).length;
  const refused = statuses.filter((status) => status === 429).length;
  console.log(`one address alternating between two nodes: sent ${sent}, allowed ${allowed}, refused ${refused} (allowance ${allowance} a minute)`);
  // Counted per node, each would have allowed half the requests: all of them.
  expect(statuses).toEqual([...Array(allowance).fill(201), ...Array(6).fill(429)]);

  // The one counter lives under the site's derived prefix, so another app on this Redis has its own.
  const prefix = nodeA.service('realtime').redisChannelPrefix() as string;
  const client = createClient({ url: redis.url });
  await client.connect();
  try {
    expect(await client.get(`${prefix}:rate-limit:session:${address}`)).toBe(String(sent));
  } finally {
    await client.close();
  }
});

it('falls back to each node’s own count while Redis refuses the limits’ commands, neither failing nor letting everything through', async () => {
  const allowance = sessionAllowance();
  // Redis answers errors to the counting script (EVAL) only; the Socket.IO adapter's pub/sub carries on.
  const admin = createClient({ url: redis.url });
  await admin.connect();
  try {
    await admin.sendCommand(['ACL', 'SETUSER', 'default', '-eval', '-evalsha']);
    const startedAt = Date.now();
    const onA = await startChatsFrom('203.0.113.41', allowance + 2, () => nodeA.url);
    const onB = await startChatsFrom('203.0.113.41', 1, () => nodeB.url);
    const allowed = [...onA, ...onB].filter((status) => status === 201).length;
    const refused = [...onA, ...onB].filter((status) => status === 429).length;
    console.log(
      `Redis refusing the count, one address: sent ${allowance + 3} (${allowance + 2} to node A, 1 to node B), allowed ${allowed}, refused ${refused} in ${Date.now() - startedAt} ms`,
    );
    // Per node again: node A's own count refuses beyond the allowance, node B has counted nothing yet.
    expect(onA).toEqual([...Array(allowance).fill(201), 429, 429]);
    expect(onB).toEqual([201]);
  } finally {
    await admin.sendCommand(['ACL', 'SETUSER', 'default', '+eval', '+evalsha']);
    await admin.close();
  }
});

it('stores a message on PostgreSQL once per clientId in one statement, and nothing when the conversation refuses it', async () => {
  type Appender = { append(input: NewMessage, options?: AppendOptions): Promise<AppendResult | null> };
  const messages = nodeA.service('messages') as unknown as Appender;
  const customer = await startCustomer(nodeA);
  const seqOf = async () =>
    Number(((await nodeA.strapi.db.query(UID.conversation).findOne({ where: { id: customer.conversationId } })) as { lastMessageSeq: number }).lastMessageSeq);
  const stored = (clientId: string) => nodeA.strapi.db.query(UID.message).count({ where: { conversationId: customer.conversationId, clientId } });
  const input: NewMessage = { conversationId: customer.conversationId, authorKind: 'customer', clientId: 'pg-direct-1', text: 'Hei, onko ketään paikalla?' };
  const seqBefore = await seqOf();

  const first = await messages.append(input, { onlyIf: { statuses: ['bot'] } });
  expect(first).toMatchObject({ created: true, status: 'bot', message: { seq: seqBefore + 1, text: input.text, authorKind: 'customer' } });
  const retried = await messages.append(input, { onlyIf: { statuses: ['bot'] } });
  expect(retried).toMatchObject({ created: false, message: { id: first!.message.id, seq: seqBefore + 1 } });
  expect(await stored('pg-direct-1')).toBe(1);
  expect(await seqOf()).toBe(seqBefore + 1);

  const refused = await messages.append({ ...input, clientId: 'pg-direct-2' }, { onlyIf: { statuses: ['active'] } });
  expect(refused).toBeNull();
  expect(await stored('pg-direct-2')).toBe(0);
  expect(await seqOf()).toBe(seqBefore + 1);
});

it('reads the desk’s cards on PostgreSQL in the same order and types as on SQLite, and pages the resolved column by cursor', async () => {
  const conversations = nodeA.strapi.db.query(UID.conversation);
  const base = Date.parse('2026-10-01T12:00:00.000Z');
  // Pairs share their instant, so the id breaks the tie as the cursor must.
  await conversations.createMany({
    data: Array.from({ length: 7 }, (_, index) => ({ status: 'resolved', language: 'sv', isVip: index === 0, resolvedAt: new Date(base + Math.floor(index / 2) * 1000) })),
  });
  const expected = (
    (await conversations.findMany({ where: { status: 'resolved' }, select: ['id', 'resolvedAt', 'isVip'], orderBy: [{ resolvedAt: 'desc' }, { id: 'desc' }] })) as Array<{
      id: number;
      resolvedAt: string;
      isVip: boolean;
    }>
  ).map((row) => ({ id: row.id, resolvedAt: new Date(row.resolvedAt).toISOString(), isVip: row.isVip }));

  const seen: Array<{ id: number; resolvedAt: string | null; isVip: boolean }> = [];
  let before: string | null = null;
  do {
    const query: string = `${ADMIN_API_BASE}/queue?pageSize=3${before ? `&before=${encodeURIComponent(before)}` : ''}`;
    const { body } = await request(nodeB.url).get(query).set('Authorization', `Bearer ${agents[0].token}`).expect(200);
    for (const card of body.data.resolved as Array<{ id: number; resolvedAt: string | null; isVip: boolean; priority: number; status: string }>) {
      expect(card).toMatchObject({ status: 'resolved', priority: 0 });
      seen.push({ id: card.id, resolvedAt: card.resolvedAt, isVip: card.isVip });
    }
    before = body.meta.pagination.nextBefore;
  } while (before);
  expect(seen).toEqual(expected);
  expect(seen.filter((card) => card.isVip)).toHaveLength(expected.filter((card) => card.isVip).length);
});
