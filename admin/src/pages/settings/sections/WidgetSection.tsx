import { useIntl } from 'react-intl';

import { SUPPORTED_LANGUAGES } from '../../../shared';
import { getTranslation } from '../../../utils/getTranslation';
import { SettingField } from '../SettingField';
import { Cell, Fields, Section } from '../layout';

const POSITIONS = ['right', 'left'] as const;

export const WidgetSection = () => {
  const { formatMessage } = useIntl();
  const positions = POSITIONS.map((value) => ({
    value,
    label: formatMessage({ id: getTranslation(`settings.widget.position.${value}`) }),
  }));
  return (
    <Section name="widget">
      <Fields>
        <Cell>
          <SettingField path="widget.primaryColor" />
        </Cell>
        <Cell>
          <SettingField path="widget.position" options={positions} />
        </Cell>
        {SUPPORTED_LANGUAGES.map((language) => (
          <Cell key={language} width="third">
            <SettingField path={`widget.texts.${language}.title`} />
            <SettingField path={`widget.texts.${language}.welcome`} />
          </Cell>
        ))}
        <Cell>
          <SettingField path="widget.sound" />
        </Cell>
        <Cell>
          <SettingField path="widget.allowedOrigins" rows={4} />
        </Cell>
      </Fields>
    </Section>
  );
};
