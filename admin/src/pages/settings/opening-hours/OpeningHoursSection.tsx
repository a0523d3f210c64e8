import { Alert, Button, Combobox, ComboboxOption, Field, Flex, Loader, Typography } from '@strapi/design-system';
import { Check } from '@strapi/icons';
import { useNotification } from '@strapi/strapi/admin';
import { useEffect, useMemo, useState } from 'react';
import { useIntl } from 'react-intl';

import { useOpeningHoursQuery, useUpdateOpeningHoursMutation } from '../../../api/liveSupportApi';
import { useErrorToast } from '../../../hooks/useErrorToast';
import { OPENING_HOURS_LIMITS, openingHoursProblems, WEEKDAYS, type OpeningHours } from '../../../shared';
import { errorBodyOf } from '../../../utils/errors';
import { getTranslation } from '../../../utils/getTranslation';
import { GroupTitle, Section } from '../layout';

import { ExceptionsEditor } from './ExceptionsEditor';
import { pathKey } from './model';
import { OpeningPreview } from './OpeningPreview';
import { RangesEditor, type ErrorAt } from './RangesEditor';

const SAVE_FAILED = { id: 'settings.openingHours.save.error', defaultMessage: 'The opening hours could not be saved.' };
/** 2024-01-01 was a Monday: the weekday names come from the browser in the admin's language. */
const MONDAY = Date.UTC(2024, 0, 1);
const PREVIEW_REFRESH_MS = 30_000;

function timeZoneOptions(current: string): string[] {
  const known = Intl.supportedValuesOf('timeZone');
  return known.includes(current) ? known : [current, ...known];
}

/** The server's refusal, by the path of each failing field. */
function serverIssuesOf(error: unknown): Map<string, string> {
  const list = errorBodyOf(error)?.details?.errors;
  const issues = new Map<string, string>();
  if (!Array.isArray(list)) return issues;
  for (const issue of list as Array<{ path?: unknown; message?: unknown }>) {
    if (Array.isArray(issue.path) && typeof issue.message === 'string') issues.set(pathKey(issue.path), issue.message);
  }
  return issues;
}

/**
 * Settings → Live Support → Opening hours: the team's zone, the week, dated exceptions and the
 * public holidays, checked as they are typed by the same rules the server applies, and saved
 * on their own (they are their own resource, not part of the settings form).
 */
export const OpeningHoursSection = ({ onUnsavedChange }: { onUnsavedChange: (unsaved: boolean) => void }) => {
  const { formatMessage, locale } = useIntl();
  const t = (id: string, defaultMessage: string, values?: Record<string, string | number>) =>
    formatMessage({ id: getTranslation(`settings.openingHours.${id}`), defaultMessage }, values);
  const { toggleNotification } = useNotification();
  const showError = useErrorToast();
  const { data: stored, isError } = useOpeningHoursQuery(undefined, { refetchOnMountOrArgChange: true });
  const [updateOpeningHours, { isLoading: saving }] = useUpdateOpeningHoursMutation();
  const [draft, setDraft] = useState<OpeningHours | null>(null);
  const [serverIssues, setServerIssues] = useState<Map<string, string>>(new Map());
  const [now, setNow] = useState(() => new Date());

  useEffect(() => {
    if (stored && !draft) setDraft(stored);
  }, [stored, draft]);
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), PREVIEW_REFRESH_MS);
    return () => clearInterval(timer);
  }, []);

  const problems = useMemo(() => (draft ? openingHoursProblems(draft) : []), [draft]);
  const modified = draft !== null && stored !== undefined && JSON.stringify(draft) !== JSON.stringify(stored);
  // While a save is under way the draft is on its way to the server, as the settings form counts it.
  const unsaved = modified && !saving;
  useEffect(() => onUnsavedChange(unsaved), [unsaved, onUnsavedChange]);
  useEffect(() => () => onUnsavedChange(false), [onUnsavedChange]);
  const weekdayName = useMemo(() => {
    const format = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' });
    return (index: number) => format.format(new Date(MONDAY + index * 86_400_000));
  }, [locale]);

  if (isError && !draft) {
    return (
      <Section name="openingHours">
        <Alert
          variant="danger"
          closeLabel={formatMessage({ id: getTranslation('settings.save.refused.close'), defaultMessage: 'Close' })}
        >
          {t('load.error', 'The opening hours could not be loaded.')}
        </Alert>
      </Section>
    );
  }
  if (!draft) {
    return (
      <Section name="openingHours">
        <Loader small>{t('loading', 'Loading the opening hours…')}</Loader>
      </Section>
    );
  }

  const problemTexts = new Map(
    problems.map((problem) => [
      pathKey(problem.path),
      t(`problem.${problem.code}`, problem.message, {
        max: problem.code === 'tooManyRanges' ? OPENING_HOURS_LIMITS.rangesPerDay : problem.code === 'tooManyExceptions' ? OPENING_HOURS_LIMITS.exceptions : OPENING_HOURS_LIMITS.noteLength,
      }),
    ]),
  );
  const errorAt: ErrorAt = (path) => problemTexts.get(pathKey(path)) ?? serverIssues.get(pathKey(path));
  const edit = (next: OpeningHours) => {
    setServerIssues(new Map());
    setDraft(next);
  };

  const save = async () => {
    try {
      const saved = await updateOpeningHours(draft).unwrap();
      setDraft(saved);
      toggleNotification({ type: 'success', message: t('save.success', 'Opening hours saved.') });
    } catch (error) {
      setServerIssues(serverIssuesOf(error));
      showError(error, SAVE_FAILED);
    }
  };

  return (
    <Section name="openingHours">
      <Field.Root name="timeZone" id="opening-timeZone" error={errorAt(['timeZone'])}>
        <Field.Label>{t('timeZone.label', 'The team’s time zone')}</Field.Label>
        <Combobox value={draft.timeZone} onChange={(value?: string) => value && edit({ ...draft, timeZone: value })} autocomplete="list">
          {timeZoneOptions(draft.timeZone).map((zone) => (
            <ComboboxOption key={zone} value={zone}>
              {zone}
            </ComboboxOption>
          ))}
        </Combobox>
        <Field.Error />
      </Field.Root>
      <GroupTitle name="openingHours.week" />
      <Flex direction="column" alignItems="stretch" gap={4}>
        {WEEKDAYS.map((day, index) => (
          <Flex key={day} direction="column" alignItems="stretch" gap={1}>
            <Typography variant="omega" fontWeight="semiBold" tag="h4">
              {weekdayName(index)}
            </Typography>
            <RangesEditor
              dayLabel={weekdayName(index)}
              ranges={draft.weekly[day]}
              path={['weekly', day]}
              onChange={(ranges) => edit({ ...draft, weekly: { ...draft.weekly, [day]: ranges } })}
              errorAt={errorAt}
            />
          </Flex>
        ))}
      </Flex>
      <GroupTitle name="openingHours.exceptions" />
      <ExceptionsEditor hours={draft} onChange={edit} errorAt={errorAt} now={now} />
      <OpeningPreview hours={draft} now={now} valid={problems.length === 0} />
      <Flex gap={2} justifyContent="flex-end">
        <Button
          type="button"
          data-testid="opening-hours-save"
          startIcon={<Check />}
          disabled={!modified || problems.length > 0 || saving}
          loading={saving}
          onClick={save}
        >
          {t('save', 'Save opening hours')}
        </Button>
      </Flex>
    </Section>
  );
};
