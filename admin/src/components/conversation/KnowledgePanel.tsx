import { Box, Button, Flex, Link, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';

import type { KnowledgeContextItem } from '../../types';
import { getTranslation } from '../../utils/getTranslation';

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
  const { get } = useFetchClient();
  const [items, setItems] = useState<KnowledgeContextItem[] | null>(null);
  const text = (id: string, defaultMessage: string, values?: Record<string, string | number>) =>
    formatMessage({ id: getTranslation(id), defaultMessage }, values);

  useEffect(() => {
    let cancelled = false;
    const timer = window.setTimeout(() => {
      get<{ data: KnowledgeContextItem[] }>(`/live-support/conversations/${conversationId}/knowledge`)
        .then(({ data }) => {
          if (!cancelled) setItems(data.data);
        })
        .catch(() => {
          if (!cancelled) setItems([]);
        });
    }, 300);
    return () => {
      cancelled = true;
      window.clearTimeout(timer);
    };
  }, [conversationId, customerMessages, get]);

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
