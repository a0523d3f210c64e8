import type { Context } from 'koa';

import { conversationIdSchema } from '../contracts/conversation';
import { parseInput, unauthorized } from '../errors';

/** The `:id` of the path (a conversation's or an offline message's), validated. */
export const idOf = (ctx: Context): number => parseInput(conversationIdSchema, ctx.params.id);

/** The admin user the admin routes' policies authenticated. */
export function agentIdOf(ctx: Context): number {
  const id = ctx.state.user?.id;
  if (typeof id !== 'number') throw unauthorized('No admin user on this request');
  return id;
}
