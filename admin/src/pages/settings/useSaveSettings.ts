import { useNotification, type FormHelpers } from '@strapi/strapi/admin';
import { useCallback, useState } from 'react';
import { useIntl } from 'react-intl';

import { useUpdateSettingsMutation } from '../../api/liveSupportApi';
import { useErrorToast } from '../../hooks/useErrorToast';
import type { SettingsView } from '../../shared';
import { errorBodyOf } from '../../utils/errors';
import { getTranslation } from '../../utils/getTranslation';

import { isEmptyUpdate, lineOfEntry, toFormValues, toUpdate, valueAt, type SettingsFormValues } from './model';
import { useDescribeClientIssue } from './useDescribeClientIssue';
import { fieldOfIssuePath, fieldOfMessage, nestErrors, validateForm } from './validate';

type SettingsFormHelpers = FormHelpers<SettingsFormValues>;
type FormErrors = Parameters<SettingsFormHelpers['setErrors']>[0];

interface ServerIssue {
  path: string[];
  message: string;
}

const SAVE_FAILED = { id: 'settings.save.error', defaultMessage: 'The settings could not be saved.' };

const serverIssuesOf = (details: Record<string, unknown> | undefined): ServerIssue[] => {
  const list = details?.errors;
  if (!Array.isArray(list)) return [];
  return list.flatMap((issue: unknown) => {
    const { path, message } = (issue ?? {}) as { path?: unknown; message?: unknown };
    return Array.isArray(path) && typeof message === 'string' ? [{ path: path.map(String), message }] : [];
  });
};

export interface SettingsSave {
  /** The form's submit handler. */
  save: (values: SettingsFormValues, helpers: SettingsFormHelpers) => Promise<void>;
  /** Why the server refused the last save, until the next save or until dismissed. */
  serverError: string | null;
  dismissServerError: () => void;
}

/**
 * Saving the settings form: the form's own checks first, nothing sent when nothing changed, the
 * server's refusal on its fields, and the form reset to what the server stored.
 */
export function useSaveSettings(stored: SettingsView | undefined): SettingsSave {
  const { formatMessage } = useIntl();
  const { toggleNotification } = useNotification();
  const showError = useErrorToast();
  const describeClientIssue = useDescribeClientIssue();
  const [updateSettings] = useUpdateSettingsMutation();
  const [serverError, setServerError] = useState<string | null>(null);

  /** The server's answer to a refused save: its message on top, its issues on their fields. */
  const showServerRefusal = (error: unknown, values: SettingsFormValues, helpers: SettingsFormHelpers) => {
    const body = errorBodyOf(error);
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
    helpers.setErrors(nestErrors(fieldErrors) as FormErrors);
    setServerError(body?.message ?? formatMessage({ id: getTranslation(SAVE_FAILED.id), defaultMessage: SAVE_FAILED.defaultMessage }));
    showError(error, SAVE_FAILED);
  };

  const save = async (values: SettingsFormValues, helpers: SettingsFormHelpers) => {
    if (!stored) return;
    setServerError(null);
    const issues = validateForm(values);
    if (issues.length > 0) {
      const fieldErrors: Record<string, string> = {};
      for (const issue of issues) fieldErrors[issue.path] ??= describeClientIssue(issue);
      helpers.setErrors(nestErrors(fieldErrors) as FormErrors);
      toggleNotification({
        type: 'danger',
        message: formatMessage({ id: getTranslation('settings.save.invalid'), defaultMessage: 'Check the marked fields.' }),
      });
      return;
    }
    const update = toUpdate(stored, values);
    if (isEmptyUpdate(update)) {
      // Only blank lines or spaces changed: show the stored settings again.
      helpers.resetForm(toFormValues(stored));
      return;
    }
    try {
      // The mutation invalidates the cached settings, so every reader of them asks again.
      const saved = await updateSettings(update).unwrap();
      helpers.resetForm(toFormValues(saved));
      toggleNotification({
        type: 'success',
        message: formatMessage({ id: getTranslation('settings.save.success'), defaultMessage: 'Settings saved.' }),
      });
    } catch (error) {
      showServerRefusal(error, values, helpers);
    }
  };

  const dismissServerError = useCallback(() => setServerError(null), []);
  return { save, serverError, dismissServerError };
}
