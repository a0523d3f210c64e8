import { z } from 'zod';

import { PRESENCE_STATUSES, SUPPORTED_LANGUAGES } from '../domain/conversation-status';
import { USER_HASH_PATTERN } from '../domain/identity-modes';
import { KNOWLEDGE_SEARCH_MAX_LENGTH } from './limits';
import { isResolvedCursor, RESOLVED_CURSOR_PATTERN } from './queue-cursor';

/**
 * Request payloads of the conversation protocol. Each schema is written once and used by the
 * REST controllers, the socket handlers and the tests. Unknown fields are refused.
 */

export const MESSAGE_TEXT_MAX = 2000;

// Control characters other than tab and newline have no place in a chat line.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

export const messageTextSchema = z
  .string()
  .max(MESSAGE_TEXT_MAX * 2, `at most ${MESSAGE_TEXT_MAX} characters`)
  .transform((text) => text.trim())
  .pipe(
    z
      .string()
      .min(1, 'must not be empty')
      .max(MESSAGE_TEXT_MAX, `at most ${MESSAGE_TEXT_MAX} characters`)
      .refine((text) => !CONTROL_CHARACTERS.test(text), 'must not contain control characters'),
  );

export const clientIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, "-" and "_" only');

export const conversationIdSchema = z.coerce.number().int().positive().max(2 ** 31 - 1);

const metadataValue = z.union([z.string().max(500), z.number().finite(), z.boolean(), z.null()]);

export const startSessionSchema = z
  .object({
    locale: z.enum(SUPPORTED_LANGUAGES).optional(),
    name: z.string().trim().min(1).max(200).optional(),
    email: z.email().max(320).optional(),
    phone: z
      .string()
      .trim()
      .regex(/^\+?[0-9][0-9 ()-]{3,38}$/, 'a phone number such as +358 40 123 4567')
      .optional(),
    externalId: z.string().trim().min(1).max(200).optional(),
    metadata: z
      .record(z.string().min(1).max(64), metadataValue)
      .refine((record) => Object.keys(record).length <= 20, 'at most 20 keys')
      .optional(),
    /** The site's signature of the external id (else the email): see domain/identity. */
    userHash: z
      .string()
      .regex(USER_HASH_PATTERN, '64 hexadecimal digits (HMAC-SHA256)')
      .transform((hash) => hash.toLowerCase())
      .optional(),
  })
  .strict();
export type StartSessionInput = z.infer<typeof startSessionSchema>;

/** `PUT /conversations/:id/customer`: the site's `identify()` after the chat started. */
export const customerDetailsSchema = startSessionSchema
  .omit({ locale: true })
  .refine((details) => Object.keys(details).length > 0, 'name at least one detail');
export type CustomerDetailsInput = z.infer<typeof customerDetailsSchema>;

export const postMessageSchema = z.object({ clientId: clientIdSchema, text: messageTextSchema }).strict();
export type PostMessageInput = z.infer<typeof postMessageSchema>;

export const escalateSchema = z.object({ reason: z.string().trim().min(1).max(500).optional() }).strict();
export type EscalateInput = z.infer<typeof escalateSchema>;

export const csatSchema = z
  .object({
    score: z.number().int().min(1).max(5),
    comment: z.string().trim().max(MESSAGE_TEXT_MAX).optional(),
  })
  .strict();
export type CsatInput = z.infer<typeof csatSchema>;

export const emptyBodySchema = z.object({}).strict();

/** A message left while no agent was available: it needs a way to answer (email or phone). */
export const offlineMessageSchema = startSessionSchema
  .pick({ name: true, email: true, phone: true })
  .extend({ message: z.string().trim().min(1).max(4000), clientId: clientIdSchema.optional() })
  .strict()
  .refine((input) => Boolean(input.email || input.phone), {
    message: 'an email address or a phone number is needed to answer',
    path: ['email'],
  });
export type OfflineMessageInput = z.infer<typeof offlineMessageSchema>;

export const offlineInboxQuerySchema = z
  .object({
    status: z.enum(['new', 'read', 'replied']).optional(),
    page: z.coerce.number().int().min(1).max(10_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(25),
  })
  .strict();
export type OfflineInboxQuery = z.infer<typeof offlineInboxQuerySchema>;

export const offlineStatusSchema = z.object({ status: z.enum(['new', 'read']) }).strict();

export const offlineReplySchema = z
  .object({
    text: z.string().trim().min(1).max(4000),
    subject: z.string().trim().min(1).max(200).optional(),
  })
  .strict();
export type OfflineReplyInput = z.infer<typeof offlineReplySchema>;

/** How many messages one catch-up returns when the client does not say. */
export const MESSAGES_PAGE_DEFAULT = 200;

export const messagesQuerySchema = z
  .object({
    after: z.coerce.number().int().min(0).default(0),
    limit: z.coerce.number().int().min(1).max(500).default(MESSAGES_PAGE_DEFAULT),
  })
  .strict();
export type MessagesQuery = z.infer<typeof messagesQuerySchema>;

/** The knowledge panel's search: without `q` (or with a blank one), what the customer wrote. */
export const knowledgeQuerySchema = z
  .object({ q: z.string().trim().max(KNOWLEDGE_SEARCH_MAX_LENGTH).optional() })
  .strict();
export type KnowledgeQuery = z.infer<typeof knowledgeQuerySchema>;

export const transferSchema = z
  .object({
    toAgentId: z.number().int().positive().optional(),
    note: z.string().trim().min(1).max(1000).optional(),
  })
  .strict();
export type TransferInput = z.infer<typeof transferSchema>;

export const presenceSchema = z.object({ status: z.enum(PRESENCE_STATUSES) }).strict();
export type PresenceInput = z.infer<typeof presenceSchema>;

export const queueQuerySchema = z
  .object({
    page: z.coerce.number().int().min(1).max(10_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(50),
    /** The resolved column continues after this card (`meta.pagination.nextBefore` of the page before). */
    before: z.string().regex(RESOLVED_CURSOR_PATTERN, 'a cursor from meta.pagination.nextBefore').refine(isResolvedCursor, 'not a valid cursor').optional(),
  })
  .strict();
export type QueueQuery = z.infer<typeof queueQuerySchema>;

export const typingSchema = z.object({ isTyping: z.boolean() }).strict();

export const widgetSocketSchemas = {
  messagesSince: z.object({ after: z.number().int().min(0), limit: z.number().int().min(1).max(500).optional() }).strict(),
};

/** Socket payloads on `/agent` name the conversation; on `/widget` the token does. */
const withConversation = <Shape extends z.ZodRawShape>(shape: Shape) =>
  z.object({ conversationId: z.number().int().positive(), ...shape }).strict();

export const agentSocketSchemas = {
  conversationRef: withConversation({}),
  message: withConversation(postMessageSchema.shape),
  transfer: withConversation(transferSchema.shape),
  typing: withConversation(typingSchema.shape),
  messagesSince: withConversation(widgetSocketSchemas.messagesSince.shape),
  queue: z
    .object({
      page: z.number().int().min(1).max(10_000).optional(),
      pageSize: z.number().int().min(1).max(100).optional(),
    })
    .strict(),
};
