import { createHmac } from 'node:crypto';

/** An identity secret for tests (at least 32 characters, as the settings ask). */
export const TEST_IDENTITY_SECRET = 'test-identity-secret-0123456789abcdef';

/** The userHash a site's backend computes, written with Node's crypto as the README shows it. */
export const userHashOf = (signedValue: string, secret: string = TEST_IDENTITY_SECRET): string =>
  createHmac('sha256', secret).update(signedValue).digest('hex');

/** Identity verification turned on (`optional`) with the test secret. */
export const OPTIONAL_VERIFICATION = { identity: { verification: 'optional', secret: TEST_IDENTITY_SECRET } } as const;
/** Identity verification back to its default. */
export const VERIFICATION_OFF = { identity: { verification: 'off', secret: null } } as const;
