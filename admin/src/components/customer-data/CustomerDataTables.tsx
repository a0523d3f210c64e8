import { Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';

import type { CustomerConversationSummary, CustomerOfflineMessageSummary } from '../../shared';
import { getTranslation } from '../../utils/getTranslation';
import { ColumnHeads } from '../ColumnHeads';

const useText = () => {
  const { formatMessage, formatDate } = useIntl();
  return {
    text: (id: string, defaultMessage: string, values?: Record<string, string | number>) =>
      formatMessage({ id: getTranslation(id), defaultMessage }, values),
    date: (iso: string | null) => (iso ? formatDate(iso, { dateStyle: 'medium', timeStyle: 'short' }) : '–'),
  };
};

const Cell = ({ children, testId }: { children: string | number; testId?: string }) => (
  <Td>
    <Typography data-testid={testId}>{children}</Typography>
  </Td>
);

/** The customer's conversations: who the row says they are, when, how far it got and how long it was. */
export const ConversationTable = ({ rows }: { rows: CustomerConversationSummary[] }) => {
  const { text, date } = useText();
  const columns = [
    { key: 'id', label: text('customerData.column.conversation', 'Conversation') },
    { key: 'status', label: text('customerData.column.status', 'Status') },
    { key: 'customer', label: text('customerData.column.customer', 'Customer') },
    { key: 'createdAt', label: text('customerData.column.started', 'Started') },
    { key: 'messages', label: text('customerData.column.messages', 'Messages') },
  ];
  return (
    <Table
      colCount={columns.length}
      rowCount={rows.length + 1}
      aria-label={text('customerData.conversations', 'Conversations')}
      data-testid="customer-data-conversations"
    >
      <ColumnHeads columns={columns} />
      <Tbody>
        {rows.map((row) => (
          <Tr key={row.id} data-testid="customer-data-conversation">
            <Cell>{`#${row.id}`}</Cell>
            <Cell testId="customer-data-status">{text(`status.${row.status}`, row.status)}</Cell>
            <Cell>{[row.customerName, row.customerEmail, row.customerPhone, row.externalId].filter(Boolean).join(' · ') || '–'}</Cell>
            <Cell>{date(row.createdAt)}</Cell>
            <Cell>{row.messageCount}</Cell>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};

/** The messages the customer left while no agent was available. */
export const OfflineMessageTable = ({ rows }: { rows: CustomerOfflineMessageSummary[] }) => {
  const { text, date } = useText();
  const columns = [
    { key: 'id', label: text('customerData.column.message', 'Message') },
    { key: 'status', label: text('customerData.column.status', 'Status') },
    { key: 'customer', label: text('customerData.column.customer', 'Customer') },
    { key: 'createdAt', label: text('customerData.column.left', 'Left') },
  ];
  return (
    <Table
      colCount={columns.length}
      rowCount={rows.length + 1}
      aria-label={text('customerData.offlineMessages', 'Offline messages')}
      data-testid="customer-data-offline-messages"
    >
      <ColumnHeads columns={columns} />
      <Tbody>
        {rows.map((row) => (
          <Tr key={row.id} data-testid="customer-data-offline-message">
            <Cell>{`#${row.id}`}</Cell>
            <Cell>{text(`offline.status.${row.status}`, row.status)}</Cell>
            <Cell>{[row.name, row.email, row.phone].filter(Boolean).join(' · ') || '–'}</Cell>
            <Cell>{date(row.createdAt)}</Cell>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};
