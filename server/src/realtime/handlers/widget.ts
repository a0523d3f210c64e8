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
import { handleSocketEvent, type SocketRateLimit } from './handle';

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

  // One listener per event for every socket (Socket.IO calls it with the socket as `this`):
  // a connection only joins its room and subscribes, so an idle customer costs little memory.
  type WidgetSocket = Parameters<Parameters<WidgetNamespace['on']>[1]>[0];
  // Every event uses the socket's own allowance first, then its action's per-conversation one.
  // Built once per event, not per call: the keys are read from the socket as it arrives.
  const bySocket: SocketRateLimit<WidgetSocket> = { kind: 'socketEvent', keyOf: (socket) => socket.id };
  const limited = (kind: RateLimitKind): Array<SocketRateLimit<WidgetSocket>> => [bySocket, { kind, keyOf: (socket) => String(socket.data.conversationId) }];
  const conversationOf = (socket: WidgetSocket): number => socket.data.conversationId;
  const listeners = {
    'conversation:get': handleSocketEvent(strapi, emptyBodySchema, (socket: WidgetSocket) => getService('conversationViews', { strapi }).visitorView(conversationOf(socket)), {
      rateLimit: limited('conversationRead'),
    }),
    'messages:since': handleSocketEvent(
      strapi,
      widgetSocketSchemas.messagesSince,
      (socket: WidgetSocket, { after, limit }) => getService('messages', { strapi }).viewsAfter(conversationOf(socket), after, limit ?? MESSAGES_PAGE_DEFAULT),
      { rateLimit: limited('catchUp') },
    ),
    'message:send': handleSocketEvent(strapi, postMessageSchema, (socket: WidgetSocket, input) => chat().postCustomerMessage(conversationOf(socket), input), {
      rateLimit: limited('message'),
    }),
    'conversation:escalate': handleSocketEvent(
      strapi,
      escalateSchema,
      (socket: WidgetSocket, { reason }) => getService('escalation', { strapi }).requestByCustomer(conversationOf(socket), reason),
      { rateLimit: limited('escalation') },
    ),
    'conversation:leave': handleSocketEvent(strapi, emptyBodySchema, (socket: WidgetSocket) => customers().leave(conversationOf(socket)), {
      rateLimit: limited('leave'),
    }),
    'csat:submit': handleSocketEvent(strapi, csatSchema, (socket: WidgetSocket, input) => customers().rate(conversationOf(socket), input), {
      rateLimit: limited('rating'),
    }),
    // A refused typing signal is dropped (typing has no acknowledgement): the connection stays.
    typing: handleSocketEvent(strapi, typingSchema, (socket: WidgetSocket, { isTyping }) => chat().customerTyping(conversationOf(socket), isTyping), {
      rateLimit: limited('typing'),
    }),
  };
  // The queue sweep counts a gone customer from their last sign of life: connecting and leaving are both.
  const seen = (conversationId: number) =>
    getService('queueHousekeeping', { strapi })
      .customerSeen(conversationId)
      .catch((error: unknown) => strapi.log.debug(`[live-support] could not record a customer's visit: ${(error as Error).message}`));
  function onDisconnect(this: WidgetSocket): void {
    void seen(this.data.conversationId);
  }

  widget.on('connection', (socket) => {
    void socket.join(rooms.conversation(socket.data.conversationId));
    void seen(socket.data.conversationId);
    socket.on('disconnect', onDisconnect);
    for (const [event, listener] of Object.entries(listeners)) socket.on(event as keyof typeof listeners, listener as never);
  });
}
