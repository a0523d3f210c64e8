import request from 'supertest';

import packageJson from '../../package.json';
import { UID } from '../../server/src/constants';
import { ADMIN_API_BASE, NAMESPACES, PUBLIC_API_BASE } from '../../server/src/contracts/constants';
import { backfillLastMessageTimes } from '../../server/src/database/message-times-backfill';
import { SQLITE_CACHE_KIB } from '../../server/src/database/sqlite-tuning';
import { DEFAULT_OPENING_HOURS } from '../../server/src/domain/opening-hours';
import { DEFAULT_TEMPLATES } from '../../server/src/domain/templates';
import { adminLogin, DEMO_AGENT } from '../helpers/admin-auth';
import { useBootedStrapi } from '../helpers/booted-strapi';
import { connectSocket, expectRefused, waitForConnect } from '../helpers/sockets';

// The seeded settings as a fresh installation has them, opening hours included.
const app = useBootedStrapi({ openingHours: 'enforced' });

describe('health', () => {
  it('answers 200 with the status and the plugin version, without auth', async () => {
    const response = await request(app.url).get(`${PUBLIC_API_BASE}/health`);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok', plugin: 'live-support', version: packageJson.version });
  });
});

describe('content types', () => {
  const expectedAttributes: Record<string, string[]> = {
    'plugin::live-support.conversation': [
      'status', 'escalationTrigger', 'escalationReason', 'priority', 'isVip', 'language', 'customerName',
      'customerEmail', 'customerPhone', 'externalId', 'identityVerified', 'metadata', 'assignedAgentId', 'lastMessageSeq',
      'queuedAt', 'claimedAt', 'firstAgentReplyAt', 'resolvedAt', 'abandonedAt', 'offlineAt', 'csatScore',
      'csatComment', 'createdAt',
    ],
    'plugin::live-support.message': ['conversationId', 'authorKind', 'agentId', 'text', 'clientId', 'seq', 'createdAt'],
    'plugin::live-support.conversation-event': [
      'conversationId', 'kind', 'fromStatus', 'toStatus', 'actorKind', 'actorId', 'occurredAt', 'data',
    ],
    'plugin::live-support.template': ['name', 'category', 'body', 'language'],
    'plugin::live-support.opening-hours': ['timeZone', 'weekly', 'exceptions'],
    'plugin::live-support.offline-message': [
      'name', 'email', 'phone', 'message', 'language', 'status', 'replyText', 'repliedAt', 'conversationId',
    ],
  };

  it.each(Object.entries(expectedAttributes))('%s is registered with its attributes', (uid, attributes) => {
    const contentType = app.strapi.contentType(uid as never);
    expect(contentType).toBeDefined();
    expect(Object.keys(contentType.attributes)).toEqual(expect.arrayContaining(attributes));
  });

  it('opening hours is a single type and the statuses are the product vocabulary', () => {
    expect(app.strapi.contentType(UID.openingHours).kind).toBe('singleType');
    const status = app.strapi.contentType('plugin::live-support.conversation' as never).attributes.status as {
      enum: string[];
    };
    expect(status.enum).toEqual(['bot', 'queued', 'active', 'resolved', 'offline', 'abandoned', 'ended']);
  });

  it('creates the indexes the queries need, with uniqueness where order and idempotency depend on it', async () => {
    const knex = app.strapi.db.connection;
    const indexesOf = async (table: string) =>
      (await knex.raw(`PRAGMA index_list('${table}')`)) as Array<{ name: string; unique: number }>;

    const messageIndexes = await indexesOf('live_support_messages');
    expect(messageIndexes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'live_support_msg_seq_uq', unique: 1 }),
        expect.objectContaining({ name: 'live_support_msg_client_uq', unique: 1 }),
      ]),
    );
    const conversationIndexes = (await indexesOf('live_support_conversations')).map((index) => index.name);
    expect(conversationIndexes).toEqual(
      expect.arrayContaining(['live_support_conv_queue_order_idx', 'live_support_conv_agent_idx']),
    );
    const columns = (await knex.raw(`PRAGMA index_info('live_support_conv_queue_order_idx')`)) as Array<{ name: string }>;
    expect(columns.map((column) => column.name)).toEqual(['status', 'is_vip', 'priority', 'queued_at']);
  });

  it('serves the hot queries from indexes, without scanning whole tables', async () => {
    const knex = app.strapi.db.connection;
    const planOf = async (sql: string) =>
      ((await knex.raw(`EXPLAIN QUERY PLAN ${sql}`)) as Array<{ detail: string }>).map((row) => row.detail).join(' | ');

    expect(
      await planOf(
        "SELECT id FROM live_support_conversations WHERE status = 'queued' ORDER BY is_vip DESC, priority DESC, queued_at ASC, id ASC LIMIT 50",
      ),
    ).toMatch(/USING (COVERING )?INDEX live_support_conv_queue_order_idx/);
    expect(
      await planOf("SELECT id FROM live_support_conversations WHERE status = 'active' AND assigned_agent_id = 7"),
    ).toMatch(/USING (COVERING )?INDEX live_support_conv_agent_idx/);
    expect(await planOf('SELECT * FROM live_support_messages WHERE conversation_id = 1 AND seq > 10 ORDER BY seq')).toMatch(
      /USING INDEX live_support_msg_seq_uq/,
    );
    expect(
      await planOf("SELECT * FROM live_support_conversation_events WHERE kind = 'claimed' AND occurred_at > 0 ORDER BY occurred_at DESC LIMIT 50"),
    ).toMatch(/USING INDEX live_support_evt_kind_idx/);
  });

  it('refuses a second message with the same sequence number in a conversation', async () => {
    const messages = app.strapi.db.query(UID.message);
    await messages.create({ data: { conversationId: 999, authorKind: 'system', text: 'a', clientId: 'a', seq: 1 } });
    let failure: unknown = null;
    try {
      await messages.create({ data: { conversationId: 999, authorKind: 'system', text: 'b', clientId: 'b', seq: 1 } });
    } catch (error) {
      failure = error;
    }
    // Errors from the native driver come from another realm than Jest's, so check the message.
    expect(String((failure as { message?: unknown } | null)?.message)).toMatch(/UNIQUE constraint failed/);
    expect(await messages.count({ where: { conversationId: 999 } })).toBe(1);
    await messages.deleteMany({ where: { conversationId: 999 } });
  });
});

