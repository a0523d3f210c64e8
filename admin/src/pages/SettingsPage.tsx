import { Alert, Button, Flex } from '@strapi/design-system';
import { Check } from '@strapi/icons';
import { Form, Layouts, Page } from '@strapi/strapi/admin';
import { useMemo, useState } from 'react';
import { useIntl } from 'react-intl';

import { useCollectionTypesQuery, useSettingsQuery, type CollectionTypeOption } from '../api/liveSupportApi';
import { PERMISSIONS } from '../permissions';
import { getTranslation } from '../utils/getTranslation';

import { toFormValues } from './settings/model';
import { BotSection } from './settings/sections/BotSection';
import { JobsSection } from './settings/jobs/JobsSection';
import { OpeningHoursSection } from './settings/opening-hours/OpeningHoursSection';
import { EscalationSection } from './settings/sections/EscalationSection';
import { IdentitySection } from './settings/sections/IdentitySection';
import { QueueSection } from './settings/sections/QueueSection';
import { RetentionSection } from './settings/sections/RetentionSection';
import { WidgetSection } from './settings/sections/WidgetSection';
import { TextsSection } from './settings/texts/TextsSection';
import { UnsavedChangesPrompt } from './settings/UnsavedChangesPrompt';
import { useSaveSettings } from './settings/useSaveSettings';

/** Without the Content Manager's list the knowledge-base fields are typed by hand. */
const NO_COLLECTION_TYPES: CollectionTypeOption[] = [];

const SettingsForm = () => {
  const { formatMessage } = useIntl();
  // The page opens on what the server holds now, not on an answer cached by an earlier visit.
  const [openedAt] = useState(Date.now);
  const {
    data: settings,
    isError: loadFailed,
    isFetching,
    fulfilledTimeStamp: readAt,
  } = useSettingsQuery(undefined, { refetchOnMountOrArgChange: true });
  const { data: contentTypes = NO_COLLECTION_TYPES } = useCollectionTypesQuery();
  const { save, serverError, dismissServerError } = useSaveSettings(settings);
  const [hoursUnsaved, setHoursUnsaved] = useState(false);

  const readSinceOpened = settings !== undefined && readAt !== undefined && readAt >= openedAt;
  const initialValues = useMemo(() => (settings ? toFormValues(settings) : null), [settings]);

  const title = formatMessage({ id: getTranslation('settings.title'), defaultMessage: 'Live Support settings' });

  if (!readSinceOpened && loadFailed) {
    return (
      <Page.Error
        content={formatMessage({ id: getTranslation('settings.load.error'), defaultMessage: 'The settings could not be loaded.' })}
      />
    );
  }
  if (!readSinceOpened || !initialValues) return <Page.Loading />;

  return (
    <Page.Main>
      <Page.Title>{title}</Page.Title>
      <Form method="PUT" initialValues={initialValues} onSubmit={save}>
        {({ modified, isSubmitting }) => (
          <>
            <Layouts.Header
              title={title}
              subtitle={formatMessage({
                id: getTranslation('settings.subtitle.forms'),
                defaultMessage: 'The queue, the escalation rules, the bot and the widget. Changes apply at once, without a restart.',
              })}
              primaryAction={
                <Button
                  type="submit"
                  data-testid="settings-save"
                  startIcon={<Check />}
                  // While the settings are read again after a save, a save would be checked against the old ones.
                  disabled={!modified || isSubmitting || isFetching}
                  loading={isSubmitting}
                >
                  {formatMessage({ id: getTranslation('settings.save'), defaultMessage: 'Save' })}
                </Button>
              }
            />
            <Layouts.Content>
              <Flex direction="column" alignItems="stretch" gap={6}>
                {serverError ? (
                  <Alert
                    variant="danger"
                    data-testid="settings-error"
                    title={formatMessage({ id: getTranslation('settings.save.refused'), defaultMessage: 'Not saved' })}
                    closeLabel={formatMessage({ id: getTranslation('settings.save.refused.close'), defaultMessage: 'Close' })}
                    onClose={dismissServerError}
                  >
                    {serverError}
                  </Alert>
                ) : null}
                <QueueSection />
                <EscalationSection />
                <BotSection contentTypes={contentTypes} />
                <WidgetSection />
                <RetentionSection />
                <TextsSection />
                <IdentitySection />
              </Flex>
            </Layouts.Content>
            <UnsavedChangesPrompt unsaved={(modified && !isSubmitting) || hoursUnsaved} />
          </>
        )}
      </Form>
      {/* Their own resource with their own save, so outside the settings form. */}
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          <OpeningHoursSection onUnsavedChange={setHoursUnsaved} />
          {/* Read-only: what the scheduler did, not a setting. */}
          <JobsSection />
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};

const SettingsPage = () => (
  <Page.Protect permissions={PERMISSIONS.settings}>
    <SettingsForm />
  </Page.Protect>
);

export { SettingsPage };
export default SettingsPage;
