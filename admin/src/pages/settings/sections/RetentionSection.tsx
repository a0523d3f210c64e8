import { useIntl } from 'react-intl';

import { RETENTION_ACTIONS } from '../../../shared';
import { getTranslation } from '../../../utils/getTranslation';
import { SettingFields } from '../SettingField';
import { Section } from '../layout';

/** How long closed conversations and offline messages are kept, and what happens to them after. */
export const RetentionSection = () => {
  const { formatMessage } = useIntl();
  const actions = RETENTION_ACTIONS.map((value) => ({
    value,
    label: formatMessage({ id: getTranslation(`settings.retention.action.${value}`) }),
  }));
  return (
    <Section name="retention">
      <SettingFields fields={['retention.keepDays', 'retention.action']} props={{ 'retention.action': { options: actions } }} />
    </Section>
  );
};
