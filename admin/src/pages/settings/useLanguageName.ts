import { useIntl } from 'react-intl';

import type { SupportedLanguage } from '../../shared';
import { getTranslation } from '../../utils/getTranslation';

/** The name of a customer language in the admin's own language: `fi` → "Finnish". */
export const useLanguageName = () => {
  const { formatMessage } = useIntl();
  return (language: SupportedLanguage) => formatMessage({ id: getTranslation(`settings.language.${language}`) });
};
