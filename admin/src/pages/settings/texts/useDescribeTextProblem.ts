import { useCallback } from 'react';
import { useIntl } from 'react-intl';

import type { TextProblem } from '../../../shared';
import { getTranslation } from '../../../utils/getTranslation';

/** Placeholders as the owner writes them: `{agentName}, {position}`. */
export const placeholderList = (names: readonly string[]) => names.map((name) => `{${name}}`).join(', ');

/** The words under a customer text for what the server's rules (shared) find wrong with it. */
export function useDescribeTextProblem(): (problem: TextProblem) => string {
  const { formatMessage } = useIntl();
  return useCallback(
    (problem: TextProblem): string => {
      switch (problem.code) {
        case 'empty':
          return formatMessage({ id: getTranslation('settings.texts.error.empty'), defaultMessage: 'Write a text, or reset it to the default.' });
        case 'tooLong':
          return formatMessage(
            { id: getTranslation('settings.error.tooLong'), defaultMessage: 'At most {max} characters.' },
            { max: problem.max },
          );
        case 'unbalancedBraces':
          return formatMessage({
            id: getTranslation('settings.texts.error.braces'),
            defaultMessage: 'A brace without its pair. Placeholders are written in braces, such as {example}.',
          }, { example: '{position}' });
        case 'unknownPlaceholder':
          return problem.allowed.length > 0
            ? formatMessage(
                { id: getTranslation('settings.texts.error.placeholder'), defaultMessage: '{placeholder} is not known here. This text can use {allowed}.' },
                { placeholder: problem.placeholder, allowed: placeholderList(problem.allowed) },
              )
            : formatMessage(
                { id: getTranslation('settings.texts.error.noPlaceholders'), defaultMessage: '{placeholder} is not known here. This text takes no placeholders.' },
                { placeholder: problem.placeholder },
              );
        case 'markup':
          return formatMessage({
            id: getTranslation('settings.texts.error.markup'),
            defaultMessage: 'Plain text only: customers would see the markup as it is written.',
          });
      }
    },
    [formatMessage],
  );
}
