import { Box, Typography } from '@strapi/design-system';
import { Layouts, Page } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';

import { PERMISSIONS } from '../permissions';
import { getTranslation } from '../utils/getTranslation';

const SettingsPage = () => {
  const { formatMessage } = useIntl();
  const title = formatMessage({ id: getTranslation('settings.title'), defaultMessage: 'Live Support settings' });

  return (
    <Page.Protect permissions={PERMISSIONS.settings}>
      <Page.Main>
        <Page.Title>{title}</Page.Title>
        <Layouts.Header
          title={title}
          subtitle={formatMessage({
            id: getTranslation('settings.subtitle'),
            defaultMessage: 'Opening hours, queue rules, escalation rules, the bot and the widget.',
          })}
        />
        <Layouts.Content>
          <Box background="neutral0" hasRadius shadow="tableShadow" padding={6}>
            <Typography>
              {formatMessage({
                id: getTranslation('settings.comingSoon'),
                defaultMessage:
                  'The settings forms are being built. Templates can already be edited in the Content Manager.',
              })}
            </Typography>
          </Box>
        </Layouts.Content>
      </Page.Main>
    </Page.Protect>
  );
};

export { SettingsPage };
export default SettingsPage;
