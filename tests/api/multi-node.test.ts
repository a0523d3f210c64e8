import { createClient } from 'redis';
import request from 'supertest';

import { UID } from '../../server/src/constants';
import { ADMIN_API_BASE, PUBLIC_API_BASE } from '../../server/src/contracts/constants';
import type { PluginConfig } from '../../server/src/contracts/plugin-config';
import type { AgentConversationView, MessageView } from '../../server/src/contracts/views';
import type { TickResult } from '../../server/src/services/scheduler';
import { expectHistoryFigures, HISTORY_RANGE, inMemoryReport, seedAnalyticsHistory } from '../helpers/analytics-reference';
import { useBootedStrapi } from '../helpers/booted-strapi';
import {
  agentSocket,
  ask,
  createAdmin,
  eventually,
  loginAgent,
  nextEvent,
  okData,
  startCustomer,
  waitForMessage,
  widgetSocket,
  type Agent,
} from '../helpers/protocol';
import { chatPairOn, type ChatPair } from '../helpers/chat-pair';
import { startPlayground, type RunningPlayground } from '../helpers/playground-server';
import { startPostgres, type RunningPostgres } from '../helpers/postgres';
import { startRedis, type RunningRedis } from '../helpers/redis';
import { ONE_ADDRESS_FOR_EVERY_CLIENT } from '../helpers/test-env';

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

const GRACE_MS = 2000;
// Both nodes behind one reverse proxy, so that a test can speak for a client address of its own.
const BEHIND_ONE_PROXY = { TRUSTED_PROXIES: '1' };
const SHARED_ENV_KEYS = ['APP_KEYS', 'API_TOKEN_SALT', 'ADMIN_JWT_SECRET', 'TRANSFER_TOKEN_SALT', 'JWT_SECRET', 'ENCRYPTION_KEY'];

