/**
 * Which typing signals are worth passing on. Senders repeat "typing" while a person keeps
 * typing (the widget every 2 s, the desk every 5 s) because receivers forget it after 15 s;
 * passing every repeat on would push to the other side for nothing. A signal that changes the
 * state goes at once; a repeated "typing" goes only as a keep-alive, once per `refreshMs`;
 * a repeated "stopped" never does.
 */
export interface TypingState {
  isTyping: boolean;
  /** When this state was last passed on, in ms. */
  relayedAt: number;
}

/** How often a repeated "typing" is passed on: well inside the 15 s after which receivers forget it. */
export const TYPING_KEEPALIVE_MS = 5000;

export function shouldRelayTyping(
  last: TypingState | undefined,
  isTyping: boolean,
  now: number,
  refreshMs: number = TYPING_KEEPALIVE_MS,
): boolean {
  const wasTyping = last?.isTyping ?? false;
  if (isTyping !== wasTyping) return true;
  return isTyping && last !== undefined && now - last.relayedAt >= refreshMs;
}
