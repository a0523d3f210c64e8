import { Box, Field, SingleSelect, SingleSelectOption } from '@strapi/design-system';
import { useAuth } from '@strapi/strapi/admin';
import { useState } from 'react';
import { useIntl } from 'react-intl';

import { useLiveAgents } from '../api/liveHooks';
import { useSetPresenceMutation } from '../api/liveSupportApi';
import { useErrorToast } from '../hooks/useErrorToast';
import { PRESENCE_STATUSES } from '../shared';
import type { PresenceStatus } from '../types';
import { getTranslation } from '../utils/getTranslation';

const STATUSES: readonly PresenceStatus[] = PRESENCE_STATUSES;

/** The agent's own presence: read from the cached agents (kept live by `presence:changed`), set with `PUT /presence`. */
export const PresenceSwitch = () => {
  const rawUserId = useAuth('PresenceSwitch', (state) => state.user?.id);
  const userId = rawUserId === undefined ? undefined : Number(rawUserId);
  const { formatMessage } = useIntl();
  const showError = useErrorToast();
  const { current: agents } = useLiveAgents();
  const [setPresence] = useSetPresenceMutation();
  // The choice shows at once; the server's answer (or a failure) ends it.
  const [choosing, setChoosing] = useState<PresenceStatus | null>(null);
  const mine = agents?.find((agent) => agent.agentId === userId);
  const status: PresenceStatus | null = choosing ?? (agents ? (mine ? mine.status : 'offline') : null);

  const change = (value: string | number) => {
    const next = String(value) as PresenceStatus;
    setChoosing(next);
    setPresence(next)
      .unwrap()
      // Not the server's message: the status simply stays what it was.
      .catch(() => showError(null, { id: 'presence.error', defaultMessage: 'Your status could not be changed.' }))
      .finally(() => setChoosing(null));
  };

  const label = formatMessage({
    id: getTranslation('presence.label'),
    defaultMessage: 'My status',
  });
  return (
    <Box data-testid="presence" data-status={status ?? undefined}>
      <Field.Root name="presence">
        <Field.Label>{label}</Field.Label>
        <SingleSelect aria-label={label} value={status ?? undefined} onChange={change} disabled={status === null}>
          {STATUSES.map((value) => (
            <SingleSelectOption key={value} value={value}>
              {formatMessage({
                id: getTranslation(`presence.${value}`),
                defaultMessage: value,
              })}
            </SingleSelectOption>
          ))}
        </SingleSelect>
      </Field.Root>
    </Box>
  );
};
