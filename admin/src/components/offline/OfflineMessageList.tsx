import { Box, Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';

import { getTranslation } from '../../utils/getTranslation';
import { EmptyState } from '../EmptyState';

import { OfflineStatusBadge } from './OfflineStatusBadge';
import type { OfflineMessageView } from '../../types';

interface OfflineMessageListProps {
  messages: OfflineMessageView[];
  selectedId: number | null;
  onSelect: (message: OfflineMessageView) => void;
}

/** One page of the inbox: who wrote, when, the start of their message and its status. */
export const OfflineMessageList = ({ messages, selectedId, onSelect }: OfflineMessageListProps) => {
  const { formatMessage, formatDate } = useIntl();

  if (messages.length === 0) {
    return (
      <EmptyState testId="offline-empty">
        {formatMessage({ id: getTranslation('offline.empty'), defaultMessage: 'No messages here.' })}
      </EmptyState>
    );
  }

  return (
    <Flex tag="ul" direction="column" alignItems="stretch" gap={2} data-testid="offline-list">
      {messages.map((message) => {
        const selected = message.id === selectedId;
        return (
          <li key={message.id}>
            <Box
              tag="button"
              type="button"
              onClick={() => onSelect(message)}
              aria-current={selected ? 'true' : undefined}
              data-testid="offline-item"
              data-message-id={message.id}
              data-status={message.status}
              width="100%"
              padding={3}
              hasRadius
              background={selected ? 'primary100' : 'neutral0'}
              borderColor={selected ? 'primary600' : 'neutral200'}
              borderStyle="solid"
              borderWidth="1px"
              cursor="pointer"
              textAlign="left"
            >
              <Flex direction="column" alignItems="stretch" gap={1}>
                <Flex justifyContent="space-between" gap={2}>
                  <Typography fontWeight={message.status === 'new' ? 'bold' : 'regular'} ellipsis>
                    {message.name ??
                      formatMessage({
                        id: getTranslation('offline.anonymous'),
                        defaultMessage: 'No name given',
                      })}
                  </Typography>
                  <OfflineStatusBadge status={message.status} />
                </Flex>
                <Typography variant="pi" textColor="neutral600">
                  {formatDate(message.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}
                  {' · '}
                  {message.language.toUpperCase()}
                </Typography>
                <Typography variant="omega" textColor="neutral800" ellipsis>
                  {message.message}
                </Typography>
              </Flex>
            </Box>
          </li>
        );
      })}
    </Flex>
  );
};
