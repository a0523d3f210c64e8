import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';

import { UID } from '../constants';
import type {
  CustomerConversationSummary,
  CustomerDataExport,
  CustomerDataSearchResult,
  CustomerLookup,
  CustomerOfflineMessageSummary,
  PersonalDataCounts,
} from '../contracts/customer-data';
import { normaliseLookup, openConversationIds, PHONE_SEPARATORS, type CustomerLookupKind } from '../domain/retention';
import { conflict } from '../errors';
import { toIso } from '../utils/dates';
import { getService } from '../utils/get-service';
import { addCounts } from './personal-data';

type Row = Record<string, unknown> & { id: number };

/** The stored value with the usual phone separators removed, in SQL every supported database runs. */
function phoneDigitsSql(column: string): { sql: string; bindings: string[] } {
  let sql = '??';
  for (let index = 0; index < PHONE_SEPARATORS.length; index += 1) sql = `REPLACE(${sql}, ?, '')`;
  return { sql, bindings: [column, ...PHONE_SEPARATORS] };
}

/** Where the customer's identifier is stored: the conversation's columns, the offline message's. */
const COLUMNS: Record<'conversation' | 'offlineMessage', Partial<Record<CustomerLookupKind, string>>> = {
  conversation: { email: 'customer_email', phone: 'customer_phone', externalId: 'external_id' },
  offlineMessage: { email: 'email', phone: 'phone' },
};

/**
 * The Customer data page: a customer's conversations and offline messages found by email,
 * phone or external id, exported whole or erased (anonymised as retention does). Every action
 * is logged with counts and the admin user's id, never the identifier or the data.
 */
