import { useIntl } from 'react-intl';

import { getTranslation } from '../../utils/getTranslation';

import { describeField, type SettingFieldPath } from './field-catalogue';
import { ColourField, ListField, LongTextField, NumberField, SelectField, TextField, ToggleField } from './fields';
import { useLanguageName } from './useLanguageName';

interface SettingFieldProps {
  path: SettingFieldPath;
  disabled?: boolean;
  /** Another hint than `settings.<path>.hint`, such as `hintSet`. */
  hintVariant?: string;
  /** The choices of a select. */
  options?: { value: string; label: string }[];
  /** Rows of a list. */
  rows?: number;
  /** A number input's step. */
  step?: number;
  /** For a text input. */
  type?: 'text' | 'url' | 'password';
  autoComplete?: string;
  placeholder?: string;
  /** The id of a `<datalist>` with suggestions for a text input. */
  suggestions?: string;
}

/**
 * One setting of the form, found by its path: the input for its kind, its translated label and
 * hint, and the range the server's schema allows. The translation keys are derived from the
 * path (see `describeField`); the settings catalogue test proves each exists, so no English
 * copy is kept here as a default message.
 */
export const SettingField = ({ path, disabled, hintVariant, options = [], rows, step, ...textInput }: SettingFieldProps) => {
  const { formatMessage } = useIntl();
  const languageName = useLanguageName();
  const field = describeField(path, hintVariant);
  const label = formatMessage(
    { id: getTranslation(field.label.id) },
    { language: field.language ? languageName(field.language) : '' },
  );
  const hintText = formatMessage({ id: getTranslation(field.hint.id) }, field.hint.values);
  const hint = field.range ? formatMessage({ id: getTranslation(field.range.id) }, { text: hintText, ...field.range.values }) : hintText;
  const common = { name: path, label, hint, disabled };

  switch (field.kind) {
    case 'number':
      return <NumberField {...common} step={step} />;
    case 'toggle':
      return <ToggleField {...common} />;
    case 'list':
      return <ListField {...common} rows={rows} />;
    case 'longText':
      return <LongTextField {...common} required={field.required} />;
    case 'select':
      return <SelectField {...common} options={options} />;
    case 'colour':
      return (
        <ColourField
          {...common}
          pickerLabel={formatMessage({ id: getTranslation(`settings.${field.messagePath}.picker`) })}
        />
      );
    case 'text':
      return <TextField {...common} {...textInput} required={field.required} />;
  }
};
