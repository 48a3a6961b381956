/**
 * Serving lists at the runtime's speed: a middleware for the routes every reader polls (the API's story list, both
 * feeds, the inspector's list). A page is rendered once per serving version (src/db/serving-version.ts) and request
 * key, then answered from memory (this isolate), else from the Cache API (`caches.default`, shared by the isolates of
 * a location), else rendered. The ETag is `W/"<version>-<key hash>"`, so an If-None-Match that still holds gets a 304
 * before anything is read or rendered.
 *
 * Reads never wait on ingestion: while stories are being placed the version changes several times a second (each
 * placement bumps it), and a reader who rendered the page anew each time waited behind placement's writes (p99 2.5x
 * the quiet p99 during a replay). So when only placements made the page old (the version's base is unchanged) and
 * this isolate's page of the key reflects the database of at most STALE_PAGE_MAX_MS ago, that page is answered at
 * once, with its own version's ETag, and the new one is rendered after the answer (`waitUntil`): a new story shows
 * within STALE_PAGE_MAX_MS, as it does in another isolate (VERSION_RECHECK_MS). Any other write (an editor's
 * override, a source's health) is never answered with an older page.
 *
 * Concurrent misses of one page wait a little for one rendering, then render. No request ever awaits a promise
 * another request created: workerd ties a promise to the request that made it, and a reader that awaited another
 * reader's rendering was canceled as hung ("the Worker's code had hung") when that rendering was slow, as during a
 * replay (measured: 36 to 300 such 500s a serving bench). A waiting reader instead looks at the memory on its own
 * timer turns, RENDER_POLL_MS apart, for at most RENDER_WAIT_MAX_MS, then renders the page itself: only plain data
 * (which pages are being rendered, and the pages) is shared between requests.
 *
 * The key is the route plus the normalized query (see `storyQueryKey` in params.ts): every recognised parameter, sorted,
 * defaults filled in, so `?limit=20&coin=btc` and `?coin=BTC` share a page. A route whose page echoes its own URL (the
 * feeds' self link, the inspector's form) keys by the URL as sent as well.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { baseOf, servingVersion, VERSION_RECHECK_MS } from '../db/serving-version.ts';
import { hashString } from '../pipeline/fingerprint/hash.ts';
import type { AppEnv } from './context.ts';

export const CLIENT_MAX_AGE_S = 60; // a reader's cache or CDN may reuse a page this long without asking
export const CLIENT_STALE_WHILE_REVALIDATE_S = 600; // then serve it while it asks again in the background
export const SHARED_CACHE_TTL_S = 3_600; // how long a Cache API copy lives; a bump makes it unreachable sooner
export const STALE_PAGE_MAX_MS = VERSION_RECHECK_MS; // how old a page placements made stale may be answered: as another isolate's
export const MEMORY_ENTRIES_MAX = 256; // pages an isolate keeps, the newest of each key (a page is 10 to 200 KB)
export const MEMORY_BYTES_MAX = 16 * 1024 * 1024; // 16 MB of an isolate's 128 MB
export const RENDER_POLL_MS = 2; // a reader waiting on another's rendering looks at the memory this often
export const RENDER_WAIT_MAX_MS = 2_000; // then renders it itself: an abandoned rendering holds no one up for long, and a slow one (a render takes 0.1-0.3 s during a replay) is not raced by twenty more
const CACHE_HOST = 'https://serving-cache.onestory.invalid'; // Cache API keys must be URLs; never fetched

interface Entry {
  version: string;
  asOf: number; // when its version was known to be the current one (ms): the database the page shows is no older
  status: number;
  headers: [string, string][];
  body: ArrayBuffer;
}

const memory = new Map<string, Entry>(); // request key -> its newest page; insertion order is recency
let memoryBytes = 0;
const rendering = new Map<string, { began: number }>(); // slot -> the rendering under way (when it began, ms); data, never a promise

export interface ServingCacheOptions {
  /** The request's key: the route's normalized query (throws the route's own 400 for a bad parameter). */
  key: (c: Context<AppEnv>) => string;
  /** The page repeats its own URL (a self link, a form): key by the URL as sent too. */
  echoesUrl?: boolean;
  /**
   * An editor's page: the browser asks again every time (`no-cache`; the ETag makes that a 304), so an editor who
   * hides or merges a story sees the list change at once instead of a copy up to CLIENT_MAX_AGE_S old.
   */
  alwaysRevalidate?: boolean;
}

export function servingCache(opts: ServingCacheOptions): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const url = new URL(c.req.url);
    const base = c.env.PUBLIC_URL || url.origin;
    const key = `${base}${url.pathname}?${opts.key(c)}${opts.echoesUrl ? `#${url.search}` : ''}`;
    const version = await servingVersion(c.env.DB);
    const etag = `W/"${version}-${hashString(key).toString(36)}"`;
    const cacheControl = opts.alwaysRevalidate
      ? 'no-cache'
      : `public, max-age=${CLIENT_MAX_AGE_S}, stale-while-revalidate=${CLIENT_STALE_WHILE_REVALIDATE_S}`;
    if (matches(c.req.header('if-none-match'), etag)) {
      c.res = c.body(null, 304, { etag, 'cache-control': cacheControl });
      return;
    }
    const slot = `${version}\n${key}`;
    const asOf = Date.now();
    const newest = fromMemory(key);
    let entry = newest?.version === version ? newest : null;
    if (!entry && newest && stillShowable(newest, version, asOf)) {
      const ctx = executionContext(c);
      if (ctx) {
        if (!rendering.has(slot)) ctx.waitUntil(renderQuietly(c, next, key, slot, version, asOf));
        answer(c, newest, `W/"${newest.version}-${hashString(key).toString(36)}"`, cacheControl);
        return;
      }
    }
    entry ??= await renderedByAnother(key, slot, version);
    if (!entry) {
      const mine = { began: asOf };
      rendering.set(slot, mine);
      try {
        entry = await fill(c, next, key, slot, version, asOf);
      } finally {
        if (rendering.get(slot) === mine) rendering.delete(slot);
      }
      if (!entry) return; // not a page worth keeping (an error): this request's own response stands
    }
    answer(c, entry, etag, cacheControl);
  };
}

