import { compileStrapi } from '@strapi/strapi';

import { API_TEMPLATE_DATABASE_ENV, makeApiTemplateDatabase } from './api-template-database';
import { playgroundDir } from './paths';

/**
 * The API tier's global setup. Compiles the playground's TypeScript once for the whole run;
 * every test file then boots from the compiled output. (compileStrapi exits the process on a
 * type error, which is why `npm test` type-checks first.) Then sets up the database that each
 * file's boot starts from a copy of (see `makeApiTemplateDatabase`).
 */
export default async function compilePlayground(): Promise<void> {
  await compileStrapi({ appDir: playgroundDir, ignoreDiagnostics: false });
  process.env[API_TEMPLATE_DATABASE_ENV] = makeApiTemplateDatabase();
}
