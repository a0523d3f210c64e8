import { Alert, Button, Flex } from '@strapi/design-system';
import { Check } from '@strapi/icons';
import { Blocker, Form, Layouts, Page, useFetchClient, useNotification, type FormHelpers } from '@strapi/strapi/admin';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useIntl } from 'react-intl';

import type { SettingsUpdate, SettingsView } from '../shared';
import { PERMISSIONS } from '../permissions';
import { errorBodyOf } from '../utils/errors';
import { getTranslation } from '../utils/getTranslation';

import { isEmptyUpdate, lineOfEntry, toFormValues, toUpdate, valueAt, type SettingsFormValues } from './settings/model';
import { BotSection, type CollectionTypeOption } from './settings/sections/BotSection';
import { EscalationSection } from './settings/sections/EscalationSection';
import { QueueSection } from './settings/sections/QueueSection';
import { WidgetSection } from './settings/sections/WidgetSection';
import { fieldOfIssuePath, fieldOfMessage, nestErrors, validateForm, type ClientIssue } from './settings/validate';

interface ServerIssue {
  path: string[];
  message: string;
}

const serverIssuesOf = (details: Record<string, unknown> | undefined): ServerIssue[] => {
  const list = details?.errors;
  if (!Array.isArray(list)) return [];
  return list.flatMap((issue: unknown) => {
    const { path, message } = (issue ?? {}) as { path?: unknown; message?: unknown };
    return Array.isArray(path) && typeof message === 'string' ? [{ path: path.map(String), message }] : [];
  });
};

