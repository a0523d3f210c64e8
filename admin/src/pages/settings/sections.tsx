import { Box, Flex, Grid, Typography } from '@strapi/design-system';
import { useField } from '@strapi/strapi/admin';
import type { ReactNode } from 'react';
import { useIntl } from 'react-intl';

import { getTranslation } from '../../utils/getTranslation';

import { ColourField, ListField, LongTextField, NumberField, SelectField, TextField, ToggleField } from './fields';
import { BUILT_IN_PROVIDERS, LANGUAGES, type Language } from './model';
import { LIST_LIMITS, NUMBER_BOUNDS, TEXT_LIMITS, WEBHOOK_SECRET_LENGTH } from './validate';

/** A collection type the knowledge-base bot can answer from, as the Content Manager lists it. */
export interface CollectionTypeOption {
  uid: string;
  displayName: string;
  attributes: Record<string, { type: string }>;
}

const TEXT_FIELD_TYPES = ['string', 'text', 'richtext', 'blocks', 'email', 'uid'];
const LANGUAGE_FIELD_TYPES = ['string', 'enumeration'];

const Section = ({ id, title, description, children }: { id: string; title: string; description: string; children: ReactNode }) => (
  <Box
    tag="section"
    aria-labelledby={`${id}-title`}
    data-testid={id}
    background="neutral0"
    hasRadius
    shadow="filterShadow"
    paddingTop={6}
    paddingBottom={6}
    paddingLeft={7}
    paddingRight={7}
  >
    <Flex direction="column" alignItems="stretch" gap={5}>
      <Flex direction="column" alignItems="stretch" gap={1}>
        <Typography variant="delta" tag="h2" id={`${id}-title`}>
          {title}
        </Typography>
        <Typography variant="pi" textColor="neutral600">
          {description}
        </Typography>
      </Flex>
      {children}
    </Flex>
  </Box>
);

const SubHeading = ({ children }: { children: ReactNode }) => (
  <Typography variant="sigma" tag="h3" textColor="neutral600">
    {children}
  </Typography>
);

const Fields = ({ children }: { children: ReactNode }) => <Grid.Root gap={5}>{children}</Grid.Root>;

const Cell = ({ children, wide = false }: { children: ReactNode; wide?: boolean }) => (
  <Grid.Item col={wide ? 12 : 6} s={12} direction="column" alignItems="stretch">
    {children}
  </Grid.Item>
);

const useLanguageName = () => {
  const { formatMessage } = useIntl();
  return (language: Language) =>
    ({
      fi: formatMessage({ id: getTranslation('settings.language.fi'), defaultMessage: 'Finnish' }),
      en: formatMessage({ id: getTranslation('settings.language.en'), defaultMessage: 'English' }),
      sv: formatMessage({ id: getTranslation('settings.language.sv'), defaultMessage: 'Swedish' }),
    })[language];
};

const useRangeHint = () => {
  const { formatMessage } = useIntl();
  return (path: keyof typeof NUMBER_BOUNDS, text: string) =>
    formatMessage(
      { id: getTranslation('settings.hint.range'), defaultMessage: '{text} From {min, number} to {max, number}.' },
      { text, min: NUMBER_BOUNDS[path].min, max: NUMBER_BOUNDS[path].max },
    );
};

const useListHint = () => {
  const { formatMessage } = useIntl();
  return (path: keyof typeof LIST_LIMITS, text: string) =>
    formatMessage(
      { id: getTranslation('settings.hint.list'), defaultMessage: '{text} One per line, at most {max}.' },
      { text, max: LIST_LIMITS[path] },
    );
};

