/**
 * The machine-readable `details.code` of the plugin's errors, in REST bodies and socket
 * acknowledgements alike. Clients branch on these, never on messages (which may be reworded).
 */
export const ERROR_CODES = [
  // state changes
  'STALE_STATE',
  'INVALID_TRANSITION',
  'NOT_ASSIGNED',
  'ALREADY_CLAIMED',
  'QUEUE_EMPTY',
  'SEAT_LIMIT',
  'SELF_TRANSFER',
  'UNKNOWN_AGENT',
  'AGENT_UNAVAILABLE',
  // the customer's side
  'CONVERSATION_CLOSED',
  'NOT_WITH_BOT',
  'BUTTON_DISABLED',
  'NOT_RESOLVED',
  'ALREADY_RATED',
  'NOT_OFFLINE',
  'ALREADY_LEFT',
  'CLIENT_ID_TAKEN',
  // verified identity
  'IDENTITY_NOT_VERIFIED',
  'VERIFIED_IDENTITY_LOCKED',
  // the offline inbox
  'ALREADY_REPLIED',
  'NO_EMAIL',
  // canned replies
  'SHORTCUT_TAKEN',
  // customer data
  'CONVERSATION_OPEN',
  // access and limits
  'ORIGIN_NOT_ALLOWED',
  'INVALID_VISITOR_TOKEN',
  'VISITOR_ACCESS_ENDED',
  'OTHER_CONVERSATION',
  'RATE_LIMITED',
  'TOO_MANY_QUEUED',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'SESSION_ENDED',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** The `code` of an error body's details, when it carries one of ours. */
export function errorCodeOf(body: { details?: Record<string, unknown> } | null | undefined): ErrorCode | null {
  const code = body?.details?.code;
  return typeof code === 'string' && (ERROR_CODES as readonly string[]).includes(code) ? (code as ErrorCode) : null;
}
