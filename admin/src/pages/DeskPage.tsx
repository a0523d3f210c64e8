import { Badge, Box, Button, Flex, Grid, Typography } from '@strapi/design-system';
import { Layouts, Page, useRBAC } from '@strapi/strapi/admin';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { Link as RouterLink } from 'react-router-dom';

import { AlertControls } from '../components/AlertControls';
import { DeskTitle } from '../components/DeskTitle';
import { PERMISSIONS } from '../permissions';
import type { QueueCardView, QueueSnapshot } from '../types';
import { useLiveQueue } from '../api/liveHooks';
import { secondsSince } from '../api/serverClock';
import { useClaimConversation } from '../hooks/useClaimConversation';
import { useServerNow } from '../hooks/useServerClock';
import { WaitLimitBadge } from '../components/WaitLimitBadge';
import { formatDuration } from '../utils/format';
import { getTranslation } from '../utils/getTranslation';

type Column = keyof QueueSnapshot;
const COLUMNS: { key: Column; testId: string; countTestId: string }[] = [
  { key: 'waiting', testId: 'column-waiting', countTestId: 'count-queued' },
  { key: 'mine', testId: 'column-mine', countTestId: 'count-mine' },
  { key: 'resolved', testId: 'column-resolved', countTestId: 'count-resolved' },
];

/** A column's count; the resolved one is counted only up to a limit and then reads "1000+". */
const columnCount = (column: string, count: number, resolvedCountCapped: boolean): string =>
  column === 'resolved' && resolvedCountCapped ? `${count}+` : String(count);