describe('seeded defaults', () => {
  it('has the three templates in Finnish, English and Swedish', async () => {
    const templates = await app.strapi.documents(UID.template as never).findMany({});
    const simplified = templates.map((template: Record<string, unknown>) => ({
      name: template.name,
      shortcut: template.shortcut,
      category: template.category,
      language: template.language,
      body: template.body,
    }));
    expect(simplified).toHaveLength(DEFAULT_TEMPLATES.length);
    expect(simplified).toEqual(expect.arrayContaining(DEFAULT_TEMPLATES.map((template) => ({ ...template }))));
    expect(simplified).toContainEqual(
      expect.objectContaining({ category: 'greeting', language: 'fi', body: 'Hei! Olen asiakaspalvelija {agentName}. Miten voin auttaa?' }),
    );
  });

  it('has the default opening hours', async () => {
    const hours = (await app.strapi.documents(UID.openingHours as never).findFirst({})) as Record<string, unknown>;
    expect(hours).toMatchObject({
      timeZone: 'Europe/Helsinki',
      weekly: DEFAULT_OPENING_HOURS.weekly,
      exceptions: [],
    });
  });
});

describe('widget script and demo page', () => {
  it('serves the widget bundle with an ETag and answers 304 when it has not changed', async () => {
    const first = await request(app.url).get(`${PUBLIC_API_BASE}/widget.js`);
    expect(first.status).toBe(200);
    expect(first.headers['content-type']).toMatch(/javascript/);
    expect(first.headers.etag).toMatch(/^".+"$/);
    expect(first.text.length).toBeGreaterThan(100);

    const second = await request(app.url).get(`${PUBLIC_API_BASE}/widget.js`).set('If-None-Match', first.headers.etag);
    expect(second.status).toBe(304);
  });

  it('serves the demo page at / with the embed tag', async () => {
    const response = await request(app.url).get('/');
    expect(response.status).toBe(200);
    expect(response.text).toContain('<script src="/api/live-support/widget.js" data-locale="fi" async></script>');
  });
});