const customerDataService = ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = (): Knex => strapi.db.connection as unknown as Knex;
  const tableOf = (uid: string) => strapi.db.metadata.get(uid as never).tableName;
  const personalData = () => getService('personalData', { strapi });

  async function idsMatching(target: 'conversation' | 'offlineMessage', kind: CustomerLookupKind, value: string): Promise<number[]> {
    const column = COLUMNS[target][kind];
    if (!column) return [];
    const query = knex()(tableOf(UID[target])).select('id');
    if (kind === 'email') query.whereRaw('LOWER(??) = ?', [column, value]);
    else if (kind === 'phone') {
      const digits = phoneDigitsSql(column);
      query.whereRaw(`${digits.sql} = ?`, [...digits.bindings, value]);
    } else query.where(column, value);
    const rows = (await query) as Array<{ id: number }>;
    return rows.map((row) => Number(row.id));
  }

  /**
   * The customer's rows: conversations and offline messages holding the identifier, and the
   * offline messages left in those conversations (and the conversations those were left in).
   */
  async function find(lookup: CustomerLookup): Promise<{ kind: CustomerLookupKind; conversations: Row[]; offlineMessages: Row[] }> {
    const { kind, value } = normaliseLookup(lookup);
    const [conversationIds, offlineIds] = await Promise.all([
      idsMatching('conversation', kind, value),
      idsMatching('offlineMessage', kind, value),
    ]);
    const offlineMessages = (await strapi.db.query(UID.offlineMessage).findMany({
      where: { $or: [{ id: { $in: offlineIds } }, { conversationId: { $in: conversationIds } }] },
      orderBy: { id: 'asc' },
    })) as Row[];
    const linked = offlineMessages.map((message) => message.conversationId).filter((id): id is number => typeof id === 'number');
    const conversations = (await strapi.db.query(UID.conversation).findMany({
      where: { id: { $in: [...new Set([...conversationIds, ...linked])] } },
      orderBy: { id: 'asc' },
    })) as Row[];
    return { kind, conversations, offlineMessages };
  }

  async function messageCounts(conversationIds: number[]): Promise<Map<number, number>> {
    if (conversationIds.length === 0) return new Map();
    const rows = (await knex()(tableOf(UID.message))
      .select('conversation_id')
      .count({ count: '*' })
      .whereIn('conversation_id', conversationIds)
      .groupBy('conversation_id')) as Array<{ conversation_id: number; count: number | string }>;
    return new Map(rows.map((row) => [Number(row.conversation_id), Number(row.count)]));
  }

  const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);

  return {
    async search(lookup: CustomerLookup, adminId: number, now: Date = new Date()): Promise<CustomerDataSearchResult> {
      const found = await find(lookup);
      const counts = await messageCounts(found.conversations.map((row) => row.id));
      const conversations: CustomerConversationSummary[] = found.conversations.map((row) => ({
        id: row.id,
        status: String(row.status),
        language: String(row.language),
        customerName: str(row.customerName),
        customerEmail: str(row.customerEmail),
        customerPhone: str(row.customerPhone),
        externalId: str(row.externalId),
        createdAt: toIso(row.createdAt),
        lastActivityAt: toIso(row.lastActivityAt),
        messageCount: counts.get(row.id) ?? 0,
      }));
      const offlineMessages: CustomerOfflineMessageSummary[] = found.offlineMessages.map((row) => ({
        id: row.id,
        conversationId: typeof row.conversationId === 'number' ? row.conversationId : null,
        status: String(row.status),
        name: str(row.name),
        email: str(row.email),
        phone: str(row.phone),
        createdAt: toIso(row.createdAt),
      }));
      await personalData().record(
        'searched',
        adminId,
        { lookup: found.kind, conversations: conversations.length, offlineMessages: offlineMessages.length },
        now,
      );
      return {
        lookup: found.kind,
        conversations,
        offlineMessages,
        openConversationIds: openConversationIds(conversations),
      };
    },

    /** Everything stored of the customer's: conversations with their messages and events, offline messages. */
    async export(lookup: CustomerLookup, adminId: number, now: Date = new Date()): Promise<CustomerDataExport> {
      const found = await find(lookup);
      const ids = found.conversations.map((row) => row.id);
      const [messages, events] = (await Promise.all([
        strapi.db.query(UID.message).findMany({ where: { conversationId: { $in: ids } }, orderBy: [{ conversationId: 'asc' }, { seq: 'asc' }] }),
        strapi.db
          .query(UID.conversationEvent)
          .findMany({ where: { conversationId: { $in: ids } }, orderBy: [{ conversationId: 'asc' }, { occurredAt: 'asc' }, { id: 'asc' }] }),
      ])) as [Row[], Row[]];
      const of = (rows: Row[], conversationId: number) => rows.filter((row) => row.conversationId === conversationId);
      await personalData().record(
        'exported',
        adminId,
        {
          lookup: found.kind,
          conversations: ids.length,
          messages: messages.length,
          offlineMessages: found.offlineMessages.length,
        },
        now,
      );
      return {
        exportedAt: now.toISOString(),
        conversations: found.conversations.map((row) => ({ ...row, messages: of(messages, row.id), events: of(events, row.id) })),
        offlineMessages: found.offlineMessages,
      };
    },

    /**
     * Anonymises the customer's conversations and offline messages, as retention does. A
     * conversation still going on is refused (409 `CONVERSATION_OPEN`) and nothing changes: it
     * ends first (an agent resolves it, the customer leaves, or the idle rules close it).
     */
    async erase(lookup: CustomerLookup, adminId: number, now: Date = new Date()): Promise<PersonalDataCounts> {
      const found = await find(lookup);
      const open = openConversationIds(found.conversations as Array<{ id: number; status: string }>);
      if (open.length > 0) {
        throw conflict('End the customer’s open conversations before erasing their data', {
          code: 'CONVERSATION_OPEN',
          conversationIds: open,
        });
      }
      const counts = addCounts(
        await personalData().anonymiseConversations(found.conversations.map((row) => row.id), now),
        await personalData().anonymiseOfflineMessages(found.offlineMessages.map((row) => row.id), now),
      );
      await personalData().record('erased', adminId, { lookup: found.kind, ...counts }, now);
      return counts;
    },
  };
};

export default customerDataService;
