import { Box, Button, Flex, Table, Tbody, Td, Th, Thead, Tr, Typography, VisuallyHidden } from '@strapi/design-system';
import { useMemo, useState } from 'react';
import type { CSSProperties } from 'react';
import { useIntl } from 'react-intl';

import { ESCALATION_TRIGGERS, type AnalyticsReport, type DailyEscalations, type EscalationTrigger } from '../../shared';

import { getTranslation } from '../../utils/getTranslation';

import { eachDay } from './dateRange';
import { useAnalyticsFormat } from './useAnalyticsFormat';

/** Legend order: the server's order of triggers. */
const TRIGGERS: readonly EscalationTrigger[] = ESCALATION_TRIGGERS;

const TRIGGER_LABELS: Record<EscalationTrigger, string> = {
  phrase: 'Asked for a person',
  button: 'Pressed the button',
  failed_answers: 'Bot could not answer',
  keyword: 'Keyword',
  frustration: 'Frustrated customer',
  bot_request: 'Bot handed over',
  api: 'Via the API',
  intent: 'Recognised request for a person',
};

/**
 * Each trigger has a colour and a pattern, so the segments can be told apart without colour
 * (and in forced-colours mode the legend and the labels still say everything).
 */
const stripes = (angle: number) => `repeating-linear-gradient(${angle}deg, rgba(255,255,255,0.6) 0 2px, transparent 2px 6px)`;
const TRIGGER_STYLES: Record<EscalationTrigger, { background: string; pattern?: CSSProperties }> = {
  phrase: { background: 'primary600' },
  button: {
    background: 'success600',
    pattern: { backgroundImage: stripes(45) },
  },
  failed_answers: {
    background: 'warning600',
    pattern: {
      backgroundImage: 'radial-gradient(rgba(255,255,255,0.75) 1.5px, transparent 1.6px)',
      backgroundSize: '5px 5px',
    },
  },
  keyword: {
    background: 'secondary600',
    pattern: { backgroundImage: stripes(0) },
  },
  frustration: {
    background: 'danger600',
    pattern: { backgroundImage: stripes(-45) },
  },
  bot_request: {
    background: 'alternative600',
    pattern: { backgroundImage: stripes(90) },
  },
  api: {
    background: 'neutral600',
    pattern: { backgroundImage: `${stripes(45)}, ${stripes(-45)}` },
  },
  // The classifier's requests sit beside the phrase rule's: the same colour family, told apart by a grid.
  intent: {
    background: 'primary500',
    pattern: { backgroundImage: `${stripes(0)}, ${stripes(90)}` },
  },
};

const CHART_HEIGHT = 180;

const Swatch = ({ trigger }: { trigger: EscalationTrigger }) => {
  const { background, pattern } = TRIGGER_STYLES[trigger];
  return (
    <Box aria-hidden background={background} width="1.4rem" height="1.4rem" hasRadius style={{ ...pattern, flexShrink: 0 }} />
  );
};

const emptyDay = (date: string): DailyEscalations => ({
  date,
  total: 0,
  byTrigger: Object.fromEntries(TRIGGERS.map((trigger) => [trigger, 0])) as Record<EscalationTrigger, number>,
});

