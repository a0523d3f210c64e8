/**
 * The desk at scale (`node bench/run.mjs queue-scale.ts`): the playground Strapi booted for
 * real, a database seeded in seconds with batched inserts (100 waiting, 100,000 resolved).
 *
 * - snapshot: `GET /live-support/queue?pageSize=100` (what the desk asks) against
 *   `GET /admin/users/me` (Strapi's own cheapest authenticated admin route), alternated in the
 *   same run over HTTP: p50 and p99 of each, and the ratio of the p50s.
 * - escalation: the server-side cost of one escalation (time and CPU inside the process:
 *   the transition, the system message, the customer's view, the desks' card and every
 *   waiting customer's place) with 10, 100 and 500 customers waiting, and its ratio to the
 *   cost at 10: flat when the cost does not grow with the queue.
 */
import type { Knex } from 'knex';
import { performance } from 'node:perf_hooks';
import request from 'supertest';

import { DEMO_AGENT } from '../tests/helpers/admin-auth';
import { loginAgent } from '../tests/helpers/protocol';
import type { BootedStrapi } from '../tests/helpers/strapi';

import { benchmarkOnBootedStrapi } from './on-booted-strapi';

const RESOLVED = 100_000;
const WAITING = 100;
const SNAPSHOT_REQUESTS = 300;
const ESCALATIONS_PER_LENGTH = 30;
const QUEUE_LENGTHS = [10, 100, 500];
const CONVERSATION = 'plugin::live-support.conversation';

const percentile = (samples: number[], fraction: number): number => {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))];
};
const ms = (value: number) => value.toFixed(2);

/**
 * Rows cloned from one the query engine wrote, so every column Strapi expects is filled;
 * inserted in batches inside one transaction (seconds for 100,000 rows on SQLite).
 */
async function seedConversations(app: BootedStrapi, count: number, fill: (index: number) => Record<string, unknown>): Promise<void> {
  const { strapi } = app;
  const knex = strapi.db.connection as unknown as Knex;
  const table = strapi.db.metadata.get(CONVERSATION).tableName;
  const template = (await strapi.db.query(CONVERSATION).create({ data: { status: 'ended', language: 'en' } })) as { id: number };
  const [raw] = (await knex(table).where({ id: template.id })) as Array<Record<string, unknown>>;
  await knex(table).where({ id: template.id }).delete();
  const { id: _id, document_id: _documentId, ...columns } = raw;
  const rows = Array.from({ length: count }, (_, index) => ({
    ...columns,
    document_id: `bench${Date.now().toString(36)}${index.toString(36).padStart(8, '0')}`,
    ...fill(index),
  }));
  await knex.transaction(async (trx) => {
    await knex.batchInsert(table, rows, 500).transacting(trx);
  });
}

async function timeSnapshot(app: BootedStrapi, token: string): Promise<{ queue: number[]; me: number[] }> {
  const queue: number[] = [];
  const me: number[] = [];
  const timed = async (path: string, into: number[]) => {
    const started = performance.now();
    const response = await request(app.url).get(path).set('Authorization', `Bearer ${token}`);
    into.push(performance.now() - started);
    if (response.status !== 200) throw new Error(`${path}: ${response.status}`);
  };
  for (let warm = 0; warm < 20; warm += 1) {
    await timed('/live-support/queue?pageSize=100', []);
    await timed('/admin/users/me', []);
  }
  for (let index = 0; index < SNAPSHOT_REQUESTS; index += 1) {
    await timed('/live-support/queue?pageSize=100', queue);
    await timed('/admin/users/me', me);
  }
  return { queue, me };
}

