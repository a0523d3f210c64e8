import { createHmac, timingSafeEqual } from 'node:crypto';

import { USER_HASH_PATTERN, type IdentityVerificationMode } from './identity-modes';

/*
 * Verified identity: the site's backend signs who the customer is with a secret only it and the
 * plugin know, so that a visitor cannot claim to be someone else (or a VIP) by typing an email.
 *
 * What is signed: the external id, or the email when there is no external id, as UTF-8 and as
 * stored (an external id without surrounding spaces; no lower-casing). The signature
 * (`userHash`) is the hex HMAC-SHA256 of that value under the identity secret, as the hosted
 * chat vendors do it.
 */

export interface IdentityClaim {
  externalId: string | null;
  email: string | null;
  /** The signature the page sent with it; null when it sent none. */
  userHash: string | null;
}

export interface IdentityPolicy {
  mode: IdentityVerificationMode;
  secret: string | null;
}

/** For a change mid-chat: the conversation's identity as it stands, and what the change touches. */
export interface CurrentIdentity {
  verified: boolean;
  /** Whether the change gives another name, email or external id than the stored ones. */
  changesIdentity: boolean;
}

export type IdentityRefusal = 'IDENTITY_NOT_VERIFIED' | 'VERIFIED_IDENTITY_LOCKED';

export type IdentityDecision =
  | { outcome: 'verified' }
  | { outcome: 'unverified' }
  | { outcome: 'refused'; code: IdentityRefusal; reason: string };

/** The value the site signs: the external id, or else the email; null when there is neither. */
export function signedValueOf(identity: Pick<IdentityClaim, 'externalId' | 'email'>): string | null {
  return identity.externalId ?? identity.email ?? null;
}

/** The userHash the site's backend computes (lower-case hex). */
export function computeUserHash(signedValue: string, secret: string): string {
  return createHmac('sha256', secret).update(signedValue, 'utf8').digest('hex');
}

/** Whether `userHash` signs `signedValue` under `secret`, compared in constant time. */
export function isValidUserHash(signedValue: string, userHash: string, secret: string): boolean {
  if (!USER_HASH_PATTERN.test(userHash)) return false;
  const expected = createHmac('sha256', secret).update(signedValue, 'utf8').digest();
  return timingSafeEqual(expected, Buffer.from(userHash, 'hex'));
}

const refused = (code: IdentityRefusal, reason: string): IdentityDecision => ({ outcome: 'refused', code, reason });

/**
 * Whether an identity is verified, unverified or refused. `claim` is the identity as it will
 * stand (for a change mid-chat: the stored details with the change applied); `current` is given
 * for a change mid-chat only.
 *
 * | case                                                      | off        | optional   | required   |
 * |-----------------------------------------------------------|------------|------------|------------|
 * | mid-chat change of phone/metadata only, no userHash       | unchanged  | unchanged  | unchanged  |
 * | userHash that signs the external id (else email)          | unverified | verified   | verified   |
 * | userHash that does not (or nothing to sign, or no secret) | unverified | NOT_VERIFIED | NOT_VERIFIED |
 * | no userHash, changes a verified identity                  | unverified | LOCKED     | LOCKED     |
 * | no userHash, external id or email                         | unverified | unverified | NOT_VERIFIED |
 * | no userHash, neither (a name alone, or nothing)           | unverified | unverified | unverified |
 */
export function decideIdentity(policy: IdentityPolicy, claim: IdentityClaim, current?: CurrentIdentity): IdentityDecision {
  if (current && !current.changesIdentity && claim.userHash === null) {
    return { outcome: current.verified ? 'verified' : 'unverified' };
  }
  if (policy.mode === 'off') return { outcome: 'unverified' };
  const signedValue = signedValueOf(claim);
  if (claim.userHash !== null) {
    if (signedValue !== null && policy.secret !== null && isValidUserHash(signedValue, claim.userHash, policy.secret)) {
      return { outcome: 'verified' };
    }
    return refused('IDENTITY_NOT_VERIFIED', 'The userHash does not sign this external id or email');
  }
  if (current?.verified) {
    return refused('VERIFIED_IDENTITY_LOCKED', 'A verified identity changes only with a userHash that signs the new one');
  }
  if (policy.mode === 'required' && signedValue !== null) {
    return refused('IDENTITY_NOT_VERIFIED', 'This site accepts an external id or email only with its userHash');
  }
  return { outcome: 'unverified' };
}

/** Why identity settings cannot be used, or null: verification needs a secret to check against. */
export function identitySettingsProblem(policy: IdentityPolicy): { key: 'secret'; message: string } | null {
  if (policy.mode !== 'off' && policy.secret === null) {
    return { key: 'secret', message: `verification "${policy.mode}" needs an identity secret` };
  }
  return null;
}
