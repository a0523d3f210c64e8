// `npm run bench`: bundles a TypeScript benchmark with esbuild and runs it with Node (the
// corpus scripts use it too: `node bench/run.mjs ../scripts/<file>.ts [args]`).
// Benchmarks boot the real playground Strapi; they are never part of `npm test`.
import { build } from 'esbuild';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const entry = path.join(here, process.argv[2] ?? 'hot-paths.ts');
// Two levels below the repository root, like tests/helpers, so the helpers' paths still hold.
const outDir = path.join(here, '.build');
const outfile = path.join(outDir, `${path.basename(entry, '.ts')}.cjs`);

await build({ entryPoints: [entry], outfile, bundle: true, platform: 'node', format: 'cjs', packages: 'external', logLevel: 'warning' });
const child = spawn(process.execPath, [outfile, ...process.argv.slice(3)], {
  stdio: 'inherit',
  cwd: path.resolve(here, '..'),
  env: { ...process.env, NODE_PATH: path.resolve(here, '..', 'node_modules') },
});
child.on('exit', (code) => {
  fs.rmSync(outfile, { force: true });
  process.exit(code ?? 1);
});
