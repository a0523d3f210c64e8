import { Button } from '@strapi/design-system';
import { Download } from '@strapi/icons';
import { useExportAnalyticsMutation } from '../../api/liveSupportApi';
import { useErrorToast } from '../../hooks/useErrorToast';
import { downloadObjectUrl } from '../../utils/download';

import type { DayRange } from './dateRange';
import { useAnalyticsFormat } from './useAnalyticsFormat';

/** Downloads the range as CSV (one row per day) through the admin's authenticated fetch. */
export const ExportButton = ({ range, disabled }: { range: DayRange; disabled: boolean }) => {
  const { text } = useAnalyticsFormat();
  const [exportRange, { isLoading: exporting }] = useExportAnalyticsMutation();
  const showError = useErrorToast();

  const download = async () => {
    try {
      downloadObjectUrl(await exportRange({ from: range.from, to: range.to }).unwrap(), `live-support-${range.from}-${range.to}.csv`);
    } catch {
      showError(null, { id: 'analytics.export.error', defaultMessage: 'The CSV file could not be downloaded.' });
    }
  };

  return (
    <Button
      variant="secondary"
      startIcon={<Download />}
      loading={exporting}
      disabled={disabled}
      onClick={download}
      data-testid="analytics-export"
    >
      {text('export', 'Export CSV')}
    </Button>
  );
};
