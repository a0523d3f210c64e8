import { addressLimitKey } from '../client-address';

describe('the key an address is limited under', () => {
  it('keeps an IPv4 address as it is, also when the server reports it mapped into IPv6', () => {
    expect(addressLimitKey('203.0.113.7')).toBe('203.0.113.7');
    expect(addressLimitKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
  });

  it('counts every address of one IPv6 /64 together, however it is written', () => {
    const keys = ['2001:db8:1:2::a', '2001:0db8:0001:0002:0000:0000:0000:000b', '2001:db8:1:2:ffff:ffff:ffff:ffff', '[2001:db8:1:2::c]', 'fe80::1%eth0'].map(
      addressLimitKey,
    );
    expect(keys.slice(0, 4)).toEqual(['2001:db8:1:2::/64', '2001:db8:1:2::/64', '2001:db8:1:2::/64', '2001:db8:1:2::/64']);
    expect(keys[4]).toBe('fe80:0:0:0::/64');
  });

  it('keeps neighbouring /64s apart', () => {
    expect(addressLimitKey('2001:db8:1:3::a')).not.toBe(addressLimitKey('2001:db8:1:2::a'));
  });

  it('counts what is not an address as itself', () => {
    expect(addressLimitKey('unknown')).toBe('unknown');
    expect(addressLimitKey('')).toBe('');
  });
});
