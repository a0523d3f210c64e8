import { useNotification } from '@strapi/strapi/admin';
import { useCallback } from 'react';
import { useIntl } from 'react-intl';

import { useClaimMutation } from '../api/liveSupportApi';
import { errorCodeOf } from '../shared';
import type { AgentConversationView } from '../types';
import { errorBodyOf } from '../utils/errors';
import { getTranslation } from '../utils/getTranslation';

import { useErrorToast } from './useErrorToast';

export type ClaimOutcome =
  | { result: 'claimed'; conversation: AgentConversationView }
  | { result: 'taken' }
  | { result: 'failed' };

/**
 * Claims a conversation for the signed-in agent. Losing the race to a colleague is not an
 * error: it says who won (and the card leaves the cached queue at once). Both the queue and the
 * conversation page claim this way.
 */
export function useClaimConversation(): (conversationId: number) => Promise<ClaimOutcome> {
  const [claim] = useClaimMutation();
  const { toggleNotification } = useNotification();
  const { formatMessage } = useIntl();
  const showError = useErrorToast();

  return useCallback(
    async (conversationId: number) => {
      try {
        return { result: 'claimed', conversation: await claim(conversationId).unwrap() };
      } catch (error) {
        const body = errorBodyOf(error);
        if (errorCodeOf(body) === 'ALREADY_CLAIMED') {
          const claimedBy = body?.details.claimedBy as { name?: string } | undefined;
          toggleNotification({
            type: 'warning',
            message: formatMessage(
              { id: getTranslation('desk.claim.alreadyClaimed'), defaultMessage: 'Already claimed by {name}' },
              { name: claimedBy?.name ?? '?' },
            ),
          });
          return { result: 'taken' };
        }
        showError(error, { id: 'desk.claim.error', defaultMessage: 'The conversation could not be claimed.' });
        return { result: 'failed' };
      }
    },
    [claim, formatMessage, showError, toggleNotification],
  );
}
