import { compileStrapi } from '@strapi/strapi';

import { playgroundDir } from './paths';

/**
 * Compiles the playground's TypeScript once for the whole API run; every test file then
 * boots from the compiled output. (compileStrapi exits the process on a type error, which is
 * why `npm test` type-checks first.)
 */
export default async function compilePlayground(): Promise<void> {
  await compileStrapi({ appDir: playgroundDir, ignoreDiagnostics: false });
}
