/**
 * Everything the desk takes from the server's contracts, through this one file: response views,
 * socket event maps, settings and analytics shapes, and the shared names and codes.
 */
export type {
  Ack,
  AgentConversationView,
  AgentPresenceView,
  ConversationEventView,
  ErrorBody,
  KnowledgeContextItem,
  MessageView,
  OfflineInboxMeta,
  OfflineMessageView,
  QueueCardView,
  QueueSnapshot,
  QueueSnapshotMeta,
  TemplateView,
} from '../../server/src/contracts/views';
export type { AgentClientToServerEvents, AgentServerToClientEvents } from '../../server/src/contracts/socket-events';
export type { Settings, SettingsUpdate, SettingsView } from '../../server/src/contracts/settings';
export type { ScheduledJobView } from '../../server/src/contracts/scheduled-jobs';
export {
  CUSTOMER_TEXT_KEYS,
  CUSTOMER_TEXT_MAX_LENGTH,
  CUSTOMER_TEXTS,
  textProblems,
  type CustomerTextKey,
  type TextOverrides,
  type TextProblem,
} from '../../server/src/domain/customer-texts';
export type { EscalationTrial, EscalationTrialInput } from '../../server/src/contracts/escalation-trial';
export type { CannedReplyContent, CannedReplyCreate, CannedReplyView } from '../../server/src/contracts/canned-replies';
export {
  CANNED_REPLY_LIMITS,
  REPLY_LANGUAGES,
  filterReplies,
  type ReplyLanguage,
  type ReplyScope,
} from '../../server/src/domain/canned-replies';
export type { AgentFigures, AnalyticsReport, DailyEscalations } from '../../server/src/contracts/analytics';
export {
  ESCALATION_TRIGGERS,
  type EscalationTrigger,
  type OfflineMessageStatus,
} from '../../server/src/domain/conversation-status';
export {
  ACTIONS,
  ADMIN_API_BASE,
  IDENTITY_VERIFICATION_MODES,
  NAMESPACES,
  PRESENCE_STATUSES,
  SOCKET_PATH,
  SUPPORTED_LANGUAGES,
  type IdentityVerificationMode,
  type PresenceStatus,
  type SupportedLanguage,
} from '../../server/src/contracts/constants';
export { languageOfLocale } from '../../server/src/domain/knowledge-locale';
export {
  isSiteCollectionUid,
  isUsableKnowledgeField,
  type KnowledgeAttribute,
  type KnowledgeFieldRole,
} from '../../server/src/domain/knowledge-source-rules';
export { waitLevel, type WaitLevel } from '../../server/src/domain/housekeeping';
export { ANALYTICS_MAX_DAYS, KNOWLEDGE_SEARCH_MAX_LENGTH } from '../../server/src/contracts/limits';
export { ERROR_CODES, errorCodeOf, type ErrorCode } from '../../server/src/contracts/error-codes';
export {
  COLOUR_PATTERN,
  eachLanguage,
  LIST_LIMITS,
  NUMBER_LIMITS,
  TEXT_LIMITS,
  type ListLimit,
  type ListSettingPath,
  type NumberLimit,
  type NumberSettingPath,
  type TextLimit,
  type TextSettingPath,
} from '../../server/src/contracts/limits';
export {
  addDays,
  DEFAULT_OPENING_HOURS,
  isOpenAt,
  minutesOfDay,
  nextOpeningAt,
  rangesOn,
  toLocalTime,
  WEEKDAYS,
  type OpeningException,
  type OpeningHours,
  type TimeRange,
  type Weekday,
} from '../../server/src/domain/opening-hours';
export {
  OPENING_HOURS_LIMITS,
  openingHoursProblems,
  type OpeningHoursProblem,
  type OpeningHoursProblemCode,
} from '../../server/src/domain/opening-hours-validation';
export { HOLIDAY_COUNTRIES, publicHolidays, type HolidayCountry, type PublicHoliday } from '../../server/src/domain/public-holidays';
export { RETENTION_ACTIONS, type RetentionAction } from '../../server/src/domain/retention';
export type {
  CustomerConversationSummary,
  CustomerDataSearchResult,
  CustomerLookupKind,
  CustomerOfflineMessageSummary,
  PersonalDataCounts,
} from '../../server/src/contracts/customer-data';
