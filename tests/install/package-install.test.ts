/**
 * The package as a user meets it: `npm pack` the built plugin, install the tarball into a
 * minimal Strapi 5 TypeScript app outside this repository, build that app's admin, start it
 * and look at it over HTTP. Needs `npm run build` first (npm test does it).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { repoRoot } from '../helpers/paths';
import { NPM_INSTALL_FLAGS, runCommand } from './commands';
import { prepareHostBase } from './host-base';
import { createHostApp, hostEnv, httpGet, startHost, strapiBin, type RunningHost } from './host-app';
import {
  describeCopies,
  duplicatesAdded,
  folderSize,
  listInstalledPackages,
  type AddedDuplicate,
  type InstalledPackages,
} from './node-modules-tree';

interface PluginManifest {
  name: string;
  version: string;
  exports: Record<string, string | Record<string, string>>;
  dependencies: Record<string, string>;
  peerDependencies: Record<string, string>;
}

const plugin: PluginManifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
const englishMessages: Record<string, string> = JSON.parse(
  fs.readFileSync(path.join(repoRoot, 'admin', 'src', 'translations', 'en.json'), 'utf8'),
);

/**
 * What the Strapi admin and server already provide. A second copy of any of them in the app
 * is wasted weight at best; for React, react-intl, styled-components and the design system it
 * is a second React context, so the plugin's components would not see the admin's providers.
 */
const PROVIDED_BY_STRAPI = [
  'react',
  'react-dom',
  'react-router-dom',
  'react-intl',
  'styled-components',
  '@strapi/design-system',
  '@strapi/icons',
  '@strapi/strapi',
  '@strapi/admin',
  '@strapi/utils',
];

/** What the plugin asks for by name: a second copy of one of these is the plugin's own doing. */
const DECLARED = new Set([...Object.keys(plugin.dependencies), ...Object.keys(plugin.peerDependencies)]);
/** Where npm puts a dependency of the plugin that the app's copy does not satisfy. */
const NESTED_UNDER_PLUGIN = path.join('node_modules', plugin.name, 'node_modules') + path.sep;

/** Build tools of the plugin: a user's app never needs them. */
const BUILD_TOOLS = ['@strapi/sdk-plugin'];

const PACK_TIMEOUT_MS = 2 * 60 * 1000;
const PLUGIN_INSTALL_TIMEOUT_MS = 5 * 60 * 1000;
const ADMIN_BUILD_TIMEOUT_MS = 8 * 60 * 1000;
/** The sum of every step's own timeout, with room: each step fails on its own first. */
const SETUP_TIMEOUT_MS = 40 * 60 * 1000;

const figures: Array<[string, string]> = [];
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

let tempRoot: string;
let appDir: string;
let packedFiles: string[] = [];
let installedBefore: InstalledPackages;
let installedAfter: InstalledPackages;
let added: AddedDuplicate[] = [];
/** Duplicates the plugin's own choices cause: a declared package, or anything nested under it. */
let causedByPlugin: AddedDuplicate[] = [];
let host: RunningHost | undefined;

function assertPluginBuilt(): void {
  const needed = ['dist/server/index.js', 'dist/admin/index.mjs', 'widget/dist/widget.js'];
  const missing = needed.filter((file) => !fs.existsSync(path.join(repoRoot, file)));
  if (missing.length > 0) {
    throw new Error(`The plugin is not built (missing ${missing.join(', ')}): run \`npm run build\` first.`);
  }
}

/** Every file the package's exports map points at (not `source`: that is for the SDK's watch). */
function exportTargets(): string[] {
  return Object.values(plugin.exports).flatMap((target) =>
    typeof target === 'string'
      ? [path.normalize(target)]
      : Object.entries(target)
          .filter(([condition]) => condition !== 'source')
          .map(([, file]) => path.normalize(file)),
  );
}

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

