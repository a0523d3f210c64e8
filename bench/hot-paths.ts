/**
 * Hot paths of the conversation engine against a naive baseline measured in the same run, on
 * the same booted Strapi and database. Figures are ratios (ours ÷ baseline throughput), so
 * they mean the same on a faster or slower machine.
 *
 * - append: messages.append (one transaction: increment the conversation's counter, insert
 *   through the query engine) vs the document service (read the highest seq, create).
 *   The baseline is also unsafe under concurrency; it is here only as the obvious way.
 * - claim: the conditional-update claim (with seat check, event and notifications) vs a
 *   document-service read, check and update.
 * - snapshot: the agent's three-column queue snapshot (order, positions, estimates, cards)
 *   vs a plain document-service list of the waiting conversations.
 */
import { performance } from 'node:perf_hooks';

import type { BootedStrapi } from '../tests/helpers/strapi';

import { benchmarkOnBootedStrapi } from './on-booted-strapi';

const ROUNDS = 3;

interface Result {
  name: string;
  ours: number;
  baseline: number;
}

async function opsPerSecond(count: number, operation: (index: number) => Promise<unknown>): Promise<number> {
  const started = performance.now();
  for (let index = 0; index < count; index += 1) await operation(index);
  return count / ((performance.now() - started) / 1000);
}

/** Alternates ours and baseline so that warm-up and drift hit both alike; keeps the best round. */
async function compare(
  name: string,
  count: number,
  ours: (round: number, index: number) => Promise<unknown>,
  baseline: (round: number, index: number) => Promise<unknown>,
): Promise<Result> {
  let best = { ours: 0, baseline: 0 };
  for (let round = 0; round < ROUNDS; round += 1) {
    const oursRate = await opsPerSecond(count, (index) => ours(round, index));
    const baselineRate = await opsPerSecond(count, (index) => baseline(round, index));
    best = { ours: Math.max(best.ours, oursRate), baseline: Math.max(best.baseline, baselineRate) };
  }
  return { name, ...best };
}

async function measure(app: BootedStrapi): Promise<void> {
  const { strapi } = app;
  const service = (name: string) => strapi.plugin('live-support').service(name);
  await service('settings').update({ queue: { enforceOpeningHours: false, requireOnlineAgent: false, maxQueueLength: 1000 } });
  const agent = await strapi.db.query('admin::user').findOne({ where: { email: 'aino@example.com' } });
  await service('settings').update({ queue: { seatsPerAgent: 50 } });

  const newConversation = async () => (await service('conversations').startSession({ locale: 'en' })).conversation.id as number;
  const documents = strapi.documents('plugin::live-support.message' as never);
  const conversationDocs = strapi.documents('plugin::live-support.conversation' as never);

  const appendTargets = { ours: await newConversation(), baseline: await newConversation() };
  const append = await compare(
    'append a message',
    200,
    (round, index) =>
      service('messages').append({
        conversationId: appendTargets.ours,
        authorKind: 'customer',
        clientId: `ours-${round}-${index}`,
        text: 'Where is my parcel?',
      }),
    async (round, index) => {
      const [last] = (await documents.findMany({
        filters: { conversationId: appendTargets.baseline },
        sort: 'seq:desc',
        limit: 1,
      } as never)) as unknown as Array<{ seq: number }>;
      await documents.create({
        data: {
          conversationId: appendTargets.baseline,
          authorKind: 'customer',
          clientId: `base-${round}-${index}`,
          text: 'Where is my parcel?',
          seq: (last?.seq ?? 0) + 1,
        },
      } as never);
    },
  );

  const queued = async (count: number) => {
    const ids: number[] = [];
    for (let index = 0; index < count; index += 1) {
      const id = await newConversation();
      await service('conversations').escalate(id, { trigger: 'api', actor: { kind: 'system' } });
      ids.push(id);
    }
    return ids;
  };
  const claimCount = 40;
  const oursToClaim = await queued(claimCount * ROUNDS);
  const baselineToClaim = await queued(claimCount * ROUNDS);
  const claim = await compare(
    'claim a conversation',
    claimCount,
    async (round, index) => {
      const id = oursToClaim[round * claimCount + index];
      await service('conversations').claim(id, agent.id);
      await service('conversations').resolve(id, agent.id);
    },
    async (round, index) => {
      const id = baselineToClaim[round * claimCount + index];
      const document = (await conversationDocs.findFirst({ filters: { id } } as never)) as unknown as {
        documentId: string;
        status: string;
      };
      if (document.status !== 'queued') throw new Error('baseline claim on a non-queued conversation');
      await conversationDocs.update({
        documentId: document.documentId,
        data: { status: 'active', assignedAgentId: agent.id, claimedAt: new Date() },
      } as never);
      await conversationDocs.update({ documentId: document.documentId, data: { status: 'resolved' } } as never);
    },
  );

  await queued(100);
  const snapshot = await compare(
    'queue snapshot (100 waiting)',
    50,
    () => service('queue').snapshot(agent.id, { page: 1, pageSize: 50 }),
    () =>
      conversationDocs.findMany({
        filters: { status: 'queued' },
        sort: ['isVip:desc', 'priority:desc', 'queuedAt:asc', 'id:asc'],
        limit: 50,
      } as never),
  );

  console.log('\nHot paths: ours vs baseline, best of %d rounds, same run and database\n', ROUNDS);
  console.log('| path | ours (ops/s) | baseline (ops/s) | ratio ours ÷ baseline |');
  console.log('| --- | ---: | ---: | ---: |');
  for (const result of [append, claim, snapshot]) {
    console.log(
      `| ${result.name} | ${result.ours.toFixed(0)} | ${result.baseline.toFixed(0)} | ${(result.ours / result.baseline).toFixed(2)} |`,
    );
  }
}

benchmarkOnBootedStrapi(measure);
