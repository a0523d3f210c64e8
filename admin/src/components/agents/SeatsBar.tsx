import { Box, Flex, Typography, VisuallyHidden } from '@strapi/design-system';
import { useIntl } from 'react-intl';

import { getTranslation } from '../../utils/getTranslation';

/**
 * Active chats of the agent's seats: "2 / 3" and a bar beside it. The bar only repeats the text,
 * so screen readers get the words and skip the bar.
 */
export const SeatsBar = ({ activeChats, maxSeats }: { activeChats: number; maxSeats: number }) => {
  const { formatMessage } = useIntl();
  const share = maxSeats > 0 ? Math.min(1, activeChats / maxSeats) : 1;
  const full = activeChats >= maxSeats;
  return (
    <Flex gap={3} alignItems="center" data-testid="agent-load" data-active={activeChats} data-seats={maxSeats}>
      <Box
        aria-hidden
        background="neutral150"
        hasRadius
        height="0.8rem"
        width="8rem"
        overflow="hidden"
        style={{ flexShrink: 0 }}
      >
        <Box
          background={full ? 'danger500' : 'primary600'}
          height="100%"
          style={{ width: `${Math.round(share * 100)}%` }}
        />
      </Box>
      <Typography textColor={full ? 'danger600' : 'neutral800'}>
        <span aria-hidden>
          {formatMessage(
            {
              id: getTranslation('agents.load.value'),
              defaultMessage: '{active} / {seats}',
            },
            { active: activeChats, seats: maxSeats },
          )}
        </span>
        <VisuallyHidden>
          {formatMessage(
            {
              id: getTranslation('agents.load.label'),
              defaultMessage: '{active} of {seats} seats in use',
            },
            { active: activeChats, seats: maxSeats },
          )}
        </VisuallyHidden>
      </Typography>
    </Flex>
  );
};
