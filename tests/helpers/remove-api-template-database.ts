import fs from 'node:fs';
import path from 'node:path';

import { API_TEMPLATE_DATABASE_ENV } from './api-template-database';

/** The API tier's global teardown: removes the folder of the database its setup made. */
export default function removeApiTemplateDatabase(): void {
  const file = process.env[API_TEMPLATE_DATABASE_ENV];
  if (file) fs.rmSync(path.dirname(file), { recursive: true, force: true });
  delete process.env[API_TEMPLATE_DATABASE_ENV];
}
