import { Badge } from '@strapi/design-system';
import { useIntl } from 'react-intl';

import type { PresenceStatus } from '../../types';
import { getTranslation } from '../../utils/getTranslation';

const VARIANT = { online: 'success', away: 'warning', offline: 'neutral' } as const;

/** An agent's presence as a coloured badge, with the same words as the presence switch. */
export const PresenceBadge = ({ status }: { status: PresenceStatus }) => {
  const { formatMessage } = useIntl();
  return (
    <Badge variant={VARIANT[status]} data-testid="agent-status" data-status={status}>
      {formatMessage({
        id: getTranslation(`presence.${status}`),
        defaultMessage: status,
      })}
    </Badge>
  );
};
