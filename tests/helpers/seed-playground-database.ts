import { SEEDED_DATABASE_ENV, startPlayground } from './playground-server';

/**
 * The browser tier's global setup: starts the built playground once on a fresh database, which
 * it fills with its tables and demo data, and stops it. Every test file's playground then starts
 * on its own copy of that file (see `startPlayground`), so files share no state, only the
 * setting-up. Jest's workers inherit the variable that names it.
 */
export default async function seedPlaygroundDatabase(): Promise<void> {
  const playground = await startPlayground();
  await playground.stop({ keepDatabase: true });
  process.env[SEEDED_DATABASE_ENV] = playground.databaseFile;
}

