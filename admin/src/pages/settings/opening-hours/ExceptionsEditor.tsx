import { Box, Button, Checkbox, Field, Flex, IconButton, SingleSelect, SingleSelectOption, TextInput, Typography } from '@strapi/design-system';
import { Plus, Trash } from '@strapi/icons';
import { useState, type ChangeEvent } from 'react';
import { useIntl } from 'react-intl';

import { HOLIDAY_COUNTRIES, OPENING_HOURS_LIMITS, publicHolidays, type OpeningException, type OpeningHours } from '../../../shared';
import { getTranslation } from '../../../utils/getTranslation';

import { freeExceptionDate, pathKey, sortedByDate, suggestedHolidayYear, withHolidays } from './model';
import { RangesEditor, type ErrorAt } from './RangesEditor';

interface ExceptionsEditorProps {
  hours: OpeningHours;
  onChange: (hours: OpeningHours) => void;
  errorAt: ErrorAt;
  now: Date;
}

/** Dated exceptions (closed all day, or special hours, with a note) and the holiday adder. */
export const ExceptionsEditor = ({ hours, onChange, errorAt, now }: ExceptionsEditorProps) => {
  const { formatMessage, locale } = useIntl();
  const t = (id: string, defaultMessage: string, values?: Record<string, string | number>) =>
    formatMessage({ id: getTranslation(`settings.openingHours.${id}`), defaultMessage }, values);
  const firstYear = suggestedHolidayYear(hours, now);
  const [year, setYear] = useState(firstYear);
  const countryName = new Intl.DisplayNames([locale], { type: 'region' });

  const setException = (index: number, exception: OpeningException) =>
    onChange({ ...hours, exceptions: hours.exceptions.map((current, at) => (at === index ? exception : current)) });
  const full = hours.exceptions.length >= OPENING_HOURS_LIMITS.exceptions;

  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Flex gap={2} alignItems="flex-end" wrap="wrap">
        <Field.Root name="opening-holiday-year" id="opening-holiday-year">
          <Field.Label>{t('holidays.year', 'Year of the public holidays')}</Field.Label>
          <SingleSelect value={String(year)} onChange={(value: string | number) => setYear(Number(value))}>
            {[firstYear - 1, firstYear, firstYear + 1, firstYear + 2].map((option) => (
              <SingleSelectOption key={option} value={String(option)}>
                {String(option)}
              </SingleSelectOption>
            ))}
          </SingleSelect>
        </Field.Root>
        {HOLIDAY_COUNTRIES.map((country) => (
          <Button
            key={country}
            variant="secondary"
            data-testid={`opening-holidays-${country}`}
            disabled={full}
            onClick={() => onChange(withHolidays(hours, publicHolidays(country, year)))}
          >
            {t('holidays.add', 'Add public holidays of {country} for {year}', {
              country: countryName.of(country) ?? country,
              year,
            })}
          </Button>
        ))}
      </Flex>
      {hours.exceptions.length === 0 ? (
        <Typography variant="pi" textColor="neutral600">
          {t('exceptions.empty', 'No exceptions: every date follows the week.')}
        </Typography>
      ) : null}
      {errorAt(['exceptions']) ? (
        <Typography variant="pi" textColor="danger600" role="alert">
          {errorAt(['exceptions'])}
        </Typography>
      ) : null}
      {hours.exceptions.map((exception, index) => {
        const path = ['exceptions', index];
        const dateName = pathKey([...path, 'date']);
        const noteName = pathKey([...path, 'note']);
        const closedAllDay = exception.ranges.length === 0;
        return (
          <Box key={index} padding={4} hasRadius borderColor="neutral200" data-testid={`opening-exception-${exception.date}`}>
            <Flex direction="column" alignItems="stretch" gap={3}>
              <Flex gap={3} alignItems="flex-start" wrap="wrap">
                <Field.Root name={dateName} id={dateName} error={errorAt([...path, 'date'])}>
                  <Field.Label>{t('exception.date', 'Date')}</Field.Label>
                  <TextInput
                    value={exception.date}
                    placeholder="YYYY-MM-DD"
                    maxLength={10}
                    onChange={(event: ChangeEvent<HTMLInputElement>) => setException(index, { ...exception, date: event.target.value })}
                  />
                  <Field.Error />
                </Field.Root>
                <Field.Root name={noteName} id={noteName} error={errorAt([...path, 'note'])}>
                  <Field.Label>{t('exception.note', 'Note')}</Field.Label>
                  <TextInput
                    value={exception.note ?? ''}
                    maxLength={OPENING_HOURS_LIMITS.noteLength}
                    onChange={(event: ChangeEvent<HTMLInputElement>) =>
                      setException(index, { ...exception, note: event.target.value === '' ? undefined : event.target.value })
                    }
                  />
                  <Field.Error />
                </Field.Root>
                <IconButton
                  label={t('exception.remove', 'Remove the exception of {date}', { date: exception.date })}
                  variant="ghost"
                  onClick={() => onChange({ ...hours, exceptions: hours.exceptions.filter((_, at) => at !== index) })}
                >
                  <Trash />
                </IconButton>
              </Flex>
              <Checkbox
                checked={closedAllDay}
                onCheckedChange={(checked: boolean | 'indeterminate') =>
                  setException(index, { ...exception, ranges: checked === true ? [] : [{ from: '10:00', to: '14:00' }] })
                }
              >
                {t('exception.closedAllDay', 'Closed all day')}
              </Checkbox>
              {closedAllDay ? null : (
                <RangesEditor
                  dayLabel={exception.date}
                  ranges={exception.ranges}
                  path={[...path, 'ranges']}
                  onChange={(ranges) => setException(index, { ...exception, ranges })}
                  errorAt={errorAt}
                />
              )}
            </Flex>
          </Box>
        );
      })}
      <div>
        <Button
          variant="tertiary"
          startIcon={<Plus />}
          disabled={full}
          data-testid="opening-exception-add"
          onClick={() =>
            onChange({ ...hours, exceptions: sortedByDate([...hours.exceptions, { date: freeExceptionDate(hours, now), ranges: [] }]) })
          }
        >
          {t('exception.add', 'Add an exception')}
        </Button>
      </div>
    </Flex>
  );
};
