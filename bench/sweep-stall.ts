/**
 * How long the periodic work holds up the message path: `node bench/run.mjs sweep-stall.ts
 * [active] [history] [agents]`. Boots the playground on SQLite, seeds `active` active conversations (10
 * messages each), as many queued ones, `history` resolved ones (10 messages each) and `agents` agents
 * (10) with open admin sessions; then runs each sweep and the agents' access re-check while a probe
 * appends a customer message every 2 ms, and reports per job: its duration, the longest
 * event-loop block (`monitorEventLoopDelay`) and the longest gap between two probe appends. Also prints
 * the SQLite journal mode, since one commit per message is most of a message's cost.
 */
import { randomUUID } from 'node:crypto';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';

import type { Core } from '@strapi/strapi';

import { adminLogin } from '../tests/helpers/admin-auth';
import { createAdmin } from '../tests/helpers/protocol';
import type { BootedStrapi } from '../tests/helpers/strapi';

import { benchmarkOnBootedStrapi } from './on-booted-strapi';

const ACTIVE = Number(process.argv[2] ?? 2000);
const HISTORY = Number(process.argv[3] ?? 20000);
const MESSAGES_PER_CONVERSATION = 10;
const AGENTS = Number(process.argv[4] ?? 10);
const ROUNDS = 3;
/** Rows per INSERT: under SQLite's limit of 500 terms in one compound SELECT. */
const INSERT_CHUNK = 400;

interface Figures {
  job: string;
  durationMs: number;
  eventLoopMaxMs: number;
  longestGapMs: number;
  probeCount: number;
}

const service = (strapi: Core.Strapi, name: string) => strapi.plugin('live-support').service(name);

async function insertRows(strapi: Core.Strapi, table: string, rows: Array<Record<string, unknown>>): Promise<number[]> {
  const ids: number[] = [];
  await strapi.db.connection.transaction(async (trx) => {
    for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
      const inserted = (await trx(table).insert(rows.slice(start, start + INSERT_CHUNK)).returning('id')) as Array<{ id: number }>;
      ids.push(...inserted.map((row) => row.id));
    }
  });
  return ids;
}

/** Conversations and their messages written straight into the tables: seconds for 100k rows. */
async function seedConversations(strapi: Core.Strapi, status: string, count: number, agentId: number, now: Date): Promise<number[]> {
  const conversationTable = strapi.db.metadata.get('plugin::live-support.conversation').tableName;
  const messageTable = strapi.db.metadata.get('plugin::live-support.message').tableName;
  const recent = new Date(now.getTime() - 60_000);
  const withMessages = status !== 'queued';
  const ids = await insertRows(
    strapi,
    conversationTable,
    Array.from({ length: count }, () => ({
      document_id: randomUUID(),
      status,
      priority: 0,
      is_vip: false,
      language: 'en',
      identity_verified: false,
      consecutive_bot_failures: 0,
      last_message_seq: withMessages ? MESSAGES_PER_CONVERSATION : 0,
      assigned_agent_id: status === 'queued' ? null : agentId,
      queued_at: recent,
      queue_entered_at: recent,
      customer_seen_at: status === 'queued' ? now : null,
      claimed_at: status === 'queued' ? null : recent,
      resolved_at: status === 'resolved' ? recent : null,
      last_activity_at: recent,
      last_customer_message_at: withMessages ? recent : null,
      last_agent_message_at: withMessages ? recent : null,
      created_at: recent,
      updated_at: recent,
    })),
  );
  if (!withMessages) return ids;
  const messages = ids.flatMap((conversationId) =>
    Array.from({ length: MESSAGES_PER_CONVERSATION }, (_, index) => ({
      document_id: randomUUID(),
      conversation_id: conversationId,
      author_kind: index % 2 === 0 ? 'customer' : 'agent',
      agent_id: index % 2 === 0 ? null : agentId,
      text: 'Where is my parcel?',
      client_id: `seed-${conversationId}-${index}`,
      seq: index + 1,
      created_at: recent,
      updated_at: recent,
    })),
  );
  await insertRows(strapi, messageTable, messages);
  return ids;
}

/**
 * Runs `job` while a probe appends a message every 2 ms; reports how much the job held it up:
 * the longest gap between two probe appends completing (how long a message could not get
 * through) and the longest event-loop block.
 */
