import { useNotification, useRBAC } from '@strapi/strapi/admin';
import { useEffect, useRef } from 'react';
import { useIntl } from 'react-intl';
import { useNavigate } from 'react-router-dom';

import { useClaimNextMutation } from '../api/liveSupportApi';
import { PERMISSIONS } from '../permissions';
import { PLUGIN_ID } from '../pluginId';
import { errorCodeOf } from '../shared';
import { errorBodyOf } from '../utils/errors';
import { getTranslation } from '../utils/getTranslation';

import { useErrorToast } from './useErrorToast';

/** Alt+Shift+N anywhere in the desk. `code`, not `key`: on a Mac, Option+Shift+N types a character. */
export const isNextWaitingShortcut = (event: KeyboardEvent) =>
  event.altKey && event.shiftKey && !event.ctrlKey && !event.metaKey && event.code === 'KeyN';

/**
 * Alt+Shift+N claims the next waiting conversation and opens it. Which one is next (queue order,
 * and the next one when a colleague was faster) is the server's decision: `POST /queue/claim-next`.
 */
export function useNextWaitingShortcut(): void {
  const { formatMessage } = useIntl();
  const [claimNextConversation] = useClaimNextMutation();
  const { toggleNotification } = useNotification();
  const showError = useErrorToast();
  const navigate = useNavigate();
  const { allowedActions } = useRBAC({ chat: PERMISSIONS.chat });
  const canChat = Boolean(allowedActions.canChat);
  const busy = useRef(false);

  useEffect(() => {
    if (!canChat) return undefined;
    const claimNext = async () => {
      try {
        const conversation = await claimNextConversation().unwrap();
        navigate(`/plugins/${PLUGIN_ID}/conversations/${conversation.id}`);
      } catch (error) {
        if (errorCodeOf(errorBodyOf(error)) === 'QUEUE_EMPTY') {
          toggleNotification({
            type: 'info',
            message: formatMessage({ id: getTranslation('desk.next.none'), defaultMessage: 'Nobody is waiting.' }),
          });
        } else {
          showError(error, { id: 'desk.claim.error', defaultMessage: 'The conversation could not be claimed.' });
        }
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
  }, [canChat, claimNextConversation, formatMessage, navigate, showError, toggleNotification]);
}
