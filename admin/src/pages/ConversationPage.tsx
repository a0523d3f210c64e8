import { Box, Button, Flex, Grid, Typography } from '@strapi/design-system';
import { BackButton, Layouts, Page, useAuth, useRBAC } from '@strapi/strapi/admin';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { useNavigate, useParams } from 'react-router-dom';

import { useResolveMutation, useSendMessageMutation } from '../api/liveSupportApi';
import { ConversationHistory } from '../components/conversation/ConversationHistory';
import { CustomerPanel } from '../components/conversation/CustomerPanel';
import { KnowledgePanel } from '../components/conversation/KnowledgePanel';
import { ReplyBox } from '../components/conversation/ReplyBox';
import { TransferDialog } from '../components/conversation/TransferDialog';
import { DeskTitle } from '../components/DeskTitle';
import { useAgentSocket } from '../hooks/useAgentSocket';
import { useClaimConversation } from '../hooks/useClaimConversation';
import { useConversation } from '../hooks/useConversation';
import { useErrorToast } from '../hooks/useErrorToast';
import { PERMISSIONS } from '../permissions';
import { PLUGIN_ID } from '../pluginId';
import type { AgentConversationView } from '../types';
import { newClientId } from '../utils/errors';
import { getTranslation } from '../utils/getTranslation';

/** One conversation: its history and customer, and for the assigned agent the reply, transfer and resolve. */
export const ConversationPage = () => {
  const { id } = useParams<{ id: string }>();
  const conversationId = Number(id);
  const { formatMessage } = useIntl();
  const showError = useErrorToast();
  const claimConversation = useClaimConversation();
  const [sendMessage, { isLoading: sending }] = useSendMessageMutation();
  const [resolveConversation, { isLoading: resolving }] = useResolveMutation();
  const socket = useAgentSocket();
  const { allowedActions } = useRBAC({ chat: PERMISSIONS.chat });
  const canChat = Boolean(allowedActions.canChat);
  const rawUserId = useAuth('ConversationPage', (state) => state.user?.id);
  const myId = rawUserId === undefined ? undefined : Number(rawUserId);
  // Loaded, watched over the socket and kept live (messages, status changes) by the API module.
  const { conversation, failed, customerTyping } = useConversation(conversationId);
  const [draft, setDraft] = useState('');
  const navigate = useNavigate();

  const send = async () => {
    const text = draft.trim();
    if (!text || sending) return;
    // Cleared at once, as chat apps do: the stored message is pushed to this page before the
    // request's answer arrives. A failed send gives the text back unless a new one was started.
    setDraft('');
    try {
      await sendMessage({ conversationId, clientId: newClientId(), text }).unwrap();
    } catch (error) {
      setDraft((current) => current || draft);
      showError(error, { id: 'conversation.reply.error', defaultMessage: 'The message could not be sent.' });
    }
  };

  const resolve = async () => {
    try {
      await resolveConversation(conversationId).unwrap();
    } catch (error) {
      showError(error, { id: 'conversation.resolve.error', defaultMessage: 'The conversation could not be resolved.' });
    }
  };

  // Claimed, the cached view is the answer; lost to a colleague, it is refetched.
  const claim = () => void claimConversation(conversationId);

  const title = conversation
    ? (conversation.customerName ??
      formatMessage({ id: getTranslation('desk.card.anonymous'), defaultMessage: 'Anonymous customer' }))
    : formatMessage({ id: getTranslation('conversation.title'), defaultMessage: 'Conversation' });

  const onTransferred = (view: AgentConversationView) => {
    // Handed to someone else: this agent's work here is done, back to the queue.
    if (view.status === 'queued' || view.assignedAgent?.id !== conversation?.assignedAgent?.id) {
      navigate(`/plugins/${PLUGIN_ID}`);
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
  const customerMessageCount = conversation.messages.filter((message) => message.author === 'customer').length;
  const addToReply = (text: string) => setDraft((current) => (current.trim() ? `${current.trimEnd()}\n${text}` : text));

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
              <Button data-testid="claim" onClick={claim}>
                {formatMessage({ id: getTranslation('desk.card.claim'), defaultMessage: 'Claim' })}
              </Button>
            ) : null}
            {canChat && isMine ? <TransferDialog conversationId={conversationId} onTransferred={onTransferred} /> : null}
            {canChat && isMine ? (
              <Button data-testid="resolve" variant="success" loading={resolving} onClick={() => void resolve()}>
                {formatMessage({ id: getTranslation('conversation.resolve'), defaultMessage: 'Resolve' })}
              </Button>
            ) : null}
          </Flex>
        }
      />
      <Layouts.Content>
        <Grid.Root gap={4}>
          <Grid.Item col={8} s={12} direction="column" alignItems="stretch">
            <Box background="neutral0" hasRadius shadow="tableShadow" padding={4} width="100%">
              <ConversationHistory conversation={conversation} />
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
            <CustomerPanel conversation={conversation} />
            <Box paddingTop={4} width="100%">
              <KnowledgePanel
                conversationId={conversationId}
                language={conversation.language}
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
