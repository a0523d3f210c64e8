import { SettingFields } from '../SettingField';
import { Section } from '../layout';

export const QueueSection = () => (
  <Section name="queue">
    <SettingFields
      fields={[
        'queue.maxQueueLength',
        'queue.seatsPerAgent',
        'queue.showEstimatedWait',
        'queue.defaultWaitSeconds',
        'queue.enforceOpeningHours',
        'queue.requireOnlineAgent',
        'queue.reminderAfterMinutes',
        'queue.closeInactiveAfterMinutes',
        'queue.abandonAfterSeconds',
        'queue.maxWaitMinutes',
        'queue.vipFirst',
        'queue.vipEmailDomains',
      ]}
    />
  </Section>
);
