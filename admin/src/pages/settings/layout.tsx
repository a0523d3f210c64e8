import { Box, Flex, Grid, Typography } from '@strapi/design-system';
import type { ReactNode } from 'react';
import { useIntl } from 'react-intl';

import { getTranslation } from '../../utils/getTranslation';

/**
 * The frame of the settings sections. Titles are translated by name: a section `queue` reads
 * `settings.queue.title` and `settings.queue.description`, a group `escalation.phrases` reads
 * `settings.escalation.phrases.title`; the translation test proves the keys exist.
 */
export const Section = ({ name, children }: { name: string; children: ReactNode }) => {
  const { formatMessage } = useIntl();
  const id = `settings-${name}`;
  return (
    <Box
      tag="section"
      aria-labelledby={`${id}-title`}
      data-testid={id}
      background="neutral0"
      hasRadius
      shadow="filterShadow"
      paddingTop={6}
      paddingBottom={6}
      paddingLeft={7}
      paddingRight={7}
    >
      <Flex direction="column" alignItems="stretch" gap={5}>
        <Flex direction="column" alignItems="stretch" gap={1}>
          <Typography variant="delta" tag="h2" id={`${id}-title`}>
            {formatMessage({ id: getTranslation(`settings.${name}.title`) })}
          </Typography>
          <Typography variant="pi" textColor="neutral600">
            {formatMessage({ id: getTranslation(`settings.${name}.description`) })}
          </Typography>
        </Flex>
        {children}
      </Flex>
    </Box>
  );
};

/** The title of a group of fields inside a section. */
export const GroupTitle = ({ name }: { name: string }) => {
  const { formatMessage } = useIntl();
  return (
    <Typography variant="sigma" tag="h3" textColor="neutral600">
      {formatMessage({ id: getTranslation(`settings.${name}.title`) })}
    </Typography>
  );
};

export const Fields = ({ children }: { children: ReactNode }) => <Grid.Root gap={5}>{children}</Grid.Root>;

const COLUMNS = { half: 6, third: 4, full: 12 } as const;

/** A grid cell; on a small screen every cell takes the whole row. */
export const Cell = ({ children, width = 'half' }: { children: ReactNode; width?: keyof typeof COLUMNS }) => (
  <Grid.Item col={COLUMNS[width]} s={12} direction="column" alignItems="stretch" gap={4}>
    {children}
  </Grid.Item>
);
