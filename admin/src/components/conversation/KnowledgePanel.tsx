import { Box, Button, Flex, Link, Typography } from '@strapi/design-system';
import { useDebounce } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';

import { useKnowledgeQuery } from '../../api/liveSupportApi';
import { getTranslation } from '../../utils/getTranslation';

const KNOWLEDGE_DELAY_MS = 300;

interface KnowledgePanelProps {
  conversationId: number;
  /** Changes when the customer writes again, so the matches follow the conversation. */
  customerMessages: number;
  /** Offered only while the agent can reply. */
  onUse?(text: string): void;
}

/** Knowledge-base entries that match what the customer asked, to read or quote in the reply. */
export const KnowledgePanel = ({ conversationId, customerMessages, onUse }: KnowledgePanelProps) => {
  const { formatMessage } = useIntl();
  // A burst of customer messages asks once; earlier matches stay in sight meanwhile.
  const askedFor = useDebounce(customerMessages, KNOWLEDGE_DELAY_MS);
  const { data, isError } = useKnowledgeQuery({ conversationId, customerMessages: askedFor });
  const items = isError ? [] : (data ?? null);
  const text = (id: string, defaultMessage: string, values?: Record<string, string | number>) =>
    formatMessage({ id: getTranslation(id), defaultMessage }, values);

  return (
    <Box background="neutral0" hasRadius shadow="tableShadow" padding={4} width="100%" data-testid="knowledge" tag="section">
      <Flex direction="column" alignItems="stretch" gap={3}>
        <Typography variant="delta" tag="h2">
          {text('knowledge.title', 'From the knowledge base')}
        </Typography>
        {items !== null && items.length === 0 ? (
          <Typography variant="pi" textColor="neutral600">
            {text('knowledge.empty', 'Nothing in the knowledge base matches what the customer asked.')}
          </Typography>
        ) : null}
        {(items ?? []).map((item) => (
          <Box key={item.documentId} data-testid="knowledge-item" borderColor="neutral200" hasRadius padding={3}>
            <Flex direction="column" alignItems="stretch" gap={1}>
              <Link href={item.adminUrl} isExternal={false}>
                {item.title}
              </Link>
              <Typography variant="pi" textColor="neutral600">
                {text('knowledge.match', '{percent}% of the question matches', {
                  percent: Math.round(item.confidence * 100),
                })}
              </Typography>
              <Typography variant="omega" tag="p">
                {item.excerpt}
              </Typography>
              {onUse ? (
                <Flex justifyContent="flex-end">
                  <Button size="S" variant="tertiary" onClick={() => onUse(item.excerpt)} data-testid="knowledge-use">
                    {text('knowledge.use', 'Add to reply')}
                  </Button>
                </Flex>
              ) : null}
            </Flex>
          </Box>
        ))}
      </Flex>
    </Box>
  );
};
