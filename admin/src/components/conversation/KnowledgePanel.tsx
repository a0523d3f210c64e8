import { Badge, Box, Button, Flex, Link, Searchbar, Typography } from '@strapi/design-system';
import { useDebounce } from '@strapi/strapi/admin';
import { useState } from 'react';
import { useIntl } from 'react-intl';

import { useKnowledgeQuery } from '../../api/liveSupportApi';
import { KNOWLEDGE_SEARCH_MAX_LENGTH, languageOfLocale, type KnowledgeContextItem } from '../../shared';
import { getTranslation } from '../../utils/getTranslation';

const KNOWLEDGE_DELAY_MS = 300;

const STRENGTH_VARIANT = { strong: 'success', partial: 'secondary', weak: 'neutral' } as const;
const STRENGTH_TEXT: Record<KnowledgeContextItem['strength'], string> = {
  strong: 'Strong match ({percent}%)',
  partial: 'Partial match ({percent}%)',
  weak: 'Weak match ({percent}%)',
};

interface KnowledgePanelProps {
  conversationId: number;
  /** The conversation's language: an entry in another (not translated yet) says so. */
  language: string;
  /** Changes when the customer writes again, so the matches follow the conversation. */
  customerMessages: number;
  /** Offered only while the agent can reply. */
  onUse?(text: string): void;
}

/**
 * Knowledge-base entries, in the conversation's language, that match what the customer asked (or
 * what the agent searches for), to read or quote in the reply.
 */
export const KnowledgePanel = ({ conversationId, language, customerMessages, onUse }: KnowledgePanelProps) => {
  const { formatMessage } = useIntl();
  // A burst of customer messages asks once; earlier matches stay in sight meanwhile.
  const askedFor = useDebounce(customerMessages, KNOWLEDGE_DELAY_MS);
  const [search, setSearch] = useState('');
  const searchedFor = useDebounce(search.trim(), KNOWLEDGE_DELAY_MS);
  const { data, isError } = useKnowledgeQuery({ conversationId, customerMessages: askedFor, search: searchedFor });
  const items = isError ? [] : (data ?? null);
  const text = (id: string, defaultMessage: string, values?: Record<string, string | number>) =>
    formatMessage({ id: getTranslation(id), defaultMessage }, values);

  return (
    <Box background="neutral0" hasRadius shadow="tableShadow" padding={4} width="100%" data-testid="knowledge" tag="section">
      <Flex direction="column" alignItems="stretch" gap={3}>
        <Typography variant="delta" tag="h2">
          {text('knowledge.title', 'From the knowledge base')}
        </Typography>
        <Searchbar
          name="knowledge-search"
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          onClear={() => setSearch('')}
          clearLabel={text('knowledge.search.clear', 'Clear the search')}
          placeholder={text('knowledge.search.placeholder', 'Search in the customer’s language')}
          maxLength={KNOWLEDGE_SEARCH_MAX_LENGTH}
          data-testid="knowledge-search"
        >
          {text('knowledge.search.label', 'Search the knowledge base')}
        </Searchbar>
        {items !== null && items.length === 0 ? (
          <Typography variant="pi" textColor="neutral600">
            {searchedFor
              ? text('knowledge.search.empty', 'Nothing in the knowledge base matches the search.')
              : text('knowledge.empty', 'Nothing in the knowledge base matches what the customer asked.')}
          </Typography>
        ) : null}
        {(items ?? []).map((item) => (
          <Box key={item.documentId} data-testid="knowledge-item" borderColor="neutral200" hasRadius padding={3}>
            <Flex direction="column" alignItems="stretch" gap={1}>
              <Link href={item.adminUrl} isExternal={false}>
                {item.title}
              </Link>
              <Flex gap={2} wrap="wrap">
                <Badge variant={STRENGTH_VARIANT[item.strength]} data-testid="knowledge-strength" data-strength={item.strength}>
                  {text(`knowledge.match.${item.strength}`, STRENGTH_TEXT[item.strength], { percent: Math.round(item.confidence * 100) })}
                </Badge>
                {item.locale && languageOfLocale(item.locale) !== language ? (
                  <Typography variant="pi" textColor="neutral600" data-testid="knowledge-other-language">
                    {text('knowledge.otherLanguage', 'Not in the customer’s language: {locale}', { locale: item.locale })}
                  </Typography>
                ) : null}
              </Flex>
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
