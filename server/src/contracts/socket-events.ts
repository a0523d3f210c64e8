/**
 * Socket.IO event maps, shared by the server, the admin desk and the widget so that both ends
 * of every event agree on its payload at compile time. Every client event that asks for
 * something takes an acknowledgement callback answering `Ack<…>`: `{ ok: true, data }` or
 * `{ ok: false, error }` with the same error body as REST.
 */
import type { PresenceInput, QueueQuery } from './conversation';
import type { ErrorCode } from './error-codes';
import type {
  Ack,
  AgentConversationView,
  AgentPresenceView,
  MessageView,
  QueueCardView,
  QueueSnapshot,
  QueueSnapshotMeta,
  QueueStanding,
  VisitorConversationView,
  WidgetConfigView,
} from './views';

export interface HealthAck {
  status: 'ok';
  version: string;
}

type Reply<Data> = (reply: Ack<Data>) => void;

/** Default namespace `/`: the only thing it does without credentials is answer a health ping. */
export interface RootClientToServerEvents {
  ping: (ack: (reply: HealthAck) => void) => void;
}
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface RootServerToClientEvents {}

/** `/widget`: a customer, authenticated by the visitor token of one conversation. */
export interface WidgetClientToServerEvents {
  'conversation:get': (payload: Record<string, never>, ack: Reply<VisitorConversationView>) => void;
  'messages:since': (payload: { after: number; limit?: number }, ack: Reply<MessageView[]>) => void;
  'message:send': (payload: { clientId: string; text: string }, ack: Reply<MessageView>) => void;
  'conversation:escalate': (payload: { reason?: string }, ack: Reply<VisitorConversationView>) => void;
  'conversation:leave': (payload: Record<string, never>, ack: Reply<VisitorConversationView>) => void;
  'csat:submit': (payload: { score: number; comment?: string }, ack: Reply<VisitorConversationView>) => void;
  typing: (payload: { isTyping: boolean }) => void;
}

export interface WidgetServerToClientEvents {
  'message:new': (message: MessageView) => void;
  'conversation:status': (conversation: VisitorConversationView) => void;
  'queue:position': (standing: QueueStanding & { conversationId: number }) => void;
  typing: (typing: { conversationId: number; author: 'agent'; agentName: string | null; isTyping: boolean }) => void;
  /** The widget configuration changed (settings, opening hours, texts): the new one, as `GET /widget-config` answers it. */
  'config:changed': (config: WidgetConfigView) => void;
}

/** `/agent`: an agent in the admin panel, authenticated by their admin access token. */
export interface AgentClientToServerEvents {
  'queue:get': (payload: Partial<QueueQuery>, ack: Reply<{ data: QueueSnapshot; meta: QueueSnapshotMeta }>) => void;
  'agents:get': (payload: Record<string, never>, ack: Reply<AgentPresenceView[]>) => void;
  'conversation:get': (payload: { conversationId: number }, ack: Reply<AgentConversationView>) => void;
  'messages:since': (
    payload: { conversationId: number; after: number; limit?: number },
    ack: Reply<MessageView[]>,
  ) => void;
  'conversation:claim': (payload: { conversationId: number }, ack: Reply<AgentConversationView>) => void;
  'message:send': (payload: { conversationId: number; clientId: string; text: string }, ack: Reply<MessageView>) => void;
  'conversation:transfer': (
    payload: { conversationId: number; toAgentId?: number; note?: string },
    ack: Reply<AgentConversationView>,
  ) => void;
  'conversation:resolve': (payload: { conversationId: number }, ack: Reply<AgentConversationView>) => void;
  'presence:set': (payload: PresenceInput, ack: Reply<AgentPresenceView>) => void;
  typing: (payload: { conversationId: number; isTyping: boolean }) => void;
}

export interface AgentServerToClientEvents {
  'message:new': (message: MessageView) => void;
  /** A conversation entered, moved within or left one of the queue's columns. */
  'queue:changed': (change: { conversation: QueueCardView }) => void;
  'typing': (typing: { conversationId: number; author: 'customer'; isTyping: boolean }) => void;
  'presence:changed': (presence: AgentPresenceView) => void;
  /** One of my customers has waited `reminderAfterMinutes` for an answer (once per unanswered message). */
  'conversation:reminder': (reminder: { conversationId: number; customerName: string | null; waitingSince: string }) => void;
  /** A customer left a message while no agent was available. */
  'offline-message:new': (message: { id: number; conversationId: number; name: string | null; createdAt: string }) => void;
  /**
   * Sent just before the server closes this socket because the agent's session ended or their
   * access was taken away; the desk should not reconnect with the same session.
   */
  'access:revoked': (reason: { code: Extract<ErrorCode, 'SESSION_ENDED'> }) => void;
  /** How many offline messages nobody has read yet: on connect (when any), and to every agent whenever it changes. */
  'offline-messages:pending': (pending: { count: number }) => void;
}

/** The `data` of a refused connection's `connect_error`. */
export interface ConnectErrorData {
  code: Extract<ErrorCode, 'UNAUTHORIZED' | 'FORBIDDEN'>;
}

/** What the server remembers about each socket. */
export interface WidgetSocketData {
  conversationId: number;
}

export interface AgentSocketData {
  agentId: number;
  sessionId: string;
  /** Updated by the periodic access re-check when the agent's roles change. */
  canChat: boolean;
}
