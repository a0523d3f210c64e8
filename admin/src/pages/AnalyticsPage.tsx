import { Box, Button, Flex, Loader, Typography } from '@strapi/design-system';
import { ArrowClockwise } from '@strapi/icons';
import { Layouts, Page } from '@strapi/strapi/admin';
import { useEffect, useState } from 'react';
import type { ReactNode } from 'react';

import { useAnalyticsQuery } from '../api/liveSupportApi';
import { serverNow } from '../api/serverClock';
import { AgentTable } from '../components/analytics/AgentTable';
import { CsatDistribution } from '../components/analytics/CsatDistribution';
import { EscalationsChart } from '../components/analytics/EscalationsChart';
import { ExportButton } from '../components/analytics/ExportButton';
import { RangePicker } from '../components/analytics/RangePicker';
import { SummaryCards } from '../components/analytics/SummaryCards';
import {
  MAX_RANGE_DAYS,
  dayInTimeZone,
  isoDay,
  presetRange,
  rangeProblem,
  rebaseToTeamDay,
  type DayRange,
} from '../components/analytics/dateRange';
import { useAnalyticsFormat } from '../components/analytics/useAnalyticsFormat';
import { useServerClockOffset } from '../hooks/useServerClock';
import { PERMISSIONS } from '../permissions';
import { errorBodyOf } from '../utils/errors';

const Section = ({ id, title, children }: { id: string; title: string; children: ReactNode }) => (
  <Box
    tag="section"
    aria-labelledby={`${id}-heading`}
    background="neutral0"
    hasRadius
    shadow="tableShadow"
    padding={6}
    data-testid={id}
  >
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Typography tag="h2" variant="delta" id={`${id}-heading`}>
        {title}
      </Typography>
      {children}
    </Flex>
  </Box>
);

/** Escalations, response and resolution times, satisfaction and agents over a range of days. */
const AnalyticsReportView = () => {
  const format = useAnalyticsFormat();
  const { text } = format;
  const clockOffset = useServerClockOffset();
  // Today where the browser is, until the report names the zone the support team works in.
  const [today, setToday] = useState(() => isoDay(new Date()));
  const [range, setRange] = useState<DayRange>(() => presetRange('last30', today));
  const problem = rangeProblem(range);
  // A half-typed date asks nothing; the field says what is wrong. The last report stays in
  // sight (RTK Query's `data`) while another range loads or fails.
  const {
    data: report,
    currentData,
    error: failure,
    isError,
    isFetching,
    isUninitialized,
    refetch,
  } = useAnalyticsQuery({ from: range.from, to: range.to }, { skip: Boolean(problem) });
  const loading = !problem && (isFetching || isUninitialized);
  const error = !problem && isError ? (errorBodyOf(failure)?.message ?? '') : null;

  useEffect(() => {
    if (!currentData) return;
    const teamToday = dayInTimeZone(new Date(serverNow(clockOffset)), currentData.range.timeZone);
    if (teamToday !== today) {
      setToday(teamToday);
      setRange((current) => rebaseToTeamDay(current, today, teamToday));
    }
  }, [clockOffset, currentData, today]);

  const title = text('title', 'Analytics');
  const header = (
    <Layouts.Header
      title={title}
      subtitle={text('subtitle', 'How the chats went: escalations, response times, satisfaction and agents.')}
      primaryAction={<ExportButton range={range} disabled={Boolean(problem)} />}
    />
  );

  if (!report && loading) {
    return <Page.Loading />;
  }

  const errorText =
    error === null ? null : (
      <Flex gap={3} wrap="wrap" role="alert" data-testid="analytics-error">
        <Typography textColor="danger600">
          {report
            ? text('error.stale', 'The report could not be refreshed; the figures below are for an earlier range.')
            : text('error', 'The report could not be loaded.')}
          {error ? ` ${error}` : ''}
        </Typography>
        <Button variant="tertiary" startIcon={<ArrowClockwise />} onClick={() => void refetch()} disabled={Boolean(problem)}>
          {text('retry', 'Try again')}
        </Button>
      </Flex>
    );

  const shown = report;
  return (
    <Page.Main aria-busy={loading}>
      <Page.Title>{title}</Page.Title>
      {header}
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          <RangePicker range={range} today={today} problem={problem} maxDays={MAX_RANGE_DAYS} onChange={setRange} />
          <Flex gap={2} justifyContent="space-between" wrap="wrap">
            {shown ? (
              <Typography variant="pi" textColor="neutral600" data-testid="analytics-range-summary" aria-live="polite">
                {text('range.summary', '{from} – {to}, days counted in the {timeZone} time zone', {
                  from: format.day(shown.range.from),
                  to: format.day(shown.range.to),
                  timeZone: shown.range.timeZone,
                })}
              </Typography>
            ) : (
              <span />
            )}
            {loading ? <Loader small>{text('loading', 'Loading the report…')}</Loader> : null}
          </Flex>
          {errorText}
          {!shown ? null : shown.totals.conversations === 0 ? (
            <Box background="neutral0" hasRadius shadow="tableShadow" padding={8} data-testid="analytics-empty">
              <Flex direction="column" gap={2}>
                <Typography tag="h2" variant="delta">
                  {text('empty.title', 'No conversations in this range')}
                </Typography>
                <Typography textColor="neutral600">
                  {text('empty.body', 'Choose a longer range, or come back once customers have chatted.')}
                </Typography>
              </Flex>
            </Box>
          ) : (
            <>
              <Section id="analytics-summary" title={text('summary.title', 'Summary')}>
                <SummaryCards report={shown} />
              </Section>
              <Section id="analytics-escalations" title={text('chart.title', 'Escalations per day')}>
                <EscalationsChart report={shown} headingId="analytics-escalations-heading" />
              </Section>
              <Section id="analytics-satisfaction" title={text('csat.title', 'Customer satisfaction')}>
                <CsatDistribution satisfaction={shown.satisfaction} />
              </Section>
              <Section id="analytics-agents-section" title={text('agents.title', 'Agents')}>
                <AgentTable agents={shown.agents} label={text('agents.title', 'Agents')} />
              </Section>
            </>
          )}
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};

/** The agent desk's analytics, for roles with the `analytics` permission. */
export const AnalyticsPage = () => (
  <Page.Protect permissions={PERMISSIONS.analytics}>
    <AnalyticsReportView />
  </Page.Protect>
);

export default AnalyticsPage;
