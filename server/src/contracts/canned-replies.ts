import { z } from 'zod';

import { CANNED_REPLY_LIMITS, REPLY_LANGUAGES, REPLY_SCOPES, type ReplyLanguage, type ReplyScope } from '../domain/canned-replies';
import { conversationIdSchema, messageTextSchema } from './conversation';

/**
 * Request payloads of the canned-reply routes, written once for the controllers, the desk's
 * form and the tests. Unknown fields are refused.
 */

const trimmed = (max: number) =>
  z
    .string()
    .max(max * 2, `at most ${max} characters`)
    .transform((text) => text.trim())
    .pipe(z.string().min(1, 'must not be empty').max(max, `at most ${max} characters`));

export const replyShortcutSchema = z
  .string()
  .max(CANNED_REPLY_LIMITS.shortcutMaxLength * 2)
  .transform((shortcut) => shortcut.trim())
  .pipe(
    z
      .string()
      .min(1, 'must not be empty')
      .max(CANNED_REPLY_LIMITS.shortcutMaxLength, `at most ${CANNED_REPLY_LIMITS.shortcutMaxLength} characters`)
      .regex(CANNED_REPLY_LIMITS.shortcutPattern, 'lowercase letters, digits and "-" only, starting with a letter or digit'),
  );

/** A reply's content: what an edit changes. The text is a chat message, with the same bounds. */
export const cannedReplyContentSchema = z
  .object({
    shortcut: replyShortcutSchema,
    title: trimmed(CANNED_REPLY_LIMITS.titleMaxLength),
    text: messageTextSchema,
    language: z.enum(REPLY_LANGUAGES),
  })
  .strict();

/** A new reply: its content and whose it is (an agent's own, or the team's). */
export const cannedReplyCreateSchema = cannedReplyContentSchema.extend({ scope: z.enum(REPLY_SCOPES) }).strict();

export const cannedReplyListQuerySchema = z
  .object({ conversationId: conversationIdSchema.optional() })
  .strict();

export type CannedReplyContent = z.infer<typeof cannedReplyContentSchema>;
export type CannedReplyCreate = z.infer<typeof cannedReplyCreateSchema>;

/** A canned reply as the desk lists it. */
export interface CannedReplyView {
  id: number;
  scope: ReplyScope;
  shortcut: string;
  title: string;
  /** As written, with its `{variables}`. */
  text: string;
  language: ReplyLanguage;
  /** The text with the variables filled in for the conversation asked about (or without one, the fallbacks). */
  rendered: string;
  /** Whether the asking agent may edit and delete it. */
  editable: boolean;
}
