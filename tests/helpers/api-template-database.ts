import { spawnSync } from 'node:child_process';

import { playgroundDir, playgroundDistDir } from './paths';
import { everyJobOff, QUIET_STRAPI_ENV, temporaryDatabaseFile, testSecrets } from './test-env';

/**
 * Names a SQLite database that one API-tier boot has set up (tables, demo accounts, demo FAQ,
 * seeded templates and settings) and stopped. A boot on a fresh file spends about 2 s creating
 * all of that; a boot on a copy of this one about 0.5 s. `bootStrapi` copies it for each SQLite
 * boot that is not given a file. Jest's workers inherit the variable from the global setup.
 */
export const API_TEMPLATE_DATABASE_ENV = 'LIVE_SUPPORT_API_TEMPLATE_DATABASE';

const TEMPLATE_BOOT_TIMEOUT_MS = 120_000;

// Plain JavaScript for `node -e`: the compiled playground loaded as `bootStrapi` loads it, set up, stopped.
const SET_UP_AND_STOP = `
const { createStrapi } = require('@strapi/strapi');
createStrapi({ appDir: process.cwd(), distDir: ${JSON.stringify(playgroundDistDir)}, autoReload: false, serveAdminPanel: false })
  .load()
  .then((strapi) => strapi.destroy())
  .then(() => process.exit(0), (error) => { console.error(error); process.exit(1); });
`;

/**
 * Sets the template up in a child process, so that the Jest process that runs the global setup
 * holds no Strapi. Every periodic job is off for that boot: the template holds only what a first
 * boot writes, never a job's rows stamped minutes before a test starts.
 */
export function makeApiTemplateDatabase(): string {
  const database = temporaryDatabaseFile('api-template');
  const result = spawnSync(process.execPath, ['-e', SET_UP_AND_STOP], {
    cwd: playgroundDir,
    env: {
      ...process.env,
      ...testSecrets(),
      ...QUIET_STRAPI_ENV,
      NODE_ENV: 'test',
      DATABASE_CLIENT: 'sqlite',
      DATABASE_FILENAME: database.file,
      LIVE_SUPPORT_CONFIG: JSON.stringify({ jobs: everyJobOff() }),
    },
    encoding: 'utf8',
    timeout: TEMPLATE_BOOT_TIMEOUT_MS,
  });
  if (result.status !== 0) {
    database.remove();
    const why = result.error ? result.error.message : `exit ${result.status ?? result.signal}`;
    throw new Error(`setting up the API tier's template database failed (${why}):\n${result.stdout}${result.stderr}`);
  }
  return database.file;
}
