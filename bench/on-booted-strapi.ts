import { bootStrapi, type BootedStrapi } from '../tests/helpers/strapi';

/**
 * Runs a benchmark on a freshly booted playground Strapi (its own temporary database), stops it
 * and removes the database afterwards, whatever happened; a failure exits with 1.
 */
export function benchmarkOnBootedStrapi(measure: (app: BootedStrapi) => Promise<void>): void {
  const run = async () => {
    const app = await bootStrapi();
    try {
      await measure(app);
    } finally {
      await app.stop();
      app.removeDatabase();
    }
  };
  run().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
