import { SEEDED_DATABASE_ENV } from './playground-server';
import { removeDatabaseNamedBy } from './test-env';

/** The browser tier's global teardown: removes the database its setup seeded. */
export default function removeSeededDatabase(): void {
  removeDatabaseNamedBy(SEEDED_DATABASE_ENV);
}
