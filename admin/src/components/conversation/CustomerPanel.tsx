import { Badge, Box, Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';

import type { AgentConversationView } from '../../types';
import { getTranslation } from '../../utils/getTranslation';

/**
 * Whether the site signed who the customer says they are: a name, email or customer ID without
 * it is only what the page (or the visitor) claimed.
 */
const IdentityBadge = ({ customer }: { customer: AgentConversationView['customer'] }) => {
  const { formatMessage } = useIntl();
  if (!customer.name && !customer.email && !customer.externalId) return null;
  const { verified } = customer;
  return (
    <Box data-testid="identity-verification" data-verified={verified}>
      <Typography variant="sigma" textColor="neutral600" tag="p">
        {formatMessage({ id: getTranslation('conversation.customer.verification'), defaultMessage: 'Identity' })}
      </Typography>
      <Badge backgroundColor={verified ? 'success100' : 'neutral150'} textColor={verified ? 'success700' : 'neutral700'}>
        {verified
          ? formatMessage({ id: getTranslation('conversation.customer.verified'), defaultMessage: 'Verified' })
          : formatMessage({ id: getTranslation('conversation.customer.unverified'), defaultMessage: 'Unverified' })}
      </Badge>
    </Box>
  );
};

/** Who the customer is, what they came with, who serves them and how they rated it. */
export const CustomerPanel = ({ conversation }: { conversation: AgentConversationView }) => {
  const { formatMessage } = useIntl();

  const detail = (labelId: string, fallback: string, value: string | null | undefined) =>
    value ? (
      <Box key={labelId}>
        <Typography variant="sigma" textColor="neutral600" tag="p">
          {formatMessage({ id: getTranslation(labelId), defaultMessage: fallback })}
        </Typography>
        <Typography tag="p">{value}</Typography>
      </Box>
    ) : null;

  const escalation = conversation.escalationTrigger
    ? `${formatMessage({ id: getTranslation(`trigger.${conversation.escalationTrigger}`), defaultMessage: conversation.escalationTrigger })}${conversation.escalationReason ? `: ${conversation.escalationReason}` : ''}`
    : null;

  return (
    <Box background="neutral0" hasRadius shadow="tableShadow" padding={4} width="100%" data-testid="customer">
      <Flex direction="column" alignItems="stretch" gap={3}>
        <Typography variant="delta" tag="h2">
          {formatMessage({ id: getTranslation('conversation.customer'), defaultMessage: 'Customer' })}
        </Typography>
        {conversation.isVip ? (
          <Badge active>{formatMessage({ id: getTranslation('desk.card.vip'), defaultMessage: 'VIP' })}</Badge>
        ) : null}
        <IdentityBadge customer={conversation.customer} />
        {detail('conversation.customer.name', 'Name', conversation.customer.name)}
        {detail('conversation.customer.email', 'Email', conversation.customer.email)}
        {detail('conversation.customer.phone', 'Phone', conversation.customer.phone)}
        {detail('conversation.customer.externalId', 'Customer ID', conversation.customer.externalId)}
        {detail('conversation.language', 'Language', conversation.language.toUpperCase())}
        {detail('conversation.escalation', 'Escalation', escalation)}
        {detail('conversation.agent', 'Agent', conversation.assignedAgent?.name)}
        {conversation.csatScore !== null ? (
          <Box data-testid="rating">
            <Typography variant="sigma" textColor="neutral600" tag="p">
              {formatMessage({ id: getTranslation('conversation.rating'), defaultMessage: 'Rating' })}
            </Typography>
            <Typography tag="p" data-testid="rating-score">
              {formatMessage(
                { id: getTranslation('conversation.rating.score'), defaultMessage: '{score} / 5' },
                { score: conversation.csatScore },
              )}
            </Typography>
            {conversation.csatComment ? (
              <Typography tag="p" textColor="neutral700" data-testid="rating-comment">
                {conversation.csatComment}
              </Typography>
            ) : null}
          </Box>
        ) : null}
        {conversation.customer.metadata
          ? Object.entries(conversation.customer.metadata).map(([key, value]) => (
              <Box key={`meta-${key}`}>
                <Typography variant="sigma" textColor="neutral600" tag="p">
                  {key}
                </Typography>
                <Typography tag="p">{typeof value === 'string' ? value : JSON.stringify(value)}</Typography>
              </Box>
            ))
          : null}
      </Flex>
    </Box>
  );
};
