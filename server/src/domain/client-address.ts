import ipaddr from 'ipaddr.js';

/**
 * The key a client's address is counted under in the per-address limits. An IPv6 user is handed
 * a whole /64 (and can pick any address in it), so IPv6 addresses count by their /64 prefix;
 * an IPv4 address mapped into IPv6 (`::ffff:203.0.113.7`, as dual-stack servers report IPv4
 * peers) counts as the IPv4 address it is. Anything unparsable counts as itself.
 */
export function addressLimitKey(address: string): string {
  const bare = address.trim().replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  if (!ipaddr.isValid(bare)) return address;
  const parsed = ipaddr.process(bare);
  if (parsed.kind() === 'ipv4') return parsed.toString();
  const parts = (parsed as ipaddr.IPv6).parts.slice(0, 4);
  return `${parts.map((part) => part.toString(16)).join(':')}::/64`;
}
