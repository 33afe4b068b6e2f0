// The Security tab's allowlists are edited as text, one entry per line. The runtime's own
// parsers (runtime/security/ip-allowlist.ts, origin-allowlist.ts) are Node-side (ipaddr.js),
// so the designer checks entries with this small browser-safe twin; a unit test holds the
// two to the same verdicts. A bad entry never matches, so it is worth saying at once.

export interface LineProblem {
  /** 1-based line in the text as typed. */
  line: number;
  entry: string;
  message: string;
}

/** The entries of a text: one per line, trimmed, blank lines left out. */
export function listLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

const FOUR_PART_DECIMAL = /^(0|[1-9]\d*)(\.(0|[1-9]\d*)){3}$/;

function isIpv4(text: string): boolean {
  return FOUR_PART_DECIMAL.test(text) && text.split('.').every((part) => Number(part) <= 255);
}

/** IPv6 as the URL parser reads a bracketed host: the same grammar everywhere. */
function isIpv6(text: string): boolean {
  if (!text.includes(':') || /[[\]/]/.test(text)) return false;
  try {
    return new URL(`http://[${text}]/`).hostname !== '';
  } catch {
    return false;
  }
}

type IpKind = 'ipv4' | 'ipv6' | 'mapped';

/** Brackets and a zone id dropped (as the runtime does); the kind, or undefined. */
function ipKind(text: string): IpKind | undefined {
  let value = text.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed?.[1]) value = bracketed[1];
  const zone = value.indexOf('%');
  if (zone >= 0) value = value.slice(0, zone);
  if (isIpv4(value)) return 'ipv4';
  if (!isIpv6(value)) return undefined;
  return /^::ffff:/i.test(value) || /^(0{1,4}:){5}ffff:/i.test(value) ? 'mapped' : 'ipv6';
}

/** Why an IP allowlist entry (address or CIDR range) is not one, or undefined when fine. */
export function ipEntryProblem(entry: string): string | undefined {
  const slash = entry.indexOf('/');
  const addressText = slash >= 0 ? entry.slice(0, slash) : entry;
  const prefixText = slash >= 0 ? entry.slice(slash + 1) : undefined;
  const kind = ipKind(addressText);
  if (!kind) {
    return 'Not an IP address or CIDR range: write e.g. 203.0.113.7, 203.0.113.0/24 or 2001:db8::/32';
  }
  if (prefixText === undefined) return undefined;
  const bits = kind === 'ipv4' ? 32 : 128;
  if (!/^\d{1,3}$/.test(prefixText) || Number(prefixText) > bits) {
    return `The range size after "/" must be a number from 0 to ${bits} for an ${bits === 32 ? 'IPv4' : 'IPv6'} address`;
  }
  if (kind === 'mapped' && Number(prefixText) < 96) {
    return 'An IPv4-mapped range needs a prefix of 96 or more';
  }
  return undefined;
}

/** Why an origin allowlist entry is not an origin (`https://app.example.com`), or undefined. */
export function originEntryProblem(entry: string): string | undefined {
  if (entry.includes('*')) {
    return 'Wildcards are not supported: list each origin, e.g. https://app.example.com';
  }
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(entry)) {
    return `Add the scheme: https://${entry.replace(/^\/+/, '')}`;
  }
  let url: URL;
  try {
    url = new URL(entry);
  } catch {
    return 'Not a valid origin: write e.g. https://app.kiwify.com.br';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return 'An origin starts with https:// or http://';
  }
  if (url.username !== '' || url.password !== '') {
    return 'Remove the user name and password: an origin is scheme, host and port';
  }
  if (url.pathname !== '/' || url.search !== '' || url.hash !== '') {
    return `Remove the path: an origin is scheme, host and port, e.g. ${url.origin}`;
  }
  return undefined;
}

function problemsOf(text: string, check: (entry: string) => string | undefined): LineProblem[] {
  return text.split(/\r?\n/).flatMap((raw, index) => {
    const entry = raw.trim();
    const message = entry === '' ? undefined : check(entry);
    return message ? [{ line: index + 1, entry, message }] : [];
  });
}

export const ipAllowlistProblems = (text: string): LineProblem[] =>
  problemsOf(text, ipEntryProblem);
export const originAllowlistProblems = (text: string): LineProblem[] =>
  problemsOf(text, originEntryProblem);

/** The list with `entry` added at the end, unless it is there already. */
export function withEntry(list: readonly string[], entry: string): string[] {
  const wanted = entry.trim().toLowerCase();
  return list.some((item) => item.trim().toLowerCase() === wanted) ? [...list] : [...list, entry];
}

export function hasEntry(list: readonly string[], entry: string): boolean {
  const wanted = entry.trim().toLowerCase();
  return list.some((item) => item.trim().toLowerCase() === wanted);
}
