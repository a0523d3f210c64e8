export default ({ env }) => ({
  host: env('HOST', '0.0.0.0'),
  port: env.int('PORT', 1337),
  app: { keys: env.array('APP_KEYS') },
  // No internet here: the update check would only cost time and log noise.
  logger: { updates: { enabled: false } },
});
