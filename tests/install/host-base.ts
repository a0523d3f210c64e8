import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { NPM_INSTALL_FLAGS, runCommand } from './commands';

export const hostTemplateDir = path.join(__dirname, 'host-app');

/**
 * Installing a Strapi app from scratch takes minutes, most of it compiling better-sqlite3
 * (its prebuilt binaries live on GitHub, out of reach here). The app's own install is not what
 * the check is about, so it is kept between runs, outside the repository (inside it, Node would
 * find this repository's node_modules and hide a missing dependency). It is installed again
 * whenever the host app's package.json, Node or npm changes, or with
 * LIVE_SUPPORT_INSTALL_CHECK_FRESH=true.
 */
const cacheRoot =
  process.env.LIVE_SUPPORT_INSTALL_CHECK_CACHE ??
  path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'strapi-plugin-live-support', 'install-check');

const BASE_INSTALL_TIMEOUT_MS = 15 * 60 * 1000;

export interface HostBase {
  /** Holds the host app's package.json, package-lock.json and node_modules. */
  dir: string;
  /** How long `npm install` of the app took, or null when an earlier run's install was reused. */
  installMs: number | null;
}

function baseKey(): string {
  const npmVersion = execFileSync('npm', ['--version'], { encoding: 'utf8' }).trim();
  return createHash('sha256')
    .update(fs.readFileSync(path.join(hostTemplateDir, 'package.json')))
    .update(`node ${process.version} npm ${npmVersion} ${process.platform}-${process.arch}`)
    .digest('hex')
    .slice(0, 16);
}

/** The installed host app, as a user has it before adding the plugin. */
export async function prepareHostBase(): Promise<HostBase> {
  const dir = path.join(cacheRoot, `host-${baseKey()}`);
  const fresh = process.env.LIVE_SUPPORT_INSTALL_CHECK_FRESH === 'true';
  fs.mkdirSync(cacheRoot, { recursive: true });
  for (const entry of fs.readdirSync(cacheRoot)) {
    const stale = entry !== path.basename(dir) || fresh;
    if (stale) fs.rmSync(path.join(cacheRoot, entry), { recursive: true, force: true });
  }
  if (fs.existsSync(path.join(dir, 'node_modules', '.package-lock.json'))) return { dir, installMs: null };

  // Installed in a side folder and renamed when complete: a killed run never leaves half an app.
  const partial = fs.mkdtempSync(path.join(cacheRoot, '.partial-'));
  try {
    fs.copyFileSync(path.join(hostTemplateDir, 'package.json'), path.join(partial, 'package.json'));
    const { durationMs } = await runCommand('npm', ['install', ...NPM_INSTALL_FLAGS], {
      cwd: partial,
      timeoutMs: BASE_INSTALL_TIMEOUT_MS,
    });
    fs.rmSync(dir, { recursive: true, force: true });
    fs.renameSync(partial, dir);
    return { dir, installMs: durationMs };
  } finally {
    fs.rmSync(partial, { recursive: true, force: true });
  }
}
