export type {
  AgentConversationView,
  AgentPresenceView,
  ConversationEventView,
  ErrorBody,
  MessageView,
  QueueCardView,
  QueueSnapshot,
  QueueSnapshotMeta,
} from '../../server/src/contracts/views';
export type { AgentClientToServerEvents, AgentServerToClientEvents } from '../../server/src/contracts/socket-events';

export type PresenceStatus = 'online' | 'away' | 'offline';
