/**
 * The identity of a feed URL, for finding duplicates: two spellings of one feed give one key.
 * Scheme, "www.", default ports, a trailing slash, the fragment and tracking parameters do not make a new feed.
 * Returns null for anything that is not an http(s) URL.
 */
const TRACKING_PARAM_RE = /^(?:utm_[a-z]+|fbclid|gclid|mc_cid|mc_eid)$/i;

export function feedUrlKey(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  const host = url.hostname.toLowerCase().replace(/^www\./, '');
  const params = [...url.searchParams].filter(([k]) => !TRACKING_PARAM_RE.test(k)).sort(([a], [b]) => a.localeCompare(b));
  const query = params.length ? `?${new URLSearchParams(params).toString()}` : '';
  const path = url.pathname.replace(/\/+$/, '');
  return `${host}${url.port ? `:${url.port}` : ''}${path}${query}`;
}

export function isHttpUrl(raw: unknown): raw is string {
  return typeof raw === 'string' && feedUrlKey(raw) !== null;
}
