import request from 'supertest';

import { UID } from '../../server/src/constants';
import { ADMIN_API_BASE, PUBLIC_API_BASE } from '../../server/src/contracts/constants';
import { useBootedStrapi } from '../helpers/booted-strapi';
import {
  agentSocket,
  createAdmin,
  loginAgent,
  nextEvent,
  startCustomer,
  widgetSocket,
  type Agent,
} from '../helpers/protocol';
import { startPlayground, type RunningPlayground } from '../helpers/playground-server';
import { startPostgres, type RunningPostgres } from '../helpers/postgres';
import { startRedis, type RunningRedis } from '../helpers/redis';

/**
 * Production shape: two Strapi nodes (this process and a `strapi start` child) sharing one
 * PostgreSQL database and one Redis. A claim is decided by the database, so exactly one agent
 * wins whichever node each request reaches; a push made on one node reaches sockets connected to
 * the other through Redis. (SQLite is the single-node embedded default.)
 */
let postgres: RunningPostgres;
let redis: RunningRedis;
let realtime: Record<string, string>;
let nodeB: RunningPlayground;
const agents: Agent[] = [];

const SHARED_ENV_KEYS = ['APP_KEYS', 'API_TOKEN_SALT', 'ADMIN_JWT_SECRET', 'TRANSFER_TOKEN_SALT', 'JWT_SECRET', 'ENCRYPTION_KEY'];

const nodeA = useBootedStrapi({
  async prepare() {
    [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
    realtime = { LIVE_SUPPORT_CONFIG: JSON.stringify({ realtime: { redisUrl: redis.url } }) };
    return { ...postgres.env, ...realtime };
  },
  // The PostgreSQL settings stay in process.env: code after the boot reads the connection from there.
  keepEnv: true,
  async beforeStop() {
    await nodeB?.stop();
  },
  async afterStop() {
    postgres?.stop();
    await redis?.stop();
  },
});

// Node B: a `strapi start` on the same database, Redis and secrets, once node A is up.
beforeAll(async () => {
  const sharedSecrets = Object.fromEntries(SHARED_ENV_KEYS.map((key) => [key, process.env[key] ?? '']));
  nodeB = await startPlayground({
    env: { ...postgres.env, ...realtime, ...sharedSecrets, SERVE_ADMIN_PANEL: 'false', NODE_ENV: 'test', STRAPI_LOG_LEVEL: 'error' },
  });
  for (let index = 0; index < 12; index += 1) {
    const email = `node-agent${index}@example.com`;
    await createAdmin(nodeA, { email, password: 'Agent-Pass-1', firstname: `Agent${index}` }, 'live-support-agent');
    const agent = await loginAgent(nodeA, email, 'Agent-Pass-1');
    await agent.put('/presence', { status: 'online' }).expect(200);
    agents.push(agent);
  }
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
