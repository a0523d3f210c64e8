import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';

import { ForbiddenError, UnauthorizedError } from '../errors';
import { getService } from '../utils/get-service';

/**
 * Customer routes: `Authorization: Bearer <visitor token>`, and the token must be the one of
 * the conversation in the path. The verified conversation id is left in `ctx.state`.
 */
export default (policyContext: Context, _config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const header = policyContext.request.header.authorization ?? '';
  const [scheme, token] = header.split(/\s+/);
  const claims = scheme?.toLowerCase() === 'bearer' ? getService('visitorTokens', { strapi }).verify(token) : null;
  if (!claims) throw new UnauthorizedError('Missing or invalid visitor token');
  if (String(claims.conversationId) !== String(policyContext.params.id)) {
    throw new ForbiddenError('This token belongs to another conversation');
  }
  policyContext.state.visitorConversationId = claims.conversationId;
  return true;
};
