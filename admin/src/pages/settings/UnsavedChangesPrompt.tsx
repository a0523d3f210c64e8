import { Button, Dialog } from '@strapi/design-system';
import { WarningCircle } from '@strapi/icons';
import { useEffect } from 'react';
import { useIntl } from 'react-intl';
import { useBlocker } from 'react-router-dom';

/**
 * Asks before the page is left while `unsaved` holds, with the dialog and words of Strapi's own
 * form `Blocker`. The settings page has two editors with a save each (the settings form and the
 * opening hours), and a router heeds one blocker only, so this one prompt covers both.
 */
export const UnsavedChangesPrompt = ({ unsaved }: { unsaved: boolean }) => {
  const { formatMessage } = useIntl();
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      unsaved && (currentLocation.pathname !== nextLocation.pathname || currentLocation.search !== nextLocation.search),
  );

  // Closing or reloading the tab: only the browser's own prompt can ask then.
  useEffect(() => {
    if (!unsaved) return undefined;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsaved]);

  if (blocker.state !== 'blocked') return null;
  return (
    <Dialog.Root open onOpenChange={(open: boolean) => !open && blocker.reset()}>
      <Dialog.Content>
        <Dialog.Header>{formatMessage({ id: 'app.components.ConfirmDialog.title', defaultMessage: 'Confirmation' })}</Dialog.Header>
        <Dialog.Body icon={<WarningCircle width="24px" height="24px" fill="danger600" />} textAlign="center">
          {formatMessage({ id: 'global.prompt.unsaved', defaultMessage: 'You have unsaved changes, are you sure you want to leave?' })}
        </Dialog.Body>
        <Dialog.Footer>
          <Dialog.Cancel>
            <Button variant="tertiary" fullWidth>
              {formatMessage({ id: 'app.components.Button.cancel', defaultMessage: 'Cancel' })}
            </Button>
          </Dialog.Cancel>
          <Button variant="danger" fullWidth onClick={() => blocker.proceed()} data-testid="unsaved-changes-leave">
            {formatMessage({ id: 'app.components.Button.confirm', defaultMessage: 'Confirm' })}
          </Button>
        </Dialog.Footer>
      </Dialog.Content>
    </Dialog.Root>
  );
};
