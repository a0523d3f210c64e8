import { useIntl } from 'react-intl';

import { getTranslation } from '../../../utils/getTranslation';
import { languageColumns, SettingFields } from '../SettingField';
import { Section } from '../layout';

const POSITIONS = ['right', 'left'] as const;

export const WidgetSection = () => {
  const { formatMessage } = useIntl();
  const positions = POSITIONS.map((value) => ({
    value,
    label: formatMessage({ id: getTranslation(`settings.widget.position.${value}`) }),
  }));
  return (
    <Section name="widget">
      <SettingFields
        fields={[
          'widget.primaryColor',
          'widget.position',
          languageColumns((language) => [`widget.texts.${language}.title`, `widget.texts.${language}.welcome`]),
          'widget.sound',
          'widget.allowedOrigins',
        ]}
        props={{ 'widget.position': { options: positions } }}
      />
    </Section>
  );
};
