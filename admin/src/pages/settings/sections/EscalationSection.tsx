import { languageColumns, SettingFields, SettingGroup } from '../SettingField';
import { Section } from '../layout';

import { EscalationTrial } from './EscalationTrial';

export const EscalationSection = () => (
  <Section name="escalation">
    <SettingFields fields={['escalation.buttonEnabled']} />
    <SettingGroup
      name="escalation.phrases"
      fields={['escalation.phrases.enabled', languageColumns((language) => [`escalation.phrases.lists.${language}`])]}
    />
    <SettingGroup name="escalation.keywords" fields={['escalation.keywords.enabled', 'escalation.keywords.list']} />
    <SettingGroup name="escalation.failedAnswers" fields={['escalation.failedAnswers.enabled', 'escalation.failedAnswers.threshold']} />
    <SettingGroup
      name="escalation.frustration"
      fields={['escalation.frustration.enabled', 'escalation.frustration.threshold', 'escalation.frustration.window']}
    />
    <SettingGroup name="escalation.intent" fields={['escalation.intent.enabled', 'escalation.intent.threshold']} />
    <EscalationTrial />
  </Section>
);
