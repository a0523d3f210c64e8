import { type z } from 'zod';

import { cannedReplyContentSchema, cannedReplyCreateSchema, cannedReplyListQuerySchema } from '../../../server/src/contracts/canned-replies';
import {
  conversationIdSchema,
  csatSchema,
  customerDetailsSchema,
  emptyBodySchema,
  escalateSchema,
  knowledgeQuerySchema,
  messagesQuerySchema,
  offlineInboxQuerySchema,
  offlineMessageSchema,
  offlineReplySchema,
  offlineStatusSchema,
  postMessageSchema,
  presenceSchema,
  queueQuerySchema,
  startSessionSchema,
  transferSchema,
  typingSchema,
  widgetSocketSchemas,
} from '../../../server/src/contracts/conversation';
import { escalationTrialSchema } from '../../../server/src/contracts/escalation-trial';
import { openingHoursSchema } from '../../../server/src/contracts/opening-hours';
import { settingsUpdateSchema } from '../../../server/src/contracts/settings';

/** Who the request claims to be, on the route's own terms. */
export type RouteAuth = 'open' | 'visitor' | 'bot' | 'admin';

/**
 * What a valid request may change: `conversation` routes change the conversation in their
 * path (valid requests are sent to a conversation started for the run), `global` ones change
 * something shared (valid requests are not sent), `read` ones change nothing, `creates` ones
 * add rows of their own (counted).
 */
export type RouteEffect = 'read' | 'conversation' | 'global' | 'creates';

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH' | 'HEAD' | 'OPTIONS';

export interface FuzzRoute {
  method: Method;
  /** Under the API base; `:id` is replaced by each case's path parameter. */
  path: string;
  auth: RouteAuth;
  effect: RouteEffect;
  /** The schema the controller validates the body with, and a body it accepts. */
  body?: { schema: z.ZodType; valid: Record<string, unknown> };
}

const empty = { schema: emptyBodySchema, valid: {} };
const message = { schema: postMessageSchema, valid: { clientId: 'fuzz-1', text: 'hello' } };
const reason = { schema: escalateSchema, valid: { reason: 'please' } };

/** Every public route but the widget's two script files (static files, tested by foundation.test.ts). */
export const PUBLIC_ROUTES: FuzzRoute[] = [
  { method: 'GET', path: '/health', auth: 'open', effect: 'read' },
  { method: 'GET', path: '/widget-config', auth: 'open', effect: 'read' },
  { method: 'POST', path: '/sessions', auth: 'open', effect: 'creates', body: { schema: startSessionSchema, valid: { locale: 'en', name: 'Ada', email: 'ada@example.com', metadata: { page: '/' } } } },
  { method: 'GET', path: '/conversations/:id', auth: 'visitor', effect: 'read' },
  { method: 'GET', path: '/conversations/:id/messages', auth: 'visitor', effect: 'read' },
  { method: 'POST', path: '/conversations/:id/messages', auth: 'visitor', effect: 'conversation', body: message },
  { method: 'PUT', path: '/conversations/:id/customer', auth: 'visitor', effect: 'conversation', body: { schema: customerDetailsSchema, valid: { name: 'Ada', phone: '+358 40 123 4567' } } },
  { method: 'POST', path: '/conversations/:id/escalate', auth: 'visitor', effect: 'conversation', body: reason },
  { method: 'POST', path: '/conversations/:id/csat', auth: 'visitor', effect: 'conversation', body: { schema: csatSchema, valid: { score: 4, comment: 'ok' } } },
  { method: 'POST', path: '/conversations/:id/leave', auth: 'visitor', effect: 'conversation', body: empty },
  { method: 'POST', path: '/conversations/:id/offline-message', auth: 'visitor', effect: 'conversation', body: { schema: offlineMessageSchema, valid: { email: 'ada@example.com', message: 'call me', clientId: 'o1' } } },
  { method: 'GET', path: '/bot/conversations/:id', auth: 'bot', effect: 'read' },
  { method: 'POST', path: '/bot/conversations/:id/messages', auth: 'bot', effect: 'conversation', body: message },
  { method: 'POST', path: '/bot/conversations/:id/escalate', auth: 'bot', effect: 'conversation', body: reason },
];

