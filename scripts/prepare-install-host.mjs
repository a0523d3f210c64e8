// Installs the install check's host app (a plain Strapi app, cached outside the repository) in
// the background while the other tiers run: the install is mostly downloads and compiling
// better-sqlite3, minutes that need not wait for the browser tier to finish. It runs at the
// lowest CPU priority so that the tests beside it keep their pace. The install test itself
// reuses what this leaves, or installs again if this failed.
import { build } from 'esbuild';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const installDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'tests', 'install');
// Bundled next to host-base.ts, so that its own paths (the host app template) resolve as in Jest.
const outfile = path.join(installDir, '.prepare-host-base.cjs');

/** Starts the host app's install; resolves to whether it succeeded (never rejects). */
export async function prepareInstallHostInBackground(env) {
  await build({
    stdin: {
      contents:
        "import { prepareHostBase } from './host-base';\n" +
        'prepareHostBase().then((base) => console.log(`install check host app ready in ${base.dir}` +' +
        " (base.installMs === null ? ' (reused)' : ` (installed in ${Math.round(base.installMs / 1000)} s)`)));",
      resolveDir: installDir,
      loader: 'ts',
    },
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    packages: 'external',
    logLevel: 'warning',
  });
  const child = spawn('nice', ['-n', '19', process.execPath, outfile], { stdio: ['ignore', 'pipe', 'pipe'], env, detached: true });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const done = new Promise((resolve) => {
    child.on('error', (error) => resolve({ ok: false, output: `${output}${error.message}` }));
    child.on('exit', (code) => resolve({ ok: code === 0, output }));
  }).finally(() => fs.rmSync(outfile, { force: true }));
  // Its own process group, so that stopping it stops the npm install it started too.
  const stop = () => {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // It had already finished.
    }
  };
  return { done, stop };
}
