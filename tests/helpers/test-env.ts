import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { SCHEDULED_JOBS } from '../../server/src/services/scheduled-job-registry';

const secret = () => randomBytes(24).toString('base64');

/** Fresh secrets for a test Strapi: tests never read or write the playground's own .env. */
export function testSecrets(): Record<string, string> {
  return {
    APP_KEYS: [secret(), secret()].join(','),
    API_TOKEN_SALT: secret(),
    ADMIN_JWT_SECRET: secret(),
    TRANSFER_TOKEN_SALT: secret(),
    JWT_SECRET: secret(),
    ENCRYPTION_KEY: secret(),
  };
}

export const QUIET_STRAPI_ENV = {
  STRAPI_TELEMETRY_DISABLED: 'true',
  STRAPI_LOG_LEVEL: process.env.STRAPI_LOG_LEVEL ?? 'warn',
  BROWSER: 'none',
};

/**
 * Every request of a test comes from 127.0.0.1, so the cap on conversations one address may
 * have waiting in the queue (`rateLimit.queuedConversationsPerIp`, default 3) would refuse a
 * file's fourth queued customer, and the per-address offline-message limit its sixth offline
 * message. Tests run with both off unless their file sets them; `tests/api/rate-limits.test.ts`
 * proves them.
 */
export const ONE_ADDRESS_FOR_EVERY_CLIENT = { rateLimit: { queuedConversationsPerIp: 0, offlineMessagesPerIpPerMinute: 0 } } as const;

/**
 * The plugin's `jobs` config with every periodic job switched off, read from the registry so
 * that a job added later is off too: for boots whose rows must stay exactly as the test left them.
 */
export function everyJobOff(): Record<string, { enabled: false }> {
  return Object.fromEntries(SCHEDULED_JOBS.map((job) => [job.name, { enabled: false as const }]));
}

/** A temporary folder holding one test file's SQLite database. */
export function temporaryDatabaseFile(label: string): { file: string; remove(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `live-support-${label}-`));
  return {
    file: path.join(dir, 'data.db'),
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

/** Copies a stopped node's SQLite database, with its write-ahead log when one was left. */
export function copySqliteDatabase(from: string, to: string): void {
  for (const suffix of ['', '-wal', '-shm']) {
    if (fs.existsSync(from + suffix)) fs.copyFileSync(from + suffix, to + suffix);
  }
}

/**
 * A tier's global teardown: removes the folder of the database that its global setup named in
 * the variable `envName` (the template or seeded file each test file copies), and the variable.
 */
export function removeDatabaseNamedBy(envName: string): void {
  const file = process.env[envName];
  if (file) fs.rmSync(path.dirname(file), { recursive: true, force: true });
  delete process.env[envName];
}
