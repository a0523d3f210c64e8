import { ADMIN_API_BASE, errorCodeOf, isSiteCollectionUid } from '../shared';
import type {
  AgentConversationView,
  AgentPresenceView,
  AnalyticsReport,
  CannedReplyContent,
  CannedReplyCreate,
  CannedReplyView,
  EscalationTrial,
  EscalationTrialInput,
  KnowledgeAttribute,
  KnowledgeContextItem,
  MessageView,
  OfflineInboxMeta,
  OfflineMessageStatus,
  OfflineMessageView,
  OpeningHours,
  PresenceStatus,
  QueueSnapshot,
  QueueSnapshotMeta,
  ScheduledJobView,
  SettingsUpdate,
  SettingsView,
  TemplateView,
} from '../shared';
import { upsertAgent } from '../components/agents/agentLoad';
import { errorBodyOf } from '../utils/errors';

import { liveSupportBase, TAGS } from './base';
import { addMessageToConversation, applyConversationView, removeWaitingCard, type QueueResult } from './cachePatches';
import {
  followAgents,
  followConversation,
  followCustomerTyping,
  followOfflineMessages,
  followPendingOfflineCount,
  followQueue,
} from './liveUpdates';
import { clockOffsetOf } from './serverClock';

/**
 * The desk's one data layer: every URL of the plugin's admin API, its answers cached by the
 * admin's RTK Query store, writes that patch or invalidate what they change, and server pushes
 * that keep cached answers live (see `liveUpdates.ts`).
 */

/** One queue snapshot for the whole desk: the queue page and the desk-wide waiting count read the same. */
export const QUEUE_QUERY = { pageSize: 100 } as const;

export interface OfflineMessagesQuery {
  page: number;
  pageSize: number;
  status?: OfflineMessageStatus;
}

/** A collection type the knowledge-base bot can answer from, as the Content Manager lists it. */
export interface CollectionTypeOption {
  uid: string;
  displayName: string;
  attributes: Record<string, KnowledgeAttribute>;
}

/** A content type as the Content Manager's own admin API describes it (the fields read here). */
interface ContentManagerContentType {
  uid: string;
  kind: string;
  isDisplayed: boolean;
  info: { displayName: string };
  attributes: CollectionTypeOption['attributes'];
}

export interface DayRangeQuery {
  from: string;
  to: string;
}

/** A conversation's knowledge matches, asked again whenever the customer has written more. */
export interface KnowledgeQuery {
  conversationId: number;
  customerMessages: number;
  /** The agent's own search, in the conversation's language; empty: what the customer wrote. */
  search: string;
}

const conversationTag = (id: number) => ({ type: TAGS.conversation, id });
const url = (path: string) => `${ADMIN_API_BASE}${path}`;
type Data<T> = { data: T };
const unwrap = <T>(response: Data<T>): T => response.data;

