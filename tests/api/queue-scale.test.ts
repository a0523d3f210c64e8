import { isDeepStrictEqual } from 'node:util';

import type { Knex } from 'knex';

import { UID } from '../../server/src/constants';
import { QUEUE_RESOLVED_COUNT_LIMIT } from '../../server/src/contracts/limits';
import type { QueueCardView, QueueSnapshotMeta } from '../../server/src/contracts/views';
import type { ConversationStatus } from '../../server/src/domain/conversation-status';
import type { AppendOptions, AppendResult, NewMessage } from '../../server/src/services/messages';
import { DEMO_AGENT } from '../helpers/admin-auth';
import { useBootedStrapi } from '../helpers/booted-strapi';
import { agentSocket, ask, nextClientId, nextEvent, okData, startCustomer, widgetSocket } from '../helpers/protocol';
import { everyJobOff } from '../helpers/test-env';

/**
 * The desk at scale: an escalation reads the queue a fixed number of times however long it is,
 * one customer's place is counted rather than read, and the snapshot pages the resolved column
 * by keyset.
 */
// The tests count the statements (and connections) the database serves while one thing happens:
// a periodic job's tick inside that window (the presence job's every 5 s, say) would add its own,
// and the queue sweep would abandon the seeded waiting conversations (no customer socket). So
// every job is off, and open desks' access is re-checked hourly instead of every minute.
const app = useBootedStrapi({ config: { jobs: everyJobOff(), realtime: { accessRecheckMs: 3_600_000 } } });
const aino = app.signIn(DEMO_AGENT, { presence: 'online' });

interface StandingsService {
  standings(now?: Date): Promise<Map<number, { position: number; estimatedWaitSeconds: number | null }>>;
  standingOf(id: number, now?: Date): Promise<{ position: number | null; estimatedWaitSeconds: number | null }>;
}
interface EscalationService {
  escalate(id: number, request: { trigger: 'api'; actor: { kind: 'bot' } }): Promise<{ status: string; position: number | null }>;
}

const conversations = () => app.strapi.db.query(UID.conversation);
const connection = () => app.strapi.db.connection as unknown as Knex;

beforeEach(async () => {
  await conversations().deleteMany({ where: { status: { $in: ['bot', 'queued', 'active', 'resolved'] } } });
  await app.service('settings').update({ queue: { maxQueueLength: 1000, requireOnlineAgent: false, vipFirst: true } });
});

/** `count` waiting conversations, written straight to the table (a queue built up over time). */
async function seedWaiting(rows: Array<{ isVip?: boolean; priority?: number; queuedAt: Date }>): Promise<number[]> {
  await conversations().createMany({
    data: rows.map((row) => ({
      status: 'queued',
      language: 'en',
      isVip: row.isVip ?? false,
      priority: row.priority ?? 0,
      queuedAt: row.queuedAt,
      queueEnteredAt: row.queuedAt,
    })),
  });
  const seeded = (await conversations().findMany({ where: { status: 'queued' }, select: ['id'], orderBy: { id: 'asc' } })) as Array<{ id: number }>;
  return seeded.map((row) => row.id);
}

/** Every SQL statement the database runs while `work` does. */
async function statementsDuring(work: () => Promise<unknown>): Promise<string[]> {
  const statements: string[] = [];
  const listener = (query: { sql: string }) => statements.push(query.sql);
  connection().on('query', listener);
  try {
    await work();
  } finally {
    connection().removeListener('query', listener);
  }
  return statements;
}

type StatementMethod = 'run' | 'get' | 'all' | 'iterate';
type NativeStatementPrototype = Record<StatementMethod, (this: { source: string }, ...parameters: unknown[]) => unknown>;

/**
 * Every statement SQLite itself runs while `work` does, knex's and those run straight on the
 * connection alike (better-sqlite3's statements, their SQL as SQLite got it).
 */
