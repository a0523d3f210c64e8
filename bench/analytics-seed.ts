/**
 * Seeds conversations, their messages and events straight into the playground's SQLite tables
 * with prepared statements in one transaction: a hundred thousand conversations take seconds.
 * Deterministic (a fixed pseudo-random sequence), so every run measures the same data.
 */
import type { Core } from '@strapi/strapi';

import { UID } from '../server/src/constants';
import { ESCALATION_TRIGGERS } from '../server/src/domain/conversation-status';
import { rangeInstants } from '../server/src/domain/analytics';

interface SqliteStatement {
  run(...values: unknown[]): { lastInsertRowid: number | bigint };
}
interface SqliteDatabase {
  pragma(source: string): unknown;
  prepare(sql: string): SqliteStatement;
  transaction(work: () => void): () => void;
}
interface KnexClient {
  acquireConnection(): Promise<SqliteDatabase>;
  releaseConnection(connection: SqliteDatabase): Promise<void>;
}

export interface SeedOptions {
  from: string;
  to: string;
  timeZone: string;
  conversations: number;
  messagesEach: number;
  /**
   * Conversations created before this instant have all ended, as on a live site where the jobs
   * close what is left open (the bot's chats end, idle chats are resolved); later ones may still
   * be open. By default the range's last day is the one still going on.
   */
  openFrom?: Date;
}

const AGENT_IDS = Array.from({ length: 20 }, (_, index) => 1000 + index);
const SECOND = 1000;

function pseudoRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export async function seedConversations(strapi: Core.Strapi, options: SeedOptions) {
  const table = (uid: string) => strapi.db.metadata.get(uid as never).tableName;
  const client = (strapi.db.connection as unknown as { client: KnexClient }).client;
  const db = await client.acquireConnection();
  const random = pseudoRandom(options.conversations + options.messagesEach);
  const { start, end } = rangeInstants(options.from, options.to, options.timeZone);
  const counts = { conversations: 0, messages: 0, events: 0 };
  // A cache that holds the indexes being filled, so the one transaction does not spill pages to disk.
  const cacheSize = db.pragma('cache_size');
  db.pragma('cache_size = -524288');
  try {
    const insertConversation = db.prepare(
      `INSERT INTO ${table(UID.conversation)} (document_id, status, escalation_trigger, priority, is_vip, language, identity_verified,
         assigned_agent_id, last_message_seq, consecutive_bot_failures, queued_at, claimed_at, first_agent_reply_at, resolved_at,
         abandoned_at, offline_at, ended_at, csat_score, created_at, updated_at)
       VALUES (?, ?, ?, 0, 0, 'fi', 0, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertEvent = db.prepare(
      `INSERT INTO ${table(UID.conversationEvent)} (document_id, conversation_id, kind, actor_kind, actor_id, occurred_at, data, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertMessage = db.prepare(
      `INSERT INTO ${table(UID.message)} (document_id, conversation_id, author_kind, agent_id, text, client_id, seq, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const span = end.getTime() - start.getTime();
    const openFrom = (options.openFrom ?? rangeInstants(options.to, options.to, options.timeZone).start).getTime();
    db.transaction(() => {
      for (let index = 0; index < options.conversations; index += 1) {
        // In the order a live site creates them: row ids follow the time, as in a real table.
        const createdAt = start.getTime() + Math.floor(((index + random()) * span) / options.conversations);
        const roll = random();
        const escalated = roll >= 0.45;
        const offline = escalated && roll < 0.52;
        const queuedAt = escalated && !offline ? createdAt + Math.floor(random() * 300 * SECOND) : null;
        const offlineAt = offline ? createdAt + Math.floor(random() * 300 * SECOND) : null;
        const abandoned = queuedAt !== null && roll < 0.6;
        const claimed = queuedAt !== null && !abandoned;
        const agentId = claimed ? AGENT_IDS[Math.floor(random() * AGENT_IDS.length)] : null;
        const claimedAt = claimed ? queuedAt! + Math.floor(random() * 600 * SECOND) : null;
        const repliedAt = claimed && random() < 0.97 ? claimedAt! + Math.floor(random() * 120 * SECOND) : null;
        const settled = createdAt < openFrom;
        const resolvedAt = claimed && (roll < 0.97 || settled) ? (repliedAt ?? claimedAt!) + Math.floor(random() * 1800 * SECOND) : null;
        const csatScore = resolvedAt !== null && random() < 0.4 ? 1 + Math.floor(random() * 5) : null;
        const endedWithBot = !escalated && (roll < 0.4 || settled);
        const status = resolvedAt ? 'resolved' : claimed ? 'active' : abandoned ? 'abandoned' : offline ? 'offline' : queuedAt ? 'queued' : endedWithBot ? 'ended' : 'bot';
        const trigger = escalated ? ESCALATION_TRIGGERS[Math.floor(random() * ESCALATION_TRIGGERS.length)] : null;
        const result = insertConversation.run(
          `seed-${createdAt}-${index}`, status, trigger, agentId, options.messagesEach, queuedAt, claimedAt, repliedAt, resolvedAt,
          abandoned ? queuedAt! + Math.floor(random() * 300 * SECOND) : null, offlineAt, endedWithBot ? createdAt + 600 * SECOND : null,
          csatScore, createdAt, createdAt,
        );
        const conversationId = Number(result.lastInsertRowid);
        counts.conversations += 1;
        const event = (kind: string, actorKind: string, actorId: number | null, at: number, data: unknown = null) => {
          insertEvent.run(`seed-${conversationId}-${kind}`, conversationId, kind, actorKind, actorId, at, data === null ? null : JSON.stringify(data), at, at);
          counts.events += 1;
        };
        event('created', 'customer', null, createdAt);
        if (queuedAt !== null) event('escalated', 'customer', null, queuedAt, { trigger });
        if (claimedAt !== null) event('claimed', 'agent', agentId, claimedAt, { waitSeconds: Math.round((claimedAt - queuedAt!) / SECOND) });
        if (resolvedAt !== null) event('resolved', 'agent', agentId, resolvedAt);
        for (let seq = 1; seq <= options.messagesEach; seq += 1) {
          const byAgent = claimed && seq > options.messagesEach / 2;
          const at = createdAt + seq * 20 * SECOND;
          insertMessage.run(`seed-${conversationId}-${seq}`, conversationId, byAgent ? 'agent' : seq % 2 ? 'customer' : 'bot', byAgent ? agentId : null, 'Where is my parcel? It should have arrived by now.', `c-${seq}`, seq, at, at);
          counts.messages += 1;
        }
      }
    })();
  } finally {
    db.pragma(`cache_size = ${(cacheSize as Array<{ cache_size: number }>)[0].cache_size}`);
    await client.releaseConnection(db);
  }
  return counts;
}
