import fs from 'node:fs';
import path from 'node:path';

import { SEEDED_DATABASE_ENV } from './playground-server';

/** The browser tier's global teardown: removes the folder of the database its setup seeded. */
export default function removeSeededDatabase(): void {
  const file = process.env[SEEDED_DATABASE_ENV];
  if (file) fs.rmSync(path.dirname(file), { recursive: true, force: true });
  delete process.env[SEEDED_DATABASE_ENV];
}
