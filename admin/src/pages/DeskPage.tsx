import { Badge, Box, Button, Flex, Grid, Typography } from '@strapi/design-system';
import { Layouts, Page, useFetchClient, useRBAC } from '@strapi/strapi/admin';
import { useCallback, useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { Link as RouterLink } from 'react-router-dom';

import { AlertControls } from '../components/AlertControls';
import { DeskTitle } from '../components/DeskTitle';
import { PERMISSIONS } from '../permissions';
import type { QueueCardView, QueueSnapshot, QueueSnapshotMeta } from '../types';
import { useClaimConversation } from '../hooks/useClaimConversation';
import { useLiveRefresh } from '../hooks/useLiveRefresh';
import { formatDuration } from '../utils/format';
import { getTranslation } from '../utils/getTranslation';

type Column = keyof QueueSnapshot;
const COLUMNS: { key: Column; testId: string; countTestId: string }[] = [
  { key: 'waiting', testId: 'column-waiting', countTestId: 'count-queued' },
  { key: 'mine', testId: 'column-mine', countTestId: 'count-mine' },
  { key: 'resolved', testId: 'column-resolved', countTestId: 'count-resolved' },
];

const LIVE_EVENTS = ['queue:changed', 'message:new'] as const;

const useNow = () => {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  return now;
};

export const DeskPage = () => {
  const { formatMessage } = useIntl();
  const claimConversation = useClaimConversation();
  const { get } = useFetchClient();
  const { allowedActions } = useRBAC({ chat: PERMISSIONS.chat });
  const canChat = Boolean(allowedActions.canChat);
  const [queue, setQueue] = useState<QueueSnapshot | null>(null);
  const [counts, setCounts] = useState<QueueSnapshotMeta['counts'] | null>(null);
  const [failed, setFailed] = useState(false);
  const [claiming, setClaiming] = useState<number | null>(null);
  const now = useNow();

  const refresh = useCallback(() => {
    get<{ data: QueueSnapshot; meta: QueueSnapshotMeta }>('/live-support/queue')
      .then(({ data }) => {
        setQueue(data.data);
        setCounts(data.meta.counts);
        setFailed(false);
      })
      .catch(() => setFailed(true));
  }, [get]);

  // New messages in my chats change the cards' last message.
  useLiveRefresh(refresh, LIVE_EVENTS);

  const claim = async (card: QueueCardView) => {
    setClaiming(card.id);
    try {
      const outcome = await claimConversation(card.id);
      if (outcome.result === 'taken') {
        // Gone at once, before the refresh below confirms it.
        setQueue((current) => current && { ...current, waiting: current.waiting.filter((item) => item.id !== card.id) });
        setCounts((current) => current && { ...current, waiting: Math.max(0, current.waiting - 1) });
      }
    } finally {
      setClaiming(null);
      refresh();
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
    const seconds = since ? Math.max(0, Math.floor((now - Date.parse(since)) / 1000)) : null;
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
          {column === 'mine' && card.lastMessage?.author === 'customer' ? (
            <Flex>
              <Badge backgroundColor="warning100" textColor="warning700" data-testid="card-awaiting-reply">
                {formatMessage(
                  {
                    id: getTranslation('desk.card.awaitingReply'),
                    defaultMessage: 'Awaiting your reply · {time}',
                  },
                  {
                    time: formatDuration(Math.max(0, Math.floor((now - Date.parse(card.lastMessage.createdAt)) / 1000))),
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
                    <Badge data-testid={countTestId}>{counts ? String(counts[key]) : '–'}</Badge>
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
