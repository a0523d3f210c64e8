import { Flex, Link, Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
import { Layouts, Page } from '@strapi/strapi/admin';
import type { ReactNode } from 'react';
import { useIntl } from 'react-intl';
import { Link as RouterLink } from 'react-router-dom';

import { useLiveAgents } from '../api/liveHooks';
import { sortAgents, summarizeAgents } from '../components/agents/agentLoad';
import { PresenceBadge } from '../components/agents/PresenceBadge';
import { SeatsBar } from '../components/agents/SeatsBar';
import { getTranslation } from '../utils/getTranslation';
import { ColumnHeads } from '../components/ColumnHeads';
import { EmptyState } from '../components/EmptyState';

/** Every agent's presence and load, for supervisors; live over the shared `/agent` socket. */
export const AgentsPage = () => {
  const { formatMessage } = useIntl();
  // Live: a presence change shows at once, and claims, transfers and resolves refetch the loads.
  const { current: agents, failed } = useLiveAgents();

  const title = formatMessage({
    id: getTranslation('agents.title'),
    defaultMessage: 'Agents',
  });
  const header = (
    <Layouts.Header
      title={title}
      subtitle={formatMessage({
        id: getTranslation('agents.subtitle'),
        defaultMessage: 'Who is available and how many chats each agent has.',
      })}
    />
  );

  if (failed && !agents) {
    return (
      <Page.Main>
        <Page.Title>{title}</Page.Title>
        {header}
        <Layouts.Content>
          <Typography textColor="danger600" data-testid="agents-error">
            {formatMessage({
              id: getTranslation('agents.error'),
              defaultMessage: 'The agents could not be loaded.',
            })}
          </Typography>
        </Layouts.Content>
      </Page.Main>
    );
  }
  if (!agents) {
    return <Page.Loading />;
  }

  const rows = sortAgents(agents);
  const summary = summarizeAgents(agents);
  const columns = [
    { key: 'name', label: formatMessage({ id: getTranslation('agents.column.name'), defaultMessage: 'Name' }) },
    { key: 'status', label: formatMessage({ id: getTranslation('agents.column.status'), defaultMessage: 'Status' }) },
    {
      key: 'load',
      label: formatMessage({ id: getTranslation('agents.column.load'), defaultMessage: 'Active chats / seats' }),
    },
  ];

  return (
    <Page.Main>
      <Page.Title>{title}</Page.Title>
      {header}
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          {failed ? (
            <Typography textColor="danger600" data-testid="agents-error">
              {formatMessage({
                id: getTranslation('agents.error.stale'),
                defaultMessage: 'The list could not be refreshed; it may be out of date.',
              })}
            </Typography>
          ) : null}
          <Typography
            tag="p"
            variant="epsilon"
            data-testid="agents-summary"
            data-online={summary.online}
            data-free-seats={summary.freeSeats}
            aria-live="polite"
          >
            {formatMessage(
              {
                id: getTranslation('agents.summary'),
                defaultMessage:
                  '{online} of {total} agents online · {freeSeats, plural, =0 {no free seats} one {# free seat} other {# free seats}}',
              },
              { online: summary.online, total: summary.total, freeSeats: summary.freeSeats },
            )}
          </Typography>
          {rows.length === 0 ? (
            <EmptyState testId="agents-empty">
              {formatMessage({
                id: getTranslation('agents.empty'),
                defaultMessage: 'No agents yet. Give a role the Live Support “chat” permission in Settings → Roles.',
              })}
            </EmptyState>
          ) : (
            <Table colCount={columns.length} rowCount={rows.length + 1} aria-label={title} data-testid="agents-table">
              <ColumnHeads columns={columns} />
              <Tbody>
                {rows.map((agent) => (
                  <Tr key={agent.agentId} data-testid="agent-row" data-agent-id={agent.agentId} data-status={agent.status}>
                    <Td>
                      <Typography fontWeight="bold" data-testid="agent-name">
                        {agent.name}
                      </Typography>
                    </Td>
                    <Td>
                      <PresenceBadge status={agent.status} />
                    </Td>
                    <Td>
                      <SeatsBar activeChats={agent.activeChats} maxSeats={agent.maxSeats} />
                    </Td>
                  </Tr>
                ))}
              </Tbody>
            </Table>
          )}
          <Typography tag="p" variant="pi" textColor="neutral600" data-testid="agents-roles-hint">
            {formatMessage(
              {
                id: getTranslation('agents.rolesHint'),
                defaultMessage:
                  'Who is an agent is managed with roles: give a role the Live Support permissions in <link>Settings → Administration panel → Roles</link>.',
              },
              {
                link: (chunks: ReactNode[]) => (
                  <Link tag={RouterLink} to="/settings/roles" data-testid="agents-roles-link">
                    {chunks}
                  </Link>
                ),
              },
            )}
          </Typography>
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};

export default AgentsPage;
