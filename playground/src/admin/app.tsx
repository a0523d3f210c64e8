export default {
  config: {
    locales: ['fi', 'sv'],
  },
  bootstrap() {},
};
