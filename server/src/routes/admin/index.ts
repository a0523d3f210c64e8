import { ACTIONS } from '../../constants';

const requirePermission = (action: string) => [
  'admin::isAuthenticatedAdmin',
  { name: 'admin::hasPermissions', config: { actions: [action] } },
];

export default {
  type: 'admin',
  routes: [
    {
      method: 'GET',
      path: '/overview',
      handler: 'overview.get',
      config: { policies: requirePermission(ACTIONS.read) },
    },
  ],
};
