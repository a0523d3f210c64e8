import { DEFAULT_PLUGIN_CONFIG, parsePluginConfig } from '../contracts/plugin-config';

export default {
  default: DEFAULT_PLUGIN_CONFIG,
  /** Strapi merges the host app's config over `default` and calls this; it must throw. */
  validator(config: unknown) {
    parsePluginConfig(config);
  },
};
