import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';

import { forbidden, unauthorized } from '../errors';
import { getService } from '../utils/get-service';

/**
 * Customer routes: `Authorization: Bearer <visitor token>`, and the token must be the one of
 * the conversation in the path. The verified conversation id is left in `ctx.state`, and the
 * call counts as a sign of life of the customer.
 */
export default async (policyContext: Context, _config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const tokens = getService('visitorTokens', { strapi });
  const header = policyContext.request.header.authorization ?? '';
  const [scheme, token] = header.split(/\s+/);
  const claims = scheme?.toLowerCase() === 'bearer' ? tokens.verify(token) : null;
  if (!claims) throw unauthorized('Missing or invalid visitor token', { code: 'INVALID_VISITOR_TOKEN' });
  if (String(claims.conversationId) !== String(policyContext.params.id)) {
    throw forbidden('This token belongs to another conversation', { code: 'OTHER_CONVERSATION' });
  }
  if (!(await tokens.stillOpens(claims.conversationId))) {
    throw unauthorized('This conversation ended a while ago; start a new one', { code: 'VISITOR_ACCESS_ENDED' });
  }
  policyContext.state.visitorConversationId = claims.conversationId;
  // A client without a socket shows it is still there through its calls: it keeps its place in the queue.
  await getService('queueHousekeeping', { strapi }).customerSeen(claims.conversationId);
  return true;
};
