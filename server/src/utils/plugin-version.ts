import packageJson from '../../../package.json';

/** The version of this plugin, from its package.json at build time. */
export const PLUGIN_VERSION: string = packageJson.version;
