import { Box, Flex, Grid, Typography } from '@strapi/design-system';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';

import { getTranslation } from '../utils/getTranslation';

type ConversationStatus = 'bot' | 'queued' | 'active' | 'resolved' | 'offline' | 'abandoned';
type Counts = Record<ConversationStatus, number>;

const SHOWN_STATUSES: ConversationStatus[] = ['queued', 'active', 'resolved', 'offline'];

export const DeskPage = () => {
  const { formatMessage } = useIntl();
  const { get } = useFetchClient();
  const [counts, setCounts] = useState<Counts | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let cancelled = false;
    get<{ data: { counts: Counts } }>('/live-support/overview')
      .then(({ data }) => {
        if (!cancelled) setCounts(data.data.counts);
      })
      .catch(() => {
        if (!cancelled) setFailed(true);
      });
    return () => {
      cancelled = true;
    };
  }, [get]);

  const title = formatMessage({ id: getTranslation('plugin.name'), defaultMessage: 'Live Support' });

  return (
    <Page.Main>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header
        title={title}
        subtitle={formatMessage({
          id: getTranslation('desk.subtitle'),
          defaultMessage: 'Take conversations from the queue and chat with customers in real time.',
        })}
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          {failed ? (
            <Typography textColor="danger600">
              {formatMessage({
                id: getTranslation('desk.overview.error'),
                defaultMessage: 'The conversation counts could not be loaded.',
              })}
            </Typography>
          ) : null}
          <Grid.Root gap={4} aria-label={formatMessage({ id: getTranslation('desk.overview.label'), defaultMessage: 'Conversations by status' })}>
            {SHOWN_STATUSES.map((status) => (
              <Grid.Item key={status} col={3} s={6} xs={12}>
                <Box background="neutral0" hasRadius shadow="tableShadow" padding={4} width="100%">
                  <Typography variant="sigma" textColor="neutral600" tag="p">
                    {formatMessage({ id: getTranslation(`status.${status}`), defaultMessage: status })}
                  </Typography>
                  <Typography variant="alpha" tag="p" data-testid={`count-${status}`}>
                    {counts ? counts[status] : '–'}
                  </Typography>
                </Box>
              </Grid.Item>
            ))}
          </Grid.Root>
          <Typography textColor="neutral600">
            {formatMessage({
              id: getTranslation('desk.comingSoon'),
              defaultMessage: 'The live queue and the conversation view are being built.',
            })}
          </Typography>
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};
