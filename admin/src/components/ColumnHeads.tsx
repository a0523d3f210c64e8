import { Th, Thead, Tr, Typography } from '@strapi/design-system';
import type { ReactNode } from 'react';

export interface Column {
  key: string;
  label: ReactNode;
}

/** The head row of the desk's tables, in the admin's table style. */
export const ColumnHeads = ({ columns }: { columns: readonly Column[] }) => (
  <Thead>
    <Tr>
      {columns.map((column) => (
        <Th key={column.key}>
          <Typography variant="sigma" textColor="neutral600">
            {column.label}
          </Typography>
        </Th>
      ))}
    </Tr>
  </Thead>
);
