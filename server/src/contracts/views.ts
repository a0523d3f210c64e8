import type {
  AuthorKind,
  ConversationStatus,
  EscalationTrigger,
  EventKind,
  OfflineMessageStatus,
  PresenceStatus,
  SupportedLanguage,
} from '../domain/conversation-status';
import type { MatchStrength } from '../domain/knowledge-match';
import type { WidgetTextKey } from '../domain/customer-texts';
import type { ErrorCode } from './error-codes';

/** Response shapes of the protocol, shared by server, admin, widget and tests. */

export interface MessageView {
  id: number;
  conversationId: number;
  seq: number;
  clientId: string;
  author: AuthorKind;
  /** Display name of the agent for agent messages, else null. */
  agentName: string | null;
  text: string;
  createdAt: string;
}

export interface QueueStanding {
  /** 1-based place in the queue; null when not queued. */
  position: number | null;
  /** Seconds; null when not queued, unknown (no agent online) or hidden by the settings. */
  estimatedWaitSeconds: number | null;
}

/** What a customer may see of their own conversation. */
export interface VisitorConversationView extends QueueStanding {
  id: number;
  status: ConversationStatus;
  language: string;
  agentName: string | null;
  lastSeq: number;
  createdAt: string;
  queuedAt: string | null;
  resolvedAt: string | null;
  csatScore: number | null;
  /**
   * The customer has waited `queue.maxWaitMinutes` and may leave a message instead (the widget
   * shows its offline form, prefilled); they keep their place until they do.
   */
  leaveMessageOffered: boolean;
}

export interface AgentRef {
  id: number;
  name: string;
}

export interface ConversationEventView {
  id: number;
  kind: EventKind;
  fromStatus: ConversationStatus | null;
  toStatus: ConversationStatus | null;
  actorKind: AuthorKind;
  actorId: number | null;
  /** The acting agent's display name (agent actors only). */
  actorName: string | null;
  /** For a transfer to a colleague: who received the conversation. */
  targetAgentName: string | null;
  occurredAt: string;
  data: Record<string, unknown> | null;
}

export interface QueueCardView extends QueueStanding {
  id: number;
  status: ConversationStatus;
  isVip: boolean;
  priority: number;
  language: string;
  escalationTrigger: EscalationTrigger | null;
  escalationReason: string | null;
  customerName: string | null;
  assignedAgent: AgentRef | null;
  queuedAt: string | null;
  claimedAt: string | null;
  resolvedAt: string | null;
  csatScore: number | null;
  lastMessage: { author: AuthorKind; text: string; createdAt: string } | null;
  /** When a waiting conversation last entered the queue (a transfer back starts a new wait); else null. */
  waitingSince: string | null;
  /** `queue.maxWaitMinutes` for a waiting conversation (the desk warns from 80 % of it); 0 when off or not waiting. */
  maxWaitMinutes: number;
}

export interface AgentConversationView extends QueueCardView {
  customer: {
    name: string | null;
    email: string | null;
    phone: string | null;
    externalId: string | null;
    /** Whether the site signed this identity (userHash); name, email and id are otherwise as the page claimed. */
    verified: boolean;
    metadata: Record<string, unknown> | null;
  };
  createdAt: string;
  firstAgentReplyAt: string | null;
  abandonedAt: string | null;
  offlineAt: string | null;
  csatComment: string | null;
  lastSeq: number;
  messages: MessageView[];
  events: ConversationEventView[];
}

export interface QueueSnapshot {
  waiting: QueueCardView[];
  mine: QueueCardView[];
  resolved: QueueCardView[];
}

export interface QueueSnapshotMeta {
  counts: { waiting: number; mine: number; resolved: number };
  /**
   * True when there are more resolved cards than `counts.resolved`, which then stops at
   * `QUEUE_RESOLVED_COUNT_LIMIT`.
   */
  resolvedCountCapped: boolean;
  /**
   * `nextBefore`: the cursor of the resolved column's next page (`before`), `null` when this
   * page holds the last resolved card.
   */
  pagination: { page: number; pageSize: number; nextBefore: string | null };
  /** Whose `mine` column this is: the desk files a pushed card into it by this id. */
  agentId: number;
  /** The server's clock when the snapshot was taken: the desk counts waits against it, not the browser's. */
  serverTime: string;
}

export interface AgentPresenceView {
  agentId: number;
  name: string;
  status: PresenceStatus;
  activeChats: number;
  maxSeats: number;
}

/** A knowledge-base entry that matches what the customer asked (the desk's context panel). */
export interface KnowledgeContextItem {
  documentId: string;
  title: string;
  excerpt: string;
  /**
   * The match figure, 0–1: how well the entry answers the customer's best-matching sentence
   * (the share of its words the entry covers, lifted when it asks for the entry's title).
   */
  confidence: number;
  /** How the figure reads: `strong` from 0.8, `partial` from 0.5, else `weak`. */
  strength: MatchStrength;
  /**
   * The entry's locale in a localized collection: the conversation language's, or the default
   * locale's when the entry is not translated into it. Null for a collection that is not localized.
   */
  locale: string | null;
  /** Where an agent opens the entry (in its locale) in the admin panel. */
  adminUrl: string;
}

/** A message template offered in the reply box, filled in for this agent and conversation. */
export interface TemplateView {
  id: number;
  name: string;
  category: 'greeting' | 'transfer' | 'closing' | 'other';
  language: string;
  body: string;
  text: string;
  unfilled: string[];
}

/** A message a customer left while nobody was available (the offline inbox). */
export interface OfflineMessageView {
  id: number;
  conversationId: number | null;
  name: string | null;
  email: string | null;
  phone: string | null;
  message: string;
  language: string;
  status: OfflineMessageStatus;
  replyText: string | null;
  repliedAt: string | null;
  repliedBy: { id: number; name: string } | null;
  createdAt: string;
}

export interface OfflineInboxMeta {
  counts: Record<OfflineMessageStatus, number>;
  pagination: { page: number; pageSize: number; total: number };
}

/** `GET /api/live-support/widget-config`: what the widget needs before the first message. */
export interface WidgetConfigView {
  socketPath: string;
  defaultLanguage: SupportedLanguage;
  languages: readonly SupportedLanguage[];
  theme: { primaryColor: string; position: 'left' | 'right' };
  /**
   * The site owner's own texts per language: the title and welcome, and their wording of the
   * widget's customer texts (`closed_notice`, `queue_wait`, … with `{placeholders}` for the
   * widget to fill); a missing one keeps the widget's built-in text.
   */
  texts: Partial<Record<SupportedLanguage, { title?: string; welcome?: string } & Partial<Record<WidgetTextKey, string>>>>;
  escalationButton: boolean;
  showEstimatedWait: boolean;
  sound: boolean;
  /** `timeZone`: the team's IANA zone, in which the widget shows the next opening. */
  availability: { open: boolean; nextOpeningAt: string | null; timeZone: string };
}

/** The error part of Strapi's error body, also used in socket acknowledgements. */
export interface ErrorBody {
  status: number;
  name: string;
  message: string;
  details: ErrorDetails;
}

/** An error's details: what went wrong, and the code a client branches on. */
export type ErrorDetails = { code?: ErrorCode } & Record<string, unknown>;

export type Ack<Data> = { ok: true; data: Data } | { ok: false; error: ErrorBody };
