import { Button } from '@strapi/design-system';
import { Download } from '@strapi/icons';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useState } from 'react';

import type { DayRange } from './dateRange';
import { useAnalyticsFormat } from './useAnalyticsFormat';

/** Downloads the range as CSV (one row per day) through the admin's authenticated fetch. */
export const ExportButton = ({ range, disabled }: { range: DayRange; disabled: boolean }) => {
  const { text } = useAnalyticsFormat();
  const { get } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [exporting, setExporting] = useState(false);

  const download = async () => {
    setExporting(true);
    try {
      const { data } = await get('/live-support/analytics/export', {
        params: { from: range.from, to: range.to },
        responseType: 'blob',
      });
      const url = URL.createObjectURL(data);
      const link = document.createElement('a');
      link.href = url;
      link.download = `live-support-${range.from}-${range.to}.csv`;
      document.body.appendChild(link);
      link.click();
      link.remove();
      // Revoked later: some browsers start the download only after the click's task.
      window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch {
      toggleNotification({
        type: 'danger',
        message: text('export.error', 'The CSV file could not be downloaded.'),
      });
    } finally {
      setExporting(false);
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
