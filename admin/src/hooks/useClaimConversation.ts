import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useCallback } from 'react';
import { useIntl } from 'react-intl';

import type { AgentConversationView } from '../types';
import { errorBodyOf } from '../utils/errors';
import { getTranslation } from '../utils/getTranslation';

export type ClaimOutcome =
  | { result: 'claimed'; conversation: AgentConversationView }
  | { result: 'taken' }
  | { result: 'failed' };

/**
 * Claims a conversation for the signed-in agent. Losing the race to a colleague is not an
 * error: it says who won. Both the queue and the conversation page claim this way.
 */
export function useClaimConversation(): (conversationId: number) => Promise<ClaimOutcome> {
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const { formatMessage } = useIntl();

  return useCallback(
    async (conversationId: number) => {
      try {
        const { data } = await post<{ data: AgentConversationView }>(
          `/live-support/conversations/${conversationId}/claim`,
          {},
        );
        return { result: 'claimed', conversation: data.data };
      } catch (error) {
        const body = errorBodyOf(error);
        if (body?.details?.code === 'ALREADY_CLAIMED') {
          const claimedBy = body.details.claimedBy as { name?: string } | undefined;
          toggleNotification({
            type: 'warning',
            message: formatMessage(
              { id: getTranslation('desk.claim.alreadyClaimed'), defaultMessage: 'Already claimed by {name}' },
              { name: claimedBy?.name ?? '?' },
            ),
          });
          return { result: 'taken' };
        }
        toggleNotification({
          type: 'danger',
          message:
            body?.message ??
            formatMessage({
              id: getTranslation('desk.claim.error'),
              defaultMessage: 'The conversation could not be claimed.',
            }),
        });
        return { result: 'failed' };
      }
    },
    [post, toggleNotification, formatMessage],
  );
}