/** A sample of the admin routes, reached with a valid admin token. */
export const ADMIN_ROUTES: FuzzRoute[] = [
  { method: 'GET', path: '/queue', auth: 'admin', effect: 'read' },
  { method: 'POST', path: '/queue/claim-next', auth: 'admin', effect: 'global', body: empty },
  { method: 'GET', path: '/conversations/:id', auth: 'admin', effect: 'read' },
  { method: 'GET', path: '/conversations/:id/messages', auth: 'admin', effect: 'read' },
  { method: 'GET', path: '/conversations/:id/knowledge', auth: 'admin', effect: 'read' },
  { method: 'POST', path: '/conversations/:id/claim', auth: 'admin', effect: 'conversation', body: empty },
  { method: 'POST', path: '/conversations/:id/messages', auth: 'admin', effect: 'conversation', body: message },
  { method: 'POST', path: '/conversations/:id/transfer', auth: 'admin', effect: 'conversation', body: { schema: transferSchema, valid: { note: 'over to you' } } },
  { method: 'POST', path: '/conversations/:id/resolve', auth: 'admin', effect: 'conversation', body: empty },
  { method: 'PUT', path: '/presence', auth: 'admin', effect: 'global', body: { schema: presenceSchema, valid: { status: 'away' } } },
  { method: 'GET', path: '/offline-messages', auth: 'admin', effect: 'read' },
  { method: 'PUT', path: '/offline-messages/:id', auth: 'admin', effect: 'global', body: { schema: offlineStatusSchema, valid: { status: 'read' } } },
  { method: 'POST', path: '/offline-messages/:id/reply', auth: 'admin', effect: 'global', body: { schema: offlineReplySchema, valid: { text: 'Thanks', subject: 'Re' } } },
  { method: 'GET', path: '/analytics', auth: 'admin', effect: 'read' },
  { method: 'PUT', path: '/settings', auth: 'admin', effect: 'global', body: { schema: settingsUpdateSchema, valid: { queue: { maxQueueLength: 10 } } } },
  { method: 'PUT', path: '/opening-hours', auth: 'admin', effect: 'global', body: { schema: openingHoursSchema, valid: {} } },
  { method: 'POST', path: '/settings/escalation/try', auth: 'admin', effect: 'read', body: { schema: escalationTrialSchema, valid: { text: 'I want a human', language: 'en' } } },
  { method: 'GET', path: '/canned-replies', auth: 'admin', effect: 'read' },
  { method: 'POST', path: '/canned-replies', auth: 'admin', effect: 'global', body: { schema: cannedReplyCreateSchema, valid: { shortcut: 'hi', title: 'Hi', text: 'Hello!', language: 'en', scope: 'personal' } } },
  { method: 'PUT', path: '/canned-replies/:id', auth: 'admin', effect: 'global', body: { schema: cannedReplyContentSchema, valid: { shortcut: 'hi', title: 'Hi', text: 'Hello!', language: 'en' } } },
  { method: 'DELETE', path: '/canned-replies/:id', auth: 'admin', effect: 'global' },
];

export const ALL_METHODS: Method[] = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS'];

/** Methods no route of this path answers to (a wrong method must not reach another route's action). */
export function wrongMethods(route: FuzzRoute, routes: FuzzRoute[]): Method[] {
  const used = new Set(routes.filter((other) => other.path === route.path).map((other) => other.method));
  return ALL_METHODS.filter((method) => !used.has(method));
}

/** Query schemas of the read routes, to tell (for the printed figures) which queries were valid. */
export const QUERY_SCHEMAS: Record<string, z.ZodType> = {
  '/conversations/:id/messages': messagesQuerySchema,
  '/bot/conversations/:id': messagesQuerySchema,
  '/queue': queueQuerySchema,
  '/offline-messages': offlineInboxQuerySchema,
  '/conversations/:id/knowledge': knowledgeQuerySchema,
  '/canned-replies': cannedReplyListQuerySchema,
};

/** Whether a path parameter could name an existing row (the controllers coerce it to a number). */
export const couldBeAnId = (param: string): boolean => {
  let decoded: string;
  try {
    decoded = decodeURIComponent(param);
  } catch {
    return false;
  }
  return conversationIdSchema.safeParse(decoded).success;
};

/** The widget socket's events, their payload schemas and a payload each accepts. */
export const WIDGET_EVENTS: Array<{ event: string; schema: z.ZodType; valid: Record<string, unknown>; effect: RouteEffect }> = [
  { event: 'conversation:get', schema: emptyBodySchema, valid: {}, effect: 'read' },
  { event: 'messages:since', schema: widgetSocketSchemas.messagesSince, valid: { after: 0, limit: 10 }, effect: 'read' },
  { event: 'message:send', schema: postMessageSchema, valid: { clientId: 'ws-1', text: 'hi' }, effect: 'conversation' },
  { event: 'conversation:escalate', schema: escalateSchema, valid: { reason: 'now' }, effect: 'conversation' },
  { event: 'conversation:leave', schema: emptyBodySchema, valid: {}, effect: 'conversation' },
  { event: 'csat:submit', schema: csatSchema, valid: { score: 5 }, effect: 'conversation' },
  { event: 'typing', schema: typingSchema, valid: { isTyping: true }, effect: 'conversation' },
];
