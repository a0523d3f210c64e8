import { shouldRelayTyping, TYPING_KEEPALIVE_MS } from '../typing-relay';

describe('typing relay', () => {
  it('passes on a change of state at once', () => {
    expect(shouldRelayTyping(undefined, true, 0)).toBe(true);
    expect(shouldRelayTyping({ isTyping: true, relayedAt: 0 }, false, 10)).toBe(true);
    expect(shouldRelayTyping({ isTyping: false, relayedAt: 0 }, true, 10)).toBe(true);
  });

  it('drops a "stopped" when nobody was typing', () => {
    expect(shouldRelayTyping(undefined, false, 0)).toBe(false);
    expect(shouldRelayTyping({ isTyping: false, relayedAt: 0 }, false, 60_000)).toBe(false);
  });

  it('drops a repeated "typing" until the keep-alive is due, then passes one on', () => {
    const last = { isTyping: true, relayedAt: 1000 };
    expect(shouldRelayTyping(last, true, 1000)).toBe(false);
    expect(shouldRelayTyping(last, true, 1000 + TYPING_KEEPALIVE_MS - 1)).toBe(false);
    expect(shouldRelayTyping(last, true, 1000 + TYPING_KEEPALIVE_MS)).toBe(true);
  });

  it('takes another keep-alive interval when given', () => {
    expect(shouldRelayTyping({ isTyping: true, relayedAt: 0 }, true, 2000, 2000)).toBe(true);
    expect(shouldRelayTyping({ isTyping: true, relayedAt: 0 }, true, 1999, 2000)).toBe(false);
  });
});
