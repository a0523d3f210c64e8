import { API_TEMPLATE_DATABASE_ENV } from './api-template-database';
import { removeDatabaseNamedBy } from './test-env';

/** The API tier's global teardown: removes the database its setup made. */
export default function removeApiTemplateDatabase(): void {
  removeDatabaseNamedBy(API_TEMPLATE_DATABASE_ENV);
}
