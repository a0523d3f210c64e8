import { Button, Field, Flex, IconButton, TextInput, Typography } from '@strapi/design-system';
import { Plus, Trash } from '@strapi/icons';
import type { ChangeEvent } from 'react';
import { useIntl } from 'react-intl';

import { OPENING_HOURS_LIMITS, type TimeRange } from '../../../shared';
import { getTranslation } from '../../../utils/getTranslation';

import { nextInterval, pathKey } from './model';

/** The error text shown at a path of the opening hours (`weekly.mon.1.from`), if any. */
export type ErrorAt = (path: ReadonlyArray<string | number>) => string | undefined;

interface RangesEditorProps {
  /** Names the day in labels: "Monday", "2027-06-25". */
  dayLabel: string;
  ranges: TimeRange[];
  path: Array<string | number>;
  onChange: (ranges: TimeRange[]) => void;
  errorAt: ErrorAt;
}

/** One day's intervals: zero (closed) or more, each added and removed on its own. */
export const RangesEditor = ({ dayLabel, ranges, path, onChange, errorAt }: RangesEditorProps) => {
  const { formatMessage } = useIntl();
  const t = (id: string, defaultMessage: string, values?: Record<string, string | number>) =>
    formatMessage({ id: getTranslation(`settings.openingHours.${id}`), defaultMessage }, values);
  const setEnd = (index: number, end: keyof TimeRange, value: string) =>
    onChange(ranges.map((range, at) => (at === index ? { ...range, [end]: value } : range)));
  const dayError = errorAt(path);

  return (
    <Flex direction="column" alignItems="stretch" gap={2} data-testid={`opening-${pathKey(path)}`}>
      {ranges.length === 0 ? (
        <Typography variant="pi" textColor="neutral600">
          {t('day.closed', 'Closed')}
        </Typography>
      ) : null}
      {ranges.map((range, index) => {
        const number = index + 1;
        const intervalError = errorAt([...path, index]);
        return (
          <Flex key={index} gap={2} alignItems="flex-start" wrap="wrap">
            {(['from', 'to'] as const).map((end) => {
              const name = pathKey([...path, index, end]);
              return (
                <Field.Root key={end} name={name} id={name} error={errorAt([...path, index, end]) ?? (end === 'to' ? intervalError : undefined)}>
                  <Field.Label>
                    {end === 'from'
                      ? t('interval.from', '{day}, interval {number}: opens', { day: dayLabel, number })
                      : t('interval.to', '{day}, interval {number}: closes', { day: dayLabel, number })}
                  </Field.Label>
                  <TextInput
                    value={range[end]}
                    placeholder="HH:MM"
                    inputMode="numeric"
                    maxLength={5}
                    onChange={(event: ChangeEvent<HTMLInputElement>) => setEnd(index, end, event.target.value)}
                  />
                  <Field.Error />
                </Field.Root>
              );
            })}
            <IconButton
              label={t('interval.remove', 'Remove interval {number} of {day}', { day: dayLabel, number })}
              variant="ghost"
              onClick={() => onChange(ranges.filter((_, at) => at !== index))}
            >
              <Trash />
            </IconButton>
          </Flex>
        );
      })}
      {dayError ? (
        <Typography variant="pi" textColor="danger600" role="alert">
          {dayError}
        </Typography>
      ) : null}
      <div>
        <Button
          variant="tertiary"
          size="S"
          startIcon={<Plus />}
          disabled={ranges.length >= OPENING_HOURS_LIMITS.rangesPerDay}
          onClick={() => onChange([...ranges, nextInterval(ranges)])}
        >
          {t('interval.add', 'Add interval to {day}', { day: dayLabel })}
        </Button>
      </div>
    </Flex>
  );
};
