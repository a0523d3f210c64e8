import { Box, Flex, Typography } from '@strapi/design-system';
import { useEffect, useRef } from 'react';
import { useIntl } from 'react-intl';

import type { AgentConversationView, ConversationEventView, MessageView } from '../../types';
import { getTranslation } from '../../utils/getTranslation';

import { describeEvent } from './describeEvent';

type HistoryItem =
  | { kind: 'message'; at: string; message: MessageView }
  | { kind: 'event'; at: string; event: ConversationEventView };

/** Messages and events (but the conversation's creation) in the order they happened. */
const historyOf = (conversation: AgentConversationView): HistoryItem[] =>
  [
    ...conversation.messages.map((message): HistoryItem => ({ kind: 'message', at: message.createdAt, message })),
    ...conversation.events
      .filter((event) => event.kind !== 'created')
      .map((event): HistoryItem => ({ kind: 'event', at: event.occurredAt, event })),
  ].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));

/** The conversation as it happened: the bot's part set apart, then the chat with agents, and the events between. */
export const ConversationHistory = ({ conversation }: { conversation: AgentConversationView }) => {
  const { formatMessage, formatTime } = useIntl();
  const bottomRef = useRef<HTMLDivElement>(null);
  const messageCount = conversation.messages.length;

  useEffect(() => {
    bottomRef.current?.scrollIntoView?.({ block: 'end' });
  }, [messageCount]);

  const escalatedAt = conversation.events.find((event) => event.kind === 'escalated')?.occurredAt;
  const isBotPart = (message: MessageView) =>
    message.author === 'bot' || !escalatedAt || Date.parse(message.createdAt) < Date.parse(escalatedAt);

  const authorLabel = (message: MessageView) =>
    message.author === 'agent' && message.agentName
      ? message.agentName
      : formatMessage({ id: getTranslation(`author.${message.author}`), defaultMessage: message.author });

  const renderItem = (item: HistoryItem) => {
    if (item.kind === 'event') {
      return (
        <Flex key={`event-${item.event.id}`} justifyContent="center" data-testid="event">
          <Box background="neutral100" hasRadius paddingLeft={3} paddingRight={3} paddingTop={1} paddingBottom={1}>
            <Typography variant="pi" textColor="neutral700" data-kind={item.event.kind}>
              {describeEvent(item.event, formatMessage)}
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

  return (
    <Flex direction="column" alignItems="stretch" gap={3} data-testid="history" aria-live="polite">
      {historyOf(conversation).map(renderItem)}
      <div ref={bottomRef} />
    </Flex>
  );
};
