import { createHmac, timingSafeEqual } from 'node:crypto';

import { z } from 'zod';

import { messageTextSchema } from '../contracts/conversation';

/**
 * The webhook bot client: posts the customer's message to a bot's HTTP endpoint and turns
 * whatever comes back into a `BotAnswer`. No Strapi here; the bot service passes in the
 * configured URL, secret and timeout.
 *
 * Protocol, for bot authors:
 *
 *   POST <url>
 *   content-type: application/json
 *   user-agent: strapi-plugin-live-support
 *   x-live-support-timestamp: <unix seconds>
 *   x-live-support-signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<raw body>">   (when a secret is set)
 *
 *   body: WebhookBotRequest
 *
 *   2xx with JSON { reply?, failed?, escalate?, reason? }   (other fields are ignored)
 *
 * A bot should verify the signature over the raw body (see `verifyWebhookSignature`) and
 * refuse timestamps more than a few minutes old, so a captured request cannot be replayed.
 */

export interface WebhookBotRequest {
  conversation: { id: number; language: string; status: string };
  message: { seq: number; clientId: string; text: string };
  history: Array<{ seq: number; author: 'customer' | 'bot' | 'agent' | 'system'; text: string }>;
}

export interface BotAnswer {
  /** Text to show the customer, trimmed; `null` when there is none. */
  reply: string | null;
  /** The bot could not answer: the call failed, the response was unusable, or the bot said so. */
  failed: boolean;
  /** The bot asks to hand the conversation over to a human agent. */
  escalate: boolean;
  /** The bot's reason, for an escalation or a failure it reported itself. */
  reason: string | null;
  /** Short description of what went wrong, for logs; `null` for an answer without a failure. */
  error: string | null;
}

export const SIGNATURE_HEADER = 'x-live-support-signature';
export const TIMESTAMP_HEADER = 'x-live-support-timestamp';
export const USER_AGENT = 'strapi-plugin-live-support';

/** A bot's answer is a chat line; anything bigger is not one and is not read to the end. */
export const WEBHOOK_RESPONSE_MAX_BYTES = 64 * 1024;

export const WEBHOOK_REASON_MAX = 500;

/**
 * The bot's response body. Unknown fields are stripped, not refused: bots may add their own.
 * The reply follows the same rules as a message typed in the chat (trimmed, 1..2000
 * characters, no control characters). An empty or blank reason counts as none.
 */
export const webhookReplySchema = z.object({
  reply: messageTextSchema.optional(),
  failed: z.boolean().optional(),
  escalate: z.boolean().optional(),
  reason: z
    .string()
    .trim()
    .max(WEBHOOK_REASON_MAX, `at most ${WEBHOOK_REASON_MAX} characters`)
    .transform((reason) => (reason === '' ? undefined : reason))
    .optional(),
});
export type WebhookReply = z.infer<typeof webhookReplySchema>;

const SIGNATURE_PREFIX = 'sha256=';

/** `sha256=` + hex HMAC-SHA256 of `${timestamp}.${body}`. */
export function signWebhookBody(secret: string, timestamp: string, body: string): string {
  return SIGNATURE_PREFIX + createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

/**
 * Whether `signature` is the signature of this timestamp and raw body. Constant time in the
 * signature's content; a signature of the wrong length is refused without comparing.
 */
export function verifyWebhookSignature(secret: string, timestamp: string, body: string, signature: string): boolean {
  const expected = Buffer.from(signWebhookBody(secret, timestamp, body), 'utf8');
  const given = Buffer.from(signature, 'utf8');
  if (given.length !== expected.length) return false;
  return timingSafeEqual(given, expected);
}

export interface WebhookBotOptions {
  url: string;
  /** Signs each request when set; `null` or `''` sends no signature header. */
  secret: string | null;
  /** Covers the whole call: connecting, waiting for the status and reading the body. */
  timeoutMs: number;
  /** Clock for the timestamp header; the real one unless given. */
  now?: () => Date;
}

function failure(error: string): BotAnswer {
  return { reply: null, failed: true, escalate: false, reason: null, error };
}

class ResponseTooLargeError extends Error {}

/** Reads the body as UTF-8, giving up once it grows past `maxBytes`. */
async function readBodyLimited(response: Response, maxBytes: number): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new ResponseTooLargeError();
    }
    chunks.push(value);
  }
  return new TextDecoder('utf-8').decode(Buffer.concat(chunks));
}

