/**
 * The offline inbox's response shapes. They mirror `OfflineMessageView` and the list's `meta` in
 * server/src/services/offline-inbox.ts, which is not in server/src/contracts and cannot be
 * imported here without type-checking the whole server: move it to contracts/views.ts and
 * re-export it from admin/src/types.ts, then delete this file.
 */
import type { OfflineMessageStatus } from '../../../../server/src/domain/conversation-status';

export type { OfflineMessageStatus };

export interface OfflineMessageView {
  id: number;
  conversationId: number | null;
  name: string | null;
  email: string | null;
  phone: string | null;
  message: string;
  language: string;
  status: OfflineMessageStatus;
  replyText: string | null;
  repliedAt: string | null;
  repliedBy: { id: number; name: string } | null;
  createdAt: string;
}

export interface OfflineInboxMeta {
  counts: Record<OfflineMessageStatus, number>;
  pagination: { page: number; pageSize: number; total: number };
}
