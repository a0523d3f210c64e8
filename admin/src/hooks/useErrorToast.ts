import { useNotification } from '@strapi/strapi/admin';
import { useCallback } from 'react';
import { useIntl } from 'react-intl';

import { errorBodyOf } from '../utils/errors';
import { getTranslation } from '../utils/getTranslation';

export interface FallbackText {
  id: string;
  defaultMessage: string;
}

/**
 * The desk's one way to say that something failed: the server's own message when it sent one,
 * else `fallback` (a key of the plugin's translations).
 */
export function useErrorToast(): (error: unknown, fallback: FallbackText) => void {
  const { toggleNotification } = useNotification();
  const { formatMessage } = useIntl();
  return useCallback(
    (error, fallback) =>
      toggleNotification({
        type: 'danger',
        message:
          errorBodyOf(error)?.message ??
          formatMessage({ id: getTranslation(fallback.id), defaultMessage: fallback.defaultMessage }),
      }),
    [formatMessage, toggleNotification],
  );
}
