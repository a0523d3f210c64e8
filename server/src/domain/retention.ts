/**
 * Personal data that is not kept forever: which closed conversations and offline messages have
 * outlived the retention period, what anonymising a row changes, and how a customer is looked
 * up by their email, phone or external id. Pure: the clock is an argument, and the retention
 * and customer-data services load the rows and apply what this decides.
 */
import { FINAL_STATUSES, isFinalStatus, type ConversationStatus, type EventKind } from './conversation-status';

/** The settings `retention.*`: how long closed data is kept and what happens after. */
export const RETENTION_ACTIONS = ['anonymise', 'delete'] as const;
export type RetentionAction = (typeof RETENTION_ACTIONS)[number];

export interface RetentionRules {
  /** Days a closed conversation or an offline message is kept; 0: forever (retention off). */
  keepDays: number;
  action: RetentionAction;
}

/**
 * The statuses a conversation never leaves: only these are ever expired or erased. A
 * conversation with the bot, in the queue or with an agent is still going on.
 */
/** Closed conversations are the final ones. */
export const CLOSED_STATUSES = FINAL_STATUSES;

export const isClosedStatus = isFinalStatus;

/** Rows changed per transaction, so that a sweep never holds the tables for long. */
export const RETENTION_BATCH_SIZE = 200;

/** What replaces a message's text (the column must not be empty) once it is anonymised. */
export const ERASED_TEXT = '[erased]';

const DAY_MS = 86_400_000;

/**
 * The instant before which closed data has expired at `now`, or null when retention is off.
 * A row last touched exactly at the cutoff is kept until the next run.
 */
export function retentionCutoff(now: Date, rules: Pick<RetentionRules, 'keepDays'>): Date | null {
  if (rules.keepDays <= 0) return null;
  return new Date(now.getTime() - rules.keepDays * DAY_MS);
}

/** What the expiry of a conversation depends on. */
export interface ConversationRetentionFacts {
  status: ConversationStatus;
  lastActivityAt: Date | null;
  resolvedAt: Date | null;
  abandonedAt: Date | null;
  offlineAt: Date | null;
  endedAt?: Date | null;
  csatAt: Date | null;
  createdAt: Date | null;
}

const latest = (dates: ReadonlyArray<Date | null>): Date | null =>
  dates.reduce<Date | null>((last, date) => (date && (!last || date > last) ? date : last), null);

/**
 * When a closed conversation was last touched: its close, or a later rating or message left
 * in the offline flow. The retention period counts from here.
 */
export function lastTouchedAt(facts: ConversationRetentionFacts): Date | null {
  return latest([facts.lastActivityAt, facts.resolvedAt, facts.abandonedAt, facts.offlineAt, facts.endedAt ?? null, facts.csatAt, facts.createdAt]);
}

export function isConversationExpired(facts: ConversationRetentionFacts, cutoff: Date): boolean {
  if (!isClosedStatus(facts.status)) return false;
  const touched = lastTouchedAt(facts);
  return touched !== null && touched < cutoff;
}

/** An offline message expires once it was both left and answered (if it was) before the cutoff. */
export function isOfflineMessageExpired(facts: { createdAt: Date | null; repliedAt: Date | null }, cutoff: Date): boolean {
  const touched = latest([facts.createdAt, facts.repliedAt]);
  return touched !== null && touched < cutoff;
}

/**
 * Anonymising a conversation: who the customer is and what they wrote goes; the row, its
 * status, times, trigger, rating score, agent and message count stay, so analytics of the
 * period are unchanged. The escalation reason and the rating comment are the customer's words.
 */
export function anonymisedConversationPatch(now: Date) {
  return {
    customerName: null,
    customerEmail: null,
    customerPhone: null,
    externalId: null,
    metadata: null,
    escalationReason: null,
    csatComment: null,
    customerAddressKey: null,
    anonymisedAt: now,
  } as const;
}

/** A message keeps its author, order and time; its text goes. */
export const ANONYMISED_MESSAGE_PATCH = { text: ERASED_TEXT } as const;

/** An offline message keeps its status, language, times and conversation; the rest goes. */
export function anonymisedOfflineMessagePatch(now: Date) {
  return {
    name: null,
    email: null,
    phone: null,
    message: ERASED_TEXT,
    replyText: null,
    anonymisedAt: now,
  } as const;
}

/** Free texts an event's data may hold: the customer's reason to escalate, an agent's transfer note. */
const FREE_TEXT_KEYS_BY_EVENT: Partial<Record<EventKind, readonly string[]>> = {
  escalated: ['reason'],
  offline: ['reason'],
  transferred: ['note'],
};

/**
 * An event's data without the free texts it may hold, or null when there are none to remove
 * (the row is then left alone). Wait times, triggers and scores stay.
 */
export function anonymisedEventData(
  kind: EventKind,
  data: Record<string, unknown> | null,
): Record<string, unknown> | null {
  const keys = FREE_TEXT_KEYS_BY_EVENT[kind];
  if (!data || !keys || !keys.some((key) => data[key] !== null && data[key] !== undefined)) return null;
  return { ...data, ...Object.fromEntries(keys.map((key) => [key, null])) };
}

/** How an admin names a customer: exactly one of these. */
export type CustomerLookup = { email: string } | { phone: string } | { externalId: string };
export type CustomerLookupKind = 'email' | 'phone' | 'externalId';

export const lookupKindOf = (lookup: CustomerLookup): CustomerLookupKind =>
  'email' in lookup ? 'email' : 'phone' in lookup ? 'phone' : 'externalId';

/** Emails match whatever their case. */
export const normaliseEmail = (email: string): string => email.trim().toLowerCase();

/** Phones match on their digits: "+358 40 123-4567" and "358401234567" are the same. */
export const phoneDigits = (phone: string): string => phone.replace(/\D/g, '');

/**
 * The characters phone numbers are written with besides digits: the database strips these from
 * the stored number before it compares (see the customer-data service), `phoneDigits` all.
 */
export const PHONE_SEPARATORS = [' ', '-', '+', '(', ')', '.', '/'] as const;

/** The lookup as the database compares it. */
export function normaliseLookup(lookup: CustomerLookup): { kind: CustomerLookupKind; value: string } {
  if ('email' in lookup) return { kind: 'email', value: normaliseEmail(lookup.email) };
  if ('phone' in lookup) return { kind: 'phone', value: phoneDigits(lookup.phone) };
  return { kind: 'externalId', value: lookup.externalId.trim() };
}

/** Conversations an erasure must wait for: still with the bot, queued or with an agent. */
export function openConversationIds(conversations: ReadonlyArray<{ id: number; status: string }>): number[] {
  return conversations.filter((conversation) => !isClosedStatus(conversation.status)).map((conversation) => conversation.id);
}
