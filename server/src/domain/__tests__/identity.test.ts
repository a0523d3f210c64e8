import { createHmac } from 'node:crypto';

import {
  computeUserHash,
  decideIdentity,
  identitySettingsProblem,
  isValidUserHash,
  signedValueOf,
  type IdentityPolicy,
} from '../identity';

const SECRET = 'a-site-identity-secret-of-32-chars!';
const nodeHash = (value: string, secret = SECRET) => createHmac('sha256', secret).update(value).digest('hex');

describe('the signed value', () => {
  it('is the external id, else the email, else nothing', () => {
    expect(signedValueOf({ externalId: 'user-42', email: 'maija@example.com' })).toBe('user-42');
    expect(signedValueOf({ externalId: null, email: 'maija@example.com' })).toBe('maija@example.com');
    expect(signedValueOf({ externalId: null, email: null })).toBeNull();
  });
});

describe('the userHash', () => {
  it('is the hex HMAC-SHA256 the site computes with Node’s crypto', () => {
    expect(computeUserHash('user-42', SECRET)).toBe(nodeHash('user-42'));
    // RFC 4231 test case 2: a fixed vector, so the algorithm itself is pinned.
    expect(computeUserHash('what do ya want for nothing?', 'Jefe')).toBe(
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
  });

  it('is checked against the value and the secret, in either case of hex', () => {
    const hash = nodeHash('user-42');
    expect(isValidUserHash('user-42', hash, SECRET)).toBe(true);
    expect(isValidUserHash('user-42', hash.toUpperCase(), SECRET)).toBe(true);
    expect(isValidUserHash('user-43', hash, SECRET)).toBe(false);
    expect(isValidUserHash('user-42', hash, `${SECRET}x`)).toBe(false);
    expect(isValidUserHash('user-42', nodeHash('user-42', 'another secret of at least 32 chars'), SECRET)).toBe(false);
  });

  it('is refused without comparing when it is not 64 hex digits', () => {
    expect(isValidUserHash('user-42', nodeHash('user-42').slice(2), SECRET)).toBe(false);
    expect(isValidUserHash('user-42', 'z'.repeat(64), SECRET)).toBe(false);
    expect(isValidUserHash('user-42', '', SECRET)).toBe(false);
  });
});

describe('the decision', () => {
  const off: IdentityPolicy = { mode: 'off', secret: SECRET };
  const optional: IdentityPolicy = { mode: 'optional', secret: SECRET };
  const required: IdentityPolicy = { mode: 'required', secret: SECRET };
  const signed = { externalId: 'user-42', email: 'maija@example.com', userHash: nodeHash('user-42') };
  const wrong = { ...signed, userHash: nodeHash('user-43') };
  const unsigned = { ...signed, userHash: null };
  const anonymous = { externalId: null, email: null, userHash: null };

  it('off: everything is taken as given and unverified, even a valid hash', () => {
    for (const claim of [signed, wrong, unsigned, anonymous]) expect(decideIdentity(off, claim)).toEqual({ outcome: 'unverified' });
  });

  it('optional: a valid hash verifies, none leaves it unverified, a wrong one is refused', () => {
    expect(decideIdentity(optional, signed)).toEqual({ outcome: 'verified' });
    expect(decideIdentity(optional, unsigned)).toEqual({ outcome: 'unverified' });
    expect(decideIdentity(optional, wrong)).toMatchObject({ outcome: 'refused', code: 'IDENTITY_NOT_VERIFIED' });
  });

  it('signs the email when there is no external id', () => {
    const byEmail = { externalId: null, email: 'maija@example.com', userHash: nodeHash('maija@example.com') };
    expect(decideIdentity(optional, byEmail)).toEqual({ outcome: 'verified' });
    expect(decideIdentity(optional, { ...byEmail, externalId: 'user-42' })).toMatchObject({ outcome: 'refused' });
  });

  it('required: an external id or email needs a valid hash; a name alone stays unverified', () => {
    expect(decideIdentity(required, signed)).toEqual({ outcome: 'verified' });
    expect(decideIdentity(required, unsigned)).toMatchObject({ outcome: 'refused', code: 'IDENTITY_NOT_VERIFIED' });
    expect(decideIdentity(required, wrong)).toMatchObject({ outcome: 'refused', code: 'IDENTITY_NOT_VERIFIED' });
    expect(decideIdentity(required, anonymous)).toEqual({ outcome: 'unverified' });
  });

  it('refuses a hash with nothing to sign, or when no secret is stored', () => {
    expect(decideIdentity(optional, { ...anonymous, userHash: nodeHash('') })).toMatchObject({ outcome: 'refused' });
    expect(decideIdentity({ mode: 'optional', secret: null }, signed)).toMatchObject({ outcome: 'refused' });
    expect(decideIdentity({ mode: 'required', secret: null }, unsigned)).toMatchObject({ outcome: 'refused' });
  });

  describe('mid-chat', () => {
    const verified = { verified: true, changesIdentity: true };
    it('a verified identity changes only with a hash for the new one', () => {
      expect(decideIdentity(optional, unsigned, verified)).toMatchObject({ outcome: 'refused', code: 'VERIFIED_IDENTITY_LOCKED' });
      expect(decideIdentity(required, unsigned, verified)).toMatchObject({ outcome: 'refused', code: 'VERIFIED_IDENTITY_LOCKED' });
      expect(decideIdentity(optional, wrong, verified)).toMatchObject({ outcome: 'refused', code: 'IDENTITY_NOT_VERIFIED' });
      expect(decideIdentity(optional, signed, verified)).toEqual({ outcome: 'verified' });
    });

    it('a change of phone or metadata alone keeps the identity as it is', () => {
      expect(decideIdentity(optional, unsigned, { verified: true, changesIdentity: false })).toEqual({ outcome: 'verified' });
      expect(decideIdentity(required, unsigned, { verified: false, changesIdentity: false })).toEqual({ outcome: 'unverified' });
    });

    it('an unverified identity becomes verified with a valid hash', () => {
      expect(decideIdentity(optional, signed, { verified: false, changesIdentity: true })).toEqual({ outcome: 'verified' });
    });
  });
});

describe('the settings', () => {
  it('need a secret for optional and required verification', () => {
    expect(identitySettingsProblem({ mode: 'off', secret: null })).toBeNull();
    expect(identitySettingsProblem({ mode: 'optional', secret: SECRET })).toBeNull();
    expect(identitySettingsProblem({ mode: 'required', secret: null })).toMatchObject({ key: 'secret' });
  });
});
