import { useField } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';

import type { CollectionTypeOption } from '../../../api/liveSupportApi';
import { isUsableKnowledgeField, type KnowledgeFieldRole } from '../../../shared';
import { getTranslation } from '../../../utils/getTranslation';
import { SettingFields, SettingGroup } from '../SettingField';
import { SUGGESTION_LISTS } from '../field-catalogue';
import { Section } from '../layout';
import { BUILT_IN_PROVIDERS } from '../model';


/** The translation key of each provider's name; other names are providers registered by server code. */
const PROVIDER_LABELS: Record<string, string> = {
  auto: 'settings.bot.provider.auto',
  webhook: 'settings.bot.provider.webhook',
  external: 'settings.bot.provider.external',
  'knowledge-base': 'settings.bot.provider.knowledgeBase',
  fallback: 'settings.bot.provider.fallback',
};

const useProviderOptions = () => {
  const { formatMessage } = useIntl();
  const initialProvider = useField<string>('bot.provider').initialValue ?? 'auto';
  // A provider registered by server code (or set over the API) stays selectable.
  const providers = (BUILT_IN_PROVIDERS as readonly string[]).includes(initialProvider)
    ? [...BUILT_IN_PROVIDERS]
    : [...BUILT_IN_PROVIDERS, initialProvider];
  return providers.map((value) => {
    const known = PROVIDER_LABELS[value];
    return {
      value,
      label: known
        ? formatMessage({ id: getTranslation(known) })
        : formatMessage({ id: getTranslation('settings.bot.provider.registered') }, { name: value }),
    };
  });
};

const ContentTypeSuggestions = ({ contentTypes }: { contentTypes: CollectionTypeOption[] }) => {
  const contentType = useField<string>('bot.knowledgeBase.contentType').value ?? '';
  const attributes = Object.entries(contentTypes.find((type) => type.uid === contentType.trim())?.attributes ?? {});
  const named = (role: KnowledgeFieldRole) =>
    attributes.filter(([, attribute]) => isUsableKnowledgeField(role, attribute)).map(([name]) => name);
  return (
    <>
      <datalist id={SUGGESTION_LISTS.contentTypes}>
        {contentTypes.map((type) => (
          <option key={type.uid} value={type.uid}>
            {type.displayName}
          </option>
        ))}
      </datalist>
      <datalist id={SUGGESTION_LISTS.textFields}>
        {named('bodyField').map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
      <datalist id={SUGGESTION_LISTS.languageFields}>
        {named('languageField').map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
    </>
  );
};

export const BotSection = ({ contentTypes }: { contentTypes: CollectionTypeOption[] }) => {
  const providers = useProviderOptions();
  const secretSet = Boolean(useField<boolean>('bot.webhook.secretSet').value);
  const removeSecret = Boolean(useField<boolean>('bot.webhook.removeSecret').value);

  return (
    <Section name="bot">
      <SettingFields fields={['bot.provider', 'bot.closeAfterMinutes']} props={{ 'bot.provider': { options: providers } }} />
      <SettingGroup
        name="bot.knowledgeBase"
        fields={[
          'bot.knowledgeBase.contentType',
          'bot.knowledgeBase.titleField',
          'bot.knowledgeBase.bodyField',
          'bot.knowledgeBase.languageField',
          'bot.knowledgeBase.confidenceThreshold',
        ]}
      >
        <ContentTypeSuggestions contentTypes={contentTypes} />
      </SettingGroup>
      <SettingGroup
        name="bot.webhook"
        fields={['bot.webhook.url', 'bot.webhook.secret', secretSet && 'bot.webhook.removeSecret', 'bot.webhook.timeoutMs']}
        props={{ 'bot.webhook.secret': { disabled: removeSecret, hintVariant: secretSet ? 'hintSet' : 'hint' } }}
      />
    </Section>
  );
};
