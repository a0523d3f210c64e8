/**
 * Waits and "ago" shown to agents are counted on the server's clock: a browser whose clock is
 * off still shows the right minutes. The offset comes from the queue snapshot's
 * `meta.serverTime`, taken when the answer arrives.
 */

/** Server clock minus browser clock, in milliseconds; 0 when the server's time is unreadable. */
export const clockOffsetOf = (serverTime: string | undefined, receivedAtMs: number): number => {
  const server = serverTime ? Date.parse(serverTime) : Number.NaN;
  return Number.isFinite(server) ? server - receivedAtMs : 0;
};

/** The server's time now, as this browser estimates it. */
export const serverNow = (offsetMs: number, browserNowMs: number = Date.now()): number => browserNowMs + offsetMs;

/** Whole seconds from `sinceIso` to `nowMs`, never negative. */
export const secondsSince = (sinceIso: string, nowMs: number): number =>
  Math.max(0, Math.floor((nowMs - Date.parse(sinceIso)) / 1000));

/** Whole minutes from `sinceIso` to `nowMs`, at least one (a reminder is never "0 min"). */
export const minutesSince = (sinceIso: string, nowMs: number): number =>
  Math.max(1, Math.round((nowMs - Date.parse(sinceIso)) / 60_000));
