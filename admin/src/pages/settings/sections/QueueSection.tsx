import { SettingField } from '../SettingField';
import { Cell, Fields, Section } from '../layout';

export const QueueSection = () => (
  <Section name="queue">
    <Fields>
      <Cell>
        <SettingField path="queue.maxQueueLength" />
      </Cell>
      <Cell>
        <SettingField path="queue.seatsPerAgent" />
      </Cell>
      <Cell>
        <SettingField path="queue.showEstimatedWait" />
      </Cell>
      <Cell>
        <SettingField path="queue.defaultWaitSeconds" />
      </Cell>
      <Cell>
        <SettingField path="queue.enforceOpeningHours" />
      </Cell>
      <Cell>
        <SettingField path="queue.requireOnlineAgent" />
      </Cell>
      <Cell>
        <SettingField path="queue.reminderAfterMinutes" />
      </Cell>
      <Cell>
        <SettingField path="queue.closeInactiveAfterMinutes" />
      </Cell>
      <Cell>
        <SettingField path="queue.vipFirst" />
      </Cell>
      <Cell>
        <SettingField path="queue.vipEmailDomains" rows={4} />
      </Cell>
    </Fields>
  </Section>
);