async function timeEscalations(app: BootedStrapi, queueLength: number): Promise<{ wall: number[]; cpu: number[] }> {
  const { strapi } = app;
  const service = (name: string) => strapi.plugin('live-support').service(name);
  await strapi.db.query(CONVERSATION).updateMany({ where: { status: { $in: ['queued', 'bot'] } }, data: { status: 'abandoned' } });
  const start = Date.now() - 3_600_000;
  await seedConversations(app, queueLength, (index) => ({
    status: 'queued',
    queued_at: start + index * 1000,
    // Entered now: the queue sweep leaves them be (they count as just seen).
    queue_entered_at: Date.now(),
    resolved_at: null,
  }));
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let index = 0; index < ESCALATIONS_PER_LENGTH + 5; index += 1) {
    const id = (await service('conversations').startSession({ locale: 'en' })).conversation.id as number;
    await service('notifier').queueChanged();
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    await service('escalation').escalate(id, { trigger: 'api', actor: { kind: 'bot' } });
    const elapsed = performance.now() - started;
    const used = process.cpuUsage(cpuBefore);
    // The first few warm the caches up; the queue keeps its length for the next one.
    if (index >= 5) {
      wall.push(elapsed);
      cpu.push((used.user + used.system) / 1000);
    }
    await strapi.db.query(CONVERSATION).update({ where: { id }, data: { status: 'abandoned' } });
  }
  return { wall, cpu };
}

async function measure(app: BootedStrapi): Promise<void> {
  const { strapi } = app;
  const service = (name: string) => strapi.plugin('live-support').service(name);
  await service('settings').update({ queue: { enforceOpeningHours: false, requireOnlineAgent: false, maxQueueLength: 1000 } });
  const agent = await loginAgent(app, DEMO_AGENT.email, DEMO_AGENT.password);
  await agent.put('/presence', { status: 'online' });

  const seedStarted = performance.now();
  const day = 86_400_000;
  const now = Date.now();
  await seedConversations(app, RESOLVED, (index) => ({
    status: 'resolved',
    resolved_at: now - 120 * day + Math.floor((index / RESOLVED) * 120 * day),
    claimed_at: now - 120 * day + Math.floor((index / RESOLVED) * 120 * day) - 600_000,
  }));
  await seedConversations(app, WAITING, (index) => ({ status: 'queued', queued_at: now - (WAITING - index) * 10_000, queue_entered_at: now }));
  const seedSeconds = (performance.now() - seedStarted) / 1000;

  const snapshot = await timeSnapshot(app, agent.token);
  const escalations: Array<{ length: number; wall: number[]; cpu: number[] }> = [];
  for (const length of QUEUE_LENGTHS) escalations.push({ length, ...(await timeEscalations(app, length)) });

  console.log(`\nQueue at scale: seeded ${RESOLVED.toLocaleString('en')} resolved + ${WAITING} waiting in ${seedSeconds.toFixed(1)} s\n`);
  console.log('| request | p50 (ms) | p99 (ms) |');
  console.log('| --- | ---: | ---: |');
  console.log(`| GET /live-support/queue?pageSize=100 | ${ms(percentile(snapshot.queue, 0.5))} | ${ms(percentile(snapshot.queue, 0.99))} |`);
  console.log(`| GET /admin/users/me | ${ms(percentile(snapshot.me, 0.5))} | ${ms(percentile(snapshot.me, 0.99))} |`);
  console.log(`| ratio snapshot ÷ users/me (p50) | ${(percentile(snapshot.queue, 0.5) / percentile(snapshot.me, 0.5)).toFixed(2)} | |`);

  const base = escalations[0];
  console.log(`\nOne escalation, server side (${ESCALATIONS_PER_LENGTH} each)\n`);
  console.log('| waiting | wall p50 (ms) | wall p99 (ms) | CPU p50 (ms) | CPU p50 ÷ CPU p50 at 10 |');
  console.log('| ---: | ---: | ---: | ---: | ---: |');
  for (const { length, wall, cpu } of escalations) {
    console.log(
      `| ${length} | ${ms(percentile(wall, 0.5))} | ${ms(percentile(wall, 0.99))} | ${ms(percentile(cpu, 0.5))} | ${(percentile(cpu, 0.5) / percentile(base.cpu, 0.5)).toFixed(2)} |`,
    );
  }
}

benchmarkOnBootedStrapi(measure);
