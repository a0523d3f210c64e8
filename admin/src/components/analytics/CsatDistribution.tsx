import { Box, Flex, Typography } from '@strapi/design-system';

import type { AnalyticsReport } from '../../shared';

import { useAnalyticsFormat } from './useAnalyticsFormat';

/** How many customers gave each score, 5 at the top; the bars only repeat the numbers beside them. */
export const CsatDistribution = ({ satisfaction }: { satisfaction: AnalyticsReport['satisfaction'] }) => {
  const format = useAnalyticsFormat();
  const { text } = format;
  const { distribution, ratings } = satisfaction;

  if (ratings === 0) {
    return (
      <Typography tag="p" textColor="neutral600" data-testid="analytics-csat-empty">
        {text('csat.empty', 'No ratings in this range.')}
      </Typography>
    );
  }

  const most = Math.max(...distribution);
  const scores = [5, 4, 3, 2, 1] as const;
  return (
    <Flex
      tag="ul"
      direction="column"
      alignItems="stretch"
      gap={2}
      data-testid="analytics-csat"
      style={{ listStyle: 'none', margin: 0, padding: 0 }}
    >
      {scores.map((score) => {
        const count = distribution[score - 1];
        return (
          <Flex key={score} tag="li" gap={3} data-testid="analytics-csat-row" data-score={score} data-count={count}>
            <Box width="8rem" style={{ flexShrink: 0 }}>
              <Typography fontWeight="bold">{text('csat.score', '{score} / 5', { score })}</Typography>
            </Box>
            <Box aria-hidden flex="1" background="neutral150" hasRadius height="1.2rem" overflow="hidden">
              <Box background="primary600" height="100%" style={{ width: `${most > 0 ? (count / most) * 100 : 0}%` }} />
            </Box>
            <Box width="10rem" style={{ flexShrink: 0 }}>
              <Typography>
                {text('csat.count', '{count} ({share})', {
                  count: format.count(count),
                  share: format.percent(count / ratings),
                })}
              </Typography>
            </Box>
          </Flex>
        );
      })}
    </Flex>
  );
};
