export default ({ env }) => ({
  auth: { secret: env('ADMIN_JWT_SECRET') },
  apiToken: { salt: env('API_TOKEN_SALT') },
  transfer: { token: { salt: env('TRANSFER_TOKEN_SALT') } },
  secrets: { encryptionKey: env('ENCRYPTION_KEY') },
  flags: { nps: false, promoteEE: false },
  // SERVE_ADMIN_PANEL=false: an API-only node (tests start extra nodes without building the admin).
  serveAdminPanel: env.bool('SERVE_ADMIN_PANEL', true),
});
