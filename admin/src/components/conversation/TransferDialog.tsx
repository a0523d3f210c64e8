import { Box, Button, Field, Flex, Modal, Radio, Textarea, Typography } from '@strapi/design-system';
import { useAuth, useNotification } from '@strapi/strapi/admin';
import { useState, type ChangeEvent } from 'react';
import { useIntl } from 'react-intl';

import { useLiveAgents } from '../../api/liveHooks';
import { useTransferMutation } from '../../api/liveSupportApi';
import { useErrorToast } from '../../hooks/useErrorToast';
import type { AgentConversationView } from '../../types';
import { getTranslation } from '../../utils/getTranslation';

const QUEUE = 'queue';
const NOTE_MAX = 1000;

interface TransferDialogProps {
  conversationId: number;
  onTransferred(conversation: AgentConversationView): void;
}

/**
 * Hands the conversation back to the queue or to an online colleague with a free seat, with a
 * note the colleague sees in the history.
 */
export const TransferDialog = ({ conversationId, onTransferred }: TransferDialogProps) => {
  const { formatMessage } = useIntl();
  const { toggleNotification } = useNotification();
  const showError = useErrorToast();
  const [transfer, { isLoading: submitting }] = useTransferMutation();
  const myId = useAuth('TransferDialog', (state) => state.user?.id);
  const [open, setOpen] = useState(false);
  const [target, setTarget] = useState(QUEUE);
  const [note, setNote] = useState('');
  const text = (id: string, defaultMessage: string, values?: Record<string, string | number>) =>
    formatMessage({ id: getTranslation(id), defaultMessage }, values);

  // Asked afresh each time the dialog opens, and kept live while it is open.
  const { current, failed } = useLiveAgents({ skip: !open, refetchOnMountOrArgChange: true });
  const agents = current ?? (failed ? [] : null);

  const colleagues = (agents ?? []).filter((agent) => agent.agentId !== Number(myId) && agent.status === 'online');

  const submit = async () => {
    try {
      const view: AgentConversationView = await transfer({
        conversationId,
        ...(target === QUEUE ? {} : { toAgentId: Number(target) }),
        ...(note.trim() ? { note: note.trim() } : {}),
      }).unwrap();
      setOpen(false);
      setNote('');
      setTarget(QUEUE);
      toggleNotification({
        type: 'success',
        message:
          target === QUEUE
            ? text('transfer.done.queue', 'Back in the queue.')
            : text('transfer.done.agent', 'Transferred to {name}.', {
                name: view.assignedAgent?.name ?? '',
              }),
      });
      onTransferred(view);
    } catch (error) {
      showError(error, { id: 'transfer.error', defaultMessage: 'The conversation could not be transferred.' });
    }
  };

  return (
    <Modal.Root open={open} onOpenChange={setOpen}>
      <Modal.Trigger>
        <Button variant="secondary" data-testid="transfer">
          {text('transfer.open', 'Transfer')}
        </Button>
      </Modal.Trigger>
      <Modal.Content>
        <Modal.Header>
          <Modal.Title>{text('transfer.title', 'Transfer the conversation')}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <Flex direction="column" alignItems="stretch" gap={4}>
            <Field.Root name="transfer-target">
              <Field.Label>{text('transfer.to', 'To')}</Field.Label>
              <Radio.Group
                aria-label={text('transfer.to', 'To')}
                value={target}
                onValueChange={setTarget}
                data-testid="transfer-targets"
              >
                <Radio.Item value={QUEUE} data-testid="transfer-to-queue">
                  {text('transfer.toQueue', 'Back to the queue (any agent)')}
                </Radio.Item>
                {colleagues.map((agent) => {
                  const full = agent.activeChats >= agent.maxSeats;
                  return (
                    <Radio.Item
                      key={agent.agentId}
                      value={String(agent.agentId)}
                      disabled={full}
                      data-testid="transfer-to-agent"
                      data-agent-name={agent.name}
                    >
                      {text('transfer.agent', '{name} · {active} of {seats} chats', {
                        name: agent.name,
                        active: agent.activeChats,
                        seats: agent.maxSeats,
                      })}
                      {full ? ` · ${text('transfer.full', 'no free seat')}` : ''}
                    </Radio.Item>
                  );
                })}
              </Radio.Group>
              {agents !== null && colleagues.length === 0 ? (
                <Box paddingTop={2}>
                  <Typography variant="pi" textColor="neutral600">
                    {text('transfer.noColleagues', 'No colleague is online right now.')}
                  </Typography>
                </Box>
              ) : null}
            </Field.Root>
            <Field.Root name="transfer-note" hint={text('transfer.note.hint', 'Only agents see the note.')}>
              <Field.Label>{text('transfer.note', 'Note for the colleague')}</Field.Label>
              <Textarea
                data-testid="transfer-note"
                maxLength={NOTE_MAX}
                value={note}
                onChange={(event: ChangeEvent<HTMLTextAreaElement>) => setNote(event.target.value)}
              />
              <Field.Hint />
            </Field.Root>
          </Flex>
        </Modal.Body>
        <Modal.Footer>
          <Modal.Close>
            <Button variant="tertiary">{text('transfer.cancel', 'Cancel')}</Button>
          </Modal.Close>
          <Button data-testid="transfer-submit" loading={submitting} onClick={() => void submit()}>
            {text('transfer.submit', 'Transfer')}
          </Button>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};
