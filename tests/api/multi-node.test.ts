import request from 'supertest';

import { alwaysOpen, createAdmin, loginAgent, startCustomer, type Agent } from '../helpers/protocol';
import { startPlayground, type RunningPlayground } from '../helpers/playground-server';
import { startPostgres, type RunningPostgres } from '../helpers/postgres';
import { bootStrapi, type BootedStrapi } from '../helpers/strapi';

/**
 * Production shape: two Strapi nodes (this process and a `strapi start` child) sharing one
 * PostgreSQL database. A claim is decided by the database, so exactly one agent wins whichever
 * node each request reaches. (SQLite is the single-node embedded default.)
 */
let postgres: RunningPostgres;
let nodeA: BootedStrapi;
let nodeB: RunningPlayground;
const agents: Agent[] = [];

const SHARED_ENV_KEYS = ['APP_KEYS', 'API_TOKEN_SALT', 'ADMIN_JWT_SECRET', 'TRANSFER_TOKEN_SALT', 'JWT_SECRET', 'ENCRYPTION_KEY'];

beforeAll(async () => {
  postgres = await startPostgres();
  nodeA = await bootStrapi({ env: postgres.env, keepEnv: true });
  await alwaysOpen(nodeA);
  const sharedSecrets = Object.fromEntries(SHARED_ENV_KEYS.map((key) => [key, process.env[key] ?? '']));
  nodeB = await startPlayground({
    env: { ...postgres.env, ...sharedSecrets, SERVE_ADMIN_PANEL: 'false', NODE_ENV: 'test', STRAPI_LOG_LEVEL: 'error' },
  });
  for (let index = 0; index < 12; index += 1) {
    const email = `node-agent${index}@example.com`;
    await createAdmin(nodeA, { email, password: 'Agent-Pass-1', firstname: `Agent${index}` }, 'live-support-agent');
    const agent = await loginAgent(nodeA, email, 'Agent-Pass-1');
    await agent.put('/presence', { status: 'online' }).expect(200);
    agents.push(agent);
  }
});

afterAll(async () => {
  await nodeB?.stop();
  await nodeA?.stop();
  nodeA?.removeDatabase();
  postgres?.stop();
});

it('accepts a token issued by one node on the other', async () => {
  const customer = await startCustomer(nodeA);
  const onB = await request(nodeB.url)
    .get(`/api/live-support/conversations/${customer.conversationId}`)
    .set('Authorization', `Bearer ${customer.token}`);
  expect(onB.status).toBe(200);
  const agentOnB = await request(nodeB.url).get('/live-support/queue').set('Authorization', `Bearer ${agents[0].token}`);
  expect(agentOnB.status).toBe(200);
});

it('lets exactly one of 12 agents, split across two nodes, claim each conversation', async () => {
  for (let round = 0; round < 5; round += 1) {
    const customer = await startCustomer(nodeA);
    await request(nodeB.url)
      .post(`/api/live-support/conversations/${customer.conversationId}/escalate`)
      .set('Authorization', `Bearer ${customer.token}`)
      .send({})
      .expect(200);

    const answers = await Promise.all(
      agents.map((agent, index) =>
        request(index % 2 === 0 ? nodeA.url : nodeB.url)
          .post(`/live-support/conversations/${customer.conversationId}/claim`)
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
      .query('plugin::live-support.conversation-event')
      .count({ where: { conversationId: customer.conversationId, kind: 'claimed' } });
    expect(claims).toBe(1);
    // Free the winner's seat for the next round.
    const winnerAgent = agents.find((agent) => agent.id === winner)!;
    await winnerAgent.post(`/conversations/${customer.conversationId}/resolve`).expect(200);
  }
});

it('never lets the queue grow past its maximum, even with escalations racing on two nodes', async () => {
  const settings = nodeA.strapi.plugin('live-support').service('settings');
  const queued = await nodeA.strapi.db.query('plugin::live-support.conversation').count({ where: { status: 'queued' } });
  await settings.update({ queue: { maxQueueLength: queued + 3 } });
  try {
    const customers = [];
    for (let index = 0; index < 10; index += 1) customers.push(await startCustomer(nodeA));
    const answers = await Promise.all(
      customers.map((customer, index) =>
        request(index % 2 === 0 ? nodeA.url : nodeB.url)
          .post(`/api/live-support/conversations/${customer.conversationId}/escalate`)
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
