/**
 * Which hosts a fetch may reach. Feeds are hostile: an item's link, or a redirect an outlet's page answers with,
 * must not turn the Worker into a reader of the operator's own network (SSRF). The rule:
 *   - only http and https;
 *   - a loopback, private, link-local, carrier-grade NAT, multicast or otherwise reserved address, and a name that
 *     only a local resolver answers (localhost, *.local, *.internal, a single label), is reached only when it is the
 *     host (and port) of a configured source: the operator chose it.
 * The URL parser has already folded the numeric spellings (2130706433, 0x7f.1, 017700000001, 127.1) into dotted
 * form and IPv6 into its compressed form; IPv6 forms that carry an IPv4 address (mapped, compatible, NAT64, 6to4)
 * are judged by that address. A public name that resolves to a private address cannot be seen from here: on
 * Cloudflare the runtime refuses private destinations itself; locally, wrangler dev does not.
 */

export type HostVerdict = { ok: true } | { ok: false; reason: string };

/** Hosts (`host[:port]` as URL.host spells it) that configured sources live on: reachable even when private. */
export type AllowedHosts = ReadonlySet<string>;

const LOCAL_NAME = /(?:^|\.)(?:localhost|local|internal|intranet|lan|home\.arpa|corp|localdomain)$/;

export function checkUrl(url: URL, allowed: AllowedHosts): HostVerdict {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, reason: `refused ${url.protocol} URL (only http and https)` };
  if (allowed.has(url.host)) return { ok: true };
  const why = privateHostReason(url.hostname);
  return why ? { ok: false, reason: `refused ${why} ${url.host}: not the host of a configured source` } : { ok: true };
}

/** Why a host is not on the public internet, or null when it is (as far as its spelling tells). */
export function privateHostReason(hostname: string): string | null {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (host.startsWith('[')) return ipv6Reason(host.slice(1, -1));
  const v4 = parseIpv4(host);
  if (v4 !== null) return ipv4Reason(v4);
  if (!host.includes('.')) return 'single-label host';
  if (LOCAL_NAME.test(host)) return 'local name';
  return null;
}

/** Dotted quad to a 32-bit number; null when the host is not one (the URL parser has folded other spellings). */
function parseIpv4(host: string): number | null {
  const parts = host.split('.');
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255)) return null;
  return parts.reduce((n, p) => n * 256 + Number(p), 0);
}

/** [first address, prefix length, what it is] */
const IPV4_RESERVED: [string, number, string][] = [
  ['0.0.0.0', 8, '"this network" address'],
  ['10.0.0.0', 8, 'private address'],
  ['100.64.0.0', 10, 'carrier-grade NAT address'],
  ['127.0.0.0', 8, 'loopback address'],
  ['169.254.0.0', 16, 'link-local address'], // cloud metadata services live here
  ['172.16.0.0', 12, 'private address'],
  ['192.0.0.0', 24, 'IETF protocol address'],
  ['192.168.0.0', 16, 'private address'],
  ['198.18.0.0', 15, 'benchmarking address'],
  ['224.0.0.0', 4, 'multicast address'],
  ['240.0.0.0', 4, 'reserved address'], // 255.255.255.255 included
];

function ipv4Reason(ip: number): string | null {
  for (const [base, bits, what] of IPV4_RESERVED) {
    const size = 2 ** (32 - bits);
    const start = parseIpv4(base)!;
    if (ip >= start && ip < start + size) return what;
  }
  return null;
}

/** Eight 16-bit groups, or null when the text is not an IPv6 address. A dotted IPv4 tail becomes two groups. */
function parseIpv6(text: string): number[] | null {
  const dotted = text.match(/^(.*:)(\d{1,3}(?:\.\d{1,3}){3})$/);
  if (dotted) {
    const v4 = parseIpv4(dotted[2]);
    if (v4 === null) return null;
    text = `${dotted[1]}${Math.floor(v4 / 65536).toString(16)}:${(v4 % 65536).toString(16)}`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const groups = (part: string) => (part ? part.split(':') : []);
  const head = groups(halves[0]);
  const rest = halves.length === 2 ? groups(halves[1]) : [];
  if (![...head, ...rest].every((g) => /^[0-9a-f]{1,4}$/.test(g))) return null;
  const missing = 8 - head.length - rest.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  return [...head, ...Array(missing).fill('0'), ...rest].map((g) => parseInt(g, 16));
}

function ipv6Reason(text: string): string | null {
  const g = parseIpv6(text);
  if (!g) return 'malformed IPv6 address';
  const v4At = (i: number) => g[i] * 65536 + g[i + 1];
  const zeros = (from: number, to: number) => g.slice(from, to).every((x) => x === 0);
  if (zeros(0, 8)) return 'unspecified IPv6 address';
  if (zeros(0, 7) && g[7] === 1) return 'loopback address';
  if (zeros(0, 5) && g[5] === 0xffff) return ipv4Reason(v4At(6)) ?? null; // IPv4-mapped
  if (zeros(0, 6)) return ipv4Reason(v4At(6)) ?? 'IPv4-compatible address'; // deprecated IPv4-compatible
  if (g[0] === 0x64 && g[1] === 0xff9b && zeros(2, 6)) return ipv4Reason(v4At(6)); // NAT64
  if (g[0] === 0x64 && g[1] === 0xff9b && g[2] === 1) return 'local NAT64 address';
  if (g[0] === 0x2002) return ipv4Reason(v4At(1)); // 6to4
  if (g[0] === 0x2001 && g[1] === 0) return 'Teredo address'; // carries an obfuscated IPv4 address
  if ((g[0] & 0xfe00) === 0xfc00) return 'unique-local address';
  if ((g[0] & 0xffc0) === 0xfe80) return 'link-local address';
  if ((g[0] & 0xffc0) === 0xfec0) return 'site-local address';
  if ((g[0] & 0xff00) === 0xff00) return 'multicast address';
  if (g[0] === 0x100 && zeros(1, 4)) return 'discard-only address';
  return null;
}

/** The hosts of configured sources (their feed and homepage), as URL.host spells them. */
export function allowedHostsOf(sources: { feedUrl: string; homepage: string }[]): Set<string> {
  const out = new Set<string>();
  for (const s of sources) {
    for (const u of [s.feedUrl, s.homepage]) {
      try {
        if (u) out.add(new URL(u).host);
      } catch {
        // an unparsable homepage allows nothing
      }
    }
  }
  return out;
}
