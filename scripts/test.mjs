// `npm test`: every check, in the order that fails fastest. Type-check and lint, build the
// plugin and the widget, verify the package, then the test tiers: unit, API (real Strapi, real
// HTTP and sockets), browser (the built playground in Debian's Chromium) and install (the packed
// plugin installed into a fresh Strapi app, built and started).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { ensurePlaygroundEnv, playgroundDir } from './ensure-env.mjs';
import { prepareInstallHostInBackground } from './prepare-install-host.mjs';
import { quietStrapiEnv, run, runInBackground } from './run.mjs';

const env = { ...process.env, ...quietStrapiEnv };
const only = process.argv.slice(2); // e.g. `npm test -- unit api` runs just those tiers
const wants = (tier) => only.length === 0 || only.includes(tier);
const resultsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'live-support-jest-'));
const totals = { passed: 0, failed: 0 };

async function step(title, command, args, options = {}) {
  console.log(`\n=== ${title}`);
  await run(command, args, { env, ...options });
}

async function jest(tier, extraArgs) {
  const outputFile = path.join(resultsDir, `${tier}.json`);
  try {
    await step(`${tier} tests`, 'npx', ['jest', '--selectProjects', tier, '--json', `--outputFile=${outputFile}`, ...extraArgs]);
  } finally {
    if (fs.existsSync(outputFile)) {
      const report = JSON.parse(fs.readFileSync(outputFile, 'utf8'));
      totals.passed += report.numPassedTests;
      totals.failed += report.numFailedTests + report.numRuntimeErrorTestSuites;
    }
  }
}

let failure = null;
let hostApp = null;
let playgroundAdmin = null;
try {
  ensurePlaygroundEnv();
  if (wants('install') && only.length !== 1) hostApp = await prepareInstallHostInBackground(env);
  if (wants('static')) await step('type-check', 'npm', ['run', '--silent', 'typecheck']);
  await step('build plugin', 'npx', ['strapi-plugin', 'build']);
  // The playground's admin build (vite, ~35 s) needs only the built plugin: it runs beside lint
  // and the steps after it, which mostly keep one core busy, instead of before the browser tier.
  if (wants('e2e')) playgroundAdmin = runInBackground('npx', ['strapi', 'build'], { cwd: playgroundDir, env });
  if (wants('static')) {
    await step('lint', 'npx', ['eslint', '.']);
    await step('public types, as a host app imports them', 'npx', ['tsc', '-p', 'tests/fixtures/consumer-types/tsconfig.json']);
  }
  await step('build widget', 'node', ['widget/build.mjs']);
  await step('widget size budget', 'node', ['scripts/check-widget-size.mjs']);
  if (wants('static')) await step('verify package', 'npx', ['strapi-plugin', 'verify']);
  if (wants('unit')) await jest('unit', ['--maxWorkers=2']);
  // The API tier's setup compiles the playground into the same dist/ folder: the build ends first.
  if (playgroundAdmin) {
    console.log('\n=== build playground admin');
    await playgroundAdmin.finish();
  }
  if (wants('api')) await jest('api', ['--maxWorkers=2']);
  if (wants('e2e')) await jest('e2e', ['--runInBand']);
  if (wants('install')) {
    if (hostApp) {
      const { ok, output } = await hostApp.done;
      console.log(`\n=== install check host app, prepared beside the other tiers${ok ? '' : ' (failed: the install test installs it again)'}\n${output.trim()}`);
    }
    await jest('install', ['--runInBand']);
  }
} catch (error) {
  failure = error;
  hostApp?.stop();
  playgroundAdmin?.stop();
}

fs.rmSync(resultsDir, { recursive: true, force: true });
console.log(`\nTests: ${totals.passed} passed, ${totals.failed} failed`);
if (failure) {
  console.error(failure.message);
  process.exit(1);
}