function answer(c: Context<AppEnv>, entry: Entry, etag: string, cacheControl: string): void {
  const headers = new Headers(entry.headers);
  headers.set('etag', etag);
  headers.set('cache-control', cacheControl);
  // set, not returned: after next() ran, Hono keeps c.res and ignores a returned response
  c.res = new Response(entry.body, { status: entry.status, headers });
}

/** A page of an older version that may stand in for `version`'s: only placements changed since, and only just. */
function stillShowable(page: Entry, version: string, now: number): boolean {
  return baseOf(page.version) === baseOf(version) && now - page.asOf <= STALE_PAGE_MAX_MS;
}

function executionContext(c: Context<AppEnv>): { waitUntil(p: Promise<unknown>): void } | null {
  try {
    return c.executionCtx;
  } catch {
    return null; // a direct app.request in a test: no waitUntil, so the page is rendered before answering
  }
}

/** Renders the page of `version` after the answer went out; a failure leaves the older page in place. */
async function renderQuietly(c: Context<AppEnv>, next: () => Promise<void>, key: string, slot: string, version: string, asOf: number): Promise<void> {
  const mine = { began: asOf };
  rendering.set(slot, mine);
  try {
    c.res = undefined; // the answer already sent: the route renders into a fresh response, not on top of it
    await fill(c, next, key, slot, version, asOf);
  } catch (err) {
    console.error(`[serve] background rendering failed: ${err}`);
  } finally {
    if (rendering.get(slot) === mine) rendering.delete(slot);
  }
}

/**
 * The page another request of this isolate is rendering now, once it lands in memory; null when none is being
 * rendered, when that rendering failed, or after RENDER_WAIT_MAX_MS (the caller renders it then). Waits on this
 * request's own timers only (see the module comment).
 */
async function renderedByAnother(key: string, slot: string, version: string): Promise<Entry | null> {
  const other = rendering.get(slot);
  if (!other) return null;
  const deadline = other.began + RENDER_WAIT_MAX_MS; // a rendering begun long ago is stalled: do not wait on it at all
  while (rendering.get(slot) === other && Date.now() < deadline) {
    await new Promise<void>((resolve) => setTimeout(resolve, RENDER_POLL_MS));
    const entry = fromMemory(key);
    if (entry?.version === version) return entry;
  }
  const entry = fromMemory(key);
  return entry?.version === version ? entry : null;
}

/** Memory, then the Cache API, then the route itself. Null when the route's answer is not a 200 page. */
async function fill(c: Context<AppEnv>, next: () => Promise<void>, key: string, slot: string, version: string, asOf: number): Promise<Entry | null> {
  const cacheKey = `${CACHE_HOST}/${encodeURIComponent(slot)}`;
  const shared = await sharedCache();
  const hit = await shared?.match(cacheKey).catch(() => undefined);
  if (hit) {
    const entry: Entry = { version, asOf, status: hit.status, headers: [...hit.headers].filter(([k]) => k !== 'cache-control'), body: await hit.arrayBuffer() };
    remember(key, entry);
    return entry;
  }
  await next();
  if (c.res.status !== 200) return null;
  const body = await c.res.arrayBuffer();
  const entry: Entry = { version, asOf, status: 200, headers: [...c.res.headers].filter(([k]) => k !== 'etag' && k !== 'cache-control'), body };
  remember(key, entry);
  if (shared) {
    const stored = new Response(body, { headers: [...entry.headers, ['cache-control', `public, max-age=${SHARED_CACHE_TTL_S}`]] });
    const put = shared.put(cacheKey, stored).catch((err) => console.error(`[serve] cache put failed: ${err}`));
    try {
      c.executionCtx.waitUntil(put);
    } catch {
      await put; // no execution context (a direct app.request in a test): finish the write before answering
    }
  }
  return entry;
}

async function sharedCache(): Promise<Cache | null> {
  try {
    return typeof caches === 'undefined' ? null : (caches as unknown as { default: Cache }).default;
  } catch {
    return null;
  }
}

function fromMemory(key: string): Entry | null {
  const entry = memory.get(key);
  if (!entry) return null;
  memory.delete(key);
  memory.set(key, entry);
  return entry;
}

/** Keeps the newest page of a key (a page of an older version never replaces a newer one), within the bounds. */
function remember(key: string, entry: Entry): void {
  const old = memory.get(key);
  if (old && old.asOf > entry.asOf) return;
  if (old) memoryBytes -= old.body.byteLength;
  memory.delete(key);
  memory.set(key, entry);
  memoryBytes += entry.body.byteLength;
  for (const [k, e] of memory) {
    if (memory.size <= MEMORY_ENTRIES_MAX && memoryBytes <= MEMORY_BYTES_MAX) break;
    memory.delete(k);
    memoryBytes -= e.body.byteLength;
  }
}

/** If-None-Match: a list of tags, weak or strong (weak comparison, RFC 9110 §13.1.2), or `*`. */
function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const want = etag.replace(/^W\//, '');
  return header.split(',').some((t) => t.trim().replace(/^W\//, '') === want);
}