async function measure(strapi: Core.Strapi, job: string, probeConversationId: number, run: () => Promise<unknown>): Promise<Figures> {
  let probing = true;
  let longestGapMs = 0;
  let probeCount = 0;
  let lastCompletion = performance.now();
  const probe = (async () => {
    while (probing) {
      await service(strapi, 'messages').append({
        conversationId: probeConversationId,
        authorKind: 'customer',
        clientId: randomUUID(),
        text: 'probe',
      });
      const completed = performance.now();
      longestGapMs = Math.max(longestGapMs, completed - lastCompletion);
      lastCompletion = completed;
      probeCount += 1;
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
  })();
  // The probe's first append is under way: the job starts amid live traffic.
  await new Promise((resolve) => setTimeout(resolve, 20));
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  histogram.enable();
  const started = performance.now();
  await run();
  const durationMs = performance.now() - started;
  // A block ends when the loop next turns: the monitor records it only then.
  await new Promise((resolve) => setTimeout(resolve, 5));
  histogram.disable();
  probing = false;
  await probe;
  return { job, durationMs, eventLoopMaxMs: histogram.max / 1e6, longestGapMs, probeCount };
}

async function signedInSessions(app: { strapi: Core.Strapi; url: string }): Promise<Array<{ agentId: number; sessionId: string }>> {
  const sessionManager = (app.strapi as unknown as {
    sessionManager(origin: 'admin'): { validateAccessToken(token: string): { payload: { userId: string; sessionId: string } } };
  }).sessionManager;
  const sessions: Array<{ agentId: number; sessionId: string }> = [];
  for (let index = 0; index < AGENTS; index += 1) {
    const account = { email: `bench-agent-${index}@example.com`, password: 'Bench-Agent-1', firstname: `Agent${index}` };
    await createAdmin(app, account, 'live-support-agent');
    const { payload } = sessionManager('admin').validateAccessToken(await adminLogin(app.url, account.email, account.password));
    sessions.push({ agentId: Number(payload.userId), sessionId: payload.sessionId });
  }
  return sessions;
}

async function measureSweeps(app: BootedStrapi): Promise<void> {
  const { strapi } = app;
  const [journal] = (await strapi.db.connection.raw('PRAGMA journal_mode')) as Array<{ journal_mode: string }>;
  const [sync] = (await strapi.db.connection.raw('PRAGMA synchronous')) as Array<{ synchronous: number }>;
  console.log(`SQLite journal_mode=${journal.journal_mode} synchronous=${sync.synchronous}`);

  await service(strapi, 'settings').update({
    queue: { reminderAfterMinutes: 5, closeInactiveAfterMinutes: 30, abandonAfterSeconds: 60, maxWaitMinutes: 30 },
    retention: { keepDays: 30 },
  });
  const agent = (await strapi.db.query('admin::user').findOne({ where: { email: 'aino@example.com' } })) as { id: number };
  const now = new Date();
  let seeding = performance.now();
  await seedConversations(strapi, 'active', ACTIVE, agent.id, now);
  await seedConversations(strapi, 'queued', ACTIVE, agent.id, now);
  await seedConversations(strapi, 'resolved', HISTORY, agent.id, now);
  const [probeConversationId] = await seedConversations(strapi, 'active', 1, agent.id, now);
  console.log(`seeded ${ACTIVE} active, ${ACTIVE} queued, ${HISTORY} resolved in ${Math.round(performance.now() - seeding)} ms`);
  seeding = performance.now();
  const sessions = await signedInSessions(app);
  console.log(`${sessions.length} agents signed in in ${Math.round(performance.now() - seeding)} ms`);

  const jobs: Array<[string, () => Promise<unknown>]> = [
    ['idle sweep', () => service(strapi, 'idle').sweep(new Date())],
    ['queue sweep', () => service(strapi, 'queueHousekeeping').sweep(new Date())],
    ['presence sweep', () => service(strapi, 'presence').sweep(new Date())],
    ['retention sweep', () => service(strapi, 'retention').sweep(new Date())],
    [
      `access re-check (${AGENTS} sessions)`,
      () => service(strapi, 'agents').recheckAccess(sessions),
    ],
  ];
  const results: Figures[] = [];
  for (const [job, run] of jobs) {
    let worst: Figures | null = null;
    for (let round = 0; round < ROUNDS; round += 1) {
      const figures = await measure(strapi, job, probeConversationId, run);
      if (!worst || figures.longestGapMs > worst.longestGapMs) worst = figures;
    }
    results.push(worst!);
  }
  console.table(
    results.map((figures) => ({
      job: figures.job,
      'duration ms': figures.durationMs.toFixed(1),
      'event-loop max ms': figures.eventLoopMaxMs.toFixed(1),
      'longest gap between appends ms': figures.longestGapMs.toFixed(1),
      'probe appends': figures.probeCount,
    })),
  );
}

benchmarkOnBootedStrapi(measureSweeps);
