import type { ReactNode } from 'react';
import { useIntl } from 'react-intl';

import { SUPPORTED_LANGUAGES, type SupportedLanguage } from '../../shared';
import { getTranslation } from '../../utils/getTranslation';

import { describeField, type HintVariant, type SettingFieldPath } from './field-catalogue';
import { ColourField, NumberField, SelectField, TextareaField, TextField, ToggleField } from './fields';
import { Cell, Fields, GroupTitle } from './layout';
import { useLanguageName } from './useLanguageName';

interface SettingInputProps {
  path: SettingFieldPath;
  disabled?: boolean;
  /** Another hint than `settings.<path>.hint`. */
  hintVariant?: HintVariant;
  /** The choices of a select. */
  options?: { value: string; label: string }[];
}

/**
 * One setting of the form, found by its path: the input for its kind (from the field
 * catalogue), its translated label and hint, and the range the server's schema allows. The
 * translation keys are derived from the path (see `describeField`); the catalogue test proves
 * each exists, so no English copy is kept here as a default message.
 */
const SettingInput = ({ path, disabled, hintVariant, options = [] }: SettingInputProps) => {
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
      return <NumberField {...common} step={field.step} />;
    case 'toggle':
      return <ToggleField {...common} />;
    case 'list':
      return <TextareaField {...common} rows={field.rows ?? 5} spellCheck={false} />;
    case 'longText':
      return <TextareaField {...common} rows={2} required={field.required} />;
    case 'select':
      return <SelectField {...common} options={options} />;
    case 'colour':
      return (
        <ColourField {...common} pickerLabel={formatMessage({ id: getTranslation(`settings.${field.messagePath}.picker`) })} />
      );
    case 'text':
      return (
        <TextField
          {...common}
          type={field.type}
          autoComplete={field.autoComplete}
          placeholder={field.placeholder}
          suggestions={field.suggestions}
          required={field.required}
        />
      );
  }
};

/** A setting in its own cell of the section's grid, as wide as the catalogue says. */
const SettingField = (props: SettingInputProps) => (
  <Cell width={describeField(props.path).width}>
    <SettingInput {...props} />
  </Cell>
);

/** A column per customer language, each holding that language's settings, one under another. */
interface LanguageColumns {
  eachLanguage: (language: SupportedLanguage) => SettingFieldPath[];
}

export const languageColumns = (eachLanguage: LanguageColumns['eachLanguage']): LanguageColumns => ({ eachLanguage });

/** What a grid holds, in order: settings by path, language columns; `false` leaves a place out. */
export type GridEntry = SettingFieldPath | LanguageColumns | false;

/** Props for the settings that need more than their path: a select's options, a hint variant. */
export type FieldProps = Partial<Record<SettingFieldPath, Omit<SettingInputProps, 'path'>>>;

/** A grid of settings. */
export const SettingFields = ({ fields, props = {} }: { fields: GridEntry[]; props?: FieldProps }) => (
  <Fields>
    {fields.map((entry) => {
      if (entry === false) return null;
      if (typeof entry === 'string') return <SettingField key={entry} path={entry} {...props[entry]} />;
      return SUPPORTED_LANGUAGES.map((language) => (
        <Cell key={language} width="third">
          {entry.eachLanguage(language).map((path) => (
            <SettingInput key={path} path={path} {...props[path]} />
          ))}
        </Cell>
      ));
    })}
  </Fields>
);

/** A titled group of settings inside a section; `children` come between the title and the grid. */
export const SettingGroup = ({ name, children, ...grid }: { name: string; children?: ReactNode } & Parameters<typeof SettingFields>[0]) => (
  <>
    <GroupTitle name={name} />
    {children}
    <SettingFields {...grid} />
  </>
);
