import type { Core } from '@strapi/strapi';

import { UID } from '../constants';
import type { OfflineInboxQuery, OfflineReplyInput } from '../contracts/conversation';
import type { OfflineInboxMeta, OfflineMessageView } from '../contracts/views';
import type { OfflineMessageStatus } from '../domain/conversation-status';
import { systemText } from '../domain/system-texts';
import { conflict, NotFoundError } from '../errors';
import { toIso } from '../utils/dates';
import { getService } from '../utils/get-service';

/** Messages customers left while nobody was available: the agents' inbox. */
const offlineInboxService = ({ strapi }: { strapi: Core.Strapi }) => {
  const query = () => strapi.db.query(UID.offlineMessage);

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

    /** Answers by email through Strapi's email plugin, then marks the message replied. */
    async reply(id: number, agentId: number, input: OfflineReplyInput, now: Date = new Date()): Promise<OfflineMessageView> {
      const row = await find(id);
      if (row.status === 'replied') throw conflict('The message has already been replied to', { code: 'ALREADY_REPLIED' });
      const email = row.email as string | null;
      if (!email) {
        throw conflict('The customer left no email address; call them instead', { code: 'NO_EMAIL', phone: row.phone ?? null });
      }
      const language = (row.language as string) ?? 'fi';
      const quoted = String(row.message)
        .split('\n')
        .map((line) => `> ${line}`)
        .join('\n');
      await strapi.plugin('email').service('email').send({
        to: email,
        subject: input.subject ?? systemText('offline_reply_subject', language),
        text: `${input.text}\n\n${quoted}`,
      });
      await query().update({
        where: { id },
        data: { status: 'replied', replyText: input.text, repliedAt: now, repliedById: agentId },
      });
      void getService('notifier', { strapi }).offlineInboxChanged();
      return (await toViews([await find(id)]))[0];
    },
  };
};

export default offlineInboxService;
