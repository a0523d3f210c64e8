import type { AgentConversationView, MessageView, OfflineInboxMeta, QueueCardView } from '../../shared';
import {
  addMessageToConversation,
  applyConversationView,
  applyMessageToQueue,
  mergeMessages,
  removeWaitingCard,
  skipsMessages,
  withPendingOfflineCount,
  type QueueResult,
} from '../cachePatches';

import { card } from './queueCards';

const message = (seq: number, overrides: Partial<MessageView> = {}): MessageView => ({
  id: seq,
  conversationId: 7,
  seq,
  clientId: `c-${seq}`,
  author: 'customer',
  agentName: null,
  text: `message ${seq}`,
  createdAt: new Date(Date.UTC(2026, 10, 30, 9, 0, seq)).toISOString(),
  ...overrides,
});

const conversation = (messages: MessageView[], overrides: Partial<AgentConversationView> = {}): AgentConversationView => ({
  ...card(7, { status: 'active' }),
  customer: { name: 'Maija', email: null, phone: null, externalId: null, verified: false, metadata: null },
  createdAt: '2026-11-30T08:59:00.000Z',
  firstAgentReplyAt: null,
  abandonedAt: null,
  offlineAt: null,
  csatComment: null,
  lastSeq: messages.length,
  messages,
  events: [],
  ...overrides,
});

const queueResult = (waiting: QueueCardView[], mine: QueueCardView[] = []): QueueResult => ({
  data: { waiting, mine, resolved: [] },
  meta: {
    counts: { waiting: waiting.length, mine: mine.length, resolved: 0 },
    resolvedCountCapped: false,
    pagination: { page: 1, pageSize: 100, nextBefore: null },
    agentId: 1,
    serverTime: '2026-11-30T09:00:00.000Z',
  },
  clockOffsetMs: 0,
});

describe('merging messages', () => {
  it('keeps each seq once, in order, the incoming copy winning', () => {
    const merged = mergeMessages([message(1), message(3)], [message(2), message(3, { text: 'edited' })]);
    expect(merged.map((item) => item.seq)).toEqual([1, 2, 3]);
    expect(merged[2].text).toBe('edited');
  });
});

describe('a conversation view in the cache', () => {
  it('takes a newer view but keeps messages pushed meanwhile', () => {
    const current = conversation([message(1), message(2)]);
    const incoming = conversation([message(1)], { status: 'resolved' });
    const applied = applyConversationView(current, incoming);
    expect(applied.status).toBe('resolved');
    expect(applied.messages.map((item) => item.seq)).toEqual([1, 2]);
  });

  it('is the incoming view when nothing was cached', () => {
    const incoming = conversation([message(1)]);
    expect(applyConversationView(undefined, incoming)).toBe(incoming);
  });

  it('adds a pushed message of this conversation only', () => {
    const current = conversation([message(1)]);
    expect(addMessageToConversation(current, message(2)).messages).toHaveLength(2);
    expect(addMessageToConversation(current, message(2, { conversationId: 8 }))).toBe(current);
  });

  it('notices a pushed message that skips some before it, so that the desk re-reads the history', () => {
    const current = conversation([message(1), message(2)]);
    expect(skipsMessages(current, message(3))).toBe(false);
    expect(skipsMessages(current, message(2))).toBe(false);
    expect(skipsMessages(current, message(5))).toBe(true);
    expect(skipsMessages(conversation([]), message(1))).toBe(false);
    expect(skipsMessages(conversation([]), message(2))).toBe(true);
    expect(skipsMessages(current, message(9, { conversationId: 8 }))).toBe(false);
  });
});

describe('a new message on the queue', () => {
  it('becomes the last message of its card, wherever the card is', () => {
    const result = queueResult([card(3)], [card(7, { status: 'active' })]);
    const pushed = message(5, { text: 'Are you there?' });
    const patched = applyMessageToQueue(result.data, pushed);
    expect(patched.mine[0].lastMessage).toEqual({ author: 'customer', text: 'Are you there?', createdAt: pushed.createdAt });
    expect(patched.waiting[0]).toEqual(result.data.waiting[0]);
  });

  it('never replaces a later last message with an earlier one', () => {
    const later = { author: 'agent' as const, text: 'later', createdAt: '2026-11-30T10:00:00.000Z' };
    const result = queueResult([], [card(7, { status: 'active', lastMessage: later })]);
    expect(applyMessageToQueue(result.data, message(1)).mine[0].lastMessage).toEqual(later);
  });
});

describe('a lost claim race', () => {
  it('takes the card out of the waiting column and its count', () => {
    const result = queueResult([card(3), card(4)]);
    const patched = removeWaitingCard(result, 3);
    expect(patched.data.waiting.map((item) => item.id)).toEqual([4]);
    expect(patched.meta.counts.waiting).toBe(1);
  });

  it('changes nothing when the card is not waiting', () => {
    const result = queueResult([card(4)]);
    expect(removeWaitingCard(result, 3)).toBe(result);
  });
});

describe('the unread offline count', () => {
  it('sets the inbox’s "new" count to the server’s', () => {
    const meta: OfflineInboxMeta = { counts: { new: 1, read: 2, replied: 3 }, pagination: { page: 1, pageSize: 25, total: 1 } };
    expect(withPendingOfflineCount(meta, 4).counts).toEqual({ new: 4, read: 2, replied: 3 });
  });
});
