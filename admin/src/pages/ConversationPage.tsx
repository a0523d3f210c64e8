import { Badge, Box, Button, Flex, Grid, Typography } from '@strapi/design-system';
import { BackButton, Layouts, Page, useAuth, useFetchClient, useNotification, useRBAC } from '@strapi/strapi/admin';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import { useNavigate, useParams } from 'react-router-dom';

import { KnowledgePanel } from '../components/conversation/KnowledgePanel';
import { ReplyBox } from '../components/conversation/ReplyBox';
import { TransferDialog } from '../components/conversation/TransferDialog';
import { DeskTitle } from '../components/DeskTitle';
import { useAgentSocket } from '../hooks/useAgentSocket';
import { PERMISSIONS } from '../permissions';
import { PLUGIN_ID } from '../pluginId';
import type { AgentConversationView, ConversationEventView, MessageView } from '../types';
import { useClaimConversation } from '../hooks/useClaimConversation';
import { errorBodyOf, newClientId } from '../utils/errors';
import { getTranslation } from '../utils/getTranslation';

type HistoryItem =
  | { kind: 'message'; at: string; message: MessageView }
  | { kind: 'event'; at: string; event: ConversationEventView };

const mergeMessages = (current: MessageView[], incoming: MessageView[]): MessageView[] => {
  const bySeq = new Map(current.map((message) => [message.seq, message]));
  incoming.forEach((message) => bySeq.set(message.seq, message));
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
};

