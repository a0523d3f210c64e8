import { Page } from '@strapi/strapi/admin';
import { Route, Routes } from 'react-router-dom';

import { AgentSocketProvider } from '../hooks/useAgentSocket';
import { PERMISSIONS } from '../permissions';

import { ConversationPage } from './ConversationPage';
import { DeskPage } from './DeskPage';

const App = () => (
  <Page.Protect permissions={PERMISSIONS.read}>
    <AgentSocketProvider>
      <Routes>
        <Route index element={<DeskPage />} />
        <Route path="conversations/:id" element={<ConversationPage />} />
        <Route path="*" element={<Page.Error />} />
      </Routes>
    </AgentSocketProvider>
  </Page.Protect>
);

export { App };
export default App;
