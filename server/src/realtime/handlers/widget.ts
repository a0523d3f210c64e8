import type { Core } from '@strapi/strapi';

import {
  csatSchema,
  emptyBodySchema,
  escalateSchema,
  postMessageSchema,
  MESSAGES_PAGE_DEFAULT,
  typingSchema,
  widgetSocketSchemas,
} from '../../contracts/conversation';
import type { RateLimitKind } from '../../services/rate-limits';
import { getService } from '../../utils/get-service';
import { rooms } from '../rooms';
import { ConnectionRefusedError, type WidgetNamespace } from '../socket-server';
import { handleEvent, type RateLimitCheck } from './handle';

/** `/widget`: one customer, one conversation, identified by the visitor token. */
export function registerWidgetHandlers(strapi: Core.Strapi, widget: WidgetNamespace): void {
  const customers = () => getService('customers', { strapi });
  const chat = () => getService('chat', { strapi });

  widget.use((socket, next) => {
    const tokens = getService('visitorTokens', { strapi });
    const claims = tokens.verify(socket.handshake.auth?.token);
    if (!claims) return next(new ConnectionRefusedError('UNAUTHORIZED'));
    tokens
      .stillOpens(claims.conversationId)
      .then((opens) => {
        if (!opens) return next(new ConnectionRefusedError('UNAUTHORIZED'));
        socket.data.conversationId = claims.conversationId;
        next();
      })
      .catch((error: unknown) => next(error instanceof Error ? error : new Error(String(error))));
  });

  widget.on('connection', (socket) => {
    const conversationId = socket.data.conversationId;
    void socket.join(rooms.conversation(conversationId));
    // The queue sweep counts a gone customer from their last sign of life: connecting and leaving are both.
    const seen = () =>
      getService('queueHousekeeping', { strapi })
        .customerSeen(conversationId)
        .catch((error: unknown) => strapi.log.debug(`[live-support] could not record a customer's visit: ${(error as Error).message}`));
    void seen();
    socket.on('disconnect', () => void seen());

    // Every event uses the socket's own allowance first, then its action's per-conversation one.
    const limited = (kind?: RateLimitKind): RateLimitCheck[] => [
      { kind: 'socketEvent', key: socket.id },
      ...(kind ? [{ kind, key: String(conversationId) }] : []),
    ];

    socket.on(
      'conversation:get',
      handleEvent(strapi, emptyBodySchema, () => getService('conversationViews', { strapi }).visitorView(conversationId), {
        rateLimit: limited('conversationRead'),
      }),
    );
    socket.on(
      'messages:since',
      handleEvent(
        strapi,
        widgetSocketSchemas.messagesSince,
        ({ after, limit }) => getService('messages', { strapi }).viewsAfter(conversationId, after, limit ?? MESSAGES_PAGE_DEFAULT),
        { rateLimit: limited('catchUp') },
      ),
    );
    socket.on(
      'message:send',
      handleEvent(strapi, postMessageSchema, (input) => chat().postCustomerMessage(conversationId, input), {
        rateLimit: limited('message'),
      }),
    );
    socket.on(
      'conversation:escalate',
      handleEvent(strapi, escalateSchema, ({ reason }) => getService('escalation', { strapi }).requestByCustomer(conversationId, reason), {
        rateLimit: limited('escalation'),
      }),
    );
    socket.on(
      'conversation:leave',
      handleEvent(strapi, emptyBodySchema, () => customers().leave(conversationId), { rateLimit: limited('leave') }),
    );
    socket.on(
      'csat:submit',
      handleEvent(strapi, csatSchema, (input) => customers().rate(conversationId, input), { rateLimit: limited('rating') }),
    );
    // A refused typing signal is dropped (typing has no acknowledgement): the connection stays.
    socket.on(
      'typing',
      handleEvent(strapi, typingSchema, ({ isTyping }) => chat().customerTyping(conversationId, isTyping), {
        rateLimit: limited('typing'),
      }),
    );
  });
}
