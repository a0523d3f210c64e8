import type { Core } from '@strapi/strapi';

import { UID } from '../constants';
import type { PersonalDataCounts, RetentionRunResult } from '../contracts/customer-data';
import type { ConversationStatus } from '../domain/conversation-status';
import {
  CLOSED_STATUSES,
  isConversationExpired,
  isOfflineMessageExpired,
  RETENTION_BATCH_SIZE,
  retentionCutoff,
  type RetentionAction,
} from '../domain/retention';
import { yieldToOthers } from '../utils/batches';
import { toDate } from '../utils/dates';
import { getService } from '../utils/get-service';
import { addCounts } from './personal-data';

const NOTHING: PersonalDataCounts = { conversations: 0, messages: 0, offlineMessages: 0 };


interface ConversationCandidate {
  id: number;
  status: ConversationStatus;
  lastActivityAt: unknown;
  resolvedAt: unknown;
  abandonedAt: unknown;
  endedAt: unknown;
  offlineAt: unknown;
  csatAt: unknown;
  createdAt: unknown;
}

interface OfflineMessageCandidate {
  id: number;
  createdAt: unknown;
  repliedAt: unknown;
}

export interface SweepOptions {
  /** Rows per transaction; the default suits production, tests make it small to see the batches. */
  batchSize?: number;
}

/**
 * Settings `retention.*`: closed conversations and offline messages last touched more than
 * `keepDays` ago are anonymised or deleted. `sweep(now)` is meant to run nightly; it walks the
 * candidates by id in batches, one transaction per batch, and yields between batches. Every
 * change is conditional (see the personal-data service), so a second run, or another node
 * running at the same time, changes nothing already done.
 */
const retentionService = ({ strapi }: { strapi: Core.Strapi }) => {
  const personalData = () => getService('personalData', { strapi });

  /**
   * Walks `load`'s candidates in id order, keeps the expired ones and applies `apply` to them,
   * one batch per transaction. Paging by id (not offset) skips the rows kept, so none is read twice.
   */
  async function inBatches<Row extends { id: number }>(
    batchSize: number,
    load: (afterId: number) => Promise<Row[]>,
    isExpired: (row: Row) => boolean,
    apply: (ids: number[]) => Promise<PersonalDataCounts>,
  ): Promise<{ counts: PersonalDataCounts; batches: number }> {
    let counts = NOTHING;
    let batches = 0;
    let afterId = 0;
    for (;;) {
      const rows = await load(afterId);
      const expired = rows.filter(isExpired).map((row) => row.id);
      if (expired.length > 0) {
        counts = addCounts(counts, await apply(expired));
        batches += 1;
      }
      const last = rows[rows.length - 1];
      if (!last || rows.length < batchSize) return { counts, batches };
      afterId = last.id;
      await yieldToOthers();
    }
  }

  const expiredConversations = (action: RetentionAction, cutoff: Date, batchSize: number, now: Date) =>
    inBatches<ConversationCandidate>(
      batchSize,
      async (afterId) =>
        (await strapi.db.query(UID.conversation).findMany({
          where: {
            id: { $gt: afterId },
            status: { $in: [...CLOSED_STATUSES] },
            // Anonymised rows stay anonymised; with `delete` they go too.
            ...(action === 'anonymise' ? { anonymisedAt: { $null: true } } : {}),
            // Narrows the read; the domain rule looks at every time the row holds.
            lastActivityAt: { $lt: cutoff },
          },
          select: ['id', 'status', 'lastActivityAt', 'resolvedAt', 'abandonedAt', 'offlineAt', 'endedAt', 'csatAt', 'createdAt'],
          orderBy: { id: 'asc' },
          limit: batchSize,
        })) as ConversationCandidate[],
      (row) =>
        isConversationExpired(
          {
            status: row.status,
            lastActivityAt: toDate(row.lastActivityAt),
            resolvedAt: toDate(row.resolvedAt),
            abandonedAt: toDate(row.abandonedAt),
            endedAt: toDate(row.endedAt),
            offlineAt: toDate(row.offlineAt),
            csatAt: toDate(row.csatAt),
            createdAt: toDate(row.createdAt),
          },
          cutoff,
        ),
      (ids) => (action === 'anonymise' ? personalData().anonymiseConversations(ids, now) : personalData().deleteConversations(ids)),
    );

  const expiredOfflineMessages = (action: RetentionAction, cutoff: Date, batchSize: number, now: Date) =>
    inBatches<OfflineMessageCandidate>(
      batchSize,
      async (afterId) =>
        (await strapi.db.query(UID.offlineMessage).findMany({
          where: {
            id: { $gt: afterId },
            ...(action === 'anonymise' ? { anonymisedAt: { $null: true } } : {}),
            createdAt: { $lt: cutoff },
          },
          select: ['id', 'createdAt', 'repliedAt'],
          orderBy: { id: 'asc' },
          limit: batchSize,
        })) as OfflineMessageCandidate[],
      (row) => isOfflineMessageExpired({ createdAt: toDate(row.createdAt), repliedAt: toDate(row.repliedAt) }, cutoff),
      (ids) => (action === 'anonymise' ? personalData().anonymiseOfflineMessages(ids, now) : personalData().deleteOfflineMessages(ids)),
    );

  return {
    /** Applies the retention settings at `now`; returns what it changed. Logged as a `retention_run`. */
    async sweep(now: Date = new Date(), options: SweepOptions = {}): Promise<RetentionRunResult> {
      const { retention } = await getService('settings', { strapi }).get();
      const cutoff = retentionCutoff(now, retention);
      if (!cutoff) {
        return { enabled: false, action: retention.action, cutoff: null, batches: 0, ...NOTHING };
      }
      const batchSize = Math.max(1, Math.trunc(options.batchSize ?? RETENTION_BATCH_SIZE));
      const fromConversations = await expiredConversations(retention.action, cutoff, batchSize, now);
      await yieldToOthers();
      const fromOfflineMessages = await expiredOfflineMessages(retention.action, cutoff, batchSize, now);
      const counts = addCounts(fromConversations.counts, fromOfflineMessages.counts);
      const result: RetentionRunResult = {
        enabled: true,
        action: retention.action,
        cutoff: cutoff.toISOString(),
        batches: fromConversations.batches + fromOfflineMessages.batches,
        ...counts,
      };
      await personalData().record(
        'retention_run',
        null,
        { action: result.action, keepDays: retention.keepDays, batches: result.batches, ...counts },
        now,
      );
      return result;
    },
  };
};

export default retentionService;
