import { SUPPORTED_LANGUAGES } from '../../../shared';
import { SettingField } from '../SettingField';
import { Cell, Fields, Group, Section } from '../layout';

export const EscalationSection = () => (
  <Section name="escalation">
    <Fields>
      <Cell width="full">
        <SettingField path="escalation.buttonEnabled" />
      </Cell>
    </Fields>

    <Group name="escalation.phrases">
      <Fields>
        <Cell width="full">
          <SettingField path="escalation.phrases.enabled" />
        </Cell>
        {SUPPORTED_LANGUAGES.map((language) => (
          <Cell key={language} width="third">
            <SettingField path={`escalation.phrases.lists.${language}`} rows={8} />
          </Cell>
        ))}
      </Fields>
    </Group>

    <Group name="escalation.keywords">
      <Fields>
        <Cell>
          <SettingField path="escalation.keywords.enabled" />
        </Cell>
        <Cell>
          <SettingField path="escalation.keywords.list" rows={6} />
        </Cell>
      </Fields>
    </Group>

    <Group name="escalation.failedAnswers">
      <Fields>
        <Cell>
          <SettingField path="escalation.failedAnswers.enabled" />
        </Cell>
        <Cell>
          <SettingField path="escalation.failedAnswers.threshold" />
        </Cell>
      </Fields>
    </Group>

    <Group name="escalation.frustration">
      <Fields>
        <Cell width="full">
          <SettingField path="escalation.frustration.enabled" />
        </Cell>
        <Cell>
          <SettingField path="escalation.frustration.threshold" step={0.05} />
        </Cell>
        <Cell>
          <SettingField path="escalation.frustration.window" />
        </Cell>
      </Fields>
    </Group>
  </Section>
);
