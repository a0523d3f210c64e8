import { Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';

import type { AgentFigures } from '../../shared';

import { useAnalyticsFormat } from './useAnalyticsFormat';
import { ColumnHeads } from '../ColumnHeads';

/** Each agent's figures for the range, busiest first. */
export const AgentTable = ({ agents, label }: { agents: AgentFigures[]; label: string }) => {
  const format = useAnalyticsFormat();
  const { text } = format;

  if (agents.length === 0) {
    return (
      <Typography tag="p" textColor="neutral600" data-testid="analytics-agents-empty">
        {text('agents.empty', 'No agent handled a conversation in this range.')}
      </Typography>
    );
  }

  const rows = [...agents].sort((a, b) => b.conversations - a.conversations || a.name.localeCompare(b.name));
  const columns = [
    { key: 'name', label: text('agents.column.name', 'Agent') },
    {
      key: 'conversations',
      label: text('agents.column.conversations', 'Conversations'),
    },
    { key: 'resolved', label: text('agents.column.resolved', 'Resolved') },
    {
      key: 'firstResponse',
      label: text('agents.column.firstResponse', 'First response (median)'),
    },
    { key: 'csat', label: text('agents.column.csat', 'Satisfaction') },
    { key: 'ratings', label: text('agents.column.ratings', 'Ratings') },
  ];

  return (
    <Table colCount={columns.length} rowCount={rows.length + 1} aria-label={label} data-testid="analytics-agents">
      <ColumnHeads columns={columns} />
      <Tbody>
        {rows.map((agent) => (
          <Tr key={agent.agentId} data-testid="analytics-agent-row" data-agent-id={agent.agentId}>
            <Td>
              <Typography fontWeight="bold" data-testid="analytics-agent-name">
                {agent.name}
              </Typography>
            </Td>
            <Td>
              <Typography data-testid="analytics-agent-conversations">{format.count(agent.conversations)}</Typography>
            </Td>
            <Td>
              <Typography data-testid="analytics-agent-resolved">{format.count(agent.resolved)}</Typography>
            </Td>
            <Td>
              <Typography data-testid="analytics-agent-first-response">
                {format.duration(agent.firstResponse.medianSeconds)}
              </Typography>
            </Td>
            <Td>
              <Typography data-testid="analytics-agent-csat">
                {agent.averageScore === null
                  ? format.none
                  : text('card.csatAverage.value', '{score} / 5', {
                      score: format.score(agent.averageScore),
                    })}
              </Typography>
            </Td>
            <Td>
              <Typography data-testid="analytics-agent-ratings">{format.count(agent.ratings)}</Typography>
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};
