import { Box, Button, Field, Flex, SingleSelect, SingleSelectOption, Textarea, Typography } from '@strapi/design-system';
import { useEffect, useRef, type ChangeEvent, type FormEvent, type KeyboardEvent, type MouseEvent } from 'react';
import { useIntl } from 'react-intl';

import { useCannedRepliesQuery, useTemplatesQuery } from '../../api/liveSupportApi';
import type { AgentSocket } from '../../hooks/useAgentSocket';
import type { TemplateView } from '../../types';
import { getTranslation } from '../../utils/getTranslation';

import { CannedRepliesDialog } from './CannedRepliesDialog';
import { useReplyShortcuts } from './ReplyShortcuts';

/** While the agent keeps typing, `typing: true` is repeated this often (the widget forgets it after a while). */
const TYPING_REPEAT_MS = 5000;
/** After this long without a keystroke the agent counts as no longer typing. */
const TYPING_IDLE_MS = 4000;

interface ReplyBoxProps {
  conversationId: number;
  socket: AgentSocket | null;
  draft: string;
  onDraftChange(draft: string): void;
  sending: boolean;
  onSend(): void;
}

/**
 * The agent's reply: a text box that tells the customer when the agent is typing, a template
 * picker (templates come filled in for this agent and conversation) and send on Enter.
 */
export const ReplyBox = ({ conversationId, socket, draft, onDraftChange, sending, onSend }: ReplyBoxProps) => {
  const { formatMessage } = useIntl();
  const { currentData: templates = [] } = useTemplatesQuery(conversationId);
  const { currentData: cannedReplies = [] } = useCannedRepliesQuery(conversationId);
  const typing = useRef({ active: false, lastSentAt: 0, idleTimer: 0 });

  const stopTyping = () => {
    const state = typing.current;
    window.clearTimeout(state.idleTimer);
    if (state.active) socket?.emit('typing', { conversationId, isTyping: false });
    state.active = false;
    state.lastSentAt = 0;
  };

  const noteTyping = () => {
    const state = typing.current;
    const now = Date.now();
    if (!state.active || now - state.lastSentAt > TYPING_REPEAT_MS) {
      socket?.emit('typing', { conversationId, isTyping: true });
      state.active = true;
      state.lastSentAt = now;
    }
    window.clearTimeout(state.idleTimer);
    state.idleTimer = window.setTimeout(stopTyping, TYPING_IDLE_MS);
  };

  // Leaving the page (or the conversation) must not leave the customer watching dots.
  useEffect(() => stopTyping, [conversationId, socket]);

  const shortcuts = useReplyShortcuts(cannedReplies, draft, (next) => {
    onDraftChange(next);
    noteTyping();
  });

  const send = (event?: FormEvent) => {
    event?.preventDefault();
    stopTyping();
    onSend();
  };

  const insertTemplate = (value: string | number) => {
    const template = templates.find((candidate) => candidate.id === Number(value));
    if (!template) return;
    onDraftChange(draft.trim() ? `${draft.trimEnd()} ${template.text}` : template.text);
    noteTyping();
  };

  const templateLabel = formatMessage({ id: getTranslation('reply.templates.label'), defaultMessage: 'Insert a template' });
  const categoryLabel = (category: TemplateView['category']) =>
    formatMessage({ id: getTranslation(`reply.templates.category.${category}`), defaultMessage: category });

  return (
    <Box tag="form" paddingTop={4} onSubmit={send}>
      <Flex direction="column" alignItems="stretch" gap={2}>
        <Textarea
          data-testid="reply-input"
          {...shortcuts.comboboxProps}
          aria-label={formatMessage({ id: getTranslation('conversation.reply.label'), defaultMessage: 'Reply' })}
          placeholder={formatMessage({
            id: getTranslation('conversation.reply.placeholder'),
            defaultMessage: 'Write a reply…',
          })}
          value={draft}
          onChange={(event: ChangeEvent<HTMLTextAreaElement>) => {
            onDraftChange(event.target.value);
            shortcuts.trackCaret(event.target.selectionStart);
            if (event.target.value) noteTyping();
            else stopTyping();
          }}
          onKeyUp={(event: KeyboardEvent<HTMLTextAreaElement>) => shortcuts.trackCaret(event.currentTarget.selectionStart)}
          onClick={(event: MouseEvent<HTMLTextAreaElement>) => shortcuts.trackCaret(event.currentTarget.selectionStart)}
          onKeyDown={(event: KeyboardEvent<HTMLTextAreaElement>) => {
            if (shortcuts.handleKey(event)) return;
            // Enter or Ctrl/Cmd+Enter sends; Shift+Enter starts a new line.
            if (event.key === 'Enter' && !event.shiftKey) {
              event.preventDefault();
              send();
            }
          }}
        />
        {shortcuts.list}
        <Flex justifyContent="space-between" alignItems="flex-end" gap={2} wrap="wrap">
          <Field.Root name="template" width="320px">
            <Field.Label>{templateLabel}</Field.Label>
            <SingleSelect
              data-testid="template-picker"
              aria-label={templateLabel}
              placeholder={formatMessage({
                id: getTranslation('reply.templates.placeholder'),
                defaultMessage: 'Choose a template',
              })}
              value={null}
              onChange={insertTemplate}
              disabled={templates.length === 0}
            >
              {templates.map((template) => (
                <SingleSelectOption key={template.id} value={template.id}>
                  {`${template.name} · ${template.language.toUpperCase()} · ${categoryLabel(template.category)}`}
                </SingleSelectOption>
              ))}
            </SingleSelect>
          </Field.Root>
          <Flex gap={3} alignItems="center">
            <CannedRepliesDialog />
            <Typography variant="pi" textColor="neutral600">
              {formatMessage({
                id: getTranslation('reply.hint'),
                defaultMessage: 'Enter sends · Shift+Enter for a new line · / and a shortcut for a canned reply',
              })}
            </Typography>
            <Button type="submit" data-testid="reply-send" loading={sending} disabled={!draft.trim()}>
              {formatMessage({ id: getTranslation('conversation.reply.send'), defaultMessage: 'Send' })}
            </Button>
          </Flex>
        </Flex>
      </Flex>
    </Box>
  );
};
