import { Button, Field, Flex, Typography } from '@strapi/design-system';

import { RANGE_PRESETS, matchingPreset, presetRange, type DayRange, type RangeProblem } from './dateRange';
import { useAnalyticsFormat } from './useAnalyticsFormat';

const PRESET_LABELS: Record<(typeof RANGE_PRESETS)[number], string> = {
  last7: 'Last 7 days',
  last30: 'Last 30 days',
  thisMonth: 'This month',
};

const PROBLEM_MESSAGES: Record<RangeProblem, string> = {
  invalidFrom: 'Enter a start date.',
  invalidTo: 'Enter an end date.',
  fromAfterTo: 'The end date must not be before the start date.',
  tooLong: 'Choose at most {days} days.',
};

interface RangePickerProps {
  range: DayRange;
  today: string;
  problem: RangeProblem | null;
  maxDays: number;
  onChange: (range: DayRange) => void;
}

/** The report's days: two date fields and the usual presets. */
export const RangePicker = ({ range, today, problem, maxDays, onChange }: RangePickerProps) => {
  const { text } = useAnalyticsFormat();
  const chosen = matchingPreset(range, today);
  const problemText = problem
    ? text(`range.problem.${problem}`, PROBLEM_MESSAGES[problem], {
        days: maxDays,
      })
    : undefined;
  const fromError = problem === 'invalidFrom' ? problemText : undefined;
  const toError = problem && problem !== 'invalidFrom' ? problemText : undefined;

  return (
    <Flex
      tag="section"
      aria-label={text('range.label', 'Date range')}
      gap={4}
      alignItems="flex-end"
      wrap="wrap"
      background="neutral0"
      hasRadius
      shadow="tableShadow"
      padding={4}
      data-testid="analytics-range"
    >
      <Field.Root name="analytics-from" error={fromError} required>
        <Field.Label>{text('range.from', 'From')}</Field.Label>
        <Field.Input
          type="date"
          value={range.from}
          max={today}
          data-testid="analytics-from"
          onChange={(event) => onChange({ ...range, from: event.target.value })}
        />
        <Field.Error />
      </Field.Root>
      <Field.Root name="analytics-to" error={toError} required>
        <Field.Label>{text('range.to', 'To')}</Field.Label>
        <Field.Input
          type="date"
          value={range.to}
          data-testid="analytics-to"
          onChange={(event) => onChange({ ...range, to: event.target.value })}
        />
        <Field.Error />
      </Field.Root>
      <Flex direction="column" alignItems="flex-start" gap={1}>
        <Typography variant="pi" fontWeight="bold" textColor="neutral800" id="analytics-presets-label">
          {text('range.presets', 'Quick ranges')}
        </Typography>
        <Flex gap={2} role="group" aria-labelledby="analytics-presets-label">
          {RANGE_PRESETS.map((preset) => (
            <Button
              key={preset}
              variant={chosen === preset ? 'secondary' : 'tertiary'}
              aria-pressed={chosen === preset}
              data-testid={`analytics-preset-${preset}`}
              onClick={() => onChange(presetRange(preset, today))}
            >
              {text(`range.preset.${preset}`, PRESET_LABELS[preset])}
            </Button>
          ))}
        </Flex>
      </Flex>
    </Flex>
  );
};
