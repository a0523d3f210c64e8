/**
 * The cap on conversations from one address waiting in the queue at once, so that one script
 * cannot fill the queue. The address is the key the per-address limits use (an IPv6 one by its
 * /64, see `client-address.ts`); a conversation started without one (by server code) is not
 * capped, and a cap of 0 is off.
 */
export interface QueuedPerAddressCheck {
  /** The conversation's address key, or null when none was recorded. */
  addressKey: string | null;
  /** Conversations from that address waiting in the queue now, this one not included. */
  queuedFromAddress: number;
  /** `rateLimit.queuedConversationsPerIp`. */
  cap: number;
}

export function mayJoinQueueFromAddress({ addressKey, queuedFromAddress, cap }: QueuedPerAddressCheck): boolean {
  if (cap <= 0 || addressKey === null) return true;
  return queuedFromAddress < cap;
}

/** The longest address key stored: an IPv6 /64 key is 24 characters; anything unparsable is cut here. */
export const ADDRESS_KEY_MAX_LENGTH = 100;