describe('real-time layer', () => {
  it.each(Object.values(NAMESPACES))('refuses a %s socket without credentials', async (namespace) => {
    const error = await expectRefused(connectSocket(app.url, namespace));
    expect(error.message).toBe('unauthorized');
    expect(error.data).toEqual({ code: 'UNAUTHORIZED' });
  });

  it('answers a health ping on the default namespace', async () => {
    const socket = connectSocket(app.url, '/');
    try {
      await waitForConnect(socket);
      const reply = await socket.timeout(5000).emitWithAck('ping');
      expect(reply).toEqual({ status: 'ok', version: packageJson.version });
    } finally {
      socket.close();
    }
  });
});

describe('admin routes', () => {
  it('refuses the overview without an admin token', async () => {
    const response = await request(app.url).get(`${ADMIN_API_BASE}/overview`);
    expect(response.status).toBe(401);
  });

  it('gives an agent (read permission) the conversation counts', async () => {
    const token = await adminLogin(app.url, DEMO_AGENT.email, DEMO_AGENT.password);
    const response = await request(app.url).get(`${ADMIN_API_BASE}/overview`).set('Authorization', `Bearer ${token}`);
    expect(response.status).toBe(200);
    expect(response.body.data.counts).toEqual({ bot: 0, queued: 0, active: 0, resolved: 0, offline: 0, abandoned: 0, ended: 0 });
  });

  it('refuses the overview (403) to an admin whose roles lack the read permission', async () => {
    const editorRole = await app.strapi.db.query('admin::role').findOne({ where: { code: 'strapi-editor' } });
    await app.strapi.admin.services.user.create({
      email: 'editor@example.com',
      password: 'Editor-Pass-1',
      firstname: 'Eeva',
      lastname: 'Editori',
      isActive: true,
      registrationToken: null,
      roles: [editorRole.id],
    });
    const token = await adminLogin(app.url, 'editor@example.com', 'Editor-Pass-1');
    const response = await request(app.url).get(`${ADMIN_API_BASE}/overview`).set('Authorization', `Bearer ${token}`);
    expect(response.status).toBe(403);
    expect(response.body.error).toMatchObject({ status: 403, name: 'PolicyError' });
  });

  it('registers the plugin permission actions', () => {
    const actions = app.strapi
      .service('admin::permission')
      .actionProvider.values()
      .map((action: { actionId: string }) => action.actionId);
    expect(actions).toEqual(
      expect.arrayContaining([
        'plugin::live-support.read',
        'plugin::live-support.chat',
        'plugin::live-support.settings',
        'plugin::live-support.analytics',
      ]),
    );
  });
});

