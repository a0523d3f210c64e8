/**
 * The messages of one conversation as the customer sees them: stored messages merged by `seq`
 * (each once, in order, whichever way they arrived: history, catch-up, live event or an ack), then
 * the customer's own messages that the server has not confirmed yet, in the order written.
 */
import type { MessageView } from '../shared';

export type DeliveryState = 'sending' | 'sent' | 'failed';

/** A message as shown; `clientId` is its key, the same from "sending" to "sent". */
export interface TimelineEntry extends Pick<MessageView, 'clientId' | 'author' | 'agentName' | 'text'> {
  seq: number | null;
  state: DeliveryState;
}

export interface OutgoingMessage {
  text: string;
  state: DeliveryState;
  /** Increases with every delivery attempt, so that a late failure of an old one is ignored. */
  attempt: number;
}

export interface Timeline {
  /** Adds a stored message; false when it was already there. */
  add(message: MessageView): boolean;
  /** Every message up to this `seq` is here: the cursor for catching up. */
  cursor(): number;
  maxSeq(): number;
  /** A message arrived after one that did not: catch up from `cursor()`. */
  hasGap(): boolean;
  /** After a complete catch-up: a hole the server reports no message for is not waited for. */
  settle(): void;
  queue(clientId: string, text: string): void;
  outgoing(clientId: string): OutgoingMessage | undefined;
  /** Messages after `seq` by the bot or an agent: the unread count. */
  unreadAfter(seq: number): number;
  /** Forgets the stored messages; unconfirmed ones stay (as failed) when `keepOutbox`. */
  clear(keepOutbox: boolean): void;
  entries(): TimelineEntry[];
}

export function createTimeline(): Timeline {
  const stored = new Map<number, MessageView>();
  const outbox = new Map<string, OutgoingMessage>();
  let cursor = 0;
  let max = 0;

  return {
    add(message) {
      if (message.author === 'customer') outbox.delete(message.clientId);
      if (stored.has(message.seq)) return false;
      stored.set(message.seq, message);
      max = Math.max(max, message.seq);
      while (stored.has(cursor + 1)) cursor++;
      return true;
    },
    cursor: () => cursor,
    maxSeq: () => max,
    hasGap: () => max > cursor,
    settle() {
      cursor = max;
    },
    queue(clientId, text) {
      outbox.set(clientId, { text, state: 'sending', attempt: 0 });
    },
    outgoing: (clientId) => outbox.get(clientId),
    unreadAfter(seq) {
      let count = 0;
      stored.forEach((message) => {
        if (message.seq > seq && (message.author === 'agent' || message.author === 'bot')) count++;
      });
      return count;
    },
    clear(keepOutbox) {
      stored.clear();
      cursor = max = 0;
      if (!keepOutbox) outbox.clear();
      outbox.forEach((message) => (message.state = 'failed'));
    },
    entries() {
      const entries: TimelineEntry[] = [...stored.values()].sort((a, b) => a.seq - b.seq).map((message) => ({ ...message, state: 'sent' }));
      outbox.forEach(({ text, state }, clientId) => entries.push({ clientId, seq: null, author: 'customer', agentName: null, text, state }));
      return entries;
    },
  };
}
