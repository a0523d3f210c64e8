// Bundles the widget into the two scripts the plugin serves:
// - widget/dist/widget.js: the small loader a site embeds (/api/live-support/widget.js);
// - widget/dist/widget-app.js: the chat itself, Preact and socket.io-client, loaded by the loader
//   on first open (/api/live-support/widget-app.js).
// The loader asks for the app with `?v=<hash of the app>`, so that a loader and an app of
// different releases never meet, whatever the caches hold.
import { build, transform } from 'esbuild';
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
const dist = path.join(here, 'dist');

/** `import css from './x.css'` gives the minified stylesheet as a string. */
const cssAsText = {
  name: 'css-as-text',
  setup(pluginBuild) {
    pluginBuild.onLoad({ filter: /\.css$/ }, async (args) => {
      const source = await fs.readFile(args.path, 'utf8');
      const { code } = await transform(source, { loader: 'css', minify: true, target: ['chrome80', 'firefox78', 'safari13'] });
      return { contents: code.trim(), loader: 'text' };
    });
  },
};

/**
 * Leaves out the parts of socket.io-client the widget never uses (about 2.5 KB gzipped):
 * - the WebTransport transport (the widget connects with WebSocket, else HTTP long-polling), and
 *   the XMLHttpRequest long-polling: engine.io-client's own fetch() long-polling is used instead
 *   (the same protocol, a third of the code; every browser the widget supports has fetch);
 * - binary packets (every payload of the protocol is JSON): the parsers' binary helpers become
 *   no-ops that report "no binary here", and base64 (binary over long-polling) decodes to nothing.
 * Each replaced module keeps its exports; the build fails if a new version moves them.
 */
const REPLACED_MODULES = {
  'engine.io-client/build/esm/transports/index.js': {
    exports: ['transports'],
    contents: `import { Fetch } from './polling-fetch.js';
import { WS } from './websocket.node.js';
export const transports = { websocket: WS, polling: Fetch };`,
  },
  // Re-exported by engine.io-client and socket.io-client, and kept by its side effects (an unload
  // listener, a probe request at load) although nothing here uses it.
  'engine.io-client/build/esm/transports/polling-xhr.js': {
    exports: ['BaseXHR', 'Request', 'XHR'],
    contents: `const missing = () => { throw new Error('no XMLHttpRequest long-polling in the Live Support widget'); };
export class BaseXHR { constructor() { missing(); } }
export class Request { constructor() { missing(); } }
export class XHR { constructor() { missing(); } }`,
  },
  'socket.io-parser/build/esm/is-binary.js': {
    exports: ['isBinary', 'hasBinary'],
    contents: 'export const isBinary = () => false; export const hasBinary = () => false;',
  },
  'engine.io-parser/build/esm/contrib/base64-arraybuffer.js': {
    exports: ['encode', 'decode'],
    contents: 'export const encode = () => ""; export const decode = () => new ArrayBuffer(0);',
  },
  'socket.io-parser/build/esm/binary.js': {
    exports: ['deconstructPacket', 'reconstructPacket'],
    contents: 'export const deconstructPacket = (packet) => ({ packet, buffers: [] }); export const reconstructPacket = (packet) => packet;',
  },
};

const socketIoWithoutExtras = {
  name: 'socket-io-without-extras',
  setup(pluginBuild) {
    pluginBuild.onLoad({ filter: /node_modules[\\/](engine\.io-client|engine\.io-parser|socket\.io-parser)[\\/]/ }, async (args) => {
      const key = Object.keys(REPLACED_MODULES).find((name) => args.path.replaceAll('\\', '/').endsWith('/' + name));
      if (!key) return undefined;
      const original = await fs.readFile(args.path, 'utf8');
      const { exports, contents } = REPLACED_MODULES[key];
      for (const name of exports) {
        if (!new RegExp(`export (function|const|class) ${name}\\b`).test(original)) {
          throw new Error(`${key} no longer exports ${name}: review REPLACED_MODULES in widget/build.mjs`);
        }
      }
      return { contents, loader: 'js', resolveDir: path.dirname(args.path) };
    });
  },
};

const common = {
  bundle: true,
  format: 'iife',
  target: ['es2019'],
  platform: 'browser',
  minify: true,
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'info',
  jsx: 'automatic',
  jsxImportSource: 'preact',
  plugins: [cssAsText, socketIoWithoutExtras],
  define: { 'process.env.NODE_ENV': '"production"' },
};

await fs.mkdir(dist, { recursive: true });

await build({
  ...common,
  entryPoints: [path.join(here, 'src/app/main.tsx')],
  outfile: path.join(dist, 'widget-app.js'),
});

const app = await fs.readFile(path.join(dist, 'widget-app.js'));
const appVersion = createHash('sha256').update(app).digest('base64url').slice(0, 12);

await build({
  ...common,
  entryPoints: [path.join(here, 'src/loader.ts')],
  outfile: path.join(dist, 'widget.js'),
  define: { ...common.define, __APP_VERSION__: JSON.stringify(appVersion) },
});
