/**
 * Seeds a stopped playground's SQLite database with a support history, straight through
 * better-sqlite3 in batched transactions: `conversations` over the last `historyDays` (100
 * waiting, the rest resolved by the existing agents), ~`messagesPerConversation` messages each and
 * the events analytics reads (created, escalated, claimed, resolved, rated). Table and column
 * names come from the plugin's content-type schemas, checked against the database before writing.
 */
import conversationSchema from '../../server/src/content-types/conversation/schema.json';
import eventSchema from '../../server/src/content-types/conversation-event/schema.json';
import messageSchema from '../../server/src/content-types/message/schema.json';
import { seededRandom } from '../../server/src/domain/escalation/classifier/train';

interface Statement {
  run(...values: unknown[]): { lastInsertRowid: number | bigint };
  all(...values: unknown[]): Array<Record<string, unknown>>;
  get(...values: unknown[]): Record<string, unknown> | undefined;
}
interface SqliteDatabase {
  prepare(sql: string): Statement;
  transaction<Args extends unknown[]>(work: (...args: Args) => void): (...args: Args) => void;
  pragma(sql: string): unknown;
  close(): void;
}
type SqliteConstructor = new (file: string) => SqliteDatabase;

const WAITING = 100;
const DAY_MS = 86_400_000;
const BATCH = 2000;

/** Strapi's column name for an attribute (lodash snakeCase for these camelCase names). */
const column = (attribute: string) => attribute.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
const SYSTEM_COLUMNS = ['document_id', 'created_at', 'updated_at', 'published_at'];

