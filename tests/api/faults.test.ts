import request from 'supertest';

import { ADMIN_API_BASE } from '../../server/src/contracts/constants';
import { adminLogin, DEMO_ADMIN } from '../helpers/admin-auth';
import { stopAllClients } from '../helpers/chat-load';
import { inviteAgents, postgresReader, socketDropper, type SocketDropper } from '../helpers/fault-cluster';
import { describeResult, runScenario, type ScenarioResult } from '../helpers/fault-scenario';
import { startPlayground, type RunningPlayground } from '../helpers/playground-server';
import { startPostgres, type RunningPostgres } from '../helpers/postgres';
import type { Agent } from '../helpers/protocol';
import { startRedis, type RunningRedis } from '../helpers/redis';
import { testSecrets } from '../helpers/test-env';

/**
 * Proof under faults, on PostgreSQL: customers and agents write in many conversations at once
 * while sockets are dropped by the server at random and a Strapi node is killed with SIGKILL.
 * Afterwards every message is stored exactly once, each author's in the order sent, `seq` has
 * no gap, and every client's view (pushes, catch-up by `seq`, acknowledgements) is the stored
 * list. The nodes are playground child processes (`node server.js`, as `npm start` runs it) so
 * that they can be killed; this process is the load: socket.io clients that reconnect, catch up
 * and resend as the widget and the desk do.
 */
let postgres: RunningPostgres;
let redis: RunningRedis;
let dropper: SocketDropper;
let reader: ReturnType<typeof postgresReader>;
let first: RunningPlayground;
let agents: Agent[];

const CHANNEL_PREFIX = 'live-support-faults';
const secrets = testSecrets();

/** Every node alike: one database, one Redis, the same secrets (a restarted node accepts old tokens). */
const nodeEnv = (): Record<string, string> => ({
  ...postgres.env,
  ...secrets,
  LIVE_SUPPORT_CONFIG: JSON.stringify({
    realtime: { redisUrl: redis.url, redisChannelPrefix: CHANNEL_PREFIX },
    // The load writes hundreds of messages per conversation a minute from one address, and
    // reconnecting clients catch up far more often than a person would.
    rateLimit: {
      sessionsPerIpPerMinute: 0,
      messagesPerConversationPerMinute: 0,
      conversationReadsPerConversationPerMinute: 0,
      catchUpsPerConversationPerMinute: 0,
      eventsPerSocketPerMinute: 0,
      queuedConversationsPerIp: 0,
    },
  }),
  SERVE_ADMIN_PANEL: 'false',
  NODE_ENV: 'test',
  STRAPI_LOG_LEVEL: 'error',
});

/** FAULTS_SCALE=0.2 (say) sends a fifth of the messages, for a quick run while working on this. */
const scale = Number(process.env.FAULTS_SCALE ?? 1);
const perAuthor = (messages: number) => Math.max(10, Math.round(messages * scale));

const timed = async <T>(run: () => Promise<T>): Promise<[T, number]> => {
  const startedAt = Date.now();
  return [await run(), Date.now() - startedAt];
};

function expectNothingLost(result: ScenarioResult, messages: number): void {
  const { counters, report } = result;
  expect(report.problems).toEqual([]);
  expect({
    sent: counters.sent,
    acknowledged: counters.acked,
    sentPerDatabaseCheck: report.sent,
    answers5xx: counters.serverErrors,
    otherRefusals: counters.refusals,
    lost: report.lost,
    duplicated: report.duplicated,
    authorsOutOfOrder: report.outOfOrder,
    seqGaps: report.seqGaps,
    acknowledgementsNamingAnotherSeq: report.ackMismatches,
    clientViewsDiffering: report.viewMismatches,
  }).toEqual({
    sent: messages,
    acknowledged: messages,
    sentPerDatabaseCheck: messages,
    answers5xx: 0,
    otherRefusals: 0,
    lost: 0,
    duplicated: 0,
    authorsOutOfOrder: 0,
    seqGaps: 0,
    acknowledgementsNamingAnotherSeq: 0,
    clientViewsDiffering: 0,
  });
  // The faults really happened: sockets were dropped and clients came back, and resends came
  // after the server had stored the message (only its answer was lost). Each author throws one
  // answer away on purpose, so the last does not hang on where the random drops fell.
  for (const happened of [result.socketsDropped, counters.serverDisconnects, counters.reconnects, counters.answersLostOnPurpose]) {
    expect(happened).toBeGreaterThan(0);
  }
  expect(counters.resendsAlreadyStored).toBeGreaterThanOrEqual(counters.answersLostOnPurpose);
}

