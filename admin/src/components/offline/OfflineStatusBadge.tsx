import { Badge } from '@strapi/design-system';
import { useIntl } from 'react-intl';

import { getTranslation } from '../../utils/getTranslation';

import type { OfflineMessageStatus } from '../../types';

const VARIANT = { new: 'primary', read: 'neutral', replied: 'success' } as const;
const DEFAULT_LABEL: Record<OfflineMessageStatus, string> = { new: 'New', read: 'Handled', replied: 'Replied' };

/** New, handled (read) or replied. */
export const OfflineStatusBadge = ({ status }: { status: OfflineMessageStatus }) => {
  const { formatMessage } = useIntl();
  return (
    <Badge variant={VARIANT[status]} data-testid="offline-status" data-status={status}>
      {formatMessage({
        id: getTranslation(`offline.status.${status}`),
        defaultMessage: DEFAULT_LABEL[status],
      })}
    </Badge>
  );
};
