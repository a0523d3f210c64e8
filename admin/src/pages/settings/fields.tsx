import {
  Box,
  Field,
  NumberInput,
  SingleSelect,
  SingleSelectOption,
  Textarea,
  TextInput,
  Toggle,
} from '@strapi/design-system';
import { useField } from '@strapi/strapi/admin';
import type { ReactNode } from 'react';
import { useIntl } from 'react-intl';

import { COLOUR_PATTERN } from '../../shared';
import { getTranslation } from '../../utils/getTranslation';

/** One labelled input bound to a path of the settings form (Strapi's `Form`). */
interface FieldProps {
  name: string;
  label: string;
  hint?: ReactNode;
  disabled?: boolean;
}

/** The label, hint and error around an input, tied to it by `Field` (for, aria-describedby, aria-invalid). */
const Labelled = ({
  name,
  label,
  hint,
  error,
  required,
  children,
}: Omit<FieldProps, 'disabled'> & { error?: string; required?: boolean; children: ReactNode }) => (
  <Field.Root name={name} hint={hint} error={error} required={required}>
    <Field.Label>{label}</Field.Label>
    {children}
    <Field.Hint />
    <Field.Error />
  </Field.Root>
);

export const NumberField = ({ name, label, hint, disabled, step = 1 }: FieldProps & { step?: number }) => {
  const field = useField<number>(name);
  return (
    <Labelled name={name} label={label} hint={hint} error={field.error}>
      <NumberInput
        value={field.value}
        step={step}
        disabled={disabled}
        onValueChange={(value) => field.onChange(name, value)}
      />
    </Labelled>
  );
};

export const ToggleField = ({ name, label, hint, disabled }: FieldProps) => {
  const { formatMessage } = useIntl();
  const field = useField<boolean>(name);
  return (
    <Labelled name={name} label={label} hint={hint} error={field.error}>
      <Toggle
        checked={Boolean(field.value)}
        disabled={disabled}
        onLabel={formatMessage({ id: getTranslation('settings.toggle.on'), defaultMessage: 'On' })}
        offLabel={formatMessage({ id: getTranslation('settings.toggle.off'), defaultMessage: 'Off' })}
        onChange={(event) => field.onChange(name, event.currentTarget.checked)}
      />
    </Labelled>
  );
};

interface TextFieldProps extends FieldProps {
  type?: 'text' | 'url' | 'password';
  autoComplete?: string;
  placeholder?: string;
  /** The id of a `<datalist>` with suggestions. */
  suggestions?: string;
  required?: boolean;
}

export const TextField = ({ name, label, hint, disabled, type = 'text', autoComplete = 'off', placeholder, suggestions, required }: TextFieldProps) => {
  const field = useField<string>(name);
  return (
    <Labelled name={name} label={label} hint={hint} error={field.error} required={required}>
      <TextInput
        type={type}
        value={field.value ?? ''}
        disabled={disabled}
        autoComplete={autoComplete}
        placeholder={placeholder}
        list={suggestions}
        spellCheck={false}
        onChange={(event) => field.onChange(name, event.currentTarget.value)}
      />
    </Labelled>
  );
};

/** A text of several lines; a list is one of them, edited one entry per line with no spell check. */
export const TextareaField = ({
  name,
  label,
  hint,
  disabled,
  rows,
  spellCheck,
  required,
}: FieldProps & { rows: number; spellCheck?: boolean; required?: boolean }) => {
  const field = useField<string>(name);
  return (
    <Labelled name={name} label={label} hint={hint} error={field.error} required={required}>
      <Textarea
        value={field.value ?? ''}
        disabled={disabled}
        rows={rows}
        spellCheck={spellCheck}
        onChange={(event) => field.onChange(name, event.currentTarget.value)}
      />
    </Labelled>
  );
};

export const SelectField = ({
  name,
  label,
  hint,
  disabled,
  options,
}: FieldProps & { options: { value: string; label: string }[] }) => {
  const field = useField<string>(name);
  return (
    <Labelled name={name} label={label} hint={hint} error={field.error}>
      <SingleSelect
        value={field.value}
        disabled={disabled}
        onChange={(value) => field.onChange(name, String(value))}
      >
        {options.map((option) => (
          <SingleSelectOption key={option.value} value={option.value}>
            {option.label}
          </SingleSelectOption>
        ))}
      </SingleSelect>
    </Labelled>
  );
};

/** A `#rrggbb` text input with a swatch and the browser's colour picker. */
export const ColourField = ({ name, label, hint, disabled, pickerLabel }: FieldProps & { pickerLabel: string }) => {
  const field = useField<string>(name);
  const value = field.value ?? '';
  const valid = COLOUR_PATTERN.test(value.trim());
  return (
    <Labelled name={name} label={label} hint={hint} error={field.error}>
      <TextInput
        value={value}
        disabled={disabled}
        autoComplete="off"
        spellCheck={false}
        maxLength={7}
        onChange={(event) => field.onChange(name, event.currentTarget.value)}
        startAction={
          <Box
            aria-hidden
            width="2rem"
            height="2rem"
            hasRadius
            borderColor="neutral300"
            borderStyle="solid"
            borderWidth="1px"
            style={{ background: valid ? value.trim() : 'transparent' }}
          />
        }
        endAction={
          <input
            type="color"
            aria-label={pickerLabel}
            disabled={disabled}
            value={valid ? value.trim().toLowerCase() : '#000000'}
            onChange={(event) => field.onChange(name, event.currentTarget.value)}
            style={{ width: '2.4rem', height: '2.4rem', padding: 0, border: 'none', background: 'none', cursor: 'pointer' }}
          />
        }
      />
    </Labelled>
  );
};