describe('storage on SQLite', () => {
  const knex = () => app.strapi.db.connection;
  const tableOf = (uid: string) => app.strapi.db.metadata.get(uid as never).tableName;
  /** SQLite's plan for a query, one line per step. */
  const planOf = async (query: { toSQL(): { sql: string; bindings: readonly unknown[] } }): Promise<string> => {
    const { sql, bindings } = query.toSQL();
    const rows = (await knex().raw(`EXPLAIN QUERY PLAN ${sql}`, bindings as unknown[])) as Array<{ detail: string }>;
    return rows.map((row) => row.detail).join('\n');
  };

  it('runs the app connection in WAL mode with synchronous=NORMAL and a larger page cache', async () => {
    expect(await knex().raw('PRAGMA journal_mode')).toEqual([{ journal_mode: 'wal' }]);
    expect(await knex().raw('PRAGMA synchronous')).toEqual([{ synchronous: 1 }]);
    expect(await knex().raw('PRAGMA cache_size')).toEqual([{ cache_size: -SQLITE_CACHE_KIB }]);
  });

  interface CheckpointsService {
    status(): { running: boolean; checkpoints: number; lastLogPages: number; lastCopiedPages: number; failures: number } | null;
    start(): Promise<boolean>;
    stop(): Promise<void>;
  }
  const checkpoints = () => app.service('sqliteCheckpoints') as unknown as CheckpointsService;

  /** Resolves once the worker's latest checkpoint satisfies `done`; fails after 10 s. */
  async function checkpointWhere(done: (status: NonNullable<ReturnType<CheckpointsService['status']>>) => boolean) {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const status = checkpoints().status();
      if (status && done(status)) return status;
      if (Date.now() > deadline) throw new Error(`no such checkpoint within 10 s: ${JSON.stringify(status)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  it("copies the log into the database on a worker thread, never inside the app connection's commits", async () => {
    expect(await knex().raw('PRAGMA wal_autocheckpoint')).toEqual([{ wal_autocheckpoint: 0 }]);
    const before = await checkpointWhere(() => true);
    expect(before).toMatchObject({ running: true, failures: 0 });
    // Writes that the app's connection does not checkpoint: the worker copies them all.
    await app.strapi.db.query(UID.template).createMany({
      data: Array.from({ length: 200 }, (_, index) => ({ name: `checkpoint ${index}`, category: 'other', body: 'x'.repeat(500), language: 'en' })),
    });
    const after = await checkpointWhere((status) => status.checkpoints > before.checkpoints + 1 && status.lastLogPages > 0);
    expect(after.lastCopiedPages).toBe(after.lastLogPages);
    await app.strapi.db.query(UID.template).deleteMany({ where: { name: { $startsWith: 'checkpoint ' } } });
  });

  it("hands the checkpoints back to the app's connection when the worker stops, and takes them again", async () => {
    await checkpoints().stop();
    expect(checkpoints().status()).toBeNull();
    expect(await knex().raw('PRAGMA wal_autocheckpoint')).toEqual([{ wal_autocheckpoint: 1000 }]);
    expect(await checkpoints().start()).toBe(true);
    expect(await knex().raw('PRAGMA wal_autocheckpoint')).toEqual([{ wal_autocheckpoint: 0 }]);
    expect(checkpoints().status()).toMatchObject({ running: true });
  });

  it.each(['active', 'queued', 'bot'])('pages the %s conversations for a sweep by index, in id order', async (status) => {
    const plan = await planOf(
      knex()(tableOf(UID.conversation)).select('id').where('status', status).andWhere('id', '>', 0).orderBy('id', 'asc').limit(100),
    );
    expect(plan).toMatch(/USING (COVERING )?INDEX live_support_conv_status_id_idx/);
    expect(plan).not.toMatch(/TEMP B-TREE|^SCAN/m);
  });

  it("reads a conversation's latest messages of one author kind through its (conversation, seq) index, without sorting", async () => {
    const plan = await planOf(
      knex()(tableOf(UID.message))
        .select('text')
        .where({ conversation_id: 1, author_kind: 'customer' })
        .orderBy('seq', 'desc')
        .limit(3),
    );
    expect(plan).toMatch(/USING INDEX live_support_msg_seq_uq/);
    expect(plan).not.toMatch(/TEMP B-TREE/);
  });

  it('keeps only the indexes a message needs, since every one of them is written with each message', async () => {
    const indexes = (await knex().raw(`PRAGMA index_list(${tableOf(UID.message)})`)) as Array<{ name: string }>;
    expect(indexes.map((index) => index.name).sort()).toEqual([
      // Strapi's own, on every content type's table.
      'live_support_messages_created_by_id_fk',
      'live_support_messages_documents_idx',
      'live_support_messages_updated_by_id_fk',
      // A retry's clientId, and the order of a conversation's messages.
      'live_support_msg_client_uq',
      'live_support_msg_seq_uq',
    ]);
  });

  it('fills in the last message times of open conversations from before the columns, once', async () => {
    const { conversation } = await app.service('conversations').startSession({ locale: 'en' });
    const { message } = await app.service('messages').append({ conversationId: conversation.id, authorKind: 'customer', clientId: 'backfill-1', text: 'Hello?' });
    const conversations = knex()(tableOf(UID.conversation));
    await conversations.clone().where('id', conversation.id).update({ last_customer_message_at: null });

    expect(await backfillLastMessageTimes(app.strapi)).toBeGreaterThanOrEqual(1);
    const row = (await app.strapi.db.query(UID.conversation).findOne({ where: { id: conversation.id } })) as { lastCustomerMessageAt: unknown; lastAgentMessageAt: unknown };
    expect(new Date(row.lastCustomerMessageAt as string).getTime()).toBe(new Date(message.createdAt).getTime());
    expect(row.lastAgentMessageAt).toBeNull();
    expect(await backfillLastMessageTimes(app.strapi)).toBe(0);
  });
});
