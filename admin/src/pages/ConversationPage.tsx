import { Badge, Box, Button, Flex, Grid, Textarea, Typography } from '@strapi/design-system';
import { BackButton, Layouts, Page, useFetchClient, useNotification, useRBAC } from '@strapi/strapi/admin';
import { useCallback, useEffect, useRef, useState, type ChangeEvent, type FormEvent, type KeyboardEvent } from 'react';
import { useIntl } from 'react-intl';
import { useParams } from 'react-router-dom';

import { PresenceSwitch } from '../components/PresenceSwitch';
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
  const [conversation, setConversation] = useState<AgentConversationView | null>(null);
  const [messages, setMessages] = useState<MessageView[]>([]);
  const [failed, setFailed] = useState(false);
  const [draft, setDraft] = useState('');
  const [sending, setSending] = useState(false);
  const [resolving, setResolving] = useState(false);
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
    if (socket.connected) watch();
    socket.on('connect', watch);
    socket.on('message:new', onMessage);
    socket.on('queue:changed', onQueueChanged);
    return () => {
      socket.off('connect', watch);
      socket.off('message:new', onMessage);
      socket.off('queue:changed', onQueueChanged);
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

  const send = async (event?: FormEvent) => {
    event?.preventDefault();
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

  if (failed && !conversation) {
    return <Page.Error />;
  }
  if (!conversation) {
    return <Page.Loading />;
  }

  const isActive = conversation.status === 'active';
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

  const renderItem = (item: HistoryItem) => {
    if (item.kind === 'event') {
      return (
        <Flex key={`event-${item.event.id}`} justifyContent="center" data-testid="event">
          <Typography variant="pi" textColor="neutral600">
            {formatMessage({
              id: getTranslation(`event.${item.event.kind}`),
              defaultMessage: item.event.kind,
            })}
            {' · '}
            {formatTime(item.at)}
          </Typography>
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
      <Page.Title>{title}</Page.Title>
      <Layouts.Header
        title={title}
        navigationAction={<BackButton fallback={`/plugins/${PLUGIN_ID}`} />}
        subtitle={formatMessage({
          id: getTranslation(`status.${conversation.status}`),
          defaultMessage: conversation.status,
        })}
        primaryAction={
          <Flex gap={2} alignItems="flex-end">
            {canChat ? <PresenceSwitch /> : null}
            {canChat && conversation.status === 'queued' ? (
              <Button data-testid="claim" onClick={() => void claim()}>
                {formatMessage({
                  id: getTranslation('desk.card.claim'),
                  defaultMessage: 'Claim',
                })}
              </Button>
            ) : null}
            {canChat && isActive ? (
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
              {canChat && isActive ? (
                <Box tag="form" paddingTop={4} onSubmit={(event: FormEvent) => void send(event)}>
                  <Flex direction="column" alignItems="stretch" gap={2}>
                    <Textarea
                      data-testid="reply-input"
                      aria-label={formatMessage({
                        id: getTranslation('conversation.reply.label'),
                        defaultMessage: 'Reply',
                      })}
                      placeholder={formatMessage({
                        id: getTranslation('conversation.reply.placeholder'),
                        defaultMessage: 'Write a reply…',
                      })}
                      value={draft}
                      onChange={(event: ChangeEvent<HTMLTextAreaElement>) => setDraft(event.target.value)}
                      onKeyDown={(event: KeyboardEvent<HTMLTextAreaElement>) => {
                        if (event.key === 'Enter' && !event.shiftKey) {
                          event.preventDefault();
                          void send();
                        }
                      }}
                    />
                    <Flex justifyContent="flex-end">
                      <Button type="submit" data-testid="reply-send" loading={sending} disabled={!draft.trim()}>
                        {formatMessage({
                          id: getTranslation('conversation.reply.send'),
                          defaultMessage: 'Send',
                        })}
                      </Button>
                    </Flex>
                  </Flex>
                </Box>
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
          </Grid.Item>
        </Grid.Root>
      </Layouts.Content>
    </Page.Main>
  );
};
