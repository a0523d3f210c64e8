import { Box, Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';

import type { OpeningHours } from '../../../shared';
import { getTranslation } from '../../../utils/getTranslation';

import { previewAt, upcomingExceptions } from './model';

/**
 * What customers are told now, as the hours being edited say, in the team's time zone: "Open
 * now, until 18:00" or "Closed, opens Tuesday 08:00", and the next exceptions. Shown only for
 * hours without problems.
 */
export const OpeningPreview = ({ hours, now, valid }: { hours: OpeningHours; now: Date; valid: boolean }) => {
  const { formatMessage, locale } = useIntl();
  const t = (id: string, defaultMessage: string, values?: Record<string, string>) =>
    formatMessage({ id: getTranslation(`settings.openingHours.${id}`), defaultMessage }, values);

  let status: string;
  if (!valid) {
    status = t('preview.invalid', 'Correct the marked fields to see the preview.');
  } else {
    const preview = previewAt(hours, now);
    if (preview.open) {
      status = t('preview.openUntil', 'Open now, until {time}', { time: preview.until });
    } else if (preview.opensAt) {
      const inZone = (options: Intl.DateTimeFormatOptions) =>
        new Intl.DateTimeFormat(locale, { timeZone: hours.timeZone, ...options }).format(preview.opensAt ?? undefined);
      status = t('preview.closedOpens', 'Closed, opens {day} {time}', {
        day: inZone({ weekday: 'long', day: 'numeric', month: 'numeric' }),
        time: inZone({ hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
      });
    } else {
      status = t('preview.closedNoOpening', 'Closed, and not open in the next two weeks');
    }
  }
  const upcoming = valid ? upcomingExceptions(hours, now) : [];

  return (
    <Box padding={4} hasRadius background="neutral100" data-testid="opening-preview">
      <Flex direction="column" alignItems="stretch" gap={2}>
        <Typography variant="sigma" tag="h3" textColor="neutral600">
          {t('preview.title', 'Now in the team’s time zone ({timeZone})', { timeZone: hours.timeZone })}
        </Typography>
        <Typography variant="omega" fontWeight="bold" data-testid="opening-preview-status" aria-live="polite">
          {status}
        </Typography>
        {upcoming.length > 0 ? (
          <>
            <Typography variant="pi" textColor="neutral600">
              {t('preview.upcoming', 'Next exceptions')}
            </Typography>
            <ul data-testid="opening-preview-upcoming">
              {upcoming.map((exception) => (
                <li key={exception.date}>
                  <Typography variant="pi">
                    {exception.date}{' '}
                    {exception.ranges.length === 0
                      ? t('preview.closedDay', 'closed')
                      : exception.ranges.map((range) => `${range.from}–${range.to}`).join(', ')}
                    {exception.note ? ` · ${exception.note}` : ''}
                  </Typography>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </Flex>
    </Box>
  );
};
