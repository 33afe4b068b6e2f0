// The Security tab's IP allowlist (seed 001): addresses or CIDR ranges, IPv4 and IPv6, one
// per line; calls from elsewhere get 403; an empty list accepts any address.
import ipaddr from 'ipaddr.js';

type IpAddress = ipaddr.IPv4 | ipaddr.IPv6;

export interface AllowlistProblem {
  index: number;
  entry: string;
  message: string;
}

export interface IpMatcher {
  /** True when the list is empty or the address is in one of its ranges. */
  allows(address: string): boolean;
}

export type AllowlistOutcome =
  { ok: true } | { ok: false; status: 403; code: 'ip_not_allowed'; message: string };

/**
 * Parses an address as a socket or a header gives it: trims, drops `[…]` brackets and a
 * zone id (`fe80::1%eth0`: the zone names a local interface, not part of the address), and
 * turns IPv4-mapped IPv6 (`::ffff:1.2.3.4`, what a dual-stack socket reports) into IPv4.
 * IPv4 must be four decimal parts: ipaddr.js also reads `127.1` or `0x7f.0.0.1`, which
 * nobody means in an allowlist.
 */
export function parseIpAddress(text: string): IpAddress | undefined {
  let value = text.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed?.[1]) value = bracketed[1];
  const zone = value.indexOf('%');
  if (zone >= 0) value = value.slice(0, zone);
  if (ipaddr.IPv4.isValidFourPartDecimal(value)) return ipaddr.IPv4.parse(value);
  if (!ipaddr.IPv6.isValid(value)) return undefined;
  const v6 = ipaddr.IPv6.parse(value);
  return v6.isIPv4MappedAddress() ? v6.toIPv4Address() : v6;
}

/** The canonical text of an address (`::ffff:1.2.3.4` → `1.2.3.4`), or undefined. */
export function normalizeIpAddress(text: string): string | undefined {
  return parseIpAddress(text)?.toString();
}

function parseRange(entry: string): [IpAddress, number] | string {
  const slash = entry.indexOf('/');
  const addressText = slash >= 0 ? entry.slice(0, slash) : entry;
  const prefixText = slash >= 0 ? entry.slice(slash + 1) : undefined;
  const address = parseIpAddress(addressText);
  if (!address) {
    return 'Not an IP address or CIDR range: write e.g. 203.0.113.7, 203.0.113.0/24 or 2001:db8::/32';
  }
  // A mapped entry such as ::ffff:10.0.0.0/104 was turned into IPv4: its prefix counts
  // 128 bits, of which the first 96 are the mapping.
  const wasMapped = address.kind() === 'ipv4' && addressText.includes(':');
  const bits = address.kind() === 'ipv4' && !wasMapped ? 32 : 128;
  if (prefixText === undefined) return [address, address.kind() === 'ipv4' ? 32 : 128];
  if (!/^\d{1,3}$/.test(prefixText) || Number(prefixText) > bits) {
    return `The range size after "/" must be a number from 0 to ${bits} for an ${bits === 32 ? 'IPv4' : 'IPv6'} address`;
  }
  let prefix = Number(prefixText);
  if (wasMapped) {
    if (prefix < 96) return 'An IPv4-mapped range needs a prefix of 96 or more';
    prefix -= 96;
  }
  return [address, prefix];
}

/**
 * Parses the list once (at publish). Blank lines are ignored; bad entries are reported as
 * problems and never match. A list whose every entry is bad accepts nobody: a typo must not
 * silently open the webhook to every address.
 */
export function parseIpAllowlist(entries: readonly string[]): {
  matcher: IpMatcher;
  problems: AllowlistProblem[];
} {
  const ranges: [IpAddress, number][] = [];
  const problems: AllowlistProblem[] = [];
  let configured = 0;
  entries.forEach((raw, index) => {
    const entry = raw.trim();
    if (entry === '') return;
    configured += 1;
    const range = parseRange(entry);
    if (typeof range === 'string') problems.push({ index, entry: raw, message: range });
    else ranges.push(range);
  });
  const open = configured === 0;
  return {
    problems,
    matcher: {
      allows(address: string): boolean {
        if (open) return true;
        const parsed = parseIpAddress(address);
        if (!parsed) return false;
        return ranges.some(
          ([network, prefix]) => network.kind() === parsed.kind() && parsed.match(network, prefix),
        );
      },
    },
  };
}

/** The allowlist step of the ingress pipeline: 403 with the address seen and what to do. */
export function checkIpAllowlist(matcher: IpMatcher, address: string): AllowlistOutcome {
  if (matcher.allows(address)) return { ok: true };
  const seen = normalizeIpAddress(address);
  return {
    ok: false,
    status: 403,
    code: 'ip_not_allowed',
    message:
      seen === undefined
        ? "The caller's IP address could not be determined, so the IP allowlist refuses the call."
        : `Calls from ${seen} are not allowed: add this address (or its range) to the IP allowlist ` +
          'in the Security tab, or empty the list to accept any address.',
  };
}

export interface ClientAddressInput {
  /** `req.socket.remoteAddress`. */
  socketAddress: string | undefined;
  /** The `X-Forwarded-For` header, if any. */
  forwardedFor: string | string[] | undefined;
  /** True only for requests that arrived through Hookflow's own ngrok tunnel. */
  viaTunnel: boolean;
}

/**
 * The address the allowlist checks. A direct call: the socket's peer, and X-Forwarded-For is
 * ignored, because anyone can send that header to claim any address. Through Hookflow's
 * tunnel the socket peer is the local tunnel agent, and the caller is in X-Forwarded-For —
 * but ngrok *appends* the address it saw to whatever the caller already sent, so only the
 * right-most entry was written by ngrok; entries to its left are the caller's own claims
 * (`X-Forwarded-For: <an allowed IP>` would otherwise walk past the allowlist). If that
 * entry is missing or not an address, the result is '' and a non-empty allowlist refuses.
 */
export function clientAddress({
  socketAddress,
  forwardedFor,
  viaTunnel,
}: ClientAddressInput): string {
  if (!viaTunnel) return (socketAddress && normalizeIpAddress(socketAddress)) ?? '';
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? '');
  const last = header.split(',').at(-1)?.trim() ?? '';
  const withoutPort = /^\d{1,3}(?:\.\d{1,3}){3}:\d+$/.test(last) ? last.replace(/:\d+$/, '') : last;
  return normalizeIpAddress(withoutPort) ?? '';
}
