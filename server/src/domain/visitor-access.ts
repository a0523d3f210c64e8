import { isFinalStatus, type FinalStatus } from './conversation-status';

/**
 * How long a customer's token keeps opening their conversation once it has ended: long enough to
 * read the end and rate it, not for good (a token left on a shared computer should not reopen a
 * chat days later).
 */

export interface ConversationEnding {
  status: string;
  resolvedAt?: Date | null;
  abandonedAt?: Date | null;
  offlineAt?: Date | null;
  endedAt?: Date | null;
}

/** Each final state's own timestamp: a new final state fails to compile until it is named here. */
const ENDED_AT: Record<FinalStatus, Exclude<keyof ConversationEnding, 'status'>> = {
  resolved: 'resolvedAt',
  abandoned: 'abandonedAt',
  offline: 'offlineAt',
  ended: 'endedAt',
};

/** When the conversation ended, or null while it is open (with the bot, queued or with an agent). */
export function endedAt(conversation: ConversationEnding): Date | null {
  return isFinalStatus(conversation.status) ? (conversation[ENDED_AT[conversation.status]] ?? null) : null;
}

export function visitorAccessEnded(conversation: ConversationEnding, afterCloseHours: number, now: Date): boolean {
  const ended = endedAt(conversation);
  return ended !== null && now.getTime() - ended.getTime() >= afterCloseHours * 3_600_000;
}