function describeNetworkError(error: unknown): string {
  const cause = error instanceof Error ? (error.cause as { code?: unknown; message?: unknown } | undefined) : undefined;
  if (cause && typeof cause.code === 'string') return `request failed: ${cause.code}`;
  if (cause && typeof cause.message === 'string') return `request failed: ${cause.message}`;
  return `request failed: ${error instanceof Error ? error.message : String(error)}`;
}

/** The answer a valid response body stands for. */
function toAnswer(parsed: WebhookReply): BotAnswer {
  const reply = parsed.reply ?? null;
  const reason = parsed.reason ?? null;
  const escalate = parsed.escalate === true;
  if (parsed.failed === true) {
    return { reply, failed: true, escalate, reason, error: 'bot reported a failure' };
  }
  if (reply === null && !escalate) return failure('response has neither a reply nor escalate: true');
  return { reply, failed: false, escalate, reason, error: null };
}

function describeSchemaError(error: z.ZodError): string {
  const first = error.issues[0];
  if (!first) return 'response does not match the schema';
  const path = first.path.length > 0 ? `${first.path.map(String).join('.')}: ` : '';
  return `response does not match the schema (${path}${first.message})`;
}

/**
 * Posts the request to the bot and returns its answer. Never throws: every way the call can go
 * wrong ends as a failed answer whose `error` says which.
 *
 *   not an http: or https: URL           → failed, no request is made
 *   timeout, network error               → failed
 *   redirect or any non-2xx status       → failed (redirects are not followed: the signed
 *                                          request must not be replayed to another host)
 *   body over 64 KiB, not JSON, or not
 *     matching webhookReplySchema          → failed
 *   { failed: true, reply?, escalate? }  → failed, reply and escalate kept as sent
 *   { reply?, escalate: true, reason? }  → escalate (reply may be null)
 *   { reply }                            → answer
 *   neither reply nor escalate ({})      → failed
 */
export async function callWebhookBot(options: WebhookBotOptions, request: WebhookBotRequest): Promise<BotAnswer> {
  let url: URL;
  try {
    url = new URL(options.url);
  } catch {
    return failure('invalid webhook URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return failure(`unsupported webhook URL protocol "${url.protocol}"`);
  }
  if (!Number.isFinite(options.timeoutMs) || options.timeoutMs <= 0) {
    return failure('invalid webhook timeout');
  }

  // Only the documented fields go out, whatever else the caller's objects carry.
  const body = JSON.stringify({
    conversation: {
      id: request.conversation.id,
      language: request.conversation.language,
      status: request.conversation.status,
    },
    message: { seq: request.message.seq, clientId: request.message.clientId, text: request.message.text },
    history: request.history.map((line) => ({ seq: line.seq, author: line.author, text: line.text })),
  } satisfies WebhookBotRequest);

  const timestamp = String(Math.floor((options.now?.() ?? new Date()).getTime() / 1000));
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'user-agent': USER_AGENT,
    [TIMESTAMP_HEADER]: timestamp,
  };
  if (options.secret) headers[SIGNATURE_HEADER] = signWebhookBody(options.secret, timestamp, body);

  const timeoutMs = Math.ceil(options.timeoutMs);
  const signal = AbortSignal.timeout(timeoutMs);
  const timedOut = () => failure(`timed out after ${timeoutMs} ms`);

  let text: string;
  try {
    const response = await fetch(url, { method: 'POST', headers, body, signal, redirect: 'manual' });
    if (response.status < 200 || response.status > 299) {
      await response.body?.cancel().catch(() => undefined);
      return failure(`HTTP ${response.status}`);
    }
    text = await readBodyLimited(response, WEBHOOK_RESPONSE_MAX_BYTES);
  } catch (error) {
    if (signal.aborted) return timedOut();
    if (error instanceof ResponseTooLargeError) {
      return failure(`response body exceeds ${WEBHOOK_RESPONSE_MAX_BYTES} bytes`);
    }
    return failure(describeNetworkError(error));
  }

  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return failure('response is not JSON');
  }
  const parsed = webhookReplySchema.safeParse(json);
  if (!parsed.success) return failure(describeSchemaError(parsed.error));
  return toAnswer(parsed.data);
}
