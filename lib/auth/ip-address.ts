import ipaddr from "ipaddr.js";

export type IpAddress = ipaddr.IPv4 | ipaddr.IPv6;

/** An address range as ipaddr.js matches it; a single address is a range of its full length. */
export type AddressRange = [IpAddress, number];

/**
 * A textual IP address as one canonical value, or null. Only dotted-quad IPv4 and standard IPv6
 * (ipaddr.js alone also reads forms like "127.1" or "0x7f.0.0.1", which no proxy writes and which
 * would let one address be spelt many ways). IPv4-mapped IPv6 ("::ffff:10.0.0.1", how a dual-stack
 * socket reports an IPv4 peer) becomes the IPv4 address.
 */
export function parseIpAddress(text: string): IpAddress | null {
  const trimmed = text.trim();
  if (ipaddr.IPv4.isValidFourPartDecimal(trimmed)) return ipaddr.IPv4.parse(trimmed);
  if (!ipaddr.IPv6.isValid(trimmed)) return null;
  const address = ipaddr.IPv6.parse(trimmed);
  return address.isIPv4MappedAddress() ? address.toIPv4Address() : address;
}

/** "10.0.0.0/8" or "::1" as a range, or null when it is neither an address nor a CIDR range. */
export function parseAddressRange(text: string): AddressRange | null {
  const trimmed = text.trim();
  const slash = trimmed.indexOf("/");
  if (slash === -1) {
    const address = parseIpAddress(trimmed);
    return address ? [address, address.kind() === "ipv4" ? 32 : 128] : null;
  }
  const address = parseIpAddress(trimmed.slice(0, slash));
  const bits = trimmed.slice(slash + 1);
  if (!address || !/^\d{1,3}$/.test(bits)) return null;
  const prefix = Number(bits);
  return prefix <= (address.kind() === "ipv4" ? 32 : 128) ? [address, prefix] : null;
}

export function isInRanges(address: IpAddress, ranges: readonly AddressRange[]): boolean {
  return ranges.some(([network, prefix]) => network.kind() === address.kind() && address.match(network, prefix));
}
