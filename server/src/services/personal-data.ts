import type { Core } from '@strapi/strapi';

import { UID } from '../constants';
import type { CustomerDataEventKind, PersonalDataCounts } from '../contracts/customer-data';
import type { EventKind } from '../domain/conversation-status';
import {
  ANONYMISED_MESSAGE_PATCH,
  anonymisedConversationPatch,
  anonymisedEventData,
  anonymisedOfflineMessagePatch,
  CLOSED_STATUSES,
} from '../domain/retention';
import { toDate } from '../utils/dates';
import { getService } from '../utils/get-service';

const NOTHING: PersonalDataCounts = { conversations: 0, messages: 0, offlineMessages: 0 };

export const addCounts = (a: PersonalDataCounts, b: PersonalDataCounts): PersonalDataCounts => ({
  conversations: a.conversations + b.conversations,
  messages: a.messages + b.messages,
  offlineMessages: a.offlineMessages + b.offlineMessages,
});

/** Events whose data may hold free text (see `anonymisedEventData`). */
const EVENT_KINDS_WITH_TEXT: EventKind[] = ['escalated', 'offline', 'transferred'];

/**
 * Anonymises and deletes closed conversations and offline messages, a given list of ids per
 * call, in one transaction. Each row is changed by a conditional statement (still closed, not
 * yet anonymised), so that two nodes sweeping the same rows at once change each row once and
 * count it once; the rows that belong to a conversation (messages, events) follow the one
 * that won. Retention and the Customer data page both go through here.
 */
const personalDataService = ({ strapi }: { strapi: Core.Strapi }) => {
  const conversations = () => strapi.db.query(UID.conversation);
  const messages = () => strapi.db.query(UID.message);
  const events = () => strapi.db.query(UID.conversationEvent);
  const offlineMessages = () => strapi.db.query(UID.offlineMessage);

  async function anonymiseEventsOf(conversationId: number): Promise<void> {
    const rows = (await events().findMany({
      where: { conversationId, kind: { $in: EVENT_KINDS_WITH_TEXT } },
      select: ['id', 'kind', 'data'],
    })) as Array<{ id: number; kind: EventKind; data: Record<string, unknown> | null }>;
    for (const row of rows) {
      const data = anonymisedEventData(row.kind, row.data);
      if (data) await events().update({ where: { id: row.id }, data: { data } });
    }
  }

  /** Where the analytics count the conversations: their creation and their claims. */
  async function analyticsInstantsOf(ids: readonly number[]): Promise<Date[]> {
    const [created, claimed] = await Promise.all([
      conversations().findMany({ where: { id: { $in: [...ids] } }, select: ['createdAt'] }) as Promise<Array<{ createdAt: unknown }>>,
      events().findMany({ where: { conversationId: { $in: [...ids] }, kind: 'claimed' }, select: ['occurredAt'] }) as Promise<Array<{ occurredAt: unknown }>>,
    ]);
    return [...created.map((row) => toDate(row.createdAt)), ...claimed.map((row) => toDate(row.occurredAt))].filter((at): at is Date => at !== null);
  }

  return {
    async anonymiseConversations(ids: readonly number[], now: Date): Promise<PersonalDataCounts> {
      if (ids.length === 0) return NOTHING;
      return strapi.db.transaction(async () => {
        let counts = NOTHING;
        for (const id of ids) {
          const { count } = await conversations().updateMany({
            where: { id, status: { $in: [...CLOSED_STATUSES] }, anonymisedAt: { $null: true } },
            data: anonymisedConversationPatch(now),
          });
          if (count !== 1) continue;
          const changed = await messages().updateMany({ where: { conversationId: id }, data: ANONYMISED_MESSAGE_PATCH });
          await anonymiseEventsOf(id);
          counts = addCounts(counts, { conversations: 1, messages: changed.count, offlineMessages: 0 });
        }
        return counts;
      });
    },

    /**
     * Removes conversations with their messages and events: analytics no longer counts them, so
     * the rolled-up analytics days they were counted on are dropped once the deletion is committed.
     */
    async deleteConversations(ids: readonly number[]): Promise<PersonalDataCounts> {
      if (ids.length === 0) return NOTHING;
      const countedAt = await analyticsInstantsOf(ids);
      const deleted = await strapi.db.transaction(async () => {
        let counts = NOTHING;
        for (const id of ids) {
          const { count } = await conversations().deleteMany({ where: { id, status: { $in: [...CLOSED_STATUSES] } } });
          if (count !== 1) continue;
          const removed = await messages().deleteMany({ where: { conversationId: id } });
          await events().deleteMany({ where: { conversationId: id } });
          counts = addCounts(counts, { conversations: 1, messages: removed.count, offlineMessages: 0 });
        }
        return counts;
      });
      if (deleted.conversations > 0) await getService('analyticsRollup', { strapi }).invalidate(countedAt);
      return deleted;
    },

    async anonymiseOfflineMessages(ids: readonly number[], now: Date): Promise<PersonalDataCounts> {
      if (ids.length === 0) return NOTHING;
      const { count } = await offlineMessages().updateMany({
        where: { id: { $in: [...ids] }, anonymisedAt: { $null: true } },
        data: anonymisedOfflineMessagePatch(now),
      });
      return { ...NOTHING, offlineMessages: count };
    },

    async deleteOfflineMessages(ids: readonly number[]): Promise<PersonalDataCounts> {
      if (ids.length === 0) return NOTHING;
      const { count } = await offlineMessages().deleteMany({ where: { id: { $in: [...ids] } } });
      return { ...NOTHING, offlineMessages: count };
    },

    /**
     * One entry of the customer-data log: who did what and how many rows it concerned. Callers
     * pass counts and the kind of identifier used, never the identifier or any row's content.
     */
    async record(
      kind: CustomerDataEventKind,
      actorId: number | null,
      data: Record<string, string | number | null>,
      now: Date,
    ): Promise<void> {
      await strapi.db.query(UID.customerDataEvent).create({
        data: { kind, actorKind: actorId === null ? 'system' : 'agent', actorId, occurredAt: now, data },
      });
    },
  };
};

export default personalDataService;
