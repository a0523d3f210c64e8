import type { Core } from '@strapi/strapi';

// Enabled the way the README tells a user to: by name, resolved from node_modules.
const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Plugin => ({
  'users-permissions': { config: { jwtSecret: env('JWT_SECRET') } },
  'live-support': { enabled: true },
});

export default config;
