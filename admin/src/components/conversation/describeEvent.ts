import type { IntlShape } from 'react-intl';

import type { ConversationEventView } from '../../types';
import { getTranslation } from '../../utils/getTranslation';

/** One line for an event of the conversation's history: who did what, and why when it is known. */
export const describeEvent = (event: ConversationEventView, formatMessage: IntlShape['formatMessage']): string => {
  const data = event.data ?? {};
  const reason = typeof data.reason === 'string' ? data.reason : null;
  if (event.kind === 'escalated' && typeof data.trigger === 'string') {
    const trigger = formatMessage({ id: getTranslation(`trigger.${data.trigger}`), defaultMessage: data.trigger });
    return formatMessage(
      { id: getTranslation('event.escalated.because'), defaultMessage: 'Moved to the queue: {trigger}' },
      { trigger: reason ? `${trigger} (${reason})` : trigger },
    );
  }
  if (event.kind === 'claimed' && event.actorName) {
    return formatMessage({ id: getTranslation('event.claimed.by'), defaultMessage: 'Claimed by {name}' }, { name: event.actorName });
  }
  if (event.kind === 'transferred') {
    return event.targetAgentName
      ? formatMessage(
          { id: getTranslation('event.transferred.toAgent'), defaultMessage: '{from} transferred the conversation to {to}' },
          { from: event.actorName ?? '?', to: event.targetAgentName },
        )
      : formatMessage(
          { id: getTranslation('event.transferred.toQueue'), defaultMessage: '{from} moved the conversation back to the queue' },
          { from: event.actorName ?? '?' },
        );
  }
  if (event.kind === 'resolved' && data.reason === 'inactive') {
    return formatMessage({
      id: getTranslation('event.resolved.inactive'),
      defaultMessage: 'Closed: the customer did not answer for a while',
    });
  }
  if (event.kind === 'abandoned' && reason === 'customer_gone') {
    return formatMessage({ id: getTranslation('event.abandoned.gone'), defaultMessage: 'The customer left: their chat window was closed' });
  }
  if (event.kind === 'ended' && reason === 'quiet') {
    return formatMessage({
      id: getTranslation('event.ended.quiet'),
      defaultMessage: 'Ended with the bot: the customer wrote nothing for a while',
    });
  }
  if (event.kind === 'resolved' && event.actorName) {
    return formatMessage({ id: getTranslation('event.resolved.by'), defaultMessage: 'Resolved by {name}' }, { name: event.actorName });
  }
  if (event.kind === 'rated' && typeof data.score === 'number') {
    return formatMessage(
      { id: getTranslation('event.rated.score'), defaultMessage: 'The customer rated the chat {score}/5' },
      { score: data.score },
    );
  }
  return formatMessage({ id: getTranslation(`event.${event.kind}`), defaultMessage: event.kind });
};