/** Escalations per day as stacked bars by trigger, with a legend and the numbers as a table. */
export const EscalationsChart = ({ report, headingId }: { report: AnalyticsReport; headingId: string }) => {
  const format = useAnalyticsFormat();
  const { text } = format;
  const { formatMessage } = useIntl();
  const [showTable, setShowTable] = useState(false);

  // Every day of the range has a bar, also the ones the report leaves out or has nothing for.
  const days = useMemo(() => {
    const byDate = new Map(report.escalationsPerDay.map((day) => [day.date, day]));
    return eachDay(report.range).map((date) => {
      const day = byDate.get(date);
      return day
        ? {
            ...emptyDay(date),
            ...day,
            byTrigger: { ...emptyDay(date).byTrigger, ...day.byTrigger },
          }
        : emptyDay(date);
    });
  }, [report]);
  const usedTriggers = TRIGGERS.filter((trigger) => days.some((day) => day.byTrigger[trigger] > 0));
  const max = Math.max(0, ...days.map((day) => day.total));
  // The desk's own trigger names (the queue cards show the same).
  const triggerLabel = (trigger: EscalationTrigger) =>
    formatMessage({
      id: getTranslation(`trigger.${trigger}`),
      defaultMessage: TRIGGER_LABELS[trigger],
    });
  // Roughly ten date labels under the axis, whatever the range.
  const labelEvery = Math.max(1, Math.ceil(days.length / 10));

  if (max === 0) {
    return (
      <Typography tag="p" textColor="neutral600" data-testid="analytics-chart-empty">
        {text('chart.empty', 'No escalations in this range.')}
      </Typography>
    );
  }

  const barLabel = (day: DailyEscalations) => {
    const parts = usedTriggers
      .filter((trigger) => day.byTrigger[trigger] > 0)
      .map((trigger) => `${triggerLabel(trigger)} ${format.count(day.byTrigger[trigger])}`);
    return text('chart.bar', '{date}: {count, plural, =0 {no escalations} one {# escalation} other {# escalations}}{details}', {
      date: format.day(day.date),
      count: day.total,
      details: parts.length > 0 ? ` (${parts.join(', ')})` : '',
    });
  };

  const table = (
    <Table colCount={usedTriggers.length + 2} rowCount={days.length + 1} data-testid="analytics-chart-table">
      <caption>
        <VisuallyHidden>{text('chart.tableCaption', 'Escalations per day by trigger')}</VisuallyHidden>
      </caption>
      <Thead>
        <Tr>
          <Th>
            <Typography variant="sigma">{text('chart.column.date', 'Day')}</Typography>
          </Th>
          {usedTriggers.map((trigger) => (
            <Th key={trigger}>
              <Typography variant="sigma">{triggerLabel(trigger)}</Typography>
            </Th>
          ))}
          <Th>
            <Typography variant="sigma">{text('chart.column.total', 'Total')}</Typography>
          </Th>
        </Tr>
      </Thead>
      <Tbody>
        {days.map((day) => (
          <Tr key={day.date} data-testid="analytics-chart-row" data-date={day.date}>
            <Td>
              <Typography>{format.day(day.date)}</Typography>
            </Td>
            {usedTriggers.map((trigger) => (
              <Td key={trigger}>
                <Typography>{format.count(day.byTrigger[trigger])}</Typography>
              </Td>
            ))}
            <Td>
              <Typography fontWeight="bold">{format.count(day.total)}</Typography>
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );

  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Flex
        tag="ul"
        gap={4}
        wrap="wrap"
        data-testid="analytics-legend"
        style={{ listStyle: 'none', margin: 0, padding: 0 }}
        aria-label={text('chart.legend', 'Triggers')}
      >
        {usedTriggers.map((trigger) => (
          <Flex key={trigger} tag="li" gap={2}>
            <Swatch trigger={trigger} />
            <Typography variant="pi">{triggerLabel(trigger)}</Typography>
          </Flex>
        ))}
      </Flex>
      <Flex alignItems="stretch" gap={2}>
        {/* The scale is read from the bars' labels and the table; this only helps the eye. */}
        <Flex
          aria-hidden
          direction="column"
          justifyContent="space-between"
          alignItems="flex-end"
          style={{ height: CHART_HEIGHT }}
        >
          <Typography variant="pi" textColor="neutral600">
            {format.count(max)}
          </Typography>
          <Typography variant="pi" textColor="neutral600">
            {format.count(0)}
          </Typography>
        </Flex>
        <Box flex="1" overflow="auto">
          <Flex
            role="list"
            aria-labelledby={headingId}
            alignItems="flex-end"
            gap={1}
            data-testid="analytics-chart"
            style={{
              height: CHART_HEIGHT,
              borderBottom: '1px solid currentColor',
              minWidth: days.length * 5,
            }}
          >
            {days.map((day) => {
              const label = barLabel(day);
              return (
                <Flex
                  key={day.date}
                  role="listitem"
                  direction="column-reverse"
                  alignItems="stretch"
                  data-testid="analytics-bar"
                  data-date={day.date}
                  data-total={day.total}
                  title={label}
                  style={{
                    flex: '1 1 0',
                    maxWidth: 48,
                    minWidth: 3,
                    height: `${(day.total / max) * 100}%`,
                  }}
                >
                  <VisuallyHidden>{label}</VisuallyHidden>
                  {usedTriggers
                    .filter((trigger) => day.byTrigger[trigger] > 0)
                    .map((trigger) => (
                      <Box
                        key={trigger}
                        aria-hidden
                        background={TRIGGER_STYLES[trigger].background}
                        data-trigger={trigger}
                        style={{
                          flex: `${day.byTrigger[trigger]} 0 0`,
                          ...TRIGGER_STYLES[trigger].pattern,
                          borderTop: '1px solid white',
                        }}
                      />
                    ))}
                </Flex>
              );
            })}
          </Flex>
          <Flex aria-hidden gap={1} style={{ minWidth: days.length * 5 }}>
            {days.map((day, index) => (
              <Box
                key={day.date}
                style={{
                  flex: '1 1 0',
                  maxWidth: 48,
                  minWidth: 3,
                  overflow: 'visible',
                  whiteSpace: 'nowrap',
                }}
              >
                {index % labelEvery === 0 ? (
                  <Typography variant="pi" textColor="neutral600">
                    {format.day(day.date, 'short')}
                  </Typography>
                ) : null}
              </Box>
            ))}
          </Flex>
        </Box>
      </Flex>
      <Flex>
        <Button
          variant="tertiary"
          aria-expanded={showTable}
          data-testid="analytics-chart-table-toggle"
          onClick={() => setShowTable((shown) => !shown)}
        >
          {showTable ? text('chart.hideTable', 'Hide the numbers') : text('chart.showTable', 'Show the numbers as a table')}
        </Button>
      </Flex>
      {showTable ? table : <VisuallyHidden>{table}</VisuallyHidden>}
    </Flex>
  );
};