export const ConversationPage = () => {
  const { id } = useParams<{ id: string }>();
  const conversationId = Number(id);
  const { formatMessage, formatTime } = useIntl();
  const { get, post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const claimConversation = useClaimConversation();
  const socket = useAgentSocket();
  const { allowedActions } = useRBAC({ chat: PERMISSIONS.chat });
  const canChat = Boolean(allowedActions.canChat);
  const rawUserId = useAuth('ConversationPage', (state) => state.user?.id);
  const myId = rawUserId === undefined ? undefined : Number(rawUserId);
  const [conversation, setConversation] = useState<AgentConversationView | null>(null);
  const [messages, setMessages] = useState<MessageView[]>([]);
  const [failed, setFailed] = useState(false);
  const [draft, setDraft] = useState('');
  const [sending, setSending] = useState(false);
  const [resolving, setResolving] = useState(false);
  const [customerTyping, setCustomerTyping] = useState(false);
  const navigate = useNavigate();
  const bottomRef = useRef<HTMLDivElement>(null);

  const apply = useCallback((view: AgentConversationView) => {
    setConversation(view);
    setMessages((current) => mergeMessages(current, view.messages));
  }, []);

  const load = useCallback(() => {
    get<{ data: AgentConversationView }>(`/live-support/conversations/${conversationId}`)
      .then(({ data }) => {
        apply(data.data);
        setFailed(false);
      })
      .catch(() => setFailed(true));
  }, [apply, conversationId, get]);

  useEffect(() => {
    load();
    if (!socket) return undefined;
    const watch = () => {
      socket.emit('conversation:get', { conversationId }, (reply) => {
        if (reply.ok) apply(reply.data);
      });
    };
    const onMessage = (message: MessageView) => {
      if (message.conversationId === conversationId) setMessages((current) => mergeMessages(current, [message]));
    };
    const onQueueChanged = ({ conversation: card }: { conversation: { id: number } }) => {
      if (card.id === conversationId) load();
    };
    // A customer who stops mid-sentence sends no "stopped": the dots go after a while anyway.
    let typingTimer: number | undefined;
    const onTyping = (typing: { conversationId: number; isTyping: boolean }) => {
      if (typing.conversationId !== conversationId) return;
      window.clearTimeout(typingTimer);
      setCustomerTyping(typing.isTyping);
      if (typing.isTyping) typingTimer = window.setTimeout(() => setCustomerTyping(false), 15000);
    };
    const onCustomerMessage = (message: MessageView) => {
      if (message.conversationId === conversationId && message.author === 'customer') setCustomerTyping(false);
    };
    if (socket.connected) watch();
    socket.on('connect', watch);
    socket.on('message:new', onMessage);
    socket.on('message:new', onCustomerMessage);
    socket.on('queue:changed', onQueueChanged);
    socket.on('typing', onTyping);
    return () => {
      window.clearTimeout(typingTimer);
      socket.off('connect', watch);
      socket.off('message:new', onMessage);
      socket.off('message:new', onCustomerMessage);
      socket.off('queue:changed', onQueueChanged);
      socket.off('typing', onTyping);
    };
  }, [apply, conversationId, load, socket]);

  useEffect(() => {
    bottomRef.current?.scrollIntoView?.({ block: 'end' });
  }, [messages.length]);

  const fail = (error: unknown, fallbackId: string, fallback: string) => {
    toggleNotification({
      type: 'danger',
      message:
        errorBodyOf(error)?.message ??
        formatMessage({
          id: getTranslation(fallbackId),
          defaultMessage: fallback,
        }),
    });
  };

  const send = async () => {
    const text = draft.trim();
    if (!text || sending) return;
    setSending(true);
    try {
      const { data } = await post<{ data: MessageView }>(`/live-support/conversations/${conversationId}/messages`, {
        clientId: newClientId(),
        text,
      });
      setMessages((current) => mergeMessages(current, [data.data]));
      setDraft('');
    } catch (error) {
      fail(error, 'conversation.reply.error', 'The message could not be sent.');
    } finally {
      setSending(false);
    }
  };

  const resolve = async () => {
    setResolving(true);
    try {
      const { data } = await post<{ data: AgentConversationView }>(
        `/live-support/conversations/${conversationId}/resolve`,
        {},
      );
      apply(data.data);
    } catch (error) {
      fail(error, 'conversation.resolve.error', 'The conversation could not be resolved.');
    } finally {
      setResolving(false);
    }
  };

  const claim = async () => {
    const outcome = await claimConversation(conversationId);
    if (outcome.result === 'claimed') apply(outcome.conversation);
    else if (outcome.result === 'taken') load();
  };

  const title = conversation
    ? (conversation.customerName ??
      formatMessage({
        id: getTranslation('desk.card.anonymous'),
        defaultMessage: 'Anonymous customer',
      }))
    : formatMessage({
        id: getTranslation('conversation.title'),
        defaultMessage: 'Conversation',
      });

  const onTransferred = (view: AgentConversationView) => {
    // Handed to someone else: this agent's work here is done, back to the queue.
    if (view.status === 'queued' || view.assignedAgent?.id !== conversation?.assignedAgent?.id) {
      navigate(`/plugins/${PLUGIN_ID}`);
    } else {
      apply(view);
    }
  };

  if (failed && !conversation) {
    return <Page.Error />;
  }
  if (!conversation) {
    return <Page.Loading />;
  }

  // Only the assigned agent chats, transfers and resolves; others (a supervisor, a colleague) watch.
  const isMine = conversation.status === 'active' && conversation.assignedAgent?.id === myId;
  const customerMessageCount = messages.filter((message) => message.author === 'customer').length;
  const addToReply = (text: string) => setDraft((current) => (current.trim() ? `${current.trimEnd()}\n${text}` : text));
  const escalatedAt = conversation.events.find((event) => event.kind === 'escalated')?.occurredAt;
  const isBotPart = (message: MessageView) =>
    message.author === 'bot' || !escalatedAt || Date.parse(message.createdAt) < Date.parse(escalatedAt);
  const history: HistoryItem[] = [
    ...messages.map(
      (message): HistoryItem => ({
        kind: 'message',
        at: message.createdAt,
        message,
      }),
    ),
    ...conversation.events
      .filter((event) => event.kind !== 'created')
      .map(
        (event): HistoryItem => ({
          kind: 'event',
          at: event.occurredAt,
          event,
        }),
      ),
  ].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));

  const authorLabel = (message: MessageView) =>
    message.author === 'agent' && message.agentName
      ? message.agentName
      : formatMessage({
          id: getTranslation(`author.${message.author}`),
          defaultMessage: message.author,
        });

  const describeEvent = (event: ConversationEventView): string => {
    const data = event.data ?? {};
    const reason = typeof data.reason === 'string' ? data.reason : null;
    if (event.kind === 'escalated' && typeof data.trigger === 'string') {
      const trigger = formatMessage({ id: getTranslation(`trigger.${data.trigger}`), defaultMessage: data.trigger });
      return formatMessage(
        { id: getTranslation('event.escalated.because'), defaultMessage: 'Moved to the queue: {trigger}' },
        { trigger: reason ? `${trigger} (${reason})` : trigger },
      );
    }
    if (event.kind === 'claimed' && event.actorName) {
      return formatMessage(
        { id: getTranslation('event.claimed.by'), defaultMessage: 'Claimed by {name}' },
        { name: event.actorName },
      );
    }
    if (event.kind === 'transferred') {
      return event.targetAgentName
        ? formatMessage(
            { id: getTranslation('event.transferred.toAgent'), defaultMessage: '{from} transferred the conversation to {to}' },
            { from: event.actorName ?? '?', to: event.targetAgentName },
          )
        : formatMessage(
            { id: getTranslation('event.transferred.toQueue'), defaultMessage: '{from} moved the conversation back to the queue' },
            { from: event.actorName ?? '?' },
          );
    }
    if (event.kind === 'resolved' && data.reason === 'inactive') {
      return formatMessage({
        id: getTranslation('event.resolved.inactive'),
        defaultMessage: 'Closed: the customer did not answer for a while',
      });
    }
    if (event.kind === 'resolved' && event.actorName) {
      return formatMessage(
        { id: getTranslation('event.resolved.by'), defaultMessage: 'Resolved by {name}' },
        { name: event.actorName },
      );
    }
    if (event.kind === 'rated' && typeof data.score === 'number') {
      return formatMessage(
        { id: getTranslation('event.rated.score'), defaultMessage: 'The customer rated the chat {score}/5' },
        { score: data.score },
      );
    }
    return formatMessage({ id: getTranslation(`event.${event.kind}`), defaultMessage: event.kind });
  };

  const renderItem = (item: HistoryItem) => {
    if (item.kind === 'event') {
      return (
        <Flex key={`event-${item.event.id}`} justifyContent="center" data-testid="event">
          <Box background="neutral100" hasRadius paddingLeft={3} paddingRight={3} paddingTop={1} paddingBottom={1}>
            <Typography variant="pi" textColor="neutral700" data-kind={item.event.kind}>
              {describeEvent(item.event)}
              {' · '}
              {formatTime(item.at)}
            </Typography>
            {typeof item.event.data?.note === 'string' ? (
              <Typography variant="pi" tag="p" textColor="neutral800" data-testid="event-note">
                {formatMessage(
                  { id: getTranslation('event.note'), defaultMessage: 'Note: {note}' },
                  { note: item.event.data.note },
                )}
              </Typography>
            ) : null}
          </Box>
        </Flex>
      );
    }
    const { message } = item;
    if (message.author === 'system') {
      return (
        <Flex
          key={`message-${message.seq}`}
          justifyContent="center"
          data-testid="message"
          data-seq={message.seq}
          data-author="system"
        >
          <Box background="neutral150" hasRadius paddingLeft={3} paddingRight={3} paddingTop={1} paddingBottom={1}>
            <Typography variant="pi" textColor="neutral700">
              {message.text}
            </Typography>
          </Box>
        </Flex>
      );
    }
    const own = message.author === 'agent';
    const botPart = isBotPart(message);
    return (
      <Flex
        key={`message-${message.seq}`}
        justifyContent={own ? 'flex-end' : 'flex-start'}
        data-testid="message"
        data-seq={message.seq}
        data-author={message.author}
        data-bot-part={botPart ? 'true' : undefined}
      >
        <Box
          background={own ? 'primary100' : botPart ? 'neutral100' : 'neutral0'}
          borderColor={botPart ? 'neutral200' : undefined}
          hasRadius
          shadow={own ? undefined : 'tableShadow'}
          padding={3}
          maxWidth="75%"
        >
          <Typography variant="pi" fontWeight="bold" textColor="neutral600" tag="p">
            {authorLabel(message)} · {formatTime(message.createdAt)}
          </Typography>
          <Typography tag="p" style={{ whiteSpace: 'pre-wrap' }}>
            {message.text}
          </Typography>
        </Box>
      </Flex>
    );
  };

  const detail = (labelId: string, fallback: string, value: string | null | undefined) =>
    value ? (
      <Box key={labelId}>
        <Typography variant="sigma" textColor="neutral600" tag="p">
          {formatMessage({
            id: getTranslation(labelId),
            defaultMessage: fallback,
          })}
        </Typography>
        <Typography tag="p">{value}</Typography>
      </Box>
    ) : null;

  return (
    <Page.Main>
      <DeskTitle>{title}</DeskTitle>
      <Layouts.Header
        title={title}
        navigationAction={<BackButton fallback={`/plugins/${PLUGIN_ID}`} />}
        subtitle={formatMessage({
          id: getTranslation(`status.${conversation.status}`),
          defaultMessage: conversation.status,
        })}
        primaryAction={
          <Flex gap={2} alignItems="flex-end">
            {canChat && conversation.status === 'queued' ? (
              <Button data-testid="claim" onClick={() => void claim()}>
                {formatMessage({
                  id: getTranslation('desk.card.claim'),
                  defaultMessage: 'Claim',
                })}
              </Button>
            ) : null}
            {canChat && isMine ? (
              <TransferDialog conversationId={conversationId} onTransferred={onTransferred} />
            ) : null}
            {canChat && isMine ? (
              <Button data-testid="resolve" variant="success" loading={resolving} onClick={() => void resolve()}>
                {formatMessage({
                  id: getTranslation('conversation.resolve'),
                  defaultMessage: 'Resolve',
                })}
              </Button>
            ) : null}
          </Flex>
        }
      />
      <Layouts.Content>
        <Grid.Root gap={4}>
          <Grid.Item col={8} s={12} direction="column" alignItems="stretch">
            <Box background="neutral0" hasRadius shadow="tableShadow" padding={4} width="100%">
              <Flex direction="column" alignItems="stretch" gap={3} data-testid="history" aria-live="polite">
                {history.map(renderItem)}
                <div ref={bottomRef} />
              </Flex>
              {customerTyping ? (
                <Box paddingTop={2} data-testid="customer-typing" aria-live="polite">
                  <Typography variant="pi" textColor="neutral600">
                    {formatMessage({
                      id: getTranslation('conversation.customerTyping'),
                      defaultMessage: 'The customer is typing…',
                    })}
                  </Typography>
                </Box>
              ) : null}
              {canChat && isMine ? (
                <ReplyBox
                  conversationId={conversationId}
                  socket={socket}
                  draft={draft}
                  onDraftChange={setDraft}
                  sending={sending}
                  onSend={() => void send()}
                />
              ) : null}
            </Box>
          </Grid.Item>
          <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
            <Box background="neutral0" hasRadius shadow="tableShadow" padding={4} width="100%" data-testid="customer">
              <Flex direction="column" alignItems="stretch" gap={3}>
                <Typography variant="delta" tag="h2">
                  {formatMessage({
                    id: getTranslation('conversation.customer'),
                    defaultMessage: 'Customer',
                  })}
                </Typography>
                {conversation.isVip ? (
                  <Badge active>
                    {formatMessage({
                      id: getTranslation('desk.card.vip'),
                      defaultMessage: 'VIP',
                    })}
                  </Badge>
                ) : null}
                {detail('conversation.customer.name', 'Name', conversation.customer.name)}
                {detail('conversation.customer.email', 'Email', conversation.customer.email)}
                {detail('conversation.customer.phone', 'Phone', conversation.customer.phone)}
                {detail('conversation.customer.externalId', 'Customer ID', conversation.customer.externalId)}
                {detail('conversation.language', 'Language', conversation.language.toUpperCase())}
                {detail(
                  'conversation.escalation',
                  'Escalation',
                  conversation.escalationTrigger
                    ? `${formatMessage({ id: getTranslation(`trigger.${conversation.escalationTrigger}`), defaultMessage: conversation.escalationTrigger })}${conversation.escalationReason ? `: ${conversation.escalationReason}` : ''}`
                    : null,
                )}
                {detail('conversation.agent', 'Agent', conversation.assignedAgent?.name)}
                {conversation.csatScore !== null ? (
                  <Box data-testid="rating">
                    <Typography variant="sigma" textColor="neutral600" tag="p">
                      {formatMessage({ id: getTranslation('conversation.rating'), defaultMessage: 'Rating' })}
                    </Typography>
                    <Typography tag="p" data-testid="rating-score">
                      {formatMessage(
                        { id: getTranslation('conversation.rating.score'), defaultMessage: '{score} / 5' },
                        { score: conversation.csatScore },
                      )}
                    </Typography>
                    {conversation.csatComment ? (
                      <Typography tag="p" textColor="neutral700" data-testid="rating-comment">
                        {conversation.csatComment}
                      </Typography>
                    ) : null}
                  </Box>
                ) : null}
                {conversation.customer.metadata
                  ? Object.entries(conversation.customer.metadata).map(([key, value]) => (
                      <Box key={`meta-${key}`}>
                        <Typography variant="sigma" textColor="neutral600" tag="p">
                          {key}
                        </Typography>
                        <Typography tag="p">{typeof value === 'string' ? value : JSON.stringify(value)}</Typography>
                      </Box>
                    ))
                  : null}
              </Flex>
            </Box>
            <Box paddingTop={4} width="100%">
              <KnowledgePanel
                conversationId={conversationId}
                customerMessages={customerMessageCount}
                onUse={canChat && isMine ? addToReply : undefined}
              />
            </Box>
          </Grid.Item>
        </Grid.Root>
      </Layouts.Content>
    </Page.Main>
  );
};