async function nativeStatementsDuring(work: () => Promise<unknown>): Promise<string[]> {
  const client = connection().client as { acquireConnection(): Promise<{ prepare(sql: string): object }>; releaseConnection(connection: unknown): Promise<void> };
  const database = await client.acquireConnection();
  const prototype = Object.getPrototypeOf(database.prepare('select 1')) as NativeStatementPrototype;
  await client.releaseConnection(database);
  const statements: string[] = [];
  const originals = (['run', 'get', 'all', 'iterate'] as const).map((method) => [method, prototype[method]] as const);
  for (const [method, original] of originals) {
    prototype[method] = function (this: { source: string }, ...parameters: unknown[]) {
      statements.push(this.source);
      return original.apply(this, parameters);
    };
  }
  try {
    await work();
  } finally {
    for (const [method, original] of originals) prototype[method] = original;
  }
  return statements;
}

async function escalationStatements(waiting: number): Promise<string[]> {
  const start = Date.now() - 3_600_000;
  await seedWaiting(Array.from({ length: waiting }, (_, index) => ({ queuedAt: new Date(start + index * 1000) })));
  const customer = await startCustomer(app);
  // Whatever the session start set going settles first.
  await app.service('notifier').queueChanged();
  const statements = await statementsDuring(async () => {
    const view = await (app.service('escalation') as unknown as EscalationService).escalate(customer.conversationId, {
      trigger: 'api',
      actor: { kind: 'bot' },
    });
    expect(view).toMatchObject({ status: 'queued', position: waiting + 1 });
  });
  await conversations().deleteMany({ where: { status: { $in: ['bot', 'queued'] } } });
  return statements;
}