const nodeA = useBootedStrapi({
  async prepare() {
    [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
    // Presence ticks every second with a short grace period, so that a killed node's agent
    // leaves within seconds.
    realtime = {
      LIVE_SUPPORT_CONFIG: JSON.stringify({
        realtime: { redisUrl: redis.url },
        presenceGracePeriodMs: GRACE_MS,
        jobs: { presence: { cron: '* * * * * *' } },
        // Every test's customers come from this process's one address, about 40 within the
        // file's minute: more than the default allowance of new chats.
        rateLimit: { ...ONE_ADDRESS_FOR_EVERY_CLIENT.rateLimit, sessionsPerIpPerMinute: 100 },
      }),
    };
    return { ...postgres.env, ...realtime, ...BEHIND_ONE_PROXY };
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
    env: { ...postgres.env, ...realtime, ...BEHIND_ONE_PROXY, ...sharedSecrets, SERVE_ADMIN_PANEL: 'false', NODE_ENV: 'test', STRAPI_LOG_LEVEL: 'error' },
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
    env: { ...realtime, SERVE_ADMIN_PANEL: 'false', NODE_ENV: 'test', STRAPI_LOG_LEVEL: 'error' },
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

describe('a Redis outage', () => {
  const OUTAGE_MS = 8000;
  const health = async (url: string) => (await request(url).get('/_health')).status;

  it('keeps both nodes up and serving their own sockets while Redis is away; pushes cross nodes again once it is back', async () => {
    const onA = await chatPairOn(nodeA, nodeA, agents[2]);
    const onB = await chatPairOn(nodeA, nodeB, agents[3]);
    // A widget on node A, and a desk of its agent on node B: claimed on node A during the outage,
    // so node B's desk joins the chat only when Redis is back.
    const across = await chatPairOn(nodeA, nodeA, agents[4]);
    const deskOnB = await agentSocket(nodeB, agents[4].token);
    try {
      await redis.kill();
      const outageStartedAt = Date.now();
      // Escalated and claimed while Redis is away: the claiming node's desk joins the chat all the same.
      await Promise.all([onA.escalateAndClaim(), onB.escalateAndClaim(), across.escalateAndClaim()]);
      const healthDuring: number[] = [];
      for (let round = 0; Date.now() - outageStartedAt < OUTAGE_MS; round += 1) {
        await Promise.all([onA.exchange(`A${round}`), onB.exchange(`B${round}`)]);
        if (round % 4 === 0) healthDuring.push(await health(nodeA.url), await health(nodeB.url));
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      const heardInTime = (pair: ChatPair) =>
        eventually(async () => pair.sent.byCustomer.every((text) => pair.heardByDesk.has(text)) && pair.sent.byAgent.every((text) => pair.heardByWidget.has(text)), 5000);
      await Promise.all([heardInTime(onA), heardInTime(onB)]);
      const outageMs = Date.now() - outageStartedAt;
      for (const [name, pair] of [['A', onA], ['B', onB]] as const) {
        console.log(
          `Redis away for ${outageMs} ms: node ${name}'s customer sent ${pair.sent.byCustomer.length}, its desk heard ${pair.heardByDesk.size}; its agent sent ${pair.sent.byAgent.length}, the widget heard ${pair.heardByWidget.size}`,
        );
      }
      expect(healthDuring.every((status) => status === 204)).toBe(true);
      expect(nodeB.isRunning()).toBe(true);

      await redis.restart();
      const backAt = Date.now();
      // The nodes reconnect with a back-off: a message sent before both have resubscribed, and
      // node B's desk has rejoined its chats, does not reach it.
      let attempts = 0;
      await eventually(async () => {
        attempts += 1;
        const text = `after the outage ${attempts}`;
        const crossed = nextEvent<MessageView>(deskOnB, 'message:new', (message) => message.text === text, 1000).then(
          () => true,
          () => false,
        );
        okData(await ask(across.widget, 'message:send', { clientId: `after-outage-${attempts}`, text }));
        return crossed;
      }, 20_000);
      console.log(
        `Redis back: a message from node A reached the desk on node B of a chat claimed during the outage ${Date.now() - backAt} ms later, on attempt ${attempts}`,
      );
      expect([await health(nodeA.url), await health(nodeB.url)]).toEqual([204, 204]);
      // A crash would end node B; an unhandled rejection in node A (this process) fails this test.
      expect(nodeB.isRunning()).toBe(true);
      const unhandled = nodeB.output().match(/unhandled.*rejection/gi) ?? [];
      console.log(`unhandled rejections: node B ${unhandled.length}`);
      expect(unhandled).toEqual([]);
    } finally {
      for (const pair of [onA, onB, across]) pair.close();
      deskOnB.close();
      await redis.restart().catch(() => undefined);
    }
  });
});

it('aggregates analytics in PostgreSQL to the same figures as in memory', async () => {
  await seedAnalyticsHistory(nodeA.strapi, [agents[0].id, agents[1].id]);
  const report = await nodeA.service('analytics').report(HISTORY_RANGE);
  expect(report).toEqual(await inMemoryReport(nodeA.strapi, HISTORY_RANGE, 'Europe/Helsinki'));
  expectHistoryFigures(report);
  // The days that can no longer change, rolled up by two runs at once, add up to the same figures.
  await Promise.all([nodeA.service('analyticsRollup').rollUp(), nodeA.service('analyticsRollup').rollUp()]);
  const rolledUp = (await nodeA.service('analyticsRollup').rolledUp(HISTORY_RANGE.from, HISTORY_RANGE.to, 'Europe/Helsinki')) as { days: Set<string> };
  // The 25th and 26th join once the queue and idle jobs have closed their month-old open
  // conversations, which a tick may do at any moment of this test: the reference is read again.
  expect([...rolledUp.days]).toEqual(expect.arrayContaining(['2026-10-24']));
  expect(await nodeA.service('analytics').report(HISTORY_RANGE)).toEqual(await inMemoryReport(nodeA.strapi, HISTORY_RANGE, 'Europe/Helsinki'));
});

describe('the scheduler on two nodes', () => {
  const presenceJob = async () =>
    (await nodeA.strapi.db.query(UID.scheduledJob).findOne({ where: { name: 'presence' } })) as {
      runCount: number;
      lastTickAt: string | number | Date;
      leaseOwner: string;
    };
  const tickTime = (value: string | number | Date) => new Date(typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value).getTime();

  it('runs each presence tick once, though both nodes fire every tick', async () => {
    const first = await presenceJob();
    const owners = new Set<string>();
    const last = await eventually(async () => {
      const job = await presenceJob();
      owners.add(job.leaseOwner);
      return tickTime(job.lastTickAt) - tickTime(first.lastTickAt) >= 5000 && job;
    }, 15_000);
    const ticks = (tickTime(last.lastTickAt) - tickTime(first.lastTickAt)) / 1000;
    const runs = last.runCount - first.runCount;
    console.log(`presence job over ${ticks} ticks of two nodes: ${runs} runs, by ${owners.size} node(s)`);
    // Every tick at most once (a tick missed under load runs nowhere, never twice).
    expect(runs).toBeGreaterThan(0);
    expect(runs).toBeLessThanOrEqual(ticks);

    // A tick that has run, asked for again on node A, is refused.
    const scheduler = nodeA.service('scheduler') as unknown as { runTick(name: string, tickAt: Date): Promise<TickResult> };
    expect(await scheduler.runTick('presence', new Date(tickTime(last.lastTickAt)))).toEqual({ ran: false, reason: 'already-run' });
  });

  // Last in this file: node B does not come back.
  it('turns an agent offline after the grace period when the node holding their only desk socket is killed', async () => {
    for (const agent of agents) await agent.put('/presence', { status: 'offline' }).expect(200);
    await nodeA.service('settings').update({ queue: { requireOnlineAgent: true } });
    const agent = agents[1];
    const onlineOnA = async () =>
      (
        (await request(nodeA.url).get(`${ADMIN_API_BASE}/agents`).set('Authorization', `Bearer ${agents[0].token}`)).body.data as Array<{
          agentId: number;
          status: string;
        }>
      ).find((line) => line.agentId === agent.id)?.status === 'online';

    const desk = await agentSocket(nodeB, agent.token);
    desk.on('disconnect', () => desk.close());
    await eventually(onlineOnA);
    const before = await startCustomer(nodeA);
    expect((await before.post('/escalate')).body.data.status).toBe('queued');

    const killedAt = Date.now();
    await nodeB.kill();
    expect(await onlineOnA()).toBe(true);
    await eventually(async () => !(await onlineOnA()), GRACE_MS + 10_000);
    const offlineAfterMs = Date.now() - killedAt;
    const online = await nodeA.strapi.db.query(UID.agentState).count({ where: { presence: 'online' } });
    const rows = await nodeA.strapi.db.query(UID.agentConnection).count({ where: { agentId: agent.id } });
    console.log(`node B killed: agent offline on node A after ${offlineAfterMs} ms (grace ${GRACE_MS} ms); agents online ${online}, their rows left ${rows}`);
    expect(offlineAfterMs).toBeGreaterThanOrEqual(GRACE_MS - 1000);
    expect(online).toBe(0);

    const after = await startCustomer(nodeA);
    expect((await after.post('/escalate')).body.data.status).toBe('offline');
    const view = (await agents[0].get(`/conversations/${after.conversationId}`)).body.data as AgentConversationView;
    expect(view.events.at(-1)).toMatchObject({ kind: 'offline', data: { unavailable: 'no_agent_online' } });
  });
});

