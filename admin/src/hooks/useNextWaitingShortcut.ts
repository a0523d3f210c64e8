import { useFetchClient, useNotification, useRBAC } from '@strapi/strapi/admin';
import { useEffect, useRef } from 'react';
import { useIntl } from 'react-intl';
import { useNavigate } from 'react-router-dom';

import { PERMISSIONS } from '../permissions';
import { PLUGIN_ID } from '../pluginId';
import type { QueueSnapshot } from '../types';
import { getTranslation } from '../utils/getTranslation';

import { useClaimConversation } from './useClaimConversation';

/** Alt+Shift+N anywhere in the desk. `code`, not `key`: on a Mac, Option+Shift+N types a character. */
export const isNextWaitingShortcut = (event: KeyboardEvent) =>
  event.altKey && event.shiftKey && !event.ctrlKey && !event.metaKey && event.code === 'KeyN';

/** How many waiting conversations one key press tries before it gives up to colleagues. */
const ATTEMPTS = 3;

/**
 * Alt+Shift+N claims the first waiting conversation (in queue order) and opens it. When a
 * colleague claims it first, the next one is tried.
 */
export function useNextWaitingShortcut(): void {
  const { formatMessage } = useIntl();
  const { get } = useFetchClient();
  const { toggleNotification } = useNotification();
  const navigate = useNavigate();
  const claimConversation = useClaimConversation();
  const { allowedActions } = useRBAC({ chat: PERMISSIONS.chat });
  const canChat = Boolean(allowedActions.canChat);
  const busy = useRef(false);

  useEffect(() => {
    if (!canChat) return undefined;
    const claimNext = async () => {
      const { data } = await get<{ data: QueueSnapshot }>(`/live-support/queue?pageSize=${ATTEMPTS}`);
      for (const card of data.data.waiting) {
        const outcome = await claimConversation(card.id);
        if (outcome.result === 'claimed') {
          navigate(`/plugins/${PLUGIN_ID}/conversations/${card.id}`);
          return;
        }
        if (outcome.result === 'failed') return;
      }
      toggleNotification({
        type: 'info',
        message: formatMessage({
          id: getTranslation('desk.next.none'),
          defaultMessage: 'Nobody is waiting.',
        }),
      });
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (!isNextWaitingShortcut(event)) return;
      event.preventDefault();
      if (busy.current) return;
      busy.current = true;
      claimNext()
        .catch(() =>
          toggleNotification({
            type: 'danger',
            message: formatMessage({
              id: getTranslation('desk.queue.error'),
              defaultMessage: 'The queue could not be loaded.',
            }),
          }),
        )
        .finally(() => {
          busy.current = false;
        });
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [canChat, claimConversation, formatMessage, get, navigate, toggleNotification]);
}
