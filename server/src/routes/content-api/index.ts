export default {
  type: 'content-api',
  routes: [
    {
      method: 'GET',
      path: '/health',
      handler: 'health.check',
      config: { auth: false, policies: [] },
    },
    {
      method: 'GET',
      path: '/widget.js',
      handler: 'widget.script',
      config: { auth: false, policies: [] },
    },
  ],
};