export const DeskPage = () => {
  const { formatMessage } = useIntl();
  const claimConversation = useClaimConversation();
  const { allowedActions } = useRBAC({ chat: PERMISSIONS.chat });
  const canChat = Boolean(allowedActions.canChat);
  // Kept live by the API module: status changes refetch it, new messages patch their card.
  const { current: snapshot, failed } = useLiveQueue();
  const queue = snapshot?.data ?? null;
  const counts = snapshot?.meta.counts ?? null;
  const [claiming, setClaiming] = useState<number | null>(null);
  // Waits and "ago" on the server's clock, not this browser's.
  const now = useServerNow();

  const claim = async (card: QueueCardView) => {
    setClaiming(card.id);
    try {
      // A lost race takes the card out of the cached queue at once; the claim refetches it either way.
      await claimConversation(card.id);
    } finally {
      setClaiming(null);
    }
  };

  const title = formatMessage({
    id: getTranslation('plugin.name'),
    defaultMessage: 'Live Support',
  });
  const columnTitle = (key: Column) =>
    formatMessage({
      id: getTranslation(`desk.column.${key}`),
      defaultMessage: key,
    });

  const renderCard = (card: QueueCardView, column: Column) => {
    const since = column === 'waiting' ? card.queuedAt : column === 'mine' ? card.claimedAt : card.resolvedAt;
    const seconds = since ? secondsSince(since, now) : null;
    return (
      <Box
        key={card.id}
        data-testid="card"
        data-conversation-id={card.id}
        background="neutral0"
        hasRadius
        shadow="tableShadow"
        padding={3}
      >
        <Flex direction="column" alignItems="stretch" gap={2}>
          <Flex justifyContent="space-between" gap={2} wrap="wrap">
            <Typography fontWeight="bold" data-testid="card-customer">
              {card.customerName ??
                formatMessage({
                  id: getTranslation('desk.card.anonymous'),
                  defaultMessage: 'Anonymous customer',
                })}
            </Typography>
            <Flex gap={1}>
              {card.isVip ? (
                <Badge active data-testid="card-vip">
                  {formatMessage({
                    id: getTranslation('desk.card.vip'),
                    defaultMessage: 'VIP',
                  })}
                </Badge>
              ) : null}
              <Badge>{card.language.toUpperCase()}</Badge>
            </Flex>
          </Flex>
          {seconds !== null ? (
            <Typography variant="pi" textColor="neutral600" data-testid="card-time">
              {formatMessage(
                {
                  id: getTranslation(`desk.card.since.${column}`),
                  defaultMessage:
                    column === 'waiting'
                      ? 'Waiting {time}'
                      : column === 'mine'
                        ? 'Claimed {time} ago'
                        : 'Resolved {time} ago',
                },
                { time: formatDuration(seconds) },
              )}
            </Typography>
          ) : null}
          {card.escalationTrigger ? (
            <Typography variant="pi" textColor="neutral700">
              {formatMessage({
                id: getTranslation(`trigger.${card.escalationTrigger}`),
                defaultMessage: card.escalationTrigger,
              })}
              {card.escalationReason ? `: ${card.escalationReason}` : ''}
            </Typography>
          ) : null}
          {card.lastMessage ? (
            <Typography variant="omega" textColor="neutral800" ellipsis>
              {card.lastMessage.text}
            </Typography>
          ) : null}
          {column === 'waiting' ? <WaitLimitBadge card={card} now={now} /> : null}
          {column === 'mine' && card.lastMessage?.author === 'customer' ? (
            <Flex>
              <Badge backgroundColor="warning100" textColor="warning700" data-testid="card-awaiting-reply">
                {formatMessage(
                  {
                    id: getTranslation('desk.card.awaitingReply'),
                    defaultMessage: 'Awaiting your reply · {time}',
                  },
                  {
                    time: formatDuration(secondsSince(card.lastMessage.createdAt, now)),
                  },
                )}
              </Badge>
            </Flex>
          ) : null}
          <Flex gap={2} justifyContent="flex-end">
            {column === 'waiting' && canChat ? (
              <Button size="S" data-testid="claim" loading={claiming === card.id} onClick={() => void claim(card)}>
                {formatMessage({
                  id: getTranslation('desk.card.claim'),
                  defaultMessage: 'Claim',
                })}
              </Button>
            ) : null}
            <Button size="S" variant="tertiary" tag={RouterLink} to={`conversations/${card.id}`} data-testid="open">
              {formatMessage({
                id: getTranslation('desk.card.open'),
                defaultMessage: 'Open',
              })}
            </Button>
          </Flex>
        </Flex>
      </Box>
    );
  };

  return (
    <Page.Main>
      <DeskTitle>{title}</DeskTitle>
      <Layouts.Header
        title={title}
        subtitle={formatMessage({
          id: getTranslation('desk.subtitle'),
          defaultMessage: 'Take conversations from the queue and chat with customers in real time.',
        })}
        secondaryAction={
          canChat ? (
            <Typography variant="pi" textColor="neutral600" data-testid="shortcut-hint">
              {formatMessage({
                id: getTranslation('desk.shortcut.next'),
                defaultMessage: 'Alt+Shift+N: take the next waiting customer',
              })}
            </Typography>
          ) : undefined
        }
        primaryAction={
          canChat ? (
            <AlertControls />
          ) : undefined
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          {failed ? (
            <Typography textColor="danger600">
              {formatMessage({
                id: getTranslation('desk.queue.error'),
                defaultMessage: 'The queue could not be loaded.',
              })}
            </Typography>
          ) : null}
          <Grid.Root gap={4}>
            {COLUMNS.map(({ key, testId, countTestId }) => (
              <Grid.Item key={key} col={4} s={12} direction="column" alignItems="stretch">
                <Box
                  tag="section"
                  aria-label={columnTitle(key)}
                  data-testid={testId}
                  background="neutral100"
                  hasRadius
                  padding={3}
                  width="100%"
                >
                  <Flex justifyContent="space-between" paddingBottom={3}>
                    <Typography variant="sigma" textColor="neutral600" tag="h2">
                      {columnTitle(key)}
                    </Typography>
                    <Badge data-testid={countTestId}>{counts ? columnCount(key, counts[key], snapshot?.meta.resolvedCountCapped ?? false) : '–'}</Badge>
                  </Flex>
                  <Flex direction="column" alignItems="stretch" gap={3}>
                    {queue && queue[key].length === 0 ? (
                      <Typography variant="pi" textColor="neutral600">
                        {formatMessage({
                          id: getTranslation('desk.column.empty'),
                          defaultMessage: 'Nothing here.',
                        })}
                      </Typography>
                    ) : null}
                    {queue?.[key].map((card) => renderCard(card, key))}
                  </Flex>
                </Box>
              </Grid.Item>
            ))}
          </Grid.Root>
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};
