import { Button, Field, Flex, Switch } from '@strapi/design-system';
import { useIntl } from 'react-intl';

import { useDeskActivity } from '../hooks/useDeskActivity';
import { getTranslation } from '../utils/getTranslation';

/** How the desk calls for attention when a customer starts waiting: browser notification and chime. */
export const AlertControls = () => {
  const { formatMessage } = useIntl();
  const { soundEnabled, setSoundEnabled, notificationPermission, requestNotificationPermission } = useDeskActivity();
  const soundLabel = formatMessage({ id: getTranslation('desk.alerts.sound'), defaultMessage: 'Sound' });

  return (
    <Flex gap={3} alignItems="flex-end">
      {notificationPermission === 'default' ? (
        <Button variant="tertiary" data-testid="enable-notifications" onClick={requestNotificationPermission}>
          {formatMessage({
            id: getTranslation('desk.alerts.enableNotifications'),
            defaultMessage: 'Turn on notifications',
          })}
        </Button>
      ) : null}
      <Field.Root name="desk-sound" data-testid="sound-switch">
        <Field.Label>{soundLabel}</Field.Label>
        <Switch
          aria-label={formatMessage({
            id: getTranslation('desk.alerts.soundLabel'),
            defaultMessage: 'Play a sound when a customer starts waiting',
          })}
          checked={soundEnabled}
          onCheckedChange={(checked: boolean) => setSoundEnabled(checked)}
          onLabel={formatMessage({ id: getTranslation('desk.alerts.on'), defaultMessage: 'On' })}
          offLabel={formatMessage({ id: getTranslation('desk.alerts.off'), defaultMessage: 'Off' })}
        />
      </Field.Root>
    </Flex>
  );
};