beforeAll(async () => {
  const started = Date.now();
  assertPluginBuilt();
  tempRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'live-support-install-'));
  appDir = path.join(tempRoot, 'app');
  const packDir = path.join(tempRoot, 'pack');
  fs.mkdirSync(packDir);

  // Scripts off: npm test has just built the plugin, and `prepack` would build it again.
  const pack = await runCommand('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', packDir], {
    cwd: repoRoot,
    timeoutMs: PACK_TIMEOUT_MS,
  });
  const [packed] = JSON.parse(pack.stdout) as Array<{ filename: string; size: number; files: Array<{ path: string }> }>;
  packedFiles = packed.files.map((file) => path.normalize(file.path));
  figures.push(['tarball', `${packed.filename}, ${(packed.size / 1024).toFixed(0)} KB, ${packedFiles.length} files`]);

  const base = await prepareHostBase();
  figures.push(['host app install', base.installMs === null ? 'reused from an earlier run' : seconds(base.installMs)]);
  await createHostApp(base, appDir);
  installedBefore = listInstalledPackages(appDir);

  const install = await runCommand('npm', ['install', path.join(packDir, packed.filename), ...NPM_INSTALL_FLAGS], {
    cwd: appDir,
    timeoutMs: PLUGIN_INSTALL_TIMEOUT_MS,
  });
  installedAfter = listInstalledPackages(appDir);
  added = duplicatesAdded(installedBefore, installedAfter);
  causedByPlugin = added.filter(
    (dup) => DECLARED.has(dup.name) || dup.newCopies.some((copy) => copy.location.startsWith(NESTED_UNDER_PLUGIN)),
  );
  const newPackages = [...installedAfter.keys()].filter((name) => !installedBefore.has(name));
  figures.push(['plugin install', seconds(install.durationMs)]);
  figures.push(['packages the plugin added', String(newPackages.length)]);
  figures.push(['duplicated packages', String(causedByPlugin.length)]);
  const transitive = added.filter((dup) => !causedByPlugin.includes(dup));
  if (transitive.length > 0) {
    const copies = transitive.flatMap((dup) => dup.newCopies);
    const kilobytes = copies.reduce((total, copy) => total + folderSize(path.join(appDir, copy.location)), 0) / 1024;
    figures.push([
      'copies nested by its dependencies\' own pins',
      `${transitive.map((dup) => `${dup.name} ×${dup.newCopies.length}`).join(', ')} (${kilobytes.toFixed(0)} KB)`,
    ]);
  }

  const build = await runCommand(strapiBin(appDir), ['build'], { cwd: appDir, env: hostEnv, timeoutMs: ADMIN_BUILD_TIMEOUT_MS });
  figures.push(['admin build', seconds(build.durationMs)]);

  host = await startHost(appDir);
  figures.push(['boot', seconds(host.bootMs)]);
  figures.push(['install check setup', seconds(Date.now() - started)]);
}, SETUP_TIMEOUT_MS);

afterAll(async () => {
  const cleanupStarted = Date.now();
  await host?.stop();
  if (tempRoot) fs.rmSync(tempRoot, { recursive: true, force: true });
  figures.push(['stop and clean up', seconds(Date.now() - cleanupStarted)]);
  // Straight to the terminal: Jest would wrap console.log in a stack trace per line.
  process.stdout.write(`\nInstall check\n${figures.map(([label, value]) => `  ${label}: ${value}`).join('\n')}\n`);
});

describe('the packed plugin, installed into a fresh Strapi 5 app', () => {
  it('ships what Strapi loads: every target of its exports map and the widget', () => {
    const missing = [...exportTargets(), path.normalize('widget/dist/widget.js')].filter((file) => !packedFiles.includes(file));
    expect(missing).toEqual([]);
  });

  it('brings no second copy of what the Strapi admin provides (one react-intl)', () => {
    expect(installedAfter.get('react-intl')?.length).toBe(1);
    const twice = PROVIDED_BY_STRAPI.filter((name) => (installedAfter.get(name)?.length ?? 0) > 1).map(
      (name) => `${name}: ${describeCopies(installedAfter.get(name) ?? [])}`,
    );
    expect(twice).toEqual([]);
  });

  it('duplicates nothing by its own choice: each dependency resolves to the app\'s copy or a new one', () => {
    // A copy nested under the plugin means the app had the package at a version the plugin
    // refuses. Copies nested under one of its dependencies (socket.io pins debug and ws more
    // tightly than Strapi does) are that dependency's choice; the figures list them.
    expect(causedByPlugin.map((dup) => `${dup.name}: ${describeCopies(dup.copies)}`)).toEqual([]);
  });

  it('pulls none of its build tools into the app', () => {
    expect(BUILD_TOOLS.filter((name) => installedAfter.has(name) && !installedBefore.has(name))).toEqual([]);
  });

  it('answers the health check with its version', async () => {
    const answer = await httpGet(`${host?.url}/api/live-support/health`);
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({ status: 'ok', plugin: 'live-support', version: plugin.version });
  });

  it('serves the widget script it ships', async () => {
    const answer = await httpGet(`${host?.url}/api/live-support/widget.js`);
    expect(answer.status).toBe(200);
    expect(answer.contentType).toMatch(/javascript/);
    const shipped = path.join(appDir, 'node_modules', plugin.name, 'widget', 'dist', 'widget.js');
    expect(answer.body).toBe(fs.readFileSync(shipped, 'utf8'));
  });

  it('serves the admin page, whose built bundle contains the plugin', async () => {
    const page = await httpGet(`${host?.url}/admin`);
    expect(page.status).toBe(200);
    expect(page.contentType).toMatch(/text\/html/);
    const scripts = [...page.body.matchAll(/<script[^>]+src="([^"]+)"/g)].map((match) => match[1]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) {
      const answer = await httpGet(new URL(script, `${host?.url}/admin/`).toString());
      expect([script, answer.status]).toEqual([script, 200]);
      expect(answer.contentType).toMatch(/javascript/);
    }

    // The admin build bundles plugins into its own chunks: find the plugin's English texts there.
    const subtitle = englishMessages['desk.subtitle'];
    const bundle = filesUnder(path.join(appDir, 'dist', 'build')).filter((file) => file.endsWith('.js'));
    const withPlugin = bundle.filter((file) => fs.readFileSync(file, 'utf8').includes(subtitle));
    expect(withPlugin.length).toBeGreaterThan(0);
  });
});
