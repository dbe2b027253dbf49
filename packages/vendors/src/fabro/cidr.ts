import ipaddr from 'ipaddr.js';

/**
 * Whether `entry` is a CIDR range as Fabro's server parses `network.allow` (Rust's `ipnet::IpNet`):
 * an IPv4 address in four decimal parts without leading zeros or an IPv6 address without a zone,
 * then `/` and a prefix length the address family allows. A host address with bits past the
 * prefix (`10.0.0.1/8`) is accepted, as Fabro accepts it.
 */
export function isCidr(entry: string): boolean {
  if (ipaddr.IPv4.isValidCIDRFourPartDecimal(entry)) return true;
  return !entry.includes('%') && ipaddr.IPv6.isValidCIDR(entry);
}