export const liveSupportApi = liveSupportBase.injectEndpoints({
  endpoints: (build) => ({
    getLiveSupportQueue: build.query<QueueResult, typeof QUEUE_QUERY>({
      query: (params) => ({ url: url('/queue'), method: 'GET', config: { params } }),
      // Read as the answer arrives: the server's clock minus ours, for every wait the desk shows.
      transformResponse: (response: { data: QueueSnapshot; meta: QueueSnapshotMeta }) => ({
        ...response,
        clockOffsetMs: clockOffsetOf(response.meta.serverTime, Date.now()),
      }),
      providesTags: [TAGS.queue],
      onCacheEntryAdded: followQueue,
    }),
    getLiveSupportConversation: build.query<AgentConversationView, number>({
      query: (id) => url(`/conversations/${id}`),
      transformResponse: unwrap<AgentConversationView>,
      // A refetch keeps the messages pushed meanwhile.
      merge: (current, incoming) => applyConversationView(current, incoming),
      providesTags: (_result, _error, id) => [conversationTag(id)],
      onCacheEntryAdded: followConversation,
    }),
    getLiveSupportCustomerTyping: build.query<boolean, number>({
      queryFn: () => ({ data: false }),
      keepUnusedDataFor: 0,
      onCacheEntryAdded: followCustomerTyping,
    }),
    getLiveSupportTemplates: build.query<TemplateView[], number>({
      query: (conversationId) => url(`/conversations/${conversationId}/templates`),
      transformResponse: unwrap<TemplateView[]>,
    }),
    /** Shared replies and the agent's own; with a conversation, its language first and its values filled in. */
    getLiveSupportCannedReplies: build.query<CannedReplyView[], number | null>({
      query: (conversationId) => ({ url: url('/canned-replies'), method: 'GET', config: { params: conversationId ? { conversationId } : {} } }),
      transformResponse: unwrap<CannedReplyView[]>,
      providesTags: [TAGS.cannedReplies],
    }),
    getLiveSupportKnowledge: build.query<KnowledgeContextItem[], KnowledgeQuery>({
      query: ({ conversationId, search }) => ({
        url: url(`/conversations/${conversationId}/knowledge`),
        method: 'GET',
        config: { params: search ? { q: search } : {} },
      }),
      transformResponse: unwrap<KnowledgeContextItem[]>,
    }),
    getLiveSupportAgents: build.query<AgentPresenceView[], void>({
      query: () => url('/agents'),
      transformResponse: unwrap<AgentPresenceView[]>,
      providesTags: [TAGS.agents],
      onCacheEntryAdded: followAgents,
    }),
    getLiveSupportOfflineMessages: build.query<{ data: OfflineMessageView[]; meta: OfflineInboxMeta }, OfflineMessagesQuery>({
      query: (params) => ({ url: url('/offline-messages'), method: 'GET', config: { params } }),
      providesTags: [TAGS.offlineMessages],
      onCacheEntryAdded: followOfflineMessages,
    }),
    getLiveSupportPendingOfflineCount: build.query<number | null, void>({
      queryFn: () => ({ data: null }),
      keepUnusedDataFor: 0,
      onCacheEntryAdded: followPendingOfflineCount,
    }),
    getLiveSupportAnalytics: build.query<AnalyticsReport, DayRangeQuery>({
      query: (params) => ({ url: url('/analytics'), method: 'GET', config: { params } }),
      transformResponse: unwrap<AnalyticsReport>,
      providesTags: [TAGS.analytics],
    }),
    getLiveSupportSettings: build.query<SettingsView, void>({
      query: () => url('/settings'),
      transformResponse: unwrap<SettingsView>,
      providesTags: [TAGS.settings],
    }),
    /** The periodic jobs' schedule and last runs (read-only). */
    getLiveSupportJobs: build.query<ScheduledJobView[], void>({
      query: () => url('/jobs'),
      transformResponse: unwrap<ScheduledJobView[]>,
    }),
    /** The site's own collection types the Content Manager shows: suggestions for the knowledge-base settings. */
    getLiveSupportCollectionTypes: build.query<CollectionTypeOption[], void>({
      query: () => ({ url: '/content-manager/content-types', method: 'GET', config: { params: { kind: 'collectionType' } } }),
      transformResponse: ({ data }: Data<ContentManagerContentType[]>) =>
        data
          .filter((type) => type.isDisplayed && type.kind === 'collectionType' && isSiteCollectionUid(type.uid))
          .map((type) => ({ uid: type.uid, displayName: type.info.displayName, attributes: type.attributes })),
    }),

    claimLiveSupportConversation: build.mutation<AgentConversationView, number>({
      query: (id) => ({ url: url(`/conversations/${id}/claim`), method: 'POST', data: {} }),
      transformResponse: unwrap<AgentConversationView>,
      async onQueryStarted(id, { dispatch, queryFulfilled }) {
        try {
          const { data } = await queryFulfilled;
          dispatch(
            liveSupportApi.util.updateQueryData('getLiveSupportConversation', id, (view) => applyConversationView(view, data)),
          );
        } catch (failure) {
          const { error } = failure as { error?: unknown };
          if (errorCodeOf(errorBodyOf(error)) === 'ALREADY_CLAIMED') {
            dispatch(
              liveSupportApi.util.updateQueryData('getLiveSupportQueue', QUEUE_QUERY, (result) =>
                removeWaitingCard(result, id),
              ),
            );
          }
        }
      },
      // Claimed or not, the queue changed; a lost race also changed the conversation under us.
      invalidatesTags: (_result, error, id) => (error ? [TAGS.queue, conversationTag(id)] : [TAGS.queue]),
    }),
    claimNextLiveSupportConversation: build.mutation<AgentConversationView, void>({
      query: () => ({ url: url('/queue/claim-next'), method: 'POST', data: {} }),
      transformResponse: unwrap<AgentConversationView>,
      invalidatesTags: (result) => (result ? [TAGS.queue] : []),
    }),
    sendLiveSupportMessage: build.mutation<MessageView, { conversationId: number; clientId: string; text: string }>({
      query: ({ conversationId, ...message }) => ({
        url: url(`/conversations/${conversationId}/messages`),
        method: 'POST',
        data: message,
      }),
      transformResponse: unwrap<MessageView>,
      async onQueryStarted({ conversationId }, { dispatch, queryFulfilled }) {
        const { data } = await queryFulfilled.catch(() => ({ data: null }));
        if (!data) return;
        dispatch(
          liveSupportApi.util.updateQueryData('getLiveSupportConversation', conversationId, (view) =>
            addMessageToConversation(view, data),
          ),
        );
      },
    }),
    resolveLiveSupportConversation: build.mutation<AgentConversationView, number>({
      query: (id) => ({ url: url(`/conversations/${id}/resolve`), method: 'POST', data: {} }),
      transformResponse: unwrap<AgentConversationView>,
      onQueryStarted: (id, lifecycle) => writeConversation(id, lifecycle),
    }),
    transferLiveSupportConversation: build.mutation<
      AgentConversationView,
      { conversationId: number; toAgentId?: number; note?: string }
    >({
      query: ({ conversationId, ...transfer }) => ({
        url: url(`/conversations/${conversationId}/transfer`),
        method: 'POST',
        data: transfer,
      }),
      transformResponse: unwrap<AgentConversationView>,
      onQueryStarted: ({ conversationId }, lifecycle) => writeConversation(conversationId, lifecycle),
    }),
    setLiveSupportPresence: build.mutation<AgentPresenceView, PresenceStatus>({
      query: (status) => ({ url: url('/presence'), method: 'PUT', data: { status } }),
      transformResponse: unwrap<AgentPresenceView>,
      async onQueryStarted(_status, { dispatch, queryFulfilled }) {
        const { data } = await queryFulfilled.catch(() => ({ data: null }));
        if (!data) return;
        dispatch(
          liveSupportApi.util.updateQueryData('getLiveSupportAgents', undefined, (agents) => upsertAgent(agents, data)),
        );
      },
    }),
    setLiveSupportOfflineMessageStatus: build.mutation<OfflineMessageView, { id: number; status: 'new' | 'read' }>({
      query: ({ id, status }) => ({ url: url(`/offline-messages/${id}`), method: 'PUT', data: { status } }),
      transformResponse: unwrap<OfflineMessageView>,
      invalidatesTags: [TAGS.offlineMessages],
    }),
    replyToLiveSupportOfflineMessage: build.mutation<OfflineMessageView, { id: number; text: string }>({
      query: ({ id, text }) => ({ url: url(`/offline-messages/${id}/reply`), method: 'POST', data: { text } }),
      transformResponse: unwrap<OfflineMessageView>,
      invalidatesTags: [TAGS.offlineMessages],
    }),
    /** The range as a CSV file; the answer is an object URL to download (the caller revokes it). */
    exportLiveSupportAnalytics: build.mutation<string, DayRangeQuery>({
      query: (params) => ({ url: url('/analytics/export'), method: 'GET', config: { params, responseType: 'blob' } }),
      transformResponse: (file: Blob) => URL.createObjectURL(file),
    }),
    updateLiveSupportSettings: build.mutation<SettingsView, SettingsUpdate>({
      query: (settings) => ({ url: url('/settings'), method: 'PUT', data: settings }),
      transformResponse: unwrap<SettingsView>,
      invalidatesTags: [TAGS.settings],
    }),
    getLiveSupportOpeningHours: build.query<OpeningHours, void>({
      query: () => url('/opening-hours'),
      transformResponse: unwrap<OpeningHours>,
      providesTags: [TAGS.openingHours],
    }),
    /** Replaces the opening hours whole; the server checks them by the same rules as the editor. */
    updateLiveSupportOpeningHours: build.mutation<OpeningHours, OpeningHours>({
      query: (hours) => ({ url: url('/opening-hours'), method: 'PUT', data: hours }),
      transformResponse: unwrap<OpeningHours>,
      invalidatesTags: [TAGS.openingHours],
    }),
    createLiveSupportCannedReply: build.mutation<CannedReplyView, CannedReplyCreate>({
      query: (reply) => ({ url: url('/canned-replies'), method: 'POST', data: reply }),
      transformResponse: unwrap<CannedReplyView>,
      invalidatesTags: [TAGS.cannedReplies],
    }),
    updateLiveSupportCannedReply: build.mutation<CannedReplyView, { id: number; content: CannedReplyContent }>({
      query: ({ id, content }) => ({ url: url(`/canned-replies/${id}`), method: 'PUT', data: content }),
      transformResponse: unwrap<CannedReplyView>,
      invalidatesTags: [TAGS.cannedReplies],
    }),
    deleteLiveSupportCannedReply: build.mutation<void, number>({
      query: (id) => ({ url: url(`/canned-replies/${id}`), method: 'DELETE' }),
      transformResponse: () => undefined,
      invalidatesTags: [TAGS.cannedReplies],
    }),
    /** What escalation would decide for one sentence; changes nothing, so nothing is invalidated. */
    tryLiveSupportEscalation: build.mutation<EscalationTrial, EscalationTrialInput>({
      query: (trial) => ({ url: url('/settings/escalation/try'), method: 'POST', data: trial }),
      transformResponse: unwrap<EscalationTrial>,
    }),
  }),
});

