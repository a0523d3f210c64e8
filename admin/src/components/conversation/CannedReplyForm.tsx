import { Button, Field, Flex, SingleSelect, SingleSelectOption, Textarea, TextInput } from '@strapi/design-system';
import { useState, type ChangeEvent, type FormEvent } from 'react';
import { useIntl } from 'react-intl';

import { CANNED_REPLY_LIMITS, REPLY_LANGUAGES, type CannedReplyView, type ReplyLanguage, type ReplyScope } from '../../shared';
import { getTranslation } from '../../utils/getTranslation';

export interface CannedReplyDraft {
  scope: ReplyScope;
  shortcut: string;
  title: string;
  text: string;
  language: ReplyLanguage;
}

export const emptyDraft = (language: ReplyLanguage = 'fi'): CannedReplyDraft => ({
  scope: 'personal',
  shortcut: '',
  title: '',
  text: '',
  language,
});

export const draftOf = (reply: CannedReplyView): CannedReplyDraft => ({
  scope: reply.scope,
  shortcut: reply.shortcut,
  title: reply.title,
  text: reply.text,
  language: reply.language,
});

interface CannedReplyFormProps {
  initial: CannedReplyDraft;
  /** A new reply may be shared only by those who manage shared replies; an edit keeps its scope. */
  scopes: readonly ReplyScope[];
  saving: boolean;
  /** The server's message for a field that failed, by field name. */
  errors: Partial<Record<keyof CannedReplyDraft, string>>;
  onSave(draft: CannedReplyDraft): void;
  onCancel(): void;
}

/** Create or edit one canned reply; the server checks everything again and names a failing field. */
export const CannedReplyForm = ({ initial, scopes, saving, errors, onSave, onCancel }: CannedReplyFormProps) => {
  const { formatMessage } = useIntl();
  const text = (id: string, defaultMessage: string) => formatMessage({ id: getTranslation(id), defaultMessage });
  const [draft, setDraft] = useState(initial);
  const set = <Key extends keyof CannedReplyDraft>(key: Key, value: CannedReplyDraft[Key]) => setDraft({ ...draft, [key]: value });
  const shortcutValid = CANNED_REPLY_LIMITS.shortcutPattern.test(draft.shortcut);

  return (
    <Flex
      direction="column"
      alignItems="stretch"
      gap={3}
      tag="form"
      onSubmit={(event: FormEvent) => {
        // The dialog is rendered in a portal, but React still bubbles the submit to the reply form.
        event.preventDefault();
        event.stopPropagation();
        onSave(draft);
      }}
    >
      {scopes.length > 1 && (
        <Field.Root name="reply-scope">
          <Field.Label>{text('cannedReplies.scope', 'Who uses it')}</Field.Label>
          <SingleSelect value={draft.scope} onChange={(value: string | number) => set('scope', value as ReplyScope)}>
            {scopes.map((scope) => (
              <SingleSelectOption key={scope} value={scope}>
                {text(`cannedReplies.scope.${scope}`, scope === 'shared' ? 'The whole team' : 'Only me')}
              </SingleSelectOption>
            ))}
          </SingleSelect>
        </Field.Root>
      )}
      <Field.Root name="reply-shortcut" required error={errors.shortcut ?? (draft.shortcut && !shortcutValid ? text('cannedReplies.shortcut.invalid', 'Lowercase letters, digits and dashes') : undefined)} hint={text('cannedReplies.shortcut.hint', 'Typed after / in the reply box, e.g. thanks')}>
        <Field.Label>{text('cannedReplies.shortcut', 'Shortcut')}</Field.Label>
        <TextInput data-testid="canned-reply-shortcut" value={draft.shortcut} maxLength={CANNED_REPLY_LIMITS.shortcutMaxLength} onChange={(event: ChangeEvent<HTMLInputElement>) => set('shortcut', event.target.value)} />
        <Field.Hint />
        <Field.Error />
      </Field.Root>
      <Field.Root name="reply-title" required error={errors.title}>
        <Field.Label>{text('cannedReplies.title', 'Title')}</Field.Label>
        <TextInput data-testid="canned-reply-title" value={draft.title} maxLength={CANNED_REPLY_LIMITS.titleMaxLength} onChange={(event: ChangeEvent<HTMLInputElement>) => set('title', event.target.value)} />
        <Field.Error />
      </Field.Root>
      <Field.Root name="reply-text" required error={errors.text} hint={text('cannedReplies.text.hint', "Variables: '{customerName}', '{agentName}', '{nextOpening}'")}>
        <Field.Label>{text('cannedReplies.text', 'Text')}</Field.Label>
        <Textarea data-testid="canned-reply-text" value={draft.text} maxLength={CANNED_REPLY_LIMITS.textMaxLength} onChange={(event: ChangeEvent<HTMLTextAreaElement>) => set('text', event.target.value)} />
        <Field.Hint />
        <Field.Error />
      </Field.Root>
      <Field.Root name="reply-language" error={errors.language}>
        <Field.Label>{text('cannedReplies.language', 'Language')}</Field.Label>
        <SingleSelect data-testid="canned-reply-language" value={draft.language} onChange={(value: string | number) => set('language', value as ReplyLanguage)}>
          {REPLY_LANGUAGES.map((language) => (
            <SingleSelectOption key={language} value={language}>
              {text(`cannedReplies.language.${language}`, language)}
            </SingleSelectOption>
          ))}
        </SingleSelect>
        <Field.Error />
      </Field.Root>
      <Flex gap={2} justifyContent="flex-end">
        <Button variant="tertiary" onClick={onCancel}>
          {text('cannedReplies.cancel', 'Cancel')}
        </Button>
        <Button type="submit" data-testid="canned-reply-save" loading={saving} disabled={!shortcutValid || !draft.title.trim() || !draft.text.trim()}>
          {text('cannedReplies.save', 'Save')}
        </Button>
      </Flex>
    </Flex>
  );
};