export const QueueSection = () => {
  const { formatMessage } = useIntl();
  const rangeHint = useRangeHint();
  const listHint = useListHint();
  return (
    <Section
      id="settings-queue"
      title={formatMessage({ id: getTranslation('settings.queue.title'), defaultMessage: 'Queue' })}
      description={formatMessage({
        id: getTranslation('settings.queue.description'),
        defaultMessage: 'How customers wait for an agent, and when they are offered to leave a message instead.',
      })}
    >
      <Fields>
        <Cell>
          <NumberField
            name="queue.maxQueueLength"
            label={formatMessage({ id: getTranslation('settings.queue.maxQueueLength'), defaultMessage: 'Maximum queue length' })}
            hint={rangeHint(
              'queue.maxQueueLength',
              formatMessage({
                id: getTranslation('settings.queue.maxQueueLength.hint'),
                defaultMessage: 'With this many customers waiting, new ones are offered to leave a message.',
              }),
            )}
          />
        </Cell>
        <Cell>
          <NumberField
            name="queue.seatsPerAgent"
            label={formatMessage({ id: getTranslation('settings.queue.seatsPerAgent'), defaultMessage: 'Chats per agent' })}
            hint={rangeHint(
              'queue.seatsPerAgent',
              formatMessage({
                id: getTranslation('settings.queue.seatsPerAgent.hint'),
                defaultMessage: 'How many conversations one agent can have open at once.',
              }),
            )}
          />
        </Cell>
        <Cell>
          <ToggleField
            name="queue.showEstimatedWait"
            label={formatMessage({ id: getTranslation('settings.queue.showEstimatedWait'), defaultMessage: 'Show the estimated wait' })}
            hint={formatMessage({
              id: getTranslation('settings.queue.showEstimatedWait.hint'),
              defaultMessage: 'Customers always see their place in the queue; this adds an estimate of the wait.',
            })}
          />
        </Cell>
        <Cell>
          <NumberField
            name="queue.defaultWaitSeconds"
            label={formatMessage({ id: getTranslation('settings.queue.defaultWaitSeconds'), defaultMessage: 'Default wait (seconds)' })}
            hint={rangeHint(
              'queue.defaultWaitSeconds',
              formatMessage({
                id: getTranslation('settings.queue.defaultWaitSeconds.hint'),
                defaultMessage: 'The estimate used until there is enough history of real waits.',
              }),
            )}
          />
        </Cell>
        <Cell>
          <ToggleField
            name="queue.enforceOpeningHours"
            label={formatMessage({ id: getTranslation('settings.queue.enforceOpeningHours'), defaultMessage: 'Follow the opening hours' })}
            hint={formatMessage({
              id: getTranslation('settings.queue.enforceOpeningHours.hint'),
              defaultMessage: 'Outside the opening hours, customers are offered to leave a message.',
            })}
          />
        </Cell>
        <Cell>
          <ToggleField
            name="queue.requireOnlineAgent"
            label={formatMessage({ id: getTranslation('settings.queue.requireOnlineAgent'), defaultMessage: 'Require an online agent' })}
            hint={formatMessage({
              id: getTranslation('settings.queue.requireOnlineAgent.hint'),
              defaultMessage: 'With no agent online, customers are offered to leave a message instead of waiting.',
            })}
          />
        </Cell>
        <Cell>
          <NumberField
            name="queue.reminderAfterMinutes"
            label={formatMessage({ id: getTranslation('settings.queue.reminderAfterMinutes'), defaultMessage: 'Remind the agent after (minutes)' })}
            hint={rangeHint(
              'queue.reminderAfterMinutes',
              formatMessage({
                id: getTranslation('settings.queue.reminderAfterMinutes.hint'),
                defaultMessage: 'When a customer has waited this long for an answer, their agent is reminded. 0: never.',
              }),
            )}
          />
        </Cell>
        <Cell>
          <NumberField
            name="queue.closeInactiveAfterMinutes"
            label={formatMessage({ id: getTranslation('settings.queue.closeInactiveAfterMinutes'), defaultMessage: 'Close quiet chats after (minutes)' })}
            hint={rangeHint(
              'queue.closeInactiveAfterMinutes',
              formatMessage({
                id: getTranslation('settings.queue.closeInactiveAfterMinutes.hint'),
                defaultMessage: 'A chat the customer has not answered for this long after the agent’s last message is closed, and the customer told why. 0: never.',
              }),
            )}
          />
        </Cell>
        <Cell>
          <ToggleField
            name="queue.vipFirst"
            label={formatMessage({ id: getTranslation('settings.queue.vipFirst'), defaultMessage: 'VIP customers first' })}
            hint={formatMessage({
              id: getTranslation('settings.queue.vipFirst.hint'),
              defaultMessage: 'VIP customers go to the front of the queue.',
            })}
          />
        </Cell>
        <Cell>
          <ListField
            name="queue.vipEmailDomains"
            rows={4}
            label={formatMessage({ id: getTranslation('settings.queue.vipEmailDomains'), defaultMessage: 'VIP email domains' })}
            hint={listHint(
              'queue.vipEmailDomains',
              formatMessage({
                id: getTranslation('settings.queue.vipEmailDomains.hint'),
                defaultMessage: 'Customers with an email in these domains (or their subdomains) are VIP, e.g. example.com.',
              }),
            )}
          />
        </Cell>
      </Fields>
    </Section>
  );
};

