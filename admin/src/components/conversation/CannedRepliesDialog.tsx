import { Badge, Box, Button, Flex, IconButton, Modal, Typography } from '@strapi/design-system';
import { Pencil, Trash } from '@strapi/icons';
import { useNotification, useRBAC } from '@strapi/strapi/admin';
import { useState } from 'react';
import { useIntl } from 'react-intl';

import {
  useCannedRepliesQuery,
  useCreateCannedReplyMutation,
  useDeleteCannedReplyMutation,
  useUpdateCannedReplyMutation,
} from '../../api/liveSupportApi';
import { useErrorToast } from '../../hooks/useErrorToast';
import { PERMISSIONS } from '../../permissions';
import type { CannedReplyView, ReplyScope } from '../../shared';
import { errorBodyOf } from '../../utils/errors';
import { getTranslation } from '../../utils/getTranslation';

import { CannedReplyForm, draftOf, emptyDraft, type CannedReplyDraft } from './CannedReplyForm';

type Editing = { kind: 'new' } | { kind: 'edit'; reply: CannedReplyView } | null;
type FieldErrors = Partial<Record<keyof CannedReplyDraft, string>>;

/** The server's 400 and 409 answers as messages by field, so the form shows them next to the field. */
function fieldErrorsOf(error: unknown): FieldErrors {
  const body = errorBodyOf(error);
  const details = body?.details as { errors?: Array<{ path: string[]; message: string }>; shortcut?: string } | undefined;
  const errors: FieldErrors = {};
  for (const issue of details?.errors ?? []) {
    const field = issue.path[0] as keyof CannedReplyDraft | undefined;
    if (field && !errors[field]) errors[field] = issue.message;
  }
  if (details?.shortcut && body?.message) errors.shortcut = body.message;
  return errors;
}

/**
 * Manage canned replies from the desk: the agent's own (with `chat`) and the team's shared ones
 * (with `settings`); everyone sees both. Stored as the plugin's message templates.
 */
export const CannedRepliesDialog = () => {
  const { formatMessage } = useIntl();
  const text = (id: string, defaultMessage: string, values?: Record<string, string>) =>
    formatMessage({ id: getTranslation(id), defaultMessage }, values);
  const { toggleNotification } = useNotification();
  const showError = useErrorToast();
  const [open, setOpen] = useState(false);
  const [editing, setEditing] = useState<Editing>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const { allowedActions } = useRBAC({ settings: PERMISSIONS.settings });
  const { currentData: replies = [] } = useCannedRepliesQuery(null, { skip: !open });
  const [create, { isLoading: creating }] = useCreateCannedReplyMutation();
  const [update, { isLoading: updating }] = useUpdateCannedReplyMutation();
  const [remove] = useDeleteCannedReplyMutation();

  const scopes: ReplyScope[] = allowedActions.canSettings ? ['personal', 'shared'] : ['personal'];

  const save = async (draft: CannedReplyDraft) => {
    const { scope, ...content } = draft;
    try {
      if (editing?.kind === 'edit') await update({ id: editing.reply.id, content }).unwrap();
      else await create({ scope, ...content }).unwrap();
      setEditing(null);
      setErrors({});
      toggleNotification({ type: 'success', message: text('cannedReplies.saved', 'Saved /{shortcut}.', { shortcut: draft.shortcut }) });
    } catch (error) {
      setErrors(fieldErrorsOf(error));
      showError(error, { id: 'cannedReplies.error', defaultMessage: 'The reply could not be saved.' });
    }
  };

  const removeReply = async (reply: CannedReplyView) => {
    try {
      await remove(reply.id).unwrap();
      toggleNotification({ type: 'success', message: text('cannedReplies.deleted', 'Deleted /{shortcut}.', { shortcut: reply.shortcut }) });
    } catch (error) {
      showError(error, { id: 'cannedReplies.deleteError', defaultMessage: 'The reply could not be deleted.' });
    }
  };

  return (
    <Modal.Root
      open={open}
      onOpenChange={(next: boolean) => {
        setOpen(next);
        setEditing(null);
      }}
    >
      <Modal.Trigger>
        <Button variant="tertiary" data-testid="canned-replies-open">
          {text('cannedReplies.open', 'Canned replies')}
        </Button>
      </Modal.Trigger>
      <Modal.Content>
        <Modal.Header>
          <Modal.Title>{text('cannedReplies.heading', 'Canned replies')}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          {editing ? (
            <CannedReplyForm
              key={editing.kind === 'edit' ? editing.reply.id : 'new'}
              initial={editing.kind === 'edit' ? draftOf(editing.reply) : emptyDraft()}
              scopes={editing.kind === 'edit' ? [editing.reply.scope] : scopes}
              saving={creating || updating}
              errors={errors}
              onSave={(draft) => void save(draft)}
              onCancel={() => setEditing(null)}
            />
          ) : (
            <Flex direction="column" alignItems="stretch" gap={2}>
              <Typography variant="pi" textColor="neutral600">
                {text('cannedReplies.intro', 'Type / and a shortcut in the reply box to insert a reply.')}
              </Typography>
              <Box tag="ul" data-testid="canned-replies-list">
                {replies.map((reply) => (
                  <Flex tag="li" key={reply.id} gap={2} paddingTop={2} paddingBottom={2} justifyContent="space-between">
                    <Box>
                      <Typography fontWeight="bold">{`/${reply.shortcut}`}</Typography>{' '}
                      <Typography>{reply.title}</Typography>{' '}
                      <Badge>{text(`cannedReplies.language.${reply.language}`, reply.language)}</Badge>{' '}
                      <Badge>{text(`cannedReplies.scope.${reply.scope}`, reply.scope)}</Badge>
                    </Box>
                    {reply.editable && (
                      <Flex gap={1}>
                        <IconButton
                          label={text('cannedReplies.edit', 'Edit /{shortcut}', { shortcut: reply.shortcut })}
                          onClick={() => {
                            setErrors({});
                            setEditing({ kind: 'edit', reply });
                          }}
                        >
                          <Pencil />
                        </IconButton>
                        <IconButton
                          label={text('cannedReplies.delete', 'Delete /{shortcut}', { shortcut: reply.shortcut })}
                          onClick={() => void removeReply(reply)}
                        >
                          <Trash />
                        </IconButton>
                      </Flex>
                    )}
                  </Flex>
                ))}
              </Box>
            </Flex>
          )}
        </Modal.Body>
        {!editing && (
          <Modal.Footer>
            <Modal.Close>
              <Button variant="tertiary">{text('cannedReplies.close', 'Close')}</Button>
            </Modal.Close>
            <Button
              data-testid="canned-reply-new"
              onClick={() => {
                setErrors({});
                setEditing({ kind: 'new' });
              }}
            >
              {text('cannedReplies.new', 'New reply')}
            </Button>
          </Modal.Footer>
        )}
      </Modal.Content>
    </Modal.Root>
  );
};
