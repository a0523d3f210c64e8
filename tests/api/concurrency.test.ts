import { UID } from '../../server/src/constants';
import type { Ack } from '../../server/src/contracts/views';
import { useBootedStrapi } from '../helpers/booted-strapi';
import { agentSocket, ask, createAdmin, loginAgent, type Agent } from '../helpers/protocol';

const SEATS = 3;

const app = useBootedStrapi();

async function createAgents(count: number, prefix: string): Promise<Agent[]> {
  const agents: Agent[] = [];
  for (let index = 0; index < count; index += 1) {
    const email = `${prefix}${index}@example.com`;
    await createAdmin(app, { email, password: 'Agent-Pass-1', firstname: `${prefix}${index}` }, 'live-support-agent');
    agents.push(await loginAgent(app, email, 'Agent-Pass-1'));
  }
  return agents;
}

async function queuedConversations(count: number): Promise<number[]> {
  const ids: number[] = [];
  for (let index = 0; index < count; index += 1) {
    const { conversation } = await app.service('conversations').startSession({ locale: 'en' });
    await app.service('conversations').escalate(conversation.id, { trigger: 'api', actor: { kind: 'system' } });
    ids.push(conversation.id);
  }
  return ids;
}

beforeAll(async () => {
  await app.service('settings').update({ queue: { maxQueueLength: 1000, seatsPerAgent: SEATS } });
});

describe('escalations under contention', () => {
  it('fills the queue exactly to its maximum when 20 customers escalate at once', async () => {
    const queuedBefore = await app.strapi.db.query(UID.conversation).count({ where: { status: 'queued' } });
    // Nobody is online yet in this file: only the queue's length decides.
    await app.service('settings').update({ queue: { maxQueueLength: queuedBefore + 5, requireOnlineAgent: false } });
    try {
      const ids: number[] = [];
      for (let index = 0; index < 20; index += 1) {
        ids.push((await app.service('conversations').startSession({ locale: 'en' })).conversation.id);
      }
      const outcomes = await Promise.all(
        ids.map((id) => app.service('conversations').escalate(id, { trigger: 'api', actor: { kind: 'system' } })),
      );
      const statuses = outcomes.map((view: { status: string }) => view.status);
      expect(statuses.filter((status: string) => status === 'queued')).toHaveLength(5);
      expect(statuses.filter((status: string) => status === 'offline')).toHaveLength(15);
    } finally {
      await app.service('settings').update({ queue: { maxQueueLength: 1000, requireOnlineAgent: true } });
    }
  });
});

describe('claims under contention', () => {
  it('gives one conversation to exactly one of 50 agents claiming at once', async () => {
    const agents = await createAgents(50, 'racer');
    const desks = await Promise.all(agents.map((agent) => agentSocket(app, agent.token)));
    app.closeAtEnd(...desks);
    const [conversationId] = await queuedConversations(1);

    const answers = await Promise.all(desks.map((desk) => ask(desk, 'conversation:claim', { conversationId })));
    const winners = answers.filter((answer) => answer.ok);
    const losers = answers.filter((answer): answer is Extract<Ack<unknown>, { ok: false }> => !answer.ok);
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(49);
    const winnerIndex = answers.findIndex((answer) => answer.ok);
    for (const loser of losers) {
      expect(loser.error).toMatchObject({
        status: 409,
        details: { code: 'ALREADY_CLAIMED', claimedBy: { id: agents[winnerIndex].id, name: `racer${winnerIndex}` } },
      });
    }

    const claims = await app.strapi.db
      .query(UID.conversationEvent)
      .count({ where: { conversationId, kind: 'claimed' } });
    expect(claims).toBe(1);
    for (const desk of desks) desk.close();
  });

  it('lets 20 agents claim 200 conversations at random: each once, nobody above their seats', async () => {
    const agents = await createAgents(20, 'worker');
    const desks = await Promise.all(agents.map((agent) => agentSocket(app, agent.token)));
    app.closeAtEnd(...desks);
    const conversationIds = await queuedConversations(200);
    const unclaimed = new Set(conversationIds);
    let seatRefusals = 0;
    let lostRaces = 0;

    const random = seededRandom(42);
    const work = desks.map(async (desk) => {
      const mine: number[] = [];
      while (unclaimed.size > 0 || mine.length > 0) {
        const full = mine.length >= SEATS;
        if (mine.length > 0 && (unclaimed.size === 0 || (full && random() < 0.6) || random() < 0.2)) {
          const conversationId = mine.splice(Math.floor(random() * mine.length), 1)[0];
          const resolved = await ask(desk, 'conversation:resolve', { conversationId });
          expect(resolved.ok).toBe(true);
          continue;
        }
        const candidates = [...unclaimed];
        if (candidates.length === 0) continue;
        const conversationId = candidates[Math.floor(random() * candidates.length)];
        const answer = await ask(desk, 'conversation:claim', { conversationId });
        if (answer.ok) {
          unclaimed.delete(conversationId);
          mine.push(conversationId);
        } else if ((answer.error.details as { code?: string }).code === 'SEAT_LIMIT') {
          seatRefusals += 1;
        } else {
          expect(answer.error.details).toMatchObject({ code: 'ALREADY_CLAIMED' });
          lostRaces += 1;
        }
      }
    });
    await Promise.all(work);

    const events = (await app.strapi.db.query(UID.conversationEvent).findMany({
      where: { conversationId: { $in: conversationIds }, kind: { $in: ['claimed', 'resolved'] } },
      orderBy: { id: 'asc' },
    })) as Array<{ conversationId: number; kind: string; actorId: number }>;

    const claimsPerConversation = new Map<number, number>();
    for (const event of events.filter((candidate) => candidate.kind === 'claimed')) {
      claimsPerConversation.set(event.conversationId, (claimsPerConversation.get(event.conversationId) ?? 0) + 1);
    }
    expect(claimsPerConversation.size).toBe(200);
    expect([...claimsPerConversation.values()].every((count) => count === 1)).toBe(true);

    // Replay the log in commit order: no agent ever held more than its seats.
    const active = new Map<number, number>();
    let highest = 0;
    for (const event of events) {
      const next = (active.get(event.actorId) ?? 0) + (event.kind === 'claimed' ? 1 : -1);
      active.set(event.actorId, next);
      highest = Math.max(highest, next);
    }
    expect(highest).toBeLessThanOrEqual(SEATS);
    expect(highest).toBe(SEATS);
    expect(seatRefusals).toBeGreaterThan(0);
    console.info(`20 agents × 200 conversations: ${lostRaces} lost races, ${seatRefusals} seat refusals`);

    const statuses = (await app.strapi.db.query(UID.conversation).findMany({
      where: { id: { $in: conversationIds } },
      select: ['status'],
    })) as Array<{ status: string }>;
    expect(new Set(statuses.map((row) => row.status))).toEqual(new Set(['resolved']));
  });
});

/** A small deterministic generator, so that a failure can be replayed. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}
