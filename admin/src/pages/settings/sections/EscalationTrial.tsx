import { Badge, Box, Button, Field, Flex, Grid, SingleSelect, SingleSelectOption, Textarea, Typography } from '@strapi/design-system';
import { useForm } from '@strapi/strapi/admin';
import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';

import { useSettingsQuery, useTryEscalationMutation } from '../../../api/liveSupportApi';
import { SUPPORTED_LANGUAGES, type EscalationTrial as Trial, type SupportedLanguage } from '../../../shared';
import { errorBodyOf } from '../../../utils/errors';
import { getTranslation } from '../../../utils/getTranslation';
import { GroupTitle } from '../layout';
import { escalationFromForm, type SettingsFormValues } from '../model';
import { useLanguageName } from '../useLanguageName';

const isSupportedLanguage = (value: string): value is SupportedLanguage =>
  (SUPPORTED_LANGUAGES as readonly string[]).includes(value);

/** The customer language closest to the admin's own: `fi-FI` → `fi`, anything else → English. */
const languageOfLocale = (locale: string): SupportedLanguage => {
  const language = locale.slice(0, 2).toLowerCase();
  return isSupportedLanguage(language) ? language : 'en';
};

type Outcome = { trial: Trial; error?: never } | { trial?: never; error: string };

/** What one tried sentence came to: the decision, what decided it, how sure, and the words behind it. */
const TrialResult = ({ trial }: { trial: Trial }) => {
  const { formatMessage, formatNumber } = useIntl();
  const text = (id: string, values?: Record<string, string>) => formatMessage({ id: getTranslation(`settings.escalation.trial.${id}`) }, values);
  return (
    <Flex direction="column" alignItems="stretch" gap={2} data-testid="escalation-trial-result" data-escalate={trial.escalate}>
      <Typography variant="omega" fontWeight="bold" textColor={trial.escalate ? 'danger600' : 'success600'} tag="p">
        {text(trial.escalate ? 'escalate' : 'stay')}
      </Typography>
      <Typography tag="p" data-testid="escalation-trial-decided-by" data-trigger={trial.decidedBy ?? ''}>
        {trial.decidedBy
          ? text('decidedBy', { trigger: formatMessage({ id: getTranslation(`trigger.${trial.decidedBy}`) }) })
          : text('noRule')}
      </Typography>
      {trial.confidence !== null ? (
        <Typography tag="p" data-testid="escalation-trial-confidence">
          {text('confidence', { confidence: formatNumber(trial.confidence, { style: 'percent', maximumFractionDigits: 0 }) })}
        </Typography>
      ) : null}
      {trial.reason ? (
        <Typography tag="p" textColor="neutral600">
          {text('reason', { reason: trial.reason })}
        </Typography>
      ) : null}
      {trial.matchedWords.length > 0 ? (
        <Flex gap={2} wrap="wrap">
          <Typography variant="pi" textColor="neutral600">
            {text('matched')}
          </Typography>
          <Flex tag="ul" gap={1} wrap="wrap" style={{ listStyle: 'none', margin: 0, padding: 0 }} data-testid="escalation-trial-words">
            {trial.matchedWords.map((word, index) => (
              <li key={`${index}-${word}`}>
                <Badge>{word}</Badge>
              </li>
            ))}
          </Flex>
        </Flex>
      ) : null}
    </Flex>
  );
};

/**
 * "Try a sentence": a message as a customer would write it, tried against the escalation
 * settings as the form holds them now, saved or not, so the owner can tune before saving.
 */
export const EscalationTrial = () => {
  const { formatMessage, locale } = useIntl();
  const languageName = useLanguageName();
  const escalation = useForm('EscalationTrial', (form) => (form.values as SettingsFormValues).escalation);
  const { data: stored } = useSettingsQuery();
  const [tryEscalation, { isLoading }] = useTryEscalationMutation();
  const [text, setText] = useState('');
  const [language, setLanguage] = useState<SupportedLanguage>(() => languageOfLocale(locale));
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const label = (id: string) => formatMessage({ id: getTranslation(`settings.escalation.trial.${id}`) });

  // An answer belongs to the sentence, language and settings it was asked for: an edit of any clears it.
  useEffect(() => setOutcome(null), [escalation]);

  const trySentence = async () => {
    if (!stored) return;
    try {
      const trial = await tryEscalation({ text, language, escalation: escalationFromForm(escalation, stored.escalation) }).unwrap();
      setOutcome({ trial });
    } catch (error) {
      setOutcome({ error: errorBodyOf(error)?.message ?? label('error') });
    }
  };

  const change = <Value,>(set: (value: Value) => void) => (value: Value) => {
    set(value);
    setOutcome(null);
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={4} data-testid="escalation-trial">
      <GroupTitle name="escalation.trial" />
      <Typography variant="pi" textColor="neutral600" tag="p">
        {label('description')}
      </Typography>
      <Grid.Root gap={5}>
        <Grid.Item col={8} s={12} direction="column" alignItems="stretch">
          <Field.Root name="escalation-trial-text">
            <Field.Label>{label('text.label')}</Field.Label>
            <Textarea rows={3} value={text} onChange={(event) => change(setText)(event.currentTarget.value)} />
          </Field.Root>
        </Grid.Item>
        <Grid.Item col={4} s={12} direction="column" alignItems="stretch" gap={4}>
          <Field.Root name="escalation-trial-language">
            <Field.Label>{label('language.label')}</Field.Label>
            <SingleSelect
              value={language}
              onChange={(value) => {
                const picked = String(value);
                if (isSupportedLanguage(picked)) change(setLanguage)(picked);
              }}
            >
              {SUPPORTED_LANGUAGES.map((option) => (
                <SingleSelectOption key={option} value={option}>
                  {languageName(option)}
                </SingleSelectOption>
              ))}
            </SingleSelect>
          </Field.Root>
          <Flex>
            <Button
              type="button"
              variant="secondary"
              data-testid="escalation-trial-submit"
              disabled={text.trim() === '' || !stored}
              loading={isLoading}
              onClick={() => void trySentence()}
            >
              {label('submit')}
            </Button>
          </Flex>
        </Grid.Item>
      </Grid.Root>
      {/* Read out when an answer or a refusal arrives. */}
      <Box role="status" aria-live="polite">
        {outcome?.trial ? <TrialResult trial={outcome.trial} /> : null}
        {outcome?.error ? (
          <Typography tag="p" textColor="danger600" data-testid="escalation-trial-error">
            {outcome.error}
          </Typography>
        ) : null}
      </Box>
    </Flex>
  );
};
