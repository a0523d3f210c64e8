import { Badge, Box, Button, Flex, Grid, Loader, Tabs, Typography } from '@strapi/design-system';
import { Layouts, Page, useNotification, useRBAC } from '@strapi/strapi/admin';
import { useEffect, useRef, useState } from 'react';
import { useIntl } from 'react-intl';

import { OfflineMessageDetail } from '../components/offline/OfflineMessageDetail';
import { OfflineMessageList } from '../components/offline/OfflineMessageList';
import type { OfflineMessageStatus, OfflineMessageView } from '../types';
import {
  useOfflineMessagesQuery,
  useReplyToOfflineMessageMutation,
  useSetOfflineMessageStatusMutation,
} from '../api/liveSupportApi';
import { useErrorToast } from '../hooks/useErrorToast';
import { PERMISSIONS } from '../permissions';
import { getTranslation } from '../utils/getTranslation';

type Filter = OfflineMessageStatus | 'all';
const FILTERS: { value: Filter; defaultMessage: string }[] = [
  { value: 'new', defaultMessage: 'New' },
  { value: 'read', defaultMessage: 'Handled' },
  { value: 'replied', defaultMessage: 'Replied' },
  { value: 'all', defaultMessage: 'All' },
];
const PAGE_SIZE = 25;

const isFilter = (value: string): value is Filter => FILTERS.some((filter) => filter.value === value);

