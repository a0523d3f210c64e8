import { Box, Button, Field, Flex, Link, Textarea, Typography } from '@strapi/design-system';
import { useState, type ChangeEvent, type FormEvent, type ReactNode } from 'react';
import { useIntl } from 'react-intl';

import { getTranslation } from '../../utils/getTranslation';

import { OfflineStatusBadge } from './OfflineStatusBadge';
import type { OfflineMessageView } from '../../types';

/** The reply is sent as the email's text; the server refuses more than this (offlineReplySchema). */
const REPLY_MAX = 4000;

interface OfflineMessageDetailProps {
  message: OfflineMessageView;
  /** Without the `chat` permission the message is shown read-only. */
  canChat: boolean;
  /** Resolves true when the reply was sent. */
  onReply: (text: string) => Promise<boolean>;
  onSetStatus: (status: 'new' | 'read') => Promise<void>;
}

/** One offline message in full, with the email reply and "mark handled" for agents who may chat. */
export const OfflineMessageDetail = ({ message, canChat, onReply, onSetStatus }: OfflineMessageDetailProps) => {
  const { formatMessage, formatDate, formatDisplayName } = useIntl();
  const [draft, setDraft] = useState('');
  const [sending, setSending] = useState(false);
  const [marking, setMarking] = useState(false);

  const t = (id: string, defaultMessage: string, values?: Record<string, string | number>) =>
    formatMessage({ id: getTranslation(id), defaultMessage }, values);

  const languageName = (() => {
    try {
      return formatDisplayName(message.language, { type: 'language' }) ?? message.language.toUpperCase();
    } catch {
      return message.language.toUpperCase();
    }
  })();

  const send = async (event: FormEvent) => {
    event.preventDefault();
    const text = draft.trim();
    if (!text || sending) return;
    setSending(true);
    try {
      if (await onReply(text)) setDraft('');
    } finally {
      setSending(false);
    }
  };

  const mark = async (status: 'new' | 'read') => {
    setMarking(true);
    try {
      await onSetStatus(status);
    } finally {
      setMarking(false);
    }
  };

  const detail = (testId: string, label: string, value: ReactNode) => (
    <Box data-testid={testId}>
      <Typography variant="sigma" textColor="neutral600" tag="dt">
        {label}
      </Typography>
      <Typography tag="dd">{value}</Typography>
    </Box>
  );

  const name = message.name ?? t('offline.anonymous', 'No name given');

  return (
    <Box
      tag="article"
      aria-labelledby={`offline-message-${message.id}-title`}
      background="neutral0"
      hasRadius
      shadow="tableShadow"
      padding={5}
      data-testid="offline-detail"
      data-message-id={message.id}
      data-status={message.status}
    >
      <Flex direction="column" alignItems="stretch" gap={4}>
        <Flex justifyContent="space-between" alignItems="flex-start" gap={2} wrap="wrap">
          <Typography variant="beta" tag="h2" id={`offline-message-${message.id}-title`}>
            {name}
          </Typography>
          <Flex gap={2}>
            <OfflineStatusBadge status={message.status} />
            {canChat && message.status === 'new' ? (
              <Button
                size="S"
                variant="secondary"
                loading={marking}
                onClick={() => void mark('read')}
                data-testid="offline-mark-handled"
              >
                {t('offline.markHandled', 'Mark handled')}
              </Button>
            ) : null}
            {canChat && message.status === 'read' ? (
              <Button
                size="S"
                variant="tertiary"
                loading={marking}
                onClick={() => void mark('new')}
                data-testid="offline-mark-new"
              >
                {t('offline.markNew', 'Mark as new')}
              </Button>
            ) : null}
          </Flex>
        </Flex>

        <Flex tag="dl" gap={6} wrap="wrap" alignItems="flex-start">
          {detail(
            'offline-email',
            t('offline.field.email', 'Email'),
            message.email ? <Link href={`mailto:${message.email}`}>{message.email}</Link> : '–',
          )}
          {detail(
            'offline-phone',
            t('offline.field.phone', 'Phone'),
            message.phone ? <Link href={`tel:${message.phone.replace(/\s+/g, '')}`}>{message.phone}</Link> : '–',
          )}
          {detail('offline-language', t('offline.field.language', 'Language'), languageName)}
          {detail(
            'offline-time',
            t('offline.field.time', 'Left at'),
            formatDate(message.createdAt, { dateStyle: 'medium', timeStyle: 'short' }),
          )}
        </Flex>

        <Box background="neutral100" hasRadius padding={4}>
          <Typography variant="sigma" textColor="neutral600" tag="h3">
            {t('offline.field.message', 'Message')}
          </Typography>
          {/* Customer text: rendered as text, never as HTML. */}
          <Typography tag="p" data-testid="offline-text" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {message.message}
          </Typography>
        </Box>

        {message.status === 'replied' ? (
          <Box background="success100" hasRadius padding={4} data-testid="offline-reply-sent">
            <Typography variant="sigma" textColor="success700" tag="h3">
              {t('offline.replied', 'Replied by {agent} on {time}', {
                agent: message.repliedBy?.name ?? '–',
                time: message.repliedAt ? formatDate(message.repliedAt, { dateStyle: 'medium', timeStyle: 'short' }) : '–',
              })}
            </Typography>
            <Typography tag="p" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {message.replyText}
            </Typography>
          </Box>
        ) : null}

        {canChat && message.status !== 'replied' ? (
          <Box tag="form" onSubmit={(event: FormEvent) => void send(event)} data-testid="offline-reply-form">
            <Flex direction="column" alignItems="stretch" gap={2}>
              <Field.Root
                name="reply"
                hint={
                  message.email
                    ? t(
                        'offline.reply.hint',
                        'Sent by email to {email}, with their message quoted below your reply. Sending marks the message replied.',
                        { email: message.email },
                      )
                    : message.phone
                      ? t(
                          'offline.reply.noEmail',
                          'The customer left no email address, so you cannot reply here. Call them at {phone}, then mark the message handled.',
                          { phone: message.phone },
                        )
                      : t('offline.reply.noContact', 'The customer left no email address, so you cannot reply here.')
                }
              >
                <Field.Label>{t('offline.reply.label', 'Reply by email')}</Field.Label>
                <Textarea
                  data-testid="offline-reply-input"
                  placeholder={t('offline.reply.placeholder', 'Write your reply…')}
                  value={draft}
                  maxLength={REPLY_MAX}
                  disabled={!message.email || sending}
                  onChange={(event: ChangeEvent<HTMLTextAreaElement>) => setDraft(event.target.value)}
                />
                <Field.Hint />
              </Field.Root>
              <Flex justifyContent="flex-end">
                <Button
                  type="submit"
                  data-testid="offline-reply-send"
                  loading={sending}
                  disabled={!message.email || !draft.trim()}
                >
                  {t('offline.reply.send', 'Send reply')}
                </Button>
              </Flex>
            </Flex>
          </Box>
        ) : null}
      </Flex>
    </Box>
  );
};
