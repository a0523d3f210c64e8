import request from 'supertest';

import { UID } from '../../server/src/constants';
import { ADMIN_API_BASE } from '../../server/src/contracts/constants';
import type { AgentConversationView, MessageView } from '../../server/src/contracts/views';
import type { TickResult } from '../../server/src/services/scheduler';
import { HISTORY_RANGE, inMemoryReport } from '../helpers/analytics-reference';
import { chatPairOn, type ChatPair } from '../helpers/chat-pair';
import { agentSocket, ask, eventually, nextEvent, okData, startCustomer } from '../helpers/protocol';
import { expectSettledHistoryFigures, seedSettledAnalyticsHistory } from '../helpers/settled-analytics-history';
import { PRESENCE_GRACE_MS as GRACE_MS, useTwoNodes } from '../helpers/two-nodes';

/**
 * What happens behind the chats of two nodes (see `useTwoNodes`: this process and a
 * `node server.js` child on one PostgreSQL and one Redis): Redis going away and coming back, the
 * analytics rollup in PostgreSQL, and the scheduler's jobs, which both nodes fire. Chat across
 * the nodes is in multi-node-chat.test.ts.
 */
// This file starts fewer than ten chats from the one test address: the default allowance of new
// chats holds, so unlike multi-node-chat.test.ts it sets no limit of its own.
const { nodeA, nodeB, redis, agents } = useTwoNodes({ agents: 5 });

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
  await seedSettledAnalyticsHistory(nodeA.strapi, [agents[0].id, agents[1].id], new Date());
  const report = await nodeA.service('analytics').report(HISTORY_RANGE);
  expect(report).toEqual(await inMemoryReport(nodeA.strapi, HISTORY_RANGE, 'Europe/Helsinki'));
  expectSettledHistoryFigures(report);
  // The days that can no longer change, rolled up by two runs at once, add up to the same figures.
  // Every conversation of the range has ended (the open ones were created today), so all its days are.
  await Promise.all([nodeA.service('analyticsRollup').rollUp(), nodeA.service('analyticsRollup').rollUp()]);
  const rolledUp = (await nodeA.service('analyticsRollup').rolledUp(HISTORY_RANGE.from, HISTORY_RANGE.to, 'Europe/Helsinki')) as { days: Set<string> };
  expect([...rolledUp.days].sort()).toEqual(['2026-10-24', '2026-10-25', '2026-10-26']);
  expect(await nodeA.service('analytics').report(HISTORY_RANGE)).toEqual(report);
});

describe('the scheduler on two nodes', () => {
  const presenceJob = async () =>
    (await nodeA.strapi.db.query(UID.scheduledJob).findOne({ where: { name: 'presence' } })) as {
      runCount: number;
      lastTickAt: string | number | Date;
      leaseOwner: string;
      leaseUntil: string | number | Date | null;
    };
  const tickTime = (value: string | number | Date) => new Date(typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value).getTime();

  it('runs each presence tick once, though both nodes fire every tick', async () => {
    // Counted from a tick that has finished: a tick read while it runs would count its run but
    // not itself, one run more than the ticks between the two readings.
    const first = await eventually(async () => {
      const job = await presenceJob();
      return job.leaseUntil === null && job;
    }, 5000);
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
