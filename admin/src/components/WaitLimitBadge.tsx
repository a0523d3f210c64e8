import { Badge, Flex } from '@strapi/design-system';
import { useIntl } from 'react-intl';

import { secondsSince } from '../api/serverClock';
import { waitLevel } from '../shared';
import type { QueueCardView } from '../types';
import { getTranslation } from '../utils/getTranslation';

/**
 * A waiting card's warning as the wait nears `queue.maxWaitMinutes` (from 80 % of it) and once it
 * has reached it (the customer is then offered to leave a message). Nothing below 80 % or without a limit.
 */
export const WaitLimitBadge = ({ card, now }: { card: QueueCardView; now: number }) => {
  const { formatMessage } = useIntl();
  if (!card.waitingSince) return null;
  const level = waitLevel(secondsSince(card.waitingSince, now), card.maxWaitMinutes);
  if (level === 'normal') return null;
  const reached = level === 'reached';
  return (
    <Flex>
      <Badge
        backgroundColor={reached ? 'danger100' : 'warning100'}
        textColor={reached ? 'danger700' : 'warning700'}
        data-testid="card-wait-limit"
        data-level={level}
      >
        {reached
          ? formatMessage({ id: getTranslation('desk.card.waitReached'), defaultMessage: 'Waited past the limit' })
          : formatMessage({ id: getTranslation('desk.card.waitNearing'), defaultMessage: 'Wait nearing the limit' })}
      </Badge>
    </Flex>
  );
};
