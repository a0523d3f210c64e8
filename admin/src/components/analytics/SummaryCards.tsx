import { Box, Flex, Grid, Typography } from '@strapi/design-system';

import type { AnalyticsReport } from '../../shared';

import { useAnalyticsFormat } from './useAnalyticsFormat';

interface Card {
  key: string;
  label: string;
  value: string;
  hint?: string;
}

/** The report's headline figures, each a card with a label, the value and what it means. */
export const SummaryCards = ({ report }: { report: AnalyticsReport }) => {
  const format = useAnalyticsFormat();
  const { text } = format;
  const { totals, responseTime, resolutionTime, waitingTime, satisfaction } = report;
  const measured = (count: number) =>
    text('card.measured', '{count, plural, one {From # conversation} other {From # conversations}}', { count });

  const cards: Card[] = [
    {
      key: 'conversations',
      label: text('card.conversations', 'Conversations'),
      value: format.count(totals.conversations),
    },
    {
      key: 'escalations',
      label: text('card.escalations', 'Escalations'),
      value: format.count(totals.escalations),
      hint: text('card.escalations.hint', 'Handed over to a person'),
    },
    {
      key: 'botContainment',
      label: text('card.containment', 'Bot containment'),
      value: format.percent(totals.botContainmentRate),
      hint: text('card.containment.hint', '{count} of {ended} ended conversations never needed a person', {
        count: format.count(totals.botContained),
        ended: format.count(totals.ended),
      }),
    },
    {
      key: 'botOnly',
      label: text('card.botOnly', 'Handled by the bot only'),
      value: format.count(totals.botOnly),
    },
    {
      key: 'resolved',
      label: text('card.resolved', 'Resolved'),
      value: format.count(totals.resolved),
    },
    {
      key: 'abandoned',
      label: text('card.abandoned', 'Abandoned'),
      value: format.percent(totals.abandonedShare),
      hint: text('card.abandoned.hint', '{count} left the queue before an agent came', {
        count: format.count(totals.abandoned),
      }),
    },
    {
      key: 'offlineMessages',
      label: text('card.offlineMessages', 'Offline messages'),
      value: format.count(totals.offlineMessages),
    },
    {
      key: 'responseAverage',
      label: text('card.responseAverage', 'Average response time'),
      value: format.duration(responseTime.averageSeconds),
      hint: measured(responseTime.count),
    },
    {
      key: 'responseMedian',
      label: text('card.responseMedian', 'Median response time'),
      value: format.duration(responseTime.medianSeconds),
      hint: text('card.p90', '90th percentile: {value}', {
        value: format.duration(responseTime.p90Seconds),
      }),
    },
    {
      key: 'resolutionAverage',
      label: text('card.resolutionAverage', 'Average resolution time'),
      value: format.duration(resolutionTime.averageSeconds),
      hint: measured(resolutionTime.count),
    },
    {
      key: 'waiting',
      label: text('card.waiting', 'Waiting time (median / 90th percentile)'),
      value: `${format.duration(waitingTime.medianSeconds)} / ${format.duration(waitingTime.p90Seconds)}`,
      hint: measured(waitingTime.count),
    },
    {
      key: 'csatAverage',
      label: text('card.csatAverage', 'Customer satisfaction'),
      value:
        satisfaction.averageScore === null
          ? format.none
          : text('card.csatAverage.value', '{score} / 5', {
              score: format.score(satisfaction.averageScore),
            }),
      hint: text(
        'card.csatAverage.hint',
        '{count, plural, =0 {No ratings yet} one {From # rating} other {Average of # ratings}}',
        {
          count: satisfaction.ratings,
        },
      ),
    },
    {
      key: 'csatResponseRate',
      label: text('card.csatResponseRate', 'Survey response rate'),
      value: format.percent(satisfaction.responseRate),
      hint: text('card.csatResponseRate.hint', 'Ratings per resolved conversation'),
    },
  ];

  return (
    <Grid.Root gap={4} tag="ul" data-testid="analytics-cards" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {cards.map((card) => (
        <Grid.Item key={card.key} col={3} m={4} s={6} xs={12} tag="li" direction="column" alignItems="stretch">
          <Box
            background="neutral0"
            hasRadius
            shadow="tableShadow"
            padding={4}
            height="100%"
            data-testid={`analytics-card-${card.key}`}
          >
            <Flex direction="column" alignItems="flex-start" gap={1}>
              <Typography variant="sigma" textColor="neutral600" tag="p">
                {card.label}
              </Typography>
              <Typography variant="beta" tag="p" textColor="neutral800" data-testid="analytics-card-value">
                {card.value}
              </Typography>
              {card.hint ? (
                <Typography variant="pi" textColor="neutral600" tag="p">
                  {card.hint}
                </Typography>
              ) : null}
            </Flex>
          </Box>
        </Grid.Item>
      ))}
    </Grid.Root>
  );
};
