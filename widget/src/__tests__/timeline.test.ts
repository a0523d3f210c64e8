import type { MessageView } from '../shared';
import { createTimeline } from '../app/timeline';

const message = (seq: number, overrides: Partial<MessageView> = {}): MessageView => ({
  id: 100 + seq,
  conversationId: 7,
  seq,
  clientId: `bot:reply:${seq}`,
  author: 'bot',
  agentName: null,
  text: `message ${seq}`,
  createdAt: '2025-05-12T09:00:00.000Z',
  ...overrides,
});

describe('timeline', () => {
  it('keeps each seq once and in order, whichever way it arrived', () => {
    const timeline = createTimeline();
    expect(timeline.add(message(2))).toBe(true);
    expect(timeline.add(message(1))).toBe(true);
    expect(timeline.add(message(2))).toBe(false);
    expect(timeline.add(message(3))).toBe(true);
    expect(timeline.entries().map((entry) => entry.seq)).toEqual([1, 2, 3]);
    expect(timeline.cursor()).toBe(3);
  });

  it('notices a gap, catches up from the last contiguous seq, and settles', () => {
    const timeline = createTimeline();
    timeline.add(message(1));
    timeline.add(message(4));
    expect(timeline.hasGap()).toBe(true);
    expect(timeline.cursor()).toBe(1);
    timeline.add(message(2));
    timeline.add(message(3));
    expect(timeline.hasGap()).toBe(false);
    expect(timeline.cursor()).toBe(4);

    // A hole the server has no message for is not waited for once a catch-up was complete.
    timeline.add(message(6));
    timeline.settle();
    expect(timeline.hasGap()).toBe(false);
    expect(timeline.cursor()).toBe(6);
  });

  it('shows an unconfirmed message after the stored ones, and replaces it by its stored copy', () => {
    const timeline = createTimeline();
    timeline.add(message(1));
    timeline.queue('w-abc', 'Hello');
    expect(timeline.entries().map(({ clientId, seq, state }) => [clientId, seq, state])).toEqual([
      ['bot:reply:1', 1, 'sent'],
      ['w-abc', null, 'sending'],
    ]);
    timeline.add(message(2, { clientId: 'w-abc', author: 'customer', text: 'Hello' }));
    expect(timeline.outgoing('w-abc')).toBeUndefined();
    expect(timeline.entries().map(({ clientId, seq, state }) => [clientId, seq, state])).toEqual([
      ['bot:reply:1', 1, 'sent'],
      ['w-abc', 2, 'sent'],
    ]);
  });

  it('counts unread bot and agent messages after a seq', () => {
    const timeline = createTimeline();
    timeline.add(message(1, { author: 'customer', clientId: 'w-1' }));
    timeline.add(message(2));
    timeline.add(message(3, { author: 'system', clientId: 'system:1' }));
    timeline.add(message(4, { author: 'agent', agentName: 'Aino', clientId: 'd-1' }));
    expect(timeline.unreadAfter(0)).toBe(2);
    expect(timeline.unreadAfter(2)).toBe(1);
    expect(timeline.unreadAfter(4)).toBe(0);
  });

  it('forgets stored messages on clear, keeping unconfirmed ones as failed when asked', () => {
    const timeline = createTimeline();
    timeline.add(message(1));
    timeline.queue('w-1', 'still mine');
    timeline.clear(true);
    expect(timeline.entries()).toEqual([
      { clientId: 'w-1', seq: null, author: 'customer', agentName: null, text: 'still mine', state: 'failed' },
    ]);
    expect(timeline.maxSeq()).toBe(0);
    timeline.clear(false);
    expect(timeline.entries()).toEqual([]);
  });
});
