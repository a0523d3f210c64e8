/**
 * A message's idempotency key: `w-` and a random id of [0-9a-f-] (the server accepts 1–64 of
 * [A-Za-z0-9_-]). crypto.randomUUID needs a secure origin; plain-http sites get the fallback.
 */
export const createClientId = (): string =>
  'w-' + (crypto.randomUUID ? crypto.randomUUID() : Date.now().toString(36) + Math.random().toString(36).slice(2));
