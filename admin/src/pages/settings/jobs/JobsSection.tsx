import { Badge, Button, Flex, Loader, Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
import { ArrowClockwise } from '@strapi/icons';
import { useIntl } from 'react-intl';

import { useJobsQuery } from '../../../api/liveSupportApi';
import { ColumnHeads } from '../../../components/ColumnHeads';
import type { ScheduledJobView } from '../../../shared';
import { getTranslation } from '../../../utils/getTranslation';
import { Section } from '../layout';

/** Often enough that "last run" of the frequent jobs stays current while the page is open. */
const REFRESH_MS = 15_000;

/**
 * The periodic jobs, read-only: when each last ran (on whichever node won the tick), when it
 * runs next and the last error. The schedules themselves are deploy-time config.
 */
export const JobsSection = () => {
  const { formatMessage, formatDate } = useIntl();
  const { data: jobs, isError, isFetching, refetch } = useJobsQuery(undefined, {
    refetchOnMountOrArgChange: true,
    pollingInterval: REFRESH_MS,
  });
  const text = (key: string, defaultMessage: string, values?: Record<string, string | number>) =>
    formatMessage({ id: getTranslation(`settings.jobs.${key}`), defaultMessage }, values);
  const time = (iso: string | null) =>
    iso ? formatDate(iso, { dateStyle: 'short', timeStyle: 'medium' }) : text('never', '—');

  const columns = [
    { key: 'name', label: text('column.name', 'Job') },
    { key: 'schedule', label: text('column.schedule', 'Schedule') },
    { key: 'lastRun', label: text('column.lastRun', 'Last run') },
    { key: 'nextRun', label: text('column.nextRun', 'Next run') },
    { key: 'lastError', label: text('column.lastError', 'Last error') },
  ];

  const body = (rows: ScheduledJobView[]) => (
    <Table
      colCount={columns.length}
      rowCount={rows.length + 1}
      aria-label={text('title', 'Scheduled jobs')}
      data-testid="settings-jobs-table"
    >
      <ColumnHeads columns={columns} />
      <Tbody>
        {rows.map((job) => (
          <Tr key={job.name} data-testid="settings-job-row" data-job={job.name}>
            <Td>
              <Flex direction="column" alignItems="flex-start" gap={1}>
                <Typography fontWeight="bold">{text(`name.${job.name}`, job.name)}</Typography>
                {job.running ? <Badge>{text('running', 'Running')}</Badge> : null}
                {job.enabled ? null : <Badge>{text('disabled', 'Off on this server')}</Badge>}
              </Flex>
            </Td>
            <Td>
              <Typography variant="pi" tag="code">
                {job.cron}
              </Typography>
              <Typography variant="pi" textColor="neutral600" tag="p">
                {job.timeZone}
              </Typography>
            </Td>
            <Td>
              <Typography data-testid="settings-job-last-run">{time(job.lastFinishedAt ?? job.lastStartedAt)}</Typography>
              <Typography variant="pi" textColor="neutral600" tag="p">
                {text('runCount', '{count, plural, one {# run} other {# runs}}', { count: job.runCount })}
              </Typography>
            </Td>
            <Td>
              <Typography data-testid="settings-job-next-run">{time(job.nextRunAt)}</Typography>
            </Td>
            <Td>
              <Typography data-testid="settings-job-error" textColor={job.lastError ? 'danger600' : 'neutral600'}>
                {job.lastError ?? text('noError', 'None')}
              </Typography>
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );

  return (
    <Section name="jobs">
      <Flex justifyContent="flex-end">
        <Button variant="tertiary" startIcon={<ArrowClockwise />} onClick={() => void refetch()} loading={isFetching}>
          {text('refresh', 'Refresh')}
        </Button>
      </Flex>
      {jobs ? (
        body(jobs)
      ) : isError ? (
        <Typography textColor="danger600">{text('loadError', 'The jobs could not be read.')}</Typography>
      ) : (
        <Loader small />
      )}
    </Section>
  );
};
