import { Button, Dialog, Typography } from '@strapi/design-system';
import { Trash } from '@strapi/icons';
import { useIntl } from 'react-intl';

import { getTranslation } from '../../utils/getTranslation';

interface EraseDialogProps {
  conversations: number;
  offlineMessages: number;
  /** Why erasing cannot start yet (an open conversation); null when it can. */
  blockedBy: string | null;
  erasing: boolean;
  onConfirm(): void;
}

/** Asks before anonymising: an erasure cannot be undone. */
export const EraseDialog = ({ conversations, offlineMessages, blockedBy, erasing, onConfirm }: EraseDialogProps) => {
  const { formatMessage } = useIntl();
  const text = (id: string, defaultMessage: string, values?: Record<string, number>) =>
    formatMessage({ id: getTranslation(id), defaultMessage }, values);
  return (
    <Dialog.Root>
      <Dialog.Trigger>
        <Button
          variant="danger-light"
          startIcon={<Trash />}
          disabled={blockedBy !== null || conversations + offlineMessages === 0}
          loading={erasing}
          title={blockedBy ?? undefined}
          data-testid="customer-data-erase"
        >
          {text('customerData.erase', 'Erase')}
        </Button>
      </Dialog.Trigger>
      <Dialog.Content>
        <Dialog.Header>{text('customerData.erase.title', 'Erase this customer’s data?')}</Dialog.Header>
        <Dialog.Body>
          <Typography tag="p" textAlign="center">
            {text(
              'customerData.erase.body',
              'Names, emails, phones, external ids and every text of {conversations} conversations and {offlineMessages} offline messages are removed for good. The counts analytics needs are kept.',
              { conversations, offlineMessages },
            )}
          </Typography>
        </Dialog.Body>
        <Dialog.Footer>
          <Dialog.Cancel>
            <Button fullWidth variant="tertiary">
              {text('customerData.erase.cancel', 'Cancel')}
            </Button>
          </Dialog.Cancel>
          <Dialog.Action>
            <Button fullWidth variant="danger" onClick={onConfirm} data-testid="customer-data-erase-confirm">
              {text('customerData.erase.confirm', 'Erase')}
            </Button>
          </Dialog.Action>
        </Dialog.Footer>
      </Dialog.Content>
    </Dialog.Root>
  );
};