const SettingsForm = () => {
  const { formatMessage } = useIntl();
  const { get, put } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [settings, setSettings] = useState<SettingsView | null>(null);
  const [loadFailed, setLoadFailed] = useState(false);
  const [contentTypes, setContentTypes] = useState<CollectionTypeOption[]>([]);
  const [serverError, setServerError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    get<{ data: SettingsView }>('/live-support/settings')
      .then(({ data }) => !cancelled && setSettings(data.data))
      .catch(() => !cancelled && setLoadFailed(true));
    // Suggestions for the knowledge base; without them the fields are typed by hand.
    get<{ data: { uid: string; kind: string; isDisplayed: boolean; info: { displayName: string }; attributes: CollectionTypeOption['attributes'] }[] }>(
      '/content-manager/content-types?kind=collectionType',
    )
      .then(({ data }) => {
        if (cancelled) return;
        setContentTypes(
          data.data
            .filter((type) => type.isDisplayed && type.kind === 'collectionType')
            .map((type) => ({ uid: type.uid, displayName: type.info.displayName, attributes: type.attributes })),
        );
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [get]);

  const initialValues = useMemo(() => (settings ? toFormValues(settings) : null), [settings]);

  const describeClientIssue = useCallback(
    (issue: ClientIssue): string => {
      switch (issue.kind) {
        case 'required':
          return formatMessage({ id: getTranslation('settings.error.required'), defaultMessage: 'Fill this in.' });
        case 'integer':
          return formatMessage({ id: getTranslation('settings.error.integer'), defaultMessage: 'Use a whole number.' });
        case 'range':
          return formatMessage(
            { id: getTranslation('settings.error.range'), defaultMessage: 'Use a number from {min, number} to {max, number}.' },
            { min: issue.min, max: issue.max },
          );
        case 'colour':
          return formatMessage({ id: getTranslation('settings.error.colour'), defaultMessage: 'Use a colour such as #2e4fd6.' });
        case 'tooLong':
          return formatMessage(
            { id: getTranslation('settings.error.tooLong'), defaultMessage: 'At most {max} characters.' },
            { max: issue.max },
          );
        case 'tooMany':
          return formatMessage(
            { id: getTranslation('settings.error.tooMany'), defaultMessage: 'At most {max} entries.' },
            { max: issue.max },
          );
        case 'entryTooLong':
          return formatMessage(
            { id: getTranslation('settings.error.entryTooLong'), defaultMessage: 'Line {line}: at most {max} characters.' },
            { line: issue.line, max: issue.max },
          );
        case 'lengthOrEmpty':
          return formatMessage(
            { id: getTranslation('settings.error.lengthOrEmpty'), defaultMessage: 'From {min} to {max} characters, or empty.' },
            { min: issue.min, max: issue.max },
          );
      }
    },
    [formatMessage],
  );

  /** The server's answer to a refused save: its message on top, its issues on their fields. */
  const showServerError = (error: unknown, values: SettingsFormValues, helpers: FormHelpers<SettingsFormValues>) => {
    const body = errorBodyOf(error);
    const message =
      body?.message ??
      formatMessage({ id: getTranslation('settings.save.error'), defaultMessage: 'The settings could not be saved.' });
    const fieldErrors: Record<string, string> = {};
    for (const issue of serverIssuesOf(body?.details)) {
      const located = fieldOfIssuePath(issue.path);
      if (!located || fieldErrors[located.field]) continue;
      const text = valueAt(values, located.field);
      fieldErrors[located.field] =
        located.entry !== null && typeof text === 'string'
          ? formatMessage(
              { id: getTranslation('settings.error.line'), defaultMessage: 'Line {line}: {message}' },
              { line: lineOfEntry(text, located.entry), message: issue.message },
            )
          : issue.message;
    }
    if (Object.keys(fieldErrors).length === 0 && body?.message) {
      const named = fieldOfMessage(body.message);
      if (named) fieldErrors[named.field] = named.text;
    }
    helpers.setErrors(nestErrors(fieldErrors) as Parameters<typeof helpers.setErrors>[0]);
    setServerError(message);
    toggleNotification({ type: 'danger', message });
  };

  const save = async (values: SettingsFormValues, helpers: FormHelpers<SettingsFormValues>) => {
    if (!settings) return;
    setServerError(null);
    const issues = validateForm(values);
    if (issues.length > 0) {
      const fieldErrors: Record<string, string> = {};
      for (const issue of issues) fieldErrors[issue.path] ??= describeClientIssue(issue);
      helpers.setErrors(nestErrors(fieldErrors) as Parameters<typeof helpers.setErrors>[0]);
      toggleNotification({
        type: 'danger',
        message: formatMessage({ id: getTranslation('settings.save.invalid'), defaultMessage: 'Check the marked fields.' }),
      });
      return;
    }
    const update: SettingsUpdate = toUpdate(settings, values);
    if (isEmptyUpdate(update)) {
      // Only blank lines or spaces changed: show the stored settings again.
      helpers.resetForm(toFormValues(settings));
      return;
    }
    try {
      const { data } = await put<{ data: SettingsView }>('/live-support/settings', update);
      setSettings(data.data);
      helpers.resetForm(toFormValues(data.data));
      toggleNotification({
        type: 'success',
        message: formatMessage({ id: getTranslation('settings.save.success'), defaultMessage: 'Settings saved.' }),
      });
    } catch (error) {
      showServerError(error, values, helpers);
    }
  };

  const title = formatMessage({ id: getTranslation('settings.title'), defaultMessage: 'Live Support settings' });

  if (loadFailed) {
    return (
      <Page.Error
        content={formatMessage({ id: getTranslation('settings.load.error'), defaultMessage: 'The settings could not be loaded.' })}
      />
    );
  }
  if (!initialValues) return <Page.Loading />;

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
                  disabled={!modified || isSubmitting}
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
                    onClose={() => setServerError(null)}
                  >
                    {serverError}
                  </Alert>
                ) : null}
                <QueueSection />
                <EscalationSection />
                <BotSection contentTypes={contentTypes} />
                <WidgetSection />
              </Flex>
            </Layouts.Content>
            <Blocker />
          </>
        )}
      </Form>
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