/** Messages customers left while nobody was available: read, answer by email, mark handled. */
export const OfflineInboxPage = () => {
  const { formatMessage } = useIntl();
  const { toggleNotification } = useNotification();
  const showError = useErrorToast();
  const [markMessage] = useSetOfflineMessageStatusMutation();
  const [replyToMessage] = useReplyToOfflineMessageMutation();
  const { allowedActions } = useRBAC({ chat: PERMISSIONS.chat });
  const canChat = Boolean(allowedActions.canChat);
  const [filter, setFilter] = useState<Filter>('new');
  const [page, setPage] = useState(1);
  // Live: new and changed messages refetch the page, the unread count follows the server's pushes.
  const { data, currentData, isError: failed } = useOfflineMessagesQuery({
    page,
    pageSize: PAGE_SIZE,
    ...(filter === 'all' ? {} : { status: filter }),
  });
  // Another filter's list never stands in while this one loads; the previous page may.
  const listedFilter = useRef<Filter | null>(null);
  const messages = currentData?.data ?? (data && listedFilter.current === filter ? data.data : null);
  // The counts of whichever list was answered last, with the pushed unread count patched in.
  const meta = currentData?.meta ?? data?.meta ?? null;
  // The open message stays open when it leaves the current filter (e.g. once marked handled).
  const [selected, setSelected] = useState<OfflineMessageView | null>(null);

  useEffect(() => {
    if (!currentData) return;
    listedFilter.current = filter;
    setSelected((current) => (current && currentData.data.find((message) => message.id === current.id)) ?? current);
  }, [currentData, filter]);

  const setStatus = async (message: OfflineMessageView, status: 'new' | 'read') => {
    try {
      setSelected(await markMessage({ id: message.id, status }).unwrap());
    } catch (error) {
      showError(error, { id: 'offline.markError', defaultMessage: 'The message could not be marked.' });
    }
  };

  const reply = async (message: OfflineMessageView, text: string): Promise<boolean> => {
    try {
      const replied = await replyToMessage({ id: message.id, text }).unwrap();
      setSelected(replied);
      toggleNotification({
        type: 'success',
        message: formatMessage(
          {
            id: getTranslation('offline.reply.sent'),
            defaultMessage: 'Your reply was sent to {email}.',
          },
          { email: replied.email ?? '' },
        ),
      });
      return true;
    } catch (error) {
      showError(error, { id: 'offline.reply.error', defaultMessage: 'The reply could not be sent.' });
      return false;
    }
  };

  const changeFilter = (value: string) => {
    if (!isFilter(value)) return;
    setFilter(value);
    setPage(1);
  };

  const title = formatMessage({
    id: getTranslation('offline.title'),
    defaultMessage: 'Offline messages',
  });
  const filterLabel = (value: Filter, defaultMessage: string) =>
    formatMessage({ id: getTranslation(`offline.filter.${value}`), defaultMessage });
  const countOf = (value: Filter): number | null => {
    if (!meta) return null;
    return value === 'all' ? meta.counts.new + meta.counts.read + meta.counts.replied : meta.counts[value];
  };
  const total = meta?.pagination.total ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));

  return (
    <Page.Main>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header
        title={title}
        subtitle={formatMessage({
          id: getTranslation('offline.subtitle'),
          defaultMessage: 'Messages customers left while nobody was available: reply by email and mark them handled.',
        })}
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          <Box data-testid="offline-pending" data-count={meta?.counts.new ?? ''} aria-live="polite">
            <Typography variant="pi" textColor="neutral600">
              {meta
                ? formatMessage(
                    {
                      id: getTranslation('offline.pending'),
                      defaultMessage:
                        '{count, plural, =0 {Nothing waits for an answer.} one {# message waits for an answer.} other {# messages wait for an answer.}}',
                    },
                    { count: meta.counts.new },
                  )
                : null}
            </Typography>
          </Box>
          {failed ? (
            <Typography textColor="danger600" data-testid="offline-error">
              {formatMessage({
                id: getTranslation('offline.error'),
                defaultMessage: 'The messages could not be loaded.',
              })}
            </Typography>
          ) : null}
          <Tabs.Root value={filter} onValueChange={changeFilter} variant="simple">
            <Tabs.List
              aria-label={formatMessage({
                id: getTranslation('offline.filter.label'),
                defaultMessage: 'Show messages',
              })}
            >
              {FILTERS.map(({ value, defaultMessage }) => (
                <Tabs.Trigger key={value} value={value} data-testid={`offline-filter-${value}`}>
                  {filterLabel(value, defaultMessage)}
                  {countOf(value) !== null ? (
                    <Badge marginLeft={2} data-testid={`offline-count-${value}`}>
                      {String(countOf(value))}
                    </Badge>
                  ) : null}
                </Tabs.Trigger>
              ))}
            </Tabs.List>
            {FILTERS.map(({ value }) => (
              <Tabs.Content key={value} value={value}>
                <Box paddingTop={4}>
                  <Grid.Root gap={4}>
                    <Grid.Item col={5} s={12} direction="column" alignItems="stretch">
                      {messages ? (
                        <OfflineMessageList
                          messages={messages}
                          selectedId={selected?.id ?? null}
                          onSelect={setSelected}
                        />
                      ) : (
                        <Loader small>
                          {formatMessage({ id: getTranslation('offline.loading'), defaultMessage: 'Loading messages…' })}
                        </Loader>
                      )}
                      {pageCount > 1 ? (
                        <Flex justifyContent="space-between" alignItems="center" paddingTop={3} gap={2}>
                          <Button
                            variant="tertiary"
                            size="S"
                            disabled={page <= 1}
                            onClick={() => setPage((current) => Math.max(1, current - 1))}
                          >
                            {formatMessage({ id: getTranslation('offline.page.previous'), defaultMessage: 'Previous' })}
                          </Button>
                          <Typography variant="pi" textColor="neutral600">
                            {formatMessage(
                              { id: getTranslation('offline.page.of'), defaultMessage: 'Page {page} of {pages}' },
                              { page, pages: pageCount },
                            )}
                          </Typography>
                          <Button
                            variant="tertiary"
                            size="S"
                            disabled={page >= pageCount}
                            onClick={() => setPage((current) => Math.min(pageCount, current + 1))}
                          >
                            {formatMessage({ id: getTranslation('offline.page.next'), defaultMessage: 'Next' })}
                          </Button>
                        </Flex>
                      ) : null}
                    </Grid.Item>
                    <Grid.Item col={7} s={12} direction="column" alignItems="stretch">
                      {selected ? (
                        <OfflineMessageDetail
                          key={selected.id}
                          message={selected}
                          canChat={canChat}
                          onReply={(text) => reply(selected, text)}
                          onSetStatus={(status) => setStatus(selected, status)}
                        />
                      ) : (
                        <Box background="neutral0" hasRadius shadow="tableShadow" padding={6}>
                          <Typography textColor="neutral600">
                            {formatMessage({
                              id: getTranslation('offline.select'),
                              defaultMessage: 'Choose a message to read it in full and reply.',
                            })}
                          </Typography>
                        </Box>
                      )}
                    </Grid.Item>
                  </Grid.Root>
                </Box>
              </Tabs.Content>
            ))}
          </Tabs.Root>
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};

export default OfflineInboxPage;
