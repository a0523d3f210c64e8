import { useCallback } from 'react';
import { useIntl } from 'react-intl';

import { getTranslation } from '../../utils/getTranslation';

import type { ClientIssue } from './validate';
import { useDescribeTextProblem } from './texts/useDescribeTextProblem';

/** The words under a field for an issue the form found before asking the server. */
export function useDescribeClientIssue(): (issue: ClientIssue) => string {
  const { formatMessage } = useIntl();
  const describeTextProblem = useDescribeTextProblem();
  return useCallback(
    (issue: ClientIssue): string => {
      switch (issue.kind) {
        case 'required':
          return formatMessage({ id: getTranslation('settings.error.required'), defaultMessage: 'Fill this in.' });
        case 'integer':
          return formatMessage({ id: getTranslation('settings.error.integer'), defaultMessage: 'Use a whole number.' });
        case 'range':
          return formatMessage(
            { id: getTranslation('settings.error.range'), defaultMessage: 'Use a number from {min, number} to {max, number}.' },
            { min: issue.min, max: issue.max },
          );
        case 'colour':
          return formatMessage({ id: getTranslation('settings.error.colour'), defaultMessage: 'Use a colour such as #2e4fd6.' });
        case 'tooLong':
          return formatMessage(
            { id: getTranslation('settings.error.tooLong'), defaultMessage: 'At most {max} characters.' },
            { max: issue.max },
          );
        case 'tooMany':
          return formatMessage(
            { id: getTranslation('settings.error.tooMany'), defaultMessage: 'At most {max} entries.' },
            { max: issue.max },
          );
        case 'entryTooLong':
          return formatMessage(
            { id: getTranslation('settings.error.entryTooLong'), defaultMessage: 'Line {line}: at most {max} characters.' },
            { line: issue.line, max: issue.max },
          );
        case 'lengthOrEmpty':
          return formatMessage(
            { id: getTranslation('settings.error.lengthOrEmpty'), defaultMessage: 'From {min} to {max} characters, or empty.' },
            { min: issue.min, max: issue.max },
          );
        case 'customerText':
          return describeTextProblem(issue.problem);
      }
    },
    [formatMessage, describeTextProblem],
  );
}
