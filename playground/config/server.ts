export default ({ env }) => ({
  host: env('HOST', '0.0.0.0'),
  port: env.int('PORT', 1337),
  app: { keys: env.array('APP_KEYS') },
  // Behind a reverse proxy (or several): how many of them add to X-Forwarded-For. The client's
  // address is read that many entries from the right, so a spoofed left-most entry is ignored.
  proxy: { koa: env.int('TRUSTED_PROXIES', 0) > 0, maxIpsCount: env.int('TRUSTED_PROXIES', 0) },
  // No internet here: the update check would only cost time and log noise.
  logger: { updates: { enabled: false } },
});
