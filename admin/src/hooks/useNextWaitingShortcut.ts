import { useFetchClient, useNotification, useRBAC } from '@strapi/strapi/admin';
import { useEffect, useRef } from 'react';
import { useIntl } from 'react-intl';
import { useNavigate } from 'react-router-dom';

import { PERMISSIONS } from '../permissions';
import { PLUGIN_ID } from '../pluginId';
import type { AgentConversationView } from '../types';
import { errorBodyOf } from '../utils/errors';
import { getTranslation } from '../utils/getTranslation';

/** Alt+Shift+N anywhere in the desk. `code`, not `key`: on a Mac, Option+Shift+N types a character. */
export const isNextWaitingShortcut = (event: KeyboardEvent) =>
  event.altKey && event.shiftKey && !event.ctrlKey && !event.metaKey && event.code === 'KeyN';

/**
 * Alt+Shift+N claims the next waiting conversation and opens it. Which one is next (queue order,
 * and the next one when a colleague was faster) is the server's decision: `POST /queue/claim-next`.
 */
export function useNextWaitingShortcut(): void {
  const { formatMessage } = useIntl();
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const navigate = useNavigate();
  const { allowedActions } = useRBAC({ chat: PERMISSIONS.chat });
  const canChat = Boolean(allowedActions.canChat);
  const busy = useRef(false);

  useEffect(() => {
    if (!canChat) return undefined;
    const claimNext = async () => {
      try {
        const { data } = await post<{ data: AgentConversationView }>('/live-support/queue/claim-next', {});
        navigate(`/plugins/${PLUGIN_ID}/conversations/${data.data.id}`);
      } catch (error) {
        const body = errorBodyOf(error);
        toggleNotification(
          body?.details?.code === 'QUEUE_EMPTY'
            ? {
                type: 'info',
                message: formatMessage({ id: getTranslation('desk.next.none'), defaultMessage: 'Nobody is waiting.' }),
              }
            : {
                type: 'danger',
                message:
                  body?.message ??
                  formatMessage({ id: getTranslation('desk.claim.error'), defaultMessage: 'The conversation could not be claimed.' }),
              },
        );
      }
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (!isNextWaitingShortcut(event)) return;
      event.preventDefault();
      if (busy.current) return;
      busy.current = true;
      void claimNext().finally(() => {
        busy.current = false;
      });
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [canChat, formatMessage, navigate, post, toggleNotification]);
}
