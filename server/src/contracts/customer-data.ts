import { z } from 'zod';

import type { CustomerLookup, CustomerLookupKind, RetentionAction } from '../domain/retention';

export type { CustomerLookup, CustomerLookupKind } from '../domain/retention';

/** The longest identifier the Customer data page looks up, as the conversation columns hold it. */
const LOOKUP_LIMITS = { email: 320, phone: 40, externalId: 200 } as const;

/**
 * `GET /customer-data?email=…` (or `phone`, or `externalId`), the export with the same query and
 * `POST /customer-data/erase` with the same body: exactly one identifier, matched exactly (an
 * email whatever its case, a phone by its digits).
 */
export const customerLookupSchema = z
  .object({
    email: z.string().trim().min(3).max(LOOKUP_LIMITS.email).optional(),
    phone: z
      .string()
      .trim()
      .max(LOOKUP_LIMITS.phone)
      .refine((phone) => phone.replace(/\D/g, '').length >= 3, 'a phone number with at least 3 digits')
      .optional(),
    externalId: z.string().trim().min(1).max(LOOKUP_LIMITS.externalId).optional(),
  })
  .strict()
  .transform((input, context): CustomerLookup => {
    const given = (['email', 'phone', 'externalId'] as const).filter((key) => input[key] !== undefined);
    const [key] = given;
    if (given.length !== 1 || key === undefined) {
      context.addIssue({ code: 'custom', message: 'give exactly one of email, phone and externalId', path: [] });
      return z.NEVER;
    }
    const value = input[key] as string;
    return key === 'email' ? { email: value } : key === 'phone' ? { phone: value } : { externalId: value };
  });

/** One of the customer's conversations as the Customer data page lists it. */
export interface CustomerConversationSummary {
  id: number;
  status: string;
  language: string;
  customerName: string | null;
  customerEmail: string | null;
  customerPhone: string | null;
  externalId: string | null;
  createdAt: string | null;
  lastActivityAt: string | null;
  messageCount: number;
}

/** One of the customer's offline messages as the Customer data page lists it. */
export interface CustomerOfflineMessageSummary {
  id: number;
  conversationId: number | null;
  status: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  createdAt: string | null;
}

export interface CustomerDataSearchResult {
  lookup: CustomerLookupKind;
  conversations: CustomerConversationSummary[];
  offlineMessages: CustomerOfflineMessageSummary[];
  /** Conversations still going on (with the bot, queued or with an agent): erasure waits for them. */
  openConversationIds: number[];
}

/** The JSON file an export downloads: every stored row of the customer's, as stored. */
export interface CustomerDataExport {
  exportedAt: string;
  conversations: Array<
    Record<string, unknown> & { messages: Array<Record<string, unknown>>; events: Array<Record<string, unknown>> }
  >;
  offlineMessages: Array<Record<string, unknown>>;
}

/** What an erasure (or a retention run) changed: rows, never their content. */
export interface PersonalDataCounts {
  conversations: number;
  messages: number;
  offlineMessages: number;
}

/** What one `retention.sweep(now)` did. */
export interface RetentionRunResult extends PersonalDataCounts {
  /** False when `retention.keepDays` is 0: nothing was looked at. */
  enabled: boolean;
  action: RetentionAction;
  /** Closed data last touched before this instant had expired. */
  cutoff: string | null;
  /** Transactions that changed rows (each at most one batch). */
  batches: number;
}

/** The kinds of the customer-data event log. */
export const CUSTOMER_DATA_EVENT_KINDS = ['searched', 'exported', 'erased', 'retention_run'] as const;
export type CustomerDataEventKind = (typeof CUSTOMER_DATA_EVENT_KINDS)[number];
