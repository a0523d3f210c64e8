/**
 * Everything the widget takes from the server's contracts, in one place. Types cost nothing in
 * the bundle; the few values here are plain strings, kept small for the size budget.
 */
export type {
  Ack,
  ErrorBody,
  MessageView,
  VisitorConversationView,
  WidgetConfigView,
} from '../../server/src/contracts/views';
export type { WidgetClientToServerEvents, WidgetServerToClientEvents } from '../../server/src/contracts/socket-events';
export { SUPPORTED_LANGUAGES, type ConversationStatus, type SupportedLanguage } from '../../server/src/domain/conversation-status';
export type { ErrorCode } from '../../server/src/contracts/error-codes';
export { NAMESPACES, SOCKET_PATH } from '../../server/src/contracts/constants';