export const EscalationSection = () => {
  const { formatMessage } = useIntl();
  const rangeHint = useRangeHint();
  const listHint = useListHint();
  const languageName = useLanguageName();
  return (
    <Section
      id="settings-escalation"
      title={formatMessage({ id: getTranslation('settings.escalation.title'), defaultMessage: 'Escalation' })}
      description={formatMessage({
        id: getTranslation('settings.escalation.description'),
        defaultMessage: 'When a conversation with the bot is handed over to a person. Each rule can be switched off.',
      })}
    >
      <Fields>
        <Cell wide>
          <ToggleField
            name="escalation.buttonEnabled"
            label={formatMessage({ id: getTranslation('settings.escalation.buttonEnabled'), defaultMessage: '“Talk to a person” button' })}
            hint={formatMessage({
              id: getTranslation('settings.escalation.buttonEnabled.hint'),
              defaultMessage: 'The widget always offers a button to reach a person.',
            })}
          />
        </Cell>
      </Fields>

      <SubHeading>{formatMessage({ id: getTranslation('settings.escalation.phrases'), defaultMessage: 'Requests for a person' })}</SubHeading>
      <Fields>
        <Cell wide>
          <ToggleField
            name="escalation.phrases.enabled"
            label={formatMessage({ id: getTranslation('settings.escalation.phrases.enabled'), defaultMessage: 'Detect requests for a person' })}
            hint={formatMessage({
              id: getTranslation('settings.escalation.phrases.enabled.hint'),
              defaultMessage: 'A customer who writes one of these phrases is handed over at once.',
            })}
          />
        </Cell>
        {LANGUAGES.map((language) => (
          <Grid.Item key={language} col={4} s={12} direction="column" alignItems="stretch">
            <ListField
              name={`escalation.phrases.lists.${language}`}
              rows={8}
              label={formatMessage(
                { id: getTranslation('settings.escalation.phrases.list'), defaultMessage: 'Phrases ({language})' },
                { language: languageName(language) },
              )}
              hint={listHint(
                `escalation.phrases.lists.${language}`,
                formatMessage({ id: getTranslation('settings.escalation.phrases.list.hint'), defaultMessage: 'Word forms are matched too.' }),
              )}
            />
          </Grid.Item>
        ))}
      </Fields>

      <SubHeading>{formatMessage({ id: getTranslation('settings.escalation.keywords'), defaultMessage: 'Keywords' })}</SubHeading>
      <Fields>
        <Cell>
          <ToggleField
            name="escalation.keywords.enabled"
            label={formatMessage({ id: getTranslation('settings.escalation.keywords.enabled'), defaultMessage: 'Detect keywords' })}
            hint={formatMessage({
              id: getTranslation('settings.escalation.keywords.enabled.hint'),
              defaultMessage: 'Topics a bot should not handle, such as complaints, in any language.',
            })}
          />
        </Cell>
        <Cell>
          <ListField
            name="escalation.keywords.list"
            rows={6}
            label={formatMessage({ id: getTranslation('settings.escalation.keywords.list'), defaultMessage: 'Keywords' })}
            hint={listHint(
              'escalation.keywords.list',
              formatMessage({ id: getTranslation('settings.escalation.keywords.list.hint'), defaultMessage: 'For example “reklamaatio” or “complaint”.' }),
            )}
          />
        </Cell>
      </Fields>

      <SubHeading>{formatMessage({ id: getTranslation('settings.escalation.failedAnswers'), defaultMessage: 'Failed bot answers' })}</SubHeading>
      <Fields>
        <Cell>
          <ToggleField
            name="escalation.failedAnswers.enabled"
            label={formatMessage({ id: getTranslation('settings.escalation.failedAnswers.enabled'), defaultMessage: 'Hand over after failed answers' })}
            hint={formatMessage({
              id: getTranslation('settings.escalation.failedAnswers.enabled.hint'),
              defaultMessage: 'When the bot cannot answer several times in a row.',
            })}
          />
        </Cell>
        <Cell>
          <NumberField
            name="escalation.failedAnswers.threshold"
            label={formatMessage({ id: getTranslation('settings.escalation.failedAnswers.threshold'), defaultMessage: 'Failed answers in a row' })}
            hint={rangeHint(
              'escalation.failedAnswers.threshold',
              formatMessage({ id: getTranslation('settings.escalation.failedAnswers.threshold.hint'), defaultMessage: 'Whole number.' }),
            )}
          />
        </Cell>
      </Fields>

      <SubHeading>{formatMessage({ id: getTranslation('settings.escalation.frustration'), defaultMessage: 'Frustration' })}</SubHeading>
      <Fields>
        <Cell wide>
          <ToggleField
            name="escalation.frustration.enabled"
            label={formatMessage({ id: getTranslation('settings.escalation.frustration.enabled'), defaultMessage: 'Detect frustration' })}
            hint={formatMessage({
              id: getTranslation('settings.escalation.frustration.enabled.hint'),
              defaultMessage: 'Scores the customer’s recent messages: angry words, capitals, “!!!”, the same question again.',
            })}
          />
        </Cell>
        <Cell>
          <NumberField
            name="escalation.frustration.threshold"
            step={0.05}
            label={formatMessage({ id: getTranslation('settings.escalation.frustration.threshold'), defaultMessage: 'Frustration score that hands over' })}
            hint={rangeHint(
              'escalation.frustration.threshold',
              formatMessage({ id: getTranslation('settings.escalation.frustration.threshold.hint'), defaultMessage: 'Lower hands over sooner.' }),
            )}
          />
        </Cell>
        <Cell>
          <NumberField
            name="escalation.frustration.window"
            label={formatMessage({ id: getTranslation('settings.escalation.frustration.window'), defaultMessage: 'Messages scored' })}
            hint={rangeHint(
              'escalation.frustration.window',
              formatMessage({
                id: getTranslation('settings.escalation.frustration.window.hint'),
                defaultMessage: 'The customer’s latest messages, the new one included.',
              }),
            )}
          />
        </Cell>
      </Fields>
    </Section>
  );
};

