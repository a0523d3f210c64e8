import { Badge, Box } from '@strapi/design-system';
import { SubNav, useRBAC } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';

import { useDeskActivity } from '../hooks/useDeskActivity';
import { PERMISSIONS } from '../permissions';
import { PLUGIN_ID } from '../pluginId';
import { getTranslation } from '../utils/getTranslation';

import { PresenceSwitch } from './PresenceSwitch';

const countBadge = (count: number | null, label: string) =>
  count ? (
    <Badge backgroundColor="primary600" textColor="neutral0" aria-label={label}>
      {String(count)}
    </Badge>
  ) : undefined;

/**
 * The desk's side navigation: queue, agents, offline messages, analytics, settings, and the agent's own
 * presence, so it is in sight on every page of the desk.
 */
export const DeskNav = () => {
  const { formatMessage } = useIntl();
  const { waitingCount, pendingOfflineCount } = useDeskActivity();
  const { allowedActions } = useRBAC({
    settings: PERMISSIONS.settings,
    chat: PERMISSIONS.chat,
    analytics: PERMISSIONS.analytics,
  });
  const text = (id: string, defaultMessage: string, values?: Record<string, number>) =>
    formatMessage({ id: getTranslation(id), defaultMessage }, values);
  const base = `/plugins/${PLUGIN_ID}`;

  const links = [
    <SubNav.Link
      key="queue"
      to={base}
      end
      label={text('nav.queue', 'Queue')}
      endAction={countBadge(waitingCount, text('nav.waitingCount', '{count} waiting', { count: waitingCount ?? 0 }))}
    />,
    <SubNav.Link key="agents" to={`${base}/agents`} label={text('nav.agents', 'Agents')} />,
    <SubNav.Link
      key="offline"
      to={`${base}/offline`}
      label={text('nav.offline', 'Offline messages')}
      endAction={countBadge(
        pendingOfflineCount,
        text('nav.unreadCount', '{count} unread', { count: pendingOfflineCount ?? 0 }),
      )}
    />,
  ];
  if (allowedActions.canAnalytics) {
    links.push(<SubNav.Link key="analytics" to={`${base}/analytics`} label={text('nav.analytics', 'Analytics')} />);
  }
  if (allowedActions.canSettings) {
    links.push(
      <SubNav.Link key="customer-data" to={`${base}/customer-data`} label={text('nav.customerData', 'Customer data')} />,
      <SubNav.Link key="settings" to={`/settings/${PLUGIN_ID}`} label={text('nav.settings', 'Settings')} />,
    );
  }

  return (
    <SubNav.Main aria-label={text('plugin.name', 'Live Support')}>
      <SubNav.Header label={text('plugin.name', 'Live Support')} />
      {allowedActions.canChat ? (
        <Box paddingLeft={5} paddingRight={5} paddingBottom={3}>
          <PresenceSwitch />
        </Box>
      ) : null}
      <SubNav.Content>
        <SubNav.Sections>
          {[
            <SubNav.Section key="desk" label={text('nav.desk', 'Desk')}>
              {links}
            </SubNav.Section>,
          ]}
        </SubNav.Sections>
      </SubNav.Content>
    </SubNav.Main>
  );
};
