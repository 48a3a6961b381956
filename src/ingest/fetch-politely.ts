/**
 * The only way onestory reads the web: an honest User-Agent, conditional GET, a timeout, a size cap, and a charset
 * taken from the response (header, BOM, XML declaration or meta tag). Redirects are followed by hand, each hop
 * checked by the host guard (no internal hosts but configured sources', http and https only). Failures are typed,
 * never thrown raw.
 */
import { describeConnectFailure } from './connect-error.ts';
import { checkUrl, type AllowedHosts } from './host-guard.ts';

import { decodeBytes, detectCharset } from '../pipeline/decode.ts';

// Charset handling lives in the pipeline (feeds decode their bytes themselves); re-exported for the page fetch's callers.
export { decodeBytes, detectCharset };

export const FETCH_TIMEOUT_MS = 15_000; // one slow host must not stall its consumer batch (FETCH_TIMEOUT_MS overrides)
export const MAX_FEED_BYTES = 5 * 1024 * 1024; // the largest real feeds we know are ~1 MB
export const MAX_PAGE_BYTES = 3 * 1024 * 1024; // article pages are 0.1-1.5 MB; more is a media page or abuse
/** Hops followed before giving up; browsers allow 20, real article links take one or two (http -> https, short link). */
export const MAX_REDIRECTS = 5;

export type FetchErrorCode = 'timeout' | 'network' | 'too_large' | `http_${number}` | 'bad_url' | 'refused_host' | 'too_many_redirects';

export class FetchError extends Error {
  constructor(
    readonly code: FetchErrorCode,
    message: string,
    readonly status: number | null = null,
  ) {
    super(message);
    this.name = 'FetchError';
  }
}

export interface FetchOptions {
  fetcher: typeof fetch; // passed in: the Worker's fetch, or a test server's
  userAgent: string;
  timeoutMs: number;
  maxBytes: number;
  accept: string;
  /** Hosts of configured sources: the only private hosts a request or redirect may reach (see host-guard.ts). */
  allowedHosts: AllowedHosts;
  etag?: string | null;
  lastModified?: string | null;
}

export type Fetched =
  | { notModified: true; status: 304 }
  | {
      notModified: false;
      status: number;
      text: string;
      charset: string;
      etag: string | null;
      lastModified: string | null;
      finalUrl: string;
      /** The body as received and the headers that say how to read it: a feed is decoded by the pipeline's `readFeed`. */
      bytes: Uint8Array;
      contentType: string | null;
      contentLocation: string | null;
    };

export async function fetchPolitely(url: string, opts: FetchOptions): Promise<Fetched> {
  const headers: Record<string, string> = { 'user-agent': opts.userAgent, accept: opts.accept };
  if (opts.etag) headers['if-none-match'] = opts.etag;
  if (opts.lastModified) headers['if-modified-since'] = opts.lastModified;
  const signal = AbortSignal.timeout(opts.timeoutMs); // one budget for every hop
  const fetcher = opts.fetcher; // called unbound: workerd's fetch refuses any other `this`
  let current = url;
  let res: Response;
  for (let hop = 0; ; hop++) {
    const target = guarded(current, opts.allowedHosts);
    try {
      res = await fetcher(target.href, { headers, redirect: 'manual', signal });
    } catch (err) {
      if (signal.aborted) throw new FetchError('timeout', `no answer within ${opts.timeoutMs / 1000} s`);
      throw new FetchError('network', describeConnectFailure(err, target.href));
    }
    const location = res.status >= 300 && res.status < 400 && res.status !== 304 ? res.headers.get('location') : null;
    if (location === null) {
      current = target.href;
      break;
    }
    await res.body?.cancel();
    if (hop >= MAX_REDIRECTS) throw new FetchError('too_many_redirects', `more than ${MAX_REDIRECTS} redirects from ${url}`, res.status);
    try {
      current = new URL(location, target).href;
    } catch {
      throw new FetchError('bad_url', `redirect to an invalid URL: ${JSON.stringify(location.slice(0, 100))}`, res.status);
    }
  }
  if (res.status === 304) {
    await res.body?.cancel();
    return { notModified: true, status: 304 };
  }
  if (!res.ok) {
    await res.body?.cancel();
    throw new FetchError(`http_${res.status}`, `HTTP ${res.status}${res.statusText ? ' ' + res.statusText : ''}`, res.status);
  }
  const declared = Number(res.headers.get('content-length'));
  if (declared > opts.maxBytes) {
    await res.body?.cancel();
    throw new FetchError('too_large', `${mb(declared)} exceeds the ${mb(opts.maxBytes)} cap`, res.status);
  }
  let bytes: Uint8Array;
  try {
    bytes = await readCapped(res, opts.maxBytes);
  } catch (err) {
    if (err instanceof FetchError) throw err;
    if (signal.aborted) throw new FetchError('timeout', `body not received within ${opts.timeoutMs / 1000} s`);
    throw new FetchError('network', `connection broke while reading: ${(err as Error).message}`);
  }
  const charset = detectCharset(res.headers.get('content-type'), bytes);
  return {
    notModified: false,
    status: res.status,
    text: decodeBytes(bytes, charset),
    charset,
    etag: res.headers.get('etag'),
    lastModified: res.headers.get('last-modified'),
    finalUrl: current,
    bytes,
    contentType: res.headers.get('content-type'),
    contentLocation: res.headers.get('content-location'),
  };
}

/** The URL, parsed and checked against the host guard; a refusal is a typed error naming the host. */
function guarded(url: string, allowed: AllowedHosts): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new FetchError('bad_url', `not a URL: ${JSON.stringify(url.slice(0, 100))}`);
  }
  const verdict = checkUrl(parsed, allowed);
  if (!verdict.ok) throw new FetchError('refused_host', verdict.reason);
  return parsed;
}

async function readCapped(res: Response, maxBytes: number): Promise<Uint8Array> {
  if (!res.body) return new Uint8Array(0);
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw new FetchError('too_large', `body exceeds the ${mb(maxBytes)} cap`, res.status);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