const ContentTypeSuggestions = ({ contentTypes }: { contentTypes: CollectionTypeOption[] }) => {
  const contentType = useField<string>('bot.knowledgeBase.contentType').value ?? '';
  const attributes = Object.entries(contentTypes.find((type) => type.uid === contentType.trim())?.attributes ?? {});
  const named = (types: string[]) => attributes.filter(([, attribute]) => types.includes(attribute.type)).map(([name]) => name);
  return (
    <>
      <datalist id="live-support-content-types">
        {contentTypes.map((type) => (
          <option key={type.uid} value={type.uid}>
            {type.displayName}
          </option>
        ))}
      </datalist>
      <datalist id="live-support-text-fields">
        {named(TEXT_FIELD_TYPES).map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
      <datalist id="live-support-language-fields">
        {named(LANGUAGE_FIELD_TYPES).map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
    </>
  );
};

export const BotSection = ({ contentTypes }: { contentTypes: CollectionTypeOption[] }) => {
  const { formatMessage } = useIntl();
  const rangeHint = useRangeHint();
  const provider = useField<string>('bot.provider');
  const secretSet = Boolean(useField<boolean>('bot.webhook.secretSet').value);
  const removeSecret = Boolean(useField<boolean>('bot.webhook.removeSecret').value);
  const initialProvider = provider.initialValue ?? 'auto';
  const providerLabels: Record<string, string> = {
    auto: formatMessage({ id: getTranslation('settings.bot.provider.auto'), defaultMessage: 'Automatic (knowledge base once a collection is set)' }),
    webhook: formatMessage({ id: getTranslation('settings.bot.provider.webhook'), defaultMessage: 'Webhook' }),
    external: formatMessage({ id: getTranslation('settings.bot.provider.external'), defaultMessage: 'External bot (bot API)' }),
    'knowledge-base': formatMessage({ id: getTranslation('settings.bot.provider.knowledgeBase'), defaultMessage: 'Knowledge base' }),
    fallback: formatMessage({ id: getTranslation('settings.bot.provider.fallback'), defaultMessage: 'No bot (the built-in “can’t help” answer)' }),
  };
  // A provider registered by server code (or set over the API) stays selectable.
  const providers = (BUILT_IN_PROVIDERS as readonly string[]).includes(initialProvider)
    ? [...BUILT_IN_PROVIDERS]
    : [...BUILT_IN_PROVIDERS, initialProvider];
  const options = providers.map((value) => ({
    value,
    label:
      providerLabels[value] ??
      formatMessage({ id: getTranslation('settings.bot.provider.registered'), defaultMessage: 'Registered bot “{name}”' }, { name: value }),
  }));

  return (
    <Section
      id="settings-bot"
      title={formatMessage({ id: getTranslation('settings.bot.title'), defaultMessage: 'Bot' })}
      description={formatMessage({
        id: getTranslation('settings.bot.description'),
        defaultMessage: 'Who answers customers before a person does.',
      })}
    >
      <Fields>
        <Cell wide>
          <SelectField
            name="bot.provider"
            options={options}
            label={formatMessage({ id: getTranslation('settings.bot.provider'), defaultMessage: 'Who answers' })}
            hint={formatMessage({
              id: getTranslation('settings.bot.provider.hint'),
              defaultMessage: 'An external bot answers over the bot API with an API token; the escalation rules apply to every bot.',
            })}
          />
        </Cell>
      </Fields>

      <SubHeading>{formatMessage({ id: getTranslation('settings.bot.knowledgeBase'), defaultMessage: 'Knowledge base' })}</SubHeading>
      <ContentTypeSuggestions contentTypes={contentTypes} />
      <Fields>
        <Cell wide>
          <TextField
            name="bot.knowledgeBase.contentType"
            suggestions="live-support-content-types"
            placeholder="api::faq.faq"
            label={formatMessage({ id: getTranslation('settings.bot.knowledgeBase.contentType'), defaultMessage: 'Collection' })}
            hint={formatMessage({
              id: getTranslation('settings.bot.knowledgeBase.contentType.hint'),
              defaultMessage: 'The collection type the bot answers from, such as api::faq.faq. Empty: no knowledge base.',
            })}
          />
        </Cell>
        <Cell>
          <TextField
            name="bot.knowledgeBase.titleField"
            required
            suggestions="live-support-text-fields"
            label={formatMessage({ id: getTranslation('settings.bot.knowledgeBase.titleField'), defaultMessage: 'Title field' })}
            hint={formatMessage({
              id: getTranslation('settings.bot.knowledgeBase.titleField.hint'),
              defaultMessage: 'The entry’s question or title: a text field.',
            })}
          />
        </Cell>
        <Cell>
          <TextField
            name="bot.knowledgeBase.bodyField"
            required
            suggestions="live-support-text-fields"
            label={formatMessage({ id: getTranslation('settings.bot.knowledgeBase.bodyField'), defaultMessage: 'Answer field' })}
            hint={formatMessage({
              id: getTranslation('settings.bot.knowledgeBase.bodyField.hint'),
              defaultMessage: 'The text the bot sends to the customer: a text field.',
            })}
          />
        </Cell>
        <Cell>
          <TextField
            name="bot.knowledgeBase.languageField"
            suggestions="live-support-language-fields"
            label={formatMessage({ id: getTranslation('settings.bot.knowledgeBase.languageField'), defaultMessage: 'Language field' })}
            hint={formatMessage({
              id: getTranslation('settings.bot.knowledgeBase.languageField.hint'),
              defaultMessage: 'A field holding fi, en or sv. Empty: every entry answers in every language.',
            })}
          />
        </Cell>
        <Cell>
          <NumberField
            name="bot.knowledgeBase.confidenceThreshold"
            step={0.05}
            label={formatMessage({ id: getTranslation('settings.bot.knowledgeBase.confidenceThreshold'), defaultMessage: 'Confidence threshold' })}
            hint={rangeHint(
              'bot.knowledgeBase.confidenceThreshold',
              formatMessage({
                id: getTranslation('settings.bot.knowledgeBase.confidenceThreshold.hint'),
                defaultMessage: 'The share of the question’s words an entry must match; below it the answer counts as failed.',
              }),
            )}
          />
        </Cell>
      </Fields>

      <SubHeading>{formatMessage({ id: getTranslation('settings.bot.webhook'), defaultMessage: 'Webhook' })}</SubHeading>
      <Fields>
        <Cell wide>
          <TextField
            name="bot.webhook.url"
            type="url"
            placeholder="https://bot.example.com/live-support"
            label={formatMessage({ id: getTranslation('settings.bot.webhook.url'), defaultMessage: 'Webhook URL' })}
            hint={formatMessage({
              id: getTranslation('settings.bot.webhook.url.hint'),
              defaultMessage: 'Each customer message is posted here (http or https).',
            })}
          />
        </Cell>
        <Cell>
          <TextField
            name="bot.webhook.secret"
            type="password"
            autoComplete="new-password"
            disabled={removeSecret}
            label={formatMessage({ id: getTranslation('settings.bot.webhook.secret'), defaultMessage: 'Signing secret' })}
            hint={
              secretSet
                ? formatMessage(
                    {
                      id: getTranslation('settings.bot.webhook.secret.hintSet'),
                      defaultMessage:
                        'A secret is stored and signs each request (HMAC-SHA256); it is never shown. Type a new one ({min}–{max} characters) to replace it.',
                    },
                    WEBHOOK_SECRET_LENGTH,
                  )
                : formatMessage(
                    {
                      id: getTranslation('settings.bot.webhook.secret.hint'),
                      defaultMessage: 'Signs each request (HMAC-SHA256), {min}–{max} characters. Empty: requests are not signed.',
                    },
                    WEBHOOK_SECRET_LENGTH,
                  )
            }
          />
        </Cell>
        {secretSet ? (
          <Cell>
            <ToggleField
              name="bot.webhook.removeSecret"
              label={formatMessage({ id: getTranslation('settings.bot.webhook.removeSecret'), defaultMessage: 'Remove the stored secret' })}
              hint={formatMessage({
                id: getTranslation('settings.bot.webhook.removeSecret.hint'),
                defaultMessage: 'On save, requests are no longer signed.',
              })}
            />
          </Cell>
        ) : null}
        <Cell>
          <NumberField
            name="bot.webhook.timeoutMs"
            step={100}
            label={formatMessage({ id: getTranslation('settings.bot.webhook.timeoutMs'), defaultMessage: 'Timeout (milliseconds)' })}
            hint={rangeHint(
              'bot.webhook.timeoutMs',
              formatMessage({
                id: getTranslation('settings.bot.webhook.timeoutMs.hint'),
                defaultMessage: 'A slower answer counts as a failed answer.',
              }),
            )}
          />
        </Cell>
      </Fields>
    </Section>
  );
};

export const WidgetSection = () => {
  const { formatMessage } = useIntl();
  const listHint = useListHint();
  const languageName = useLanguageName();
  return (
    <Section
      id="settings-widget"
      title={formatMessage({ id: getTranslation('settings.widget.title'), defaultMessage: 'Widget' })}
      description={formatMessage({
        id: getTranslation('settings.widget.description'),
        defaultMessage: 'How the chat looks on your site. Changes reach customers on their next page load.',
      })}
    >
      <Fields>
        <Cell>
          <ColourField
            name="widget.primaryColor"
            label={formatMessage({ id: getTranslation('settings.widget.primaryColor'), defaultMessage: 'Primary colour' })}
            pickerLabel={formatMessage({ id: getTranslation('settings.widget.primaryColor.picker'), defaultMessage: 'Pick a colour' })}
            hint={formatMessage({
              id: getTranslation('settings.widget.primaryColor.hint'),
              defaultMessage: 'As #rrggbb. Text on it is black or white, whichever reads better.',
            })}
          />
        </Cell>
        <Cell>
          <SelectField
            name="widget.position"
            label={formatMessage({ id: getTranslation('settings.widget.position'), defaultMessage: 'Position' })}
            hint={formatMessage({ id: getTranslation('settings.widget.position.hint'), defaultMessage: 'The corner of the chat button.' })}
            options={[
              { value: 'right', label: formatMessage({ id: getTranslation('settings.widget.position.right'), defaultMessage: 'Bottom right' }) },
              { value: 'left', label: formatMessage({ id: getTranslation('settings.widget.position.left'), defaultMessage: 'Bottom left' }) },
            ]}
          />
        </Cell>
        {LANGUAGES.map((language) => (
          <Grid.Item key={language} col={4} s={12} direction="column" alignItems="stretch" gap={4}>
            <TextField
              name={`widget.texts.${language}.title`}
              required
              label={formatMessage(
                { id: getTranslation('settings.widget.texts.title'), defaultMessage: 'Title ({language})' },
                { language: languageName(language) },
              )}
              hint={formatMessage(
                { id: getTranslation('settings.widget.texts.title.hint'), defaultMessage: 'At the top of the chat, at most {max} characters.' },
                { max: TEXT_LIMITS.title },
              )}
            />
            <LongTextField
              name={`widget.texts.${language}.welcome`}
              required
              label={formatMessage(
                { id: getTranslation('settings.widget.texts.welcome'), defaultMessage: 'Welcome text ({language})' },
                { language: languageName(language) },
              )}
              hint={formatMessage(
                { id: getTranslation('settings.widget.texts.welcome.hint'), defaultMessage: 'The first line the customer reads, at most {max} characters.' },
                { max: TEXT_LIMITS.welcome },
              )}
            />
          </Grid.Item>
        ))}
        <Cell>
          <ToggleField
            name="widget.sound"
            label={formatMessage({ id: getTranslation('settings.widget.sound'), defaultMessage: 'Sound' })}
            hint={formatMessage({
              id: getTranslation('settings.widget.sound.hint'),
              defaultMessage: 'A short sound when a message arrives while the chat is closed.',
            })}
          />
        </Cell>
        <Cell>
          <ListField
            name="widget.allowedOrigins"
            rows={4}
            label={formatMessage({ id: getTranslation('settings.widget.allowedOrigins'), defaultMessage: 'Allowed sites' })}
            hint={listHint(
              'widget.allowedOrigins',
              formatMessage({
                id: getTranslation('settings.widget.allowedOrigins.hint'),
                defaultMessage: 'Origins that may embed the widget, such as https://www.example.com (no path). This Strapi server is always allowed.',
              }),
            )}
          />
        </Cell>
      </Fields>
    </Section>
  );
};