/** A write that answers with the whole conversation: the cached view takes it, keeping pushed messages. */
async function writeConversation(
  id: number,
  { dispatch, queryFulfilled }: { dispatch: (action: unknown) => unknown; queryFulfilled: Promise<{ data: AgentConversationView }> },
): Promise<void> {
  const { data } = await queryFulfilled.catch(() => ({ data: null }));
  if (!data) return;
  dispatch(liveSupportApi.util.updateQueryData('getLiveSupportConversation', id, (view) => applyConversationView(view, data)));
}

export const {
  useGetLiveSupportQueueQuery: useQueueQuery,
  useGetLiveSupportConversationQuery: useConversationQuery,
  useGetLiveSupportCustomerTypingQuery: useCustomerTypingQuery,
  useGetLiveSupportTemplatesQuery: useTemplatesQuery,
  useGetLiveSupportCannedRepliesQuery: useCannedRepliesQuery,
  useCreateLiveSupportCannedReplyMutation: useCreateCannedReplyMutation,
  useUpdateLiveSupportCannedReplyMutation: useUpdateCannedReplyMutation,
  useDeleteLiveSupportCannedReplyMutation: useDeleteCannedReplyMutation,
  useGetLiveSupportKnowledgeQuery: useKnowledgeQuery,
  useGetLiveSupportAgentsQuery: useAgentsQuery,
  useGetLiveSupportOfflineMessagesQuery: useOfflineMessagesQuery,
  useGetLiveSupportPendingOfflineCountQuery: usePendingOfflineCountQuery,
  useGetLiveSupportAnalyticsQuery: useAnalyticsQuery,
  useGetLiveSupportSettingsQuery: useSettingsQuery,
  useGetLiveSupportJobsQuery: useJobsQuery,
  useGetLiveSupportCollectionTypesQuery: useCollectionTypesQuery,
  useGetLiveSupportOpeningHoursQuery: useOpeningHoursQuery,
  useUpdateLiveSupportOpeningHoursMutation: useUpdateOpeningHoursMutation,
  useClaimLiveSupportConversationMutation: useClaimMutation,
  useClaimNextLiveSupportConversationMutation: useClaimNextMutation,
  useSendLiveSupportMessageMutation: useSendMessageMutation,
  useResolveLiveSupportConversationMutation: useResolveMutation,
  useTransferLiveSupportConversationMutation: useTransferMutation,
  useSetLiveSupportPresenceMutation: useSetPresenceMutation,
  useSetLiveSupportOfflineMessageStatusMutation: useSetOfflineMessageStatusMutation,
  useReplyToLiveSupportOfflineMessageMutation: useReplyToOfflineMessageMutation,
  useExportLiveSupportAnalyticsMutation: useExportAnalyticsMutation,
  useUpdateLiveSupportSettingsMutation: useUpdateSettingsMutation,
  useTryLiveSupportEscalationMutation: useTryEscalationMutation,
} = liveSupportApi;
