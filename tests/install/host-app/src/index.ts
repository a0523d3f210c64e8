// A freshly generated app's entry: nothing of its own to register or bootstrap.
export default {
  register() {},
  bootstrap() {},
};