describe('an escalation', () => {
  it('costs the same number of queries with 5 and with 50 customers waiting', async () => {
    const withFive = await escalationStatements(5);
    const withFifty = await escalationStatements(50);
    expect(withFifty.length).toBe(withFive.length);
    // The whole line is read once for the change (the customer's place, the desk's card and
    // everyone's pushes share it); the escalation's own answer counts its customer's place.
    const table = app.strapi.db.metadata.get(UID.conversation).tableName;
    const lineReads = withFifty.filter((sql) => sql.includes(`from \`${table}\``) && /`status` = \?/.test(sql) && !/count\(|limit \?/.test(sql));
    expect(lineReads).toHaveLength(1);
  });
});

describe('one customer’s place', () => {
  it.each([true, false])('is counted in the same order as the whole line is sorted (VIP first: %s)', async (vipFirst) => {
    await app.service('settings').update({ queue: { vipFirst } });
    const at = new Date('2026-11-30T09:00:00.000Z');
    const later = new Date(at.getTime() + 60_000);
    // Ties on every key but the id, VIPs and priorities on both sides of each other.
    const ids = await seedWaiting([
      { queuedAt: later },
      { queuedAt: at },
      { queuedAt: at, isVip: true },
      { queuedAt: later, priority: 2 },
      { queuedAt: at },
      { queuedAt: later, isVip: true, priority: 1 },
      { queuedAt: at, priority: 2 },
      { queuedAt: later, isVip: true },
    ]);
    const standings = app.service('queueStandings') as unknown as StandingsService;
    const line = await standings.standings();
    expect([...line.values()].map((standing) => standing.position).sort((a, b) => a - b)).toEqual(ids.map((_, index) => index + 1));
    for (const id of ids) {
      expect(await standings.standingOf(id)).toEqual(line.get(id));
    }
  });

  it('is none for a conversation that is not waiting', async () => {
    const customer = await startCustomer(app);
    expect(await (app.service('queueStandings') as unknown as StandingsService).standingOf(customer.conversationId)).toEqual({
      position: null,
      estimatedWaitSeconds: null,
    });
  });
});

describe('the queue snapshot', () => {
  async function seedResolved(count: number): Promise<void> {
    const base = Date.parse('2026-11-01T12:00:00.000Z');
    await conversations().createMany({
      // Every third pair shares its instant: the id breaks the tie.
      data: Array.from({ length: count }, (_, index) => ({
        status: 'resolved',
        language: 'en',
        resolvedAt: new Date(base + Math.floor(index / 2) * 1000),
      })),
    });
  }

  it('pages the resolved column by cursor, newest first, each card once', async () => {
    await seedResolved(11);
    const expected = (
      (await conversations().findMany({
        where: { status: 'resolved' },
        select: ['id'],
        orderBy: [{ resolvedAt: 'desc' }, { id: 'desc' }],
      })) as Array<{ id: number }>
    ).map((row) => row.id);

    const seen: number[] = [];
    let before: string | null = null;
    do {
      const query: string = `/queue?pageSize=4${before ? `&before=${encodeURIComponent(before)}` : ''}`;
      const { body } = await aino.get(query).expect(200);
      const meta = body.meta as QueueSnapshotMeta;
      expect(meta.counts.resolved).toBe(11);
      seen.push(...(body.data.resolved as QueueCardView[]).map((card) => card.id));
      before = meta.pagination.nextBefore;
    } while (before);
    expect(seen).toEqual(expected);
  });

  it('counts a long resolved column only up to its limit, and says so', async () => {
    await seedResolved(QUEUE_RESOLVED_COUNT_LIMIT);
    const atLimit = (await aino.get('/queue?pageSize=4').expect(200)).body.meta as QueueSnapshotMeta;
    expect([atLimit.counts.resolved, atLimit.resolvedCountCapped]).toEqual([QUEUE_RESOLVED_COUNT_LIMIT, false]);
    await seedResolved(1);
    const past = (await aino.get('/queue?pageSize=4').expect(200)).body.meta as QueueSnapshotMeta;
    expect([past.counts.resolved, past.resolvedCountCapped]).toEqual([QUEUE_RESOLVED_COUNT_LIMIT, true]);
  });

  it('refuses a cursor it did not write', async () => {
    for (const before of ['42', '2026-11-31T00:00:00.000Z_4', '2026-11-01T12:00:00.000Z_0', '2026-11-01T12:00:00Z_4']) {
      await aino.get(`/queue?before=${encodeURIComponent(before)}`).expect(400);
    }
  });

  it('counts the columns and numbers the waiting page without reading the whole line', async () => {
    const start = Date.now() - 3_600_000;
    await seedWaiting(Array.from({ length: 30 }, (_, index) => ({ queuedAt: new Date(start + index * 1000) })));
    await seedResolved(5);
    let body: { data: { waiting: QueueCardView[] }; meta: QueueSnapshotMeta } | undefined;
    const statements = await statementsDuring(async () => {
      body = (await aino.get('/queue?pageSize=10&page=2').expect(200)).body;
    });
    expect(body?.meta.counts).toEqual({ waiting: 30, mine: 0, resolved: 5 });
    expect(body?.meta.resolvedCountCapped).toBe(false);
    expect(body?.meta.agentId).toBe(aino.id);
    expect(body?.data.waiting.map((card) => card.position)).toEqual(Array.from({ length: 10 }, (_, index) => index + 11));
    const table = app.strapi.db.metadata.get(UID.conversation).tableName;
    const unbounded = statements.filter((sql) => sql.includes(`from \`${table}\``) && !/count\(|limit \?/.test(sql));
    expect(unbounded).toEqual([]);
    // The pages read the columns a card shows, never whole rows (a row has twice as many).
    const pages = statements.filter((sql) => sql.includes(`from \`${table}\``) && /limit \?/.test(sql) && !/count\(/.test(sql));
    expect(pages).toHaveLength(3);
    for (const page of pages) expect(page).not.toMatch(/`t0`\.\*/);
    expect(pages[0]).not.toMatch(/customer_email|metadata/);
  });
});

describe('one message', () => {
  it('costs one transaction of two statements, from the customer and from the agent', async () => {
    const customer = await startCustomer(app);
    await customer.post('/escalate').expect(200);
    await aino.post(`/conversations/${customer.conversationId}/claim`).expect(200);
    const widget = await widgetSocket(app, customer.token);
    const desk = await agentSocket(app, aino.token);
    try {
      okData(await ask(desk, 'conversation:get', { conversationId: customer.conversationId }));
      // The agent's name is in the name cache from here on, as it is after their first message.
      await app.service('agents').displayName(aino.id);
      for (const round of [1, 2]) {
        const fromCustomer = await nativeStatementsDuring(async () => {
          const delivered = nextEvent(desk, 'message:new');
          okData(await ask(widget, 'message:send', { clientId: nextClientId(), text: `question ${round}` }));
          await delivered;
        });
        const fromAgent = await nativeStatementsDuring(async () => {
          const delivered = nextEvent(widget, 'message:new');
          const reply = { conversationId: customer.conversationId, clientId: nextClientId(), text: `answer ${round}` };
          okData(await ask(desk, 'message:send', reply));
          await delivered;
        });
        // BEGIN; the conversation's UPDATE … RETURNING (status checked, sequence taken, and for
        // the agent the first-reply time set); the message's INSERT; COMMIT. No read of the
        // conversation, the settings or the agent.
        for (const statements of [fromCustomer, fromAgent]) {
          expect(statements).toHaveLength(4);
          expect(statements[0]).toMatch(/^begin/i);
          expect(statements[1]).toMatch(/^update `?live_support_conversations`? .* returning/i);
          expect(statements[2]).toMatch(/^insert into `?live_support_messages`?/i);
          expect(statements[3]).toMatch(/^commit/i);
        }
      }
      // Stored as Strapi stores a row of its own: a document id of its shape, every timestamp set.
      const stored = (await app.strapi.db.query(UID.message).findMany({ where: { conversationId: customer.conversationId }, orderBy: { seq: 'asc' } })) as Array<
        Record<string, unknown>
      >;
      const written = stored.slice(-4);
      expect(written.map((row) => [row.authorKind, row.text])).toEqual([
        ['customer', 'question 1'],
        ['agent', 'answer 1'],
        ['customer', 'question 2'],
        ['agent', 'answer 2'],
      ]);
      for (const row of written) {
        expect(row.documentId).toMatch(/^[a-z][a-z0-9]{23}$/);
        expect(new Date(row.createdAt as string).getTime()).toBeGreaterThan(0);
        expect(row.updatedAt).toEqual(row.createdAt);
        expect(row.publishedAt).toEqual(row.createdAt);
      }
    } finally {
      widget.close();
      desk.close();
    }
  });
  it('changes the same conversation columns through knex, inside a transaction, as straight on the connection, and none when refused', async () => {
    const messages = app.service('messages') as { append(input: NewMessage, options: AppendOptions): Promise<AppendResult | null> };
    const table = app.strapi.db.metadata.get(UID.conversation).tableName;
    /** The columns of the conversation's row that `append` changed (the sequence number as its step). */
    async function changedBy(conversationId: number, append: () => Promise<unknown>): Promise<Record<string, unknown>> {
      const read = async () => (await connection()(table).where({ id: conversationId }).first()) as Record<string, unknown>;
      const before = await read();
      await append();
      const after = await read();
      const changed = Object.keys(after).filter((column) => !isDeepStrictEqual(after[column], before[column]));
      return Object.fromEntries(changed.map((column) => [column, column === 'last_message_seq' ? Number(after[column]) - Number(before[column]) : after[column]]));
    }
    // The same instants for both conversations, so that both paths must bind them alike.
    const start = Date.now() + 60_000;
    const minute = (count: number) => start + count * 60_000;
    /** A customer's message and two agent replies to one active conversation, a minute apart, and a reply its guard refuses. */
    async function conversationChanges(inTransaction: boolean) {
      const customer = await startCustomer(app);
      await customer.post('/escalate').expect(200);
      await aino.post(`/conversations/${customer.conversationId}/claim`).expect(200);
      const append = (authorKind: 'customer' | 'agent', minutes: number, status: ConversationStatus = 'active') => {
        const agentId = authorKind === 'agent' ? aino.id : null;
        const onlyIf = { statuses: [status], ...(agentId ? { assignedAgentId: agentId } : {}) };
        const write = () =>
          messages.append(
            { conversationId: customer.conversationId, authorKind, agentId, clientId: nextClientId(), text: `${authorKind} ${minutes}` },
            { now: new Date(minute(minutes)), onlyIf },
          );
        return changedBy(customer.conversationId, async () => {
          let appended: AppendResult | null = null;
          const statements = await statementsDuring(async () => {
            appended = await (inTransaction ? app.strapi.db.transaction(write) : write());
          });
          expect(appended === null).toBe(status !== 'active');
          // Which path wrote it: knex runs the UPDATE as a query of its own; on SQLite the direct
          // writer runs it on the native connection, where knex does not see it.
          expect(statements.some((sql) => /^update `?live_support_conversations`? .* returning/i.test(sql))).toBe(inTransaction);
        });
      };
      return {
        fromCustomer: await append('customer', 0),
        firstReply: await append('agent', 1),
        secondReply: await append('agent', 2),
        refused: await append('agent', 3, 'queued'),
      };
    }

    const throughKnex = await conversationChanges(true);
    const direct = await conversationChanges(false);
    // SQLite keeps datetimes as milliseconds; the first reply's time is set once.
    expect(direct).toEqual({
      fromCustomer: { last_message_seq: 1, last_activity_at: minute(0), last_customer_message_at: minute(0), updated_at: minute(0) },
      firstReply: { last_message_seq: 1, last_activity_at: minute(1), last_agent_message_at: minute(1), first_agent_reply_at: minute(1), updated_at: minute(1) },
      secondReply: { last_message_seq: 1, last_activity_at: minute(2), last_agent_message_at: minute(2), updated_at: minute(2) },
      refused: {},
    });
    expect(throughKnex).toEqual(direct);
  });
});

describe('the direct write on SQLite', () => {
  interface Appender {
    append(input: { conversationId: number; authorKind: 'customer'; clientId: string; text: string }): Promise<{ message: { text: string; seq: number } } | null>;
  }
  const messages = () => app.service('messages') as unknown as Appender;
  const pooled = () => connection().client as { acquireConnection(): Promise<unknown> };

  it('waits while a knex transaction holds the connection, and writes once it is given back', async () => {
    const customer = await startCustomer(app);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let holding!: () => void;
    const taken = new Promise<void>((resolve) => (holding = resolve));
    const transaction = connection().transaction(async (trx) => {
      await trx.raw('select 1');
      holding();
      await held;
    });
    await taken;
    let written = false;
    const append = messages()
      .append({ conversationId: customer.conversationId, authorKind: 'customer', clientId: nextClientId(), text: 'while held' })
      .then((result) => {
        written = true;
        return result;
      });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(written).toBe(false);
    release();
    await transaction;
    expect((await append)?.message.text).toBe('while held');
  });

  it('runs on the idle connection without taking it from the pool', async () => {
    const customer = await startCustomer(app);
    // The first write learns the connection through the pool.
    await messages().append({ conversationId: customer.conversationId, authorKind: 'customer', clientId: nextClientId(), text: 'first' });
    const client = pooled();
    const acquire = client.acquireConnection;
    let taken = 0;
    client.acquireConnection = function (this: unknown) {
      taken += 1;
      return acquire.call(this);
    };
    try {
      const results = [];
      for (const text of ['second', 'third']) {
        results.push(await messages().append({ conversationId: customer.conversationId, authorKind: 'customer', clientId: nextClientId(), text }));
      }
      expect(taken).toBe(0);
      expect(results.map((result) => result?.message.text)).toEqual(['second', 'third']);
      expect(results[1]!.message.seq).toBe(results[0]!.message.seq + 1);
    } finally {
      client.acquireConnection = acquire;
    }
  });
});

describe('agents’ names', () => {
  it('are read in one query for many agents, and from the cache after that', async () => {
    const agents = app.service('agents') as { displayNames(ids: number[]): Promise<Map<number, string>>; forgetNames(): void };
    const adminIds = ((await app.strapi.db.query('admin::user').findMany({ select: ['id'] })) as Array<{ id: number }>).map((row) => row.id);
    expect(adminIds.length).toBeGreaterThanOrEqual(2);
    agents.forgetNames();
    let names = new Map<number, string>();
    const cold = await statementsDuring(async () => {
      names = await agents.displayNames([...adminIds, ...adminIds, 999_999]);
    });
    expect(cold).toHaveLength(1);
    expect([...names.keys()].sort((a, b) => a - b)).toEqual([...adminIds].sort((a, b) => a - b));
    const warm = await statementsDuring(() => agents.displayNames(adminIds));
    expect(warm).toEqual([]);
  });
});
