export type {
  AgentConversationView,
  AgentPresenceView,
  ConversationEventView,
  ErrorBody,
  KnowledgeContextItem,
  OfflineInboxMeta,
  OfflineMessageView,
  MessageView,
  QueueCardView,
  QueueSnapshot,
  QueueSnapshotMeta,
  TemplateView,
} from '../../server/src/contracts/views';
export type { AgentClientToServerEvents, AgentServerToClientEvents } from '../../server/src/contracts/socket-events';

export type PresenceStatus = 'online' | 'away' | 'offline';
export type { OfflineMessageStatus } from '../../server/src/domain/conversation-status';
