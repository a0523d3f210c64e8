// STRAPI_LOG_LEVEL=warn keeps test output readable; the default shows requests as usual.
export default ({ env }) => ({
  level: env('STRAPI_LOG_LEVEL', 'http'),
});
