/**
 * Housekeeping of conversations nobody is attending to: waiting customers who have gone away,
 * waits that last too long, and chats left with the bot. Pure: the services load the facts,
 * pass the clock in, and store what these rules decide.
 */

const SECOND_MS = 1000;
const MINUTE_MS = 60 * SECOND_MS;

/** What the queue sweep knows of one waiting conversation. */
export interface WaitingConversation {
  id: number;
  /** When it last entered the queue (an escalation, or a transfer back to the queue). */
  enteredQueueAt: Date;
  /** The customer's last sign of life: a REST call, or a widget socket that closed. */
  customerSeenAt: Date | null;
  /** When the customer was last offered to leave a message instead of waiting. */
  leaveMessageOfferedAt: Date | null;
}

export interface QueueHousekeepingRules {
  /** A customer with no live connection for this long has gone (minimum 15 s). */
  abandonAfterSeconds: number;
  /** Offer to leave a message after this long in the queue; 0: never. */
  maxWaitMinutes: number;
}

/**
 * The last moment the customer was known to be there: joining the queue counts (it is their
 * own request, or an agent's hand-back they have not had time to notice).
 */
export function lastSignOfCustomer(conversation: WaitingConversation): Date {
  const seen = conversation.customerSeenAt;
  return seen && seen.getTime() > conversation.enteredQueueAt.getTime() ? seen : conversation.enteredQueueAt;
}

/**
 * Whether the customer may have gone: no sign of them for `abandonAfterSeconds`. Only then is
 * it worth asking the sockets (on every node) whether they are still connected.
 */
export function mayHaveGone(conversation: WaitingConversation, rules: Pick<QueueHousekeepingRules, 'abandonAfterSeconds'>, now: Date): boolean {
  return now.getTime() - lastSignOfCustomer(conversation).getTime() >= rules.abandonAfterSeconds * SECOND_MS;
}

/** The latest sign of the customer that still lets the sweep abandon them at `now`. */
export function goneCutoff(rules: Pick<QueueHousekeepingRules, 'abandonAfterSeconds'>, now: Date): Date {
  return new Date(now.getTime() - rules.abandonAfterSeconds * SECOND_MS);
}

/** Whether this wait has reached the limit and the customer has not been offered a message for it yet. */
export function leaveMessageOfferDue(conversation: WaitingConversation, rules: Pick<QueueHousekeepingRules, 'maxWaitMinutes'>, now: Date): boolean {
  if (rules.maxWaitMinutes <= 0) return false;
  if (isLeaveMessageOffered(conversation)) return false;
  return now.getTime() - conversation.enteredQueueAt.getTime() >= rules.maxWaitMinutes * MINUTE_MS;
}

/** An offer made during an earlier wait does not count for this one. */
export function isLeaveMessageOffered(conversation: Pick<WaitingConversation, 'enteredQueueAt' | 'leaveMessageOfferedAt'>): boolean {
  const offered = conversation.leaveMessageOfferedAt;
  return offered !== null && offered.getTime() >= conversation.enteredQueueAt.getTime();
}

/** The share of the maximum wait from which the desk warns that a wait nears the limit. */
export const WAIT_WARNING_SHARE = 0.8;

export type WaitLevel = 'normal' | 'nearing' | 'reached';

/** How a wait stands against `queue.maxWaitMinutes` (0: no limit, always `normal`). */
export function waitLevel(waitedSeconds: number, maxWaitMinutes: number): WaitLevel {
  if (maxWaitMinutes <= 0) return 'normal';
  const limitSeconds = maxWaitMinutes * 60;
  if (waitedSeconds >= limitSeconds) return 'reached';
  return waitedSeconds >= limitSeconds * WAIT_WARNING_SHARE ? 'nearing' : 'normal';
}

/** What the bot sweep knows of one conversation still with the bot. */
export interface BotConversation {
  id: number;
  createdAt: Date;
  lastCustomerMessageAt: Date | null;
}

/**
 * A conversation with the bot ends after `closeAfterMinutes` (0: never) without a customer
 * message, counted from its start when the customer never wrote.
 */
export function botConversationEnds(conversation: BotConversation, closeAfterMinutes: number, now: Date): boolean {
  if (closeAfterMinutes <= 0) return false;
  const quietSince = conversation.lastCustomerMessageAt ?? conversation.createdAt;
  return now.getTime() - quietSince.getTime() >= closeAfterMinutes * MINUTE_MS;
}
