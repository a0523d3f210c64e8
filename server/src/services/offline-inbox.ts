import type { Core } from '@strapi/strapi';

import { UID } from '../constants';
import type { OfflineInboxQuery, OfflineMessageInput, OfflineReplyInput } from '../contracts/conversation';
import type { OfflineInboxMeta, OfflineMessageView } from '../contracts/views';
import type { OfflineMessageStatus } from '../domain/conversation-status';
import { systemText } from '../domain/customer-texts';
import { conflict, NotFoundError } from '../errors';
import { toIso } from '../utils/dates';
import { getService } from '../utils/get-service';

/** Messages customers leave while nobody is available, and the agents' inbox of them. */
export interface OfflineMessageLeft {
  id: number;
  status: string;
  createdAt: string;
}

interface LeftRow {
  id: number;
  clientId: string | null;
  status: string;
  createdAt: unknown;
}

const offlineInboxService = ({ strapi }: { strapi: Core.Strapi }) => {
  const query = () => strapi.db.query(UID.offlineMessage);

  async function leftIn(conversationId: number): Promise<LeftRow | null> {
    return (await query().findOne({
      where: { conversationId },
      select: ['id', 'clientId', 'status', 'createdAt'],
    })) as LeftRow | null;
  }

  function replayOrRefuse(earlier: LeftRow, input: OfflineMessageInput): OfflineMessageLeft {
    if (input.clientId && earlier.clientId === input.clientId) {
      return { id: earlier.id, status: earlier.status, createdAt: toIso(earlier.createdAt) ?? '' };
    }
    throw conflict('A message has already been left in this conversation', { code: 'ALREADY_LEFT' });
  }

  async function find(id: number): Promise<Record<string, unknown>> {
    const row = (await query().findOne({ where: { id } })) as Record<string, unknown> | null;
    if (!row) throw new NotFoundError('Offline message not found', { id });
    return row;
  }

  async function toViews(rows: Array<Record<string, unknown>>): Promise<OfflineMessageView[]> {
    const names = await getService('agents', { strapi }).displayNames(rows.map((row) => row.repliedById as number | null));
    return rows.map((row) => ({
      id: row.id as number,
      conversationId: (row.conversationId as number | null) ?? null,
      name: (row.name as string | null) ?? null,
      email: (row.email as string | null) ?? null,
      phone: (row.phone as string | null) ?? null,
      message: row.message as string,
      language: row.language as string,
      status: row.status as OfflineMessageStatus,
      replyText: (row.replyText as string | null) ?? null,
      repliedAt: toIso(row.repliedAt),
      repliedBy: row.repliedById
        ? { id: row.repliedById as number, name: names.get(row.repliedById as number) ?? `#${String(row.repliedById)}` }
        : null,
      createdAt: toIso(row.createdAt) ?? '',
    }));
  }

  return {
    /**
     * The customer's message in the offline flow; agents answer it later by email or phone. One
     * per conversation (a unique index holds it even when two tries race). A retry with the same
     * `clientId` answers what the first try stored, so a lost response never shows as an error.
     */
    async leave(conversationId: number, input: OfflineMessageInput, now: Date = new Date()): Promise<OfflineMessageLeft> {
      const store = getService('conversationStore', { strapi });
      let conversation = await store.find(conversationId);
      if (conversation.status === 'queued' && getService('conversationViews', { strapi }).leaveMessageOffered(conversation)) {
        // The customer waited past `queue.maxWaitMinutes` and takes the offer: they leave the queue
        // for the offline flow (a 409 if an agent claimed them meanwhile).
        conversation = await store.transition(conversationId, 'go_offline', {
          actor: { kind: 'customer' },
          now,
          patch: { offlineAt: now },
          eventData: { reason: 'max_wait' },
        });
        await getService('notifier', { strapi }).conversationChanged(conversationId);
      }
      if (conversation.status !== 'offline') {
        throw conflict('A message can be left only when live support was unavailable', {
          code: 'NOT_OFFLINE',
          status: conversation.status,
        });
      }
      const earlier = await leftIn(conversationId);
      if (earlier) return replayOrRefuse(earlier, input);
      let created: { id: number; name: string | null; createdAt: unknown };
      try {
        created = (await query().create({
          data: {
            conversationId,
            clientId: input.clientId ?? null,
            name: input.name ?? conversation.customerName ?? null,
            email: input.email ?? conversation.customerEmail ?? null,
            phone: input.phone ?? conversation.customerPhone ?? null,
            message: input.message,
            language: conversation.language,
            status: 'new',
          },
        })) as { id: number; name: string | null; createdAt: unknown };
      } catch (error) {
        // Another try won the race to the unique index.
        const winner = await leftIn(conversationId);
        if (winner) return replayOrRefuse(winner, input);
        throw error;
      }
      // What the customer gives here completes the conversation's details, never overwrites them.
      await store.update(conversationId, {
        customerName: conversation.customerName ?? input.name ?? null,
        customerEmail: conversation.customerEmail ?? input.email ?? null,
        customerPhone: conversation.customerPhone ?? input.phone ?? null,
        lastActivityAt: now,
      });
      const createdAt = toIso(created.createdAt) ?? now.toISOString();
      const left = { id: created.id, conversationId, name: created.name, createdAt };
      await getService('notifier', { strapi }).offlineMessageLeft(left);
      return { id: created.id, status: 'new', createdAt };
    },

    async countNew(): Promise<number> {
      return query().count({ where: { status: 'new' } });
    },

    async list(paging: OfflineInboxQuery): Promise<{ data: OfflineMessageView[]; meta: OfflineInboxMeta }> {
      const where = paging.status ? { status: paging.status } : {};
      const [rows, total, newCount, readCount, repliedCount] = await Promise.all([
        query().findMany({
          where,
          orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
          offset: (paging.page - 1) * paging.pageSize,
          limit: paging.pageSize,
        }) as Promise<Array<Record<string, unknown>>>,
        query().count({ where }),
        query().count({ where: { status: 'new' } }),
        query().count({ where: { status: 'read' } }),
        query().count({ where: { status: 'replied' } }),
      ]);
      return {
        data: await toViews(rows),
        meta: {
          counts: { new: newCount, read: readCount, replied: repliedCount },
          pagination: { page: paging.page, pageSize: paging.pageSize, total },
        },
      };
    },

    async setStatus(id: number, status: 'new' | 'read'): Promise<OfflineMessageView> {
      const row = await find(id);
      if (row.status === 'replied') throw conflict('The message has already been replied to', { code: 'ALREADY_REPLIED' });
      await query().update({ where: { id }, data: { status } });
      if (row.status !== status) void getService('notifier', { strapi }).offlineInboxChanged();
      return (await toViews([await find(id)]))[0];
    },

    /**
     * Answers by email through Strapi's email plugin. The message is claimed as replied before the
     * email goes out (a conditional update), so of two agents answering at once exactly one sends;
     * if sending fails, the claim is undone and the agent may try again.
     */
    async reply(id: number, agentId: number, input: OfflineReplyInput, now: Date = new Date()): Promise<OfflineMessageView> {
      const row = await find(id);
      if (row.status === 'replied') throw conflict('The message has already been replied to', { code: 'ALREADY_REPLIED' });
      const email = row.email as string | null;
      if (!email) {
        throw conflict('The customer left no email address; call them instead', { code: 'NO_EMAIL', phone: row.phone ?? null });
      }
      const { count } = await query().updateMany({
        where: { id, status: { $in: ['new', 'read'] } },
        data: { status: 'replied', replyText: input.text, repliedAt: now, repliedById: agentId },
      });
      if (count !== 1) throw conflict('The message has already been replied to', { code: 'ALREADY_REPLIED' });
      const language = (row.language as string) ?? 'fi';
      const quoted = String(row.message)
        .split('\n')
        .map((line) => `> ${line}`)
        .join('\n');
      try {
        await strapi.plugin('email').service('email').send({
          to: email,
          subject: input.subject ?? systemText('offline_reply_subject', language, {}, (await getService('settings', { strapi }).get()).texts),
          text: `${input.text}\n\n${quoted}`,
        });
      } catch (error) {
        await query().updateMany({
          where: { id, status: 'replied', repliedById: agentId, repliedAt: now },
          data: { status: row.status, replyText: null, repliedAt: null, repliedById: null },
        });
        throw error;
      }
      void getService('notifier', { strapi }).offlineInboxChanged();
      return (await toViews([await find(id)]))[0];
    },
  };
};

export default offlineInboxService;
