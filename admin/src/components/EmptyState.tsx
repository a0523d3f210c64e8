import { Box, Typography } from '@strapi/design-system';

/** A white panel that says why a list is empty. */
export const EmptyState = ({ testId, children }: { testId: string; children: string }) => (
  <Box background="neutral0" hasRadius shadow="tableShadow" padding={6} data-testid={testId}>
    <Typography textColor="neutral600">{children}</Typography>
  </Box>
);
