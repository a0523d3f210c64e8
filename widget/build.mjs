// Bundles the widget into one self-contained script that the plugin serves at
// /api/live-support/widget.js.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));

await build({
  entryPoints: [path.join(here, 'src/index.ts')],
  outfile: path.join(here, 'dist/widget.js'),
  bundle: true,
  format: 'iife',
  target: ['es2019'],
  minify: true,
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'info',
});
