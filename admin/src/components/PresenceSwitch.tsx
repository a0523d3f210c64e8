import { Box, Field, SingleSelect, SingleSelectOption } from '@strapi/design-system';
import { useAuth, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';

import { useAgentSocket } from '../hooks/useAgentSocket';
import { PRESENCE_STATUSES } from '../shared';
import type { AgentPresenceView, PresenceStatus } from '../types';
import { getTranslation } from '../utils/getTranslation';

const STATUSES: readonly PresenceStatus[] = PRESENCE_STATUSES;

/** The agent's own presence: read from `GET /agents`, kept live by `presence:changed`, set with `PUT /presence`. */
export const PresenceSwitch = () => {
  const rawUserId = useAuth('PresenceSwitch', (state) => state.user?.id);
  const userId = rawUserId === undefined ? undefined : Number(rawUserId);
  const { formatMessage } = useIntl();
  const { get, put } = useFetchClient();
  const { toggleNotification } = useNotification();
  const socket = useAgentSocket();
  const [status, setStatus] = useState<PresenceStatus | null>(null);

  useEffect(() => {
    let cancelled = false;
    const load = () => {
      get<{ data: AgentPresenceView[] }>('/live-support/agents')
        .then(({ data }) => {
          const mine = data.data.find((agent) => agent.agentId === userId);
          if (!cancelled) setStatus(mine ? mine.status : 'offline');
        })
        .catch(() => undefined);
    };
    load();
    if (!socket)
      return () => {
        cancelled = true;
      };
    const onChanged = (presence: AgentPresenceView) => {
      if (presence.agentId === userId) setStatus(presence.status);
    };
    socket.on('presence:changed', onChanged);
    socket.on('connect', load);
    return () => {
      cancelled = true;
      socket.off('presence:changed', onChanged);
      socket.off('connect', load);
    };
  }, [get, socket, userId]);

  const change = (value: string | number) => {
    const next = String(value) as PresenceStatus;
    const previous = status;
    setStatus(next);
    put<{ data: AgentPresenceView }>('/live-support/presence', { status: next })
      .then(({ data }) => setStatus(data.data.status))
      .catch(() => {
        setStatus(previous);
        toggleNotification({
          type: 'danger',
          message: formatMessage({
            id: getTranslation('presence.error'),
            defaultMessage: 'Your status could not be changed.',
          }),
        });
      });
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
