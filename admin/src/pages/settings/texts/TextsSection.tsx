import { Box, Button, Field, Flex, Tabs, Textarea } from '@strapi/design-system';
import { ArrowClockwise } from '@strapi/icons';
import { useField } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';

import { CUSTOMER_TEXT_KEYS, CUSTOMER_TEXTS, SUPPORTED_LANGUAGES, type CustomerTextKey, type SupportedLanguage } from '../../../shared';
import { getTranslation } from '../../../utils/getTranslation';
import { Section } from '../layout';
import { useLanguageName } from '../useLanguageName';

import { placeholderList } from './useDescribeTextProblem';

/**
 * One customer text in one language: empty means the default, which the box shows as its
 * placeholder and the hint repeats, with the placeholders the text may use.
 */
const CustomerTextField = ({ textKey, language }: { textKey: CustomerTextKey; language: SupportedLanguage }) => {
  const { formatMessage } = useIntl();
  const name = `texts.${textKey}.${language}`;
  const field = useField<string>(name);
  const { defaults, placeholders } = CUSTOMER_TEXTS[textKey];
  const label = formatMessage({ id: getTranslation(`settings.texts.${textKey}.label`) });
  const value = field.value ?? '';
  const hint = [
    formatMessage({ id: getTranslation('settings.texts.default'), defaultMessage: 'Default: {text}' }, { text: defaults[language] }),
    placeholders.length > 0
      ? formatMessage(
          { id: getTranslation('settings.texts.placeholders'), defaultMessage: 'Placeholders: {names}' },
          { names: placeholderList(placeholders) },
        )
      : formatMessage({ id: getTranslation('settings.texts.noPlaceholders'), defaultMessage: 'No placeholders.' }),
  ].join(' · ');
  return (
    <Field.Root name={name} hint={hint} error={field.error}>
      <Flex justifyContent="space-between" alignItems="flex-end" gap={2}>
        <Field.Label>{label}</Field.Label>
        <Button
          variant="tertiary"
          size="S"
          startIcon={<ArrowClockwise />}
          disabled={value === ''}
          data-testid={`text-reset-${textKey}-${language}`}
          aria-label={formatMessage(
            { id: getTranslation('settings.texts.reset.label'), defaultMessage: 'Reset “{text}” to the default' },
            { text: label },
          )}
          onClick={() => field.onChange(name, '')}
        >
          {formatMessage({ id: getTranslation('settings.texts.reset'), defaultMessage: 'Reset to default' })}
        </Button>
      </Flex>
      <Textarea
        value={value}
        rows={2}
        placeholder={defaults[language]}
        data-testid={`text-${textKey}-${language}`}
        onChange={(event) => field.onChange(name, event.currentTarget.value)}
      />
      <Field.Hint />
      <Field.Error />
    </Field.Root>
  );
};

/** The customer texts, a tab per language; saved with the rest of the settings form. */
export const TextsSection = () => {
  const { formatMessage } = useIntl();
  const languageName = useLanguageName();
  return (
    <Section name="texts">
      <Tabs.Root defaultValue={SUPPORTED_LANGUAGES[0]} variant="simple">
        <Tabs.List aria-label={formatMessage({ id: getTranslation('settings.texts.languages'), defaultMessage: 'Language' })}>
          {SUPPORTED_LANGUAGES.map((language) => (
            <Tabs.Trigger key={language} value={language} data-testid={`texts-tab-${language}`}>
              {languageName(language)}
            </Tabs.Trigger>
          ))}
        </Tabs.List>
        {SUPPORTED_LANGUAGES.map((language) => (
          <Tabs.Content key={language} value={language}>
            <Box paddingTop={4}>
              <Flex direction="column" alignItems="stretch" gap={4}>
                {CUSTOMER_TEXT_KEYS.map((key) => (
                  <CustomerTextField key={key} textKey={key} language={language} />
                ))}
              </Flex>
            </Box>
          </Tabs.Content>
        ))}
      </Tabs.Root>
    </Section>
  );
};