function insertStatement(database: SqliteDatabase, schema: { collectionName: string; attributes: Record<string, unknown> }, attributes: string[]): Statement {
  const existing = new Set(database.prepare(`PRAGMA table_info(${schema.collectionName})`).all().map((row) => String(row.name)));
  const columns = [...attributes.map((attribute) => {
    if (!(attribute in schema.attributes)) throw new Error(`${schema.collectionName} has no attribute ${attribute} in its schema`);
    return column(attribute);
  }), ...SYSTEM_COLUMNS];
  const missing = columns.filter((name) => !existing.has(name));
  if (missing.length > 0) throw new Error(`${schema.collectionName} lacks columns ${missing.join(', ')}`);
  return database.prepare(`INSERT INTO ${schema.collectionName} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
}

export interface SeedResult {
  conversations: number;
  messages: number;
  events: number;
  seconds: number;
  /** How the database stores datetimes, found from Strapi's own rows. */
  datetimeStorage: 'integer' | 'text';
}

export function seedHistory(databaseFile: string, sizes: { conversations: number; messagesPerConversation: number; historyDays: number; seed: number }): SeedResult {
  // better-sqlite3 is Strapi's own SQLite driver (no types are installed for it).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Database = require('better-sqlite3') as SqliteConstructor;
  const database = new Database(databaseFile);
  const started = performance.now();
  // The server is stopped and the file is a throw-away copy: no journal and no fsync while
  // seeding; the journal mode the database had is put back at the end.
  const journalMode = String(database.prepare('PRAGMA journal_mode').get()?.journal_mode ?? 'delete');
  database.pragma('journal_mode = MEMORY');
  database.pragma('synchronous = OFF');
  try {
    const sample = database.prepare('SELECT typeof(created_at) AS kind FROM admin_users LIMIT 1').get();
    const datetimeStorage = sample?.kind === 'text' ? 'text' : 'integer';
    const time = (ms: number | null) => (ms === null ? null : datetimeStorage === 'integer' ? ms : new Date(ms).toISOString());
    const agentIds = database.prepare('SELECT id FROM admin_users ORDER BY id').all().map((row) => Number(row.id));
    const random = seededRandom(sizes.seed);
    const documentId = () => Array.from({ length: 24 }, () => 'abcdefghijklmnopqrstuvwxyz0123456789'[Math.floor(random() * 36)]).join('');

    const conversationInsert = insertStatement(database, conversationSchema, [
      'status', 'escalationTrigger', 'escalationReason', 'priority', 'isVip', 'language', 'customerName', 'identityVerified',
      'assignedAgentId', 'lastMessageSeq', 'consecutiveBotFailures', 'lastActivityAt', 'queuedAt', 'queueEnteredAt',
      'claimedAt', 'firstAgentReplyAt', 'resolvedAt', 'csatScore', 'csatAt',
    ]);
    const messageInsert = insertStatement(database, messageSchema, ['conversationId', 'authorKind', 'agentId', 'text', 'clientId', 'seq']);
    const eventInsert = insertStatement(database, eventSchema, ['conversationId', 'kind', 'fromStatus', 'toStatus', 'actorKind', 'actorId', 'occurredAt', 'data']);

    const now = Date.now();
    let messages = 0;
    let events = 0;
    const seedOne = (index: number) => {
      const waiting = index < WAITING;
      const createdAt = waiting ? now - Math.floor(random() * 30 * 60_000) : now - DAY_MS * sizes.historyDays + Math.floor(random() * (DAY_MS * sizes.historyDays - 3_600_000));
      const queuedAt = createdAt + 20_000 + Math.floor(random() * 60_000);
      const agentId = agentIds[Math.floor(random() * agentIds.length)];
      const claimedAt = waiting ? null : queuedAt + Math.floor(random() * 300_000);
      const repliedAt = claimedAt === null ? null : claimedAt + 5_000 + Math.floor(random() * 60_000);
      const resolvedAt = repliedAt === null ? null : repliedAt + 60_000 + Math.floor(random() * 900_000);
      const rated = !waiting && random() < 0.3;
      const score = rated ? 1 + Math.floor(random() * 5) : null;
      const lastAt = resolvedAt ?? queuedAt;
      const { lastInsertRowid } = conversationInsert.run(
        waiting ? 'queued' : 'resolved', 'button', 'wants a person', 0, 0, 'en', `Customer ${index}`, 0,
        waiting ? null : agentId, sizes.messagesPerConversation, 0, time(lastAt), time(queuedAt), time(queuedAt),
        time(claimedAt), time(repliedAt), time(resolvedAt), score, time(rated ? lastAt : null),
        documentId(), time(createdAt), time(lastAt), time(createdAt),
      );
      const conversationId = Number(lastInsertRowid);
      const span = lastAt - createdAt;
      for (let seq = 1; seq <= sizes.messagesPerConversation; seq += 1) {
        const author = seq % 2 === 1 ? 'customer' : waiting || seq <= 2 ? 'bot' : 'agent';
        const at = createdAt + Math.floor((span * seq) / (sizes.messagesPerConversation + 1));
        messageInsert.run(conversationId, author, author === 'agent' ? agentId : null, `Message ${seq} about order ${index}`, `seed-${seq}`, seq, documentId(), time(at), time(at), time(at));
      }
      messages += sizes.messagesPerConversation;
      const event = (kind: string, from: string | null, to: string | null, actorKind: string, actorId: number | null, at: number, data: object | null) => {
        eventInsert.run(conversationId, kind, from, to, actorKind, actorId, time(at), data === null ? null : JSON.stringify(data), documentId(), time(at), time(at), time(at));
        events += 1;
      };
      event('created', null, 'bot', 'customer', null, createdAt, null);
      event('escalated', 'bot', 'queued', 'customer', null, queuedAt, { trigger: 'button', reason: 'wants a person' });
      if (claimedAt === null || resolvedAt === null) return;
      event('claimed', 'queued', 'active', 'agent', agentId, claimedAt, { agentId, waitSeconds: Math.round((claimedAt - queuedAt) / 1000) });
      event('resolved', 'active', 'resolved', 'agent', agentId, resolvedAt, null);
      if (rated) event('rated', null, null, 'customer', null, resolvedAt + 10_000, { score, hasComment: false });
    };
    const seedBatch = database.transaction((from: number, to: number) => {
      for (let index = from; index < to; index += 1) seedOne(index);
    });
    for (let from = 0; from < sizes.conversations; from += BATCH) seedBatch(from, Math.min(sizes.conversations, from + BATCH));
    database.pragma('optimize');
    database.pragma(`journal_mode = ${journalMode}`);
    return {
      conversations: sizes.conversations,
      messages,
      events,
      seconds: Math.round((performance.now() - started) / 100) / 10,
      datetimeStorage,
    };
  } finally {
    database.close();
  }
}