beforeAll(async () => {
  [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
  first = await startPlayground({ env: nodeEnv() });
  [dropper, reader] = await Promise.all([socketDropper(redis.url, CHANNEL_PREFIX), postgresReader(postgres.env)]);
  const adminToken = await adminLogin(first.url, DEMO_ADMIN.email, DEMO_ADMIN.password);
  // Escalations queue whether or not a desk is open (the desks close between the scenarios).
  await request(first.url)
    .put(`${ADMIN_API_BASE}/settings`)
    .set('Authorization', `Bearer ${adminToken}`)
    .send({ queue: { enforceOpeningHours: false, requireOnlineAgent: false, seatsPerAgent: 20, maxQueueLength: 100 } })
    .expect(200);
  agents = await inviteAgents(first, 8);
  for (const agent of agents) await agent.put('/presence', { status: 'online' }).expect(200);
}, 180_000);

afterAll(async () => {
  await stopAllClients();
  await Promise.allSettled([dropper?.close(), reader?.close()]);
  await first?.stop();
  postgres?.stop();
  await redis?.stop();
}, 60_000);

// The time limits below are ceilings for a machine busy with other work, not the expected duration.
describe('one node, killed with SIGKILL and started again mid-load', () => {
  it('stores 10,000 messages exactly once, in each author’s order, and every client sees them all', async () => {
    const conversations = 40;
    const messagesPerAuthor = perAuthor(125);
    const timing: Record<string, number> = {};
    const result = await runScenario({
      setUpOn: first,
      agents,
      conversations,
      messagesPerAuthor,
      customerUrl: () => first.url,
      agentUrl: () => first.url,
      dropper,
      dropEveryMs: 400,
      midway: {
        atShare: 0.4,
        async run(clients) {
          const killedAt = Date.now();
          const killed = first;
          await killed.kill();
          timing.killMs = Date.now() - killedAt;
          first = await startPlayground({ port: killed.port, env: nodeEnv() });
          await killed.stop();
          timing.healthyAfterMs = Date.now() - killedAt;
          await Promise.all(clients.map((client) => client.whenReady()));
          timing.clientsBackAfterMs = Date.now() - killedAt;
        },
      },
      readStored: (ids) => reader.messages(ids),
    });
    console.log(
      describeResult('faults, one node on PostgreSQL:', result, {
        'SIGKILL until the process was gone': `${timing.killMs} ms`,
        'SIGKILL until the restarted node answered /_health': `${timing.healthyAfterMs} ms`,
        'SIGKILL until every client was connected and caught up': `${timing.clientsBackAfterMs} ms`,
      }),
    );
    expectNothingLost(result, conversations * messagesPerAuthor * 2);
    expect(result.counters.otherDisconnects).toBeGreaterThanOrEqual(conversations);
  }, 900_000);
});

describe('two nodes: one dies, its clients reconnect to the other', () => {
  let second: RunningPlayground;

  beforeAll(async () => {
    second = await startPlayground({ env: nodeEnv() });
  }, 120_000);

  afterAll(async () => {
    await second?.stop();
  });

  it('loses nothing of the clients that move', async () => {
    const conversations = 20;
    const messagesPerAuthor = perAuthor(50);
    let secondAlive = true;
    // A load balancer: half the clients on each node, all on the first once the second is gone.
    const place = (index: number) => (index % 2 === 1 && secondAlive ? second.url : first.url);
    const timing: Record<string, number> = {};
    const result = await runScenario({
      setUpOn: first,
      agents,
      conversations,
      messagesPerAuthor,
      customerUrl: place,
      agentUrl: (index) => place(index + 1),
      dropper,
      dropEveryMs: 400,
      midway: {
        atShare: 0.4,
        async run(clients) {
          const [, killMs] = await timed(async () => {
            secondAlive = false;
            await second.kill();
          });
          timing.killMs = killMs;
          const [, backMs] = await timed(() => Promise.all(clients.map((client) => client.whenReady())));
          timing.clientsBackAfterMs = killMs + backMs;
        },
      },
      readStored: (ids) => reader.messages(ids),
    });
    console.log(
      describeResult('faults, two nodes on PostgreSQL and Redis, one killed:', result, {
        'SIGKILL until the process was gone': `${timing.killMs} ms`,
        'SIGKILL until every client was on the other node and caught up': `${timing.clientsBackAfterMs} ms`,
      }),
    );
    expectNothingLost(result, conversations * messagesPerAuthor * 2);
    // The second node's half of the clients lost their connection with it.
    expect(result.counters.otherDisconnects).toBeGreaterThanOrEqual(conversations / 2);
  }, 450_000);
});
