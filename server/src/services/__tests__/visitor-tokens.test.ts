import { createHash } from 'node:crypto';

import type { Core } from '@strapi/strapi';
import jwt from 'jsonwebtoken';

import visitorTokensService from '../visitor-tokens';

const SECRET = 'a-visitor-token-secret-of-32-chars-or-more';

function service(settings: { visitorTokenSecret?: string; appKeys?: string[] } = { visitorTokenSecret: SECRET }) {
  const config: Record<string, unknown> = {
    'plugin::live-support': { visitorTokenSecret: settings.visitorTokenSecret, visitorTokenTtlDays: 30 },
    'server.app.keys': settings.appKeys,
  };
  const strapi = { config: { get: (key: string) => config[key] } } as unknown as Core.Strapi;
  return visitorTokensService({ strapi });
}

const claims = { audience: 'live-support:visitor', issuer: 'live-support' };

describe('visitor tokens', () => {
  it('opens the conversation it was issued for', () => {
    const tokens = service();
    expect(tokens.verify(tokens.issue(42))).toEqual({ conversationId: 42 });
  });

  it('still accepts tokens signed with the secret as a string, as earlier versions issued them', () => {
    const earlier = jwt.sign({}, SECRET, { algorithm: 'HS256', ...claims, subject: '7', expiresIn: '30d' });
    expect(service().verify(earlier)).toEqual({ conversationId: 7 });
    // And what it issues verifies with the string: the same HMAC key.
    const issued = service().issue(8);
    expect(jwt.verify(issued, SECRET, { algorithms: ['HS256'], ...claims })).toMatchObject({ sub: '8' });
  });

  it('derives the secret from the app keys when none is configured', () => {
    const appKeys = ['first-key', 'second-key'];
    const derived = createHash('sha256').update(`live-support-visitor:${appKeys.join(',')}`).digest('base64url');
    const token = jwt.sign({}, derived, { algorithm: 'HS256', ...claims, subject: '3', expiresIn: '1d' });
    expect(service({ appKeys }).verify(token)).toEqual({ conversationId: 3 });
    expect(() => service({ appKeys: [] }).issue(1)).toThrow(/no visitorTokenSecret and no server.app.keys/);
  });

  it('refuses forged, foreign, expired, unsigned and malformed tokens', () => {
    const tokens = service();
    const sign = (secret: string, options: jwt.SignOptions) => jwt.sign({}, secret, { algorithm: 'HS256', ...claims, subject: '5', ...options });
    expect(tokens.verify(sign('another-secret-of-thirty-two-characters!', { expiresIn: '1d' }))).toBeNull();
    expect(tokens.verify(sign(SECRET, { audience: 'someone-else', expiresIn: '1d' }))).toBeNull();
    expect(tokens.verify(sign(SECRET, { expiresIn: -10 }))).toBeNull();
    expect(tokens.verify(jwt.sign({ sub: '5', aud: claims.audience, iss: claims.issuer }, '', { algorithm: 'none' }))).toBeNull();
    expect(tokens.verify(sign(SECRET, { subject: 'not-a-number', expiresIn: '1d' }))).toBeNull();
    for (const junk of [undefined, '', 42, 'x'.repeat(2049), 'a.b.c']) expect(tokens.verify(junk)).toBeNull();
  });
});
