import { derivedRedisChannelPrefix } from '../redis-channel-prefix';

const postgres = (overrides: object = {}) => ({
  client: 'postgres',
  connection: { host: 'db.internal', port: 5432, database: 'shop', ...overrides },
});

describe('the Redis channel prefix a site gets by default', () => {
  it('names the app and is the same for every node of one site', () => {
    const prefix = derivedRedisChannelPrefix({ uuid: 'a1', name: 'My Shop' }, postgres());
    expect(prefix).toMatch(/^live-support:my-shop:[0-9a-f]{12}$/);
    expect(derivedRedisChannelPrefix({ uuid: 'a1', name: 'My Shop' }, postgres())).toBe(prefix);
  });

  it('differs between apps, and between one app’s databases (staging beside production)', () => {
    const prefixes = new Set([
      derivedRedisChannelPrefix({ uuid: 'a1', name: 'shop' }, postgres()),
      derivedRedisChannelPrefix({ uuid: 'b2', name: 'shop' }, postgres()),
      derivedRedisChannelPrefix({ uuid: 'a1', name: 'shop' }, postgres({ database: 'shop_staging' })),
      derivedRedisChannelPrefix({ uuid: 'a1', name: 'shop' }, postgres({ host: 'staging-db.internal' })),
      derivedRedisChannelPrefix({ uuid: 'a1', name: 'shop' }, { client: 'sqlite', connection: { filename: '/srv/a.db' } }),
      derivedRedisChannelPrefix({ uuid: 'a1', name: 'shop' }, { client: 'sqlite', connection: { filename: '/srv/b.db' } }),
    ]);
    expect(prefixes.size).toBe(6);
  });

  it('reads a connection string as its host, port and database, never its password', () => {
    const withUrl = (password: string) =>
      derivedRedisChannelPrefix(
        { uuid: 'a1', name: 'shop' },
        { client: 'postgres', connection: { connectionString: `postgres://app:${password}@db.internal:5432/shop` } },
      );
    expect(withUrl('old-secret')).toBe(withUrl('rotated-secret'));
    expect(withUrl('old-secret')).toBe(derivedRedisChannelPrefix({ uuid: 'a1', name: 'shop' }, postgres()));
  });

  it('still gives a prefix for an app without a name', () => {
    expect(derivedRedisChannelPrefix({}, { client: 'sqlite', connection: { filename: 'data.db' } })).toMatch(/^live-support:[0-9a-f]{12}$/);
  });
});
