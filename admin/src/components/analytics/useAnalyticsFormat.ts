import { useCallback, useMemo } from 'react';
import { useIntl } from 'react-intl';

import { getTranslation } from '../../utils/getTranslation';

/**
 * Numbers in the admin's locale and durations as people read them ("45 s", "1 min 05 s",
 * "2 h 03 min"); a missing figure (nothing to measure) is a dash.
 */
export const useAnalyticsFormat = () => {
  const { formatMessage, formatNumber, formatDate } = useIntl();

  const text = useCallback(
    (id: string, defaultMessage: string, values?: Record<string, string | number>) =>
      formatMessage({ id: getTranslation(`analytics.${id}`), defaultMessage }, values),
    [formatMessage],
  );

  return useMemo(() => {
    const none = text('value.none', '–');
    const count = (value: number) => formatNumber(value);
    const percent = (share: number | null) =>
      share === null ? none : formatNumber(share, { style: 'percent', maximumFractionDigits: 1 });
    const score = (value: number | null) =>
      value === null
        ? none
        : formatNumber(value, {
            minimumFractionDigits: 1,
            maximumFractionDigits: 2,
          });
    const duration = (seconds: number | null) => {
      if (seconds === null) return none;
      const total = Math.max(0, Math.round(seconds));
      const hours = Math.floor(total / 3600);
      const minutes = Math.floor((total % 3600) / 60);
      const rest = total % 60;
      if (hours > 0) {
        return text('duration.hours', '{hours} h {minutes} min', {
          hours: formatNumber(hours),
          minutes: String(minutes).padStart(2, '0'),
        });
      }
      if (minutes > 0) {
        return text('duration.minutes', '{minutes} min {seconds} s', {
          minutes: formatNumber(minutes),
          seconds: String(rest).padStart(2, '0'),
        });
      }
      return text('duration.seconds', '{seconds} s', {
        seconds: formatNumber(rest),
      });
    };
    /** A report day (`YYYY-MM-DD`), shown as that calendar day wherever the browser is. */
    const day = (isoDay: string, style: 'short' | 'long' = 'long') =>
      formatDate(Date.parse(`${isoDay}T00:00:00Z`), {
        timeZone: 'UTC',
        ...(style === 'short' ? { day: 'numeric', month: 'numeric' } : { dateStyle: 'medium' }),
      });
    return { text, none, count, percent, score, duration, day };
  }, [formatDate, formatNumber, text]);
};

export type AnalyticsFormat = ReturnType<typeof useAnalyticsFormat>;
