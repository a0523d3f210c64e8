import { Layouts, Page } from '@strapi/strapi/admin';
import { Route, Routes } from 'react-router-dom';

import { DeskNav } from '../components/DeskNav';
import { AgentSocketProvider } from '../hooks/useAgentSocket';
import { DeskActivityProvider } from '../hooks/useDeskActivity';
import { useNextWaitingShortcut } from '../hooks/useNextWaitingShortcut';
import { PERMISSIONS } from '../permissions';

import { AgentsPage } from './AgentsPage';
import { AnalyticsPage } from './AnalyticsPage';
import { ConversationPage } from './ConversationPage';
import { CustomerDataPage } from './CustomerDataPage';
import { DeskPage } from './DeskPage';
import { OfflineInboxPage } from './OfflineInboxPage';

const DeskRoutes = () => {
  useNextWaitingShortcut();
  return (
    <Layouts.Root sideNav={<DeskNav />}>
      <Routes>
        <Route index element={<DeskPage />} />
        <Route path="conversations/:id" element={<ConversationPage />} />
        <Route path="agents" element={<AgentsPage />} />
        <Route path="offline" element={<OfflineInboxPage />} />
        <Route path="analytics" element={<AnalyticsPage />} />
        <Route path="customer-data" element={<CustomerDataPage />} />
        <Route path="*" element={<Page.Error />} />
      </Routes>
    </Layouts.Root>
  );
};

const App = () => (
  <Page.Protect permissions={PERMISSIONS.read}>
    <AgentSocketProvider>
      <DeskActivityProvider>
        <DeskRoutes />
      </DeskActivityProvider>
    </AgentSocketProvider>
  </Page.Protect>
);

export { App };
export default App;
