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

/** When the conversation ended, or null while it is open (with the bot, queued or with an agent). */
export function endedAt(conversation: ConversationEnding): Date | null {
  switch (conversation.status) {
    case 'resolved':
      return conversation.resolvedAt ?? null;
    case 'abandoned':
      return conversation.abandonedAt ?? null;
    case 'offline':
      return conversation.offlineAt ?? null;
    case 'ended':
      return conversation.endedAt ?? null;
    default:
      return null;
  }
}

export function visitorAccessEnded(conversation: ConversationEnding, afterCloseHours: number, now: Date): boolean {
  const ended = endedAt(conversation);
  return ended !== null && now.getTime() - ended.getTime() >= afterCloseHours * 3_600_000;
}
