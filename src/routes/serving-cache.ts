/**
 * Serving lists at the runtime's speed: a middleware for the routes every reader polls (the API's story list, both
 * feeds, the inspector's list). A page is rendered once per serving version (src/db/serving-version.ts) and request
 * key, then answered from memory (this isolate), else from the Cache API (`caches.default`, shared by the isolates of
 * a location), else rendered. The ETag is `W/"<version>-<key hash>"`, so an If-None-Match that still holds gets a 304
 * before anything is read or rendered. Concurrent misses of one page wait a little for one rendering, then render.
 *
 * No request ever awaits a promise another request created: workerd ties a promise to the request that made it, and a
 * reader that awaited another reader's rendering was canceled as hung ("the Worker's code had hung") when that
 * rendering was slow, as during a replay (measured: 36 to 300 such 500s a serving bench). A waiting reader instead
 * looks at the memory on its own timer turns, RENDER_POLL_MS apart, for at most RENDER_WAIT_MAX_MS, then renders the
 * page itself: only plain data (which pages are being rendered, and the pages) is shared between requests.
 *
 * While one request renders a page's new version, the others asking for it get the page's previous version at once
 * (its own ETag), if that was rendered at most PREVIOUS_PAGE_MAX_AGE_MS ago: during ingestion the version is bumped
 * about once a second (BUMP_COALESCE_MS), and twenty readers waiting on each rendering (a rendering takes 30-300 ms
 * on the thread placement also uses) were a fifth of the list reads during a replay. The first reader after a bump
 * still renders and gets the new version, so a reader who wrote (an editor's hide) and then reads sees the write; the
 * inspector's list (an editor's page) never gets a previous version.
 *
 * The key is the route plus the normalized query (see `storyQueryKey` in params.ts): every recognised parameter, sorted,
 * defaults filled in, so `?limit=20&coin=btc` and `?coin=BTC` share a page. A route whose page echoes its own URL (the
 * feeds' self link, the inspector's form) keys by the URL as sent as well.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { servingVersion } from '../db/serving-version.ts';
import { hashString } from '../pipeline/fingerprint/hash.ts';
import { timerTurn } from '../ingest/yield-to-readers.ts';
import { noteRead, type ReadOutcome } from './read-tally.ts';
import type { AppEnv } from './context.ts';

export const CLIENT_MAX_AGE_S = 60; // a reader's cache or CDN may reuse a page this long without asking
export const CLIENT_STALE_WHILE_REVALIDATE_S = 600; // then serve it while it asks again in the background
export const SHARED_CACHE_TTL_S = 3_600; // how long a Cache API copy lives; a bump makes it unreachable sooner
export const MEMORY_ENTRIES_MAX = 256; // pages an isolate keeps (a page is 10 to 200 KB)
export const MEMORY_BYTES_MAX = 16 * 1024 * 1024; // 16 MB of an isolate's 128 MB
export const RENDER_POLL_MS = 2; // a reader waiting on another's rendering looks at the memory this often
export const PREVIOUS_PAGE_MAX_AGE_MS = 5_000; // a page's previous version older than this is not served while the new one renders: the reader waits for it
export const RENDER_WAIT_MAX_MS = 2_000; // then renders it itself: an abandoned rendering holds no one up for long, and a slow one (a render takes 0.1-0.3 s during a replay) is not raced by twenty more
const CACHE_HOST = 'https://serving-cache.onestory.invalid'; // Cache API keys must be URLs; never fetched

interface Entry {
  version: string;
  at: number; // when it was rendered (or fetched from the Cache API), ms
  status: number;
  headers: [string, string][];
  body: ArrayBuffer;
}

const memory = new Map<string, Entry>(); // insertion order is recency: a hit moves its entry to the end
let memoryBytes = 0;
let memoryVersion = '';
const rendering = new Map<string, { began: number }>(); // slot -> the rendering under way (when it began, ms); data, never a promise
const previous = new Map<string, Entry>(); // key -> its newest page, of whichever version (insertion order is recency)
let previousBytes = 0;

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
    const began = Date.now();
    const version = await servingVersion(c.env.DB);
    const etag = `W/"${version}-${hashString(key).toString(36)}"`;
    const cacheControl = opts.alwaysRevalidate
      ? 'no-cache'
      : `public, max-age=${CLIENT_MAX_AGE_S}, stale-while-revalidate=${CLIENT_STALE_WHILE_REVALIDATE_S}`;
    if (matches(c.req.header('if-none-match'), etag)) {
      c.res = c.body(null, 304, { etag, 'cache-control': cacheControl });
      noteRead('not modified', Date.now() - began, version);
      return;
    }
    const slot = `${version}\n${key}`;
    let outcome: ReadOutcome = 'memory';
    let entry = fromMemory(slot);
    const older = !entry && !opts.alwaysRevalidate && rendering.has(slot) ? previousPage(key, version) : null;
    if (older) {
      // another request renders this version: the previous one now, with its own ETag (see the module comment)
      const olderEtag = `W/"${older.version}-${hashString(key).toString(36)}"`;
      noteRead('previous version', Date.now() - began, older.version);
      if (matches(c.req.header('if-none-match'), olderEtag)) {
        c.res = c.body(null, 304, { etag: olderEtag, 'cache-control': cacheControl });
        return;
      }
      const headers = new Headers(older.headers);
      headers.set('etag', olderEtag);
      headers.set('cache-control', cacheControl);
      c.res = new Response(older.body, { status: older.status, headers });
      return;
    }
    if (!entry && (entry = await renderedByAnother(slot))) outcome = 'waited for another';
    if (!entry) {
      const mine = { began: Date.now() };
      rendering.set(slot, mine);
      let filled: Filled | null;
      try {
        filled = await fill(c, next, slot, version);
      } finally {
        if (rendering.get(slot) === mine) rendering.delete(slot);
      }
      if (!filled) return; // not a page worth keeping (an error): this request's own response stands
      [entry, outcome] = [filled.entry, filled.from];
    }
    noteRead(outcome, Date.now() - began, version);
    const headers = new Headers(entry.headers);
    headers.set('etag', etag);
    headers.set('cache-control', cacheControl);
    // set, not returned: after next() ran, Hono keeps c.res and ignores a returned response
    c.res = new Response(entry.body, { status: entry.status, headers });
  };
}

/**
 * The page another request of this isolate is rendering now, once it lands in memory; null when none is being
 * rendered, when that rendering failed, or after RENDER_WAIT_MAX_MS (the caller renders it then). Waits on this
 * request's own timers only (see the module comment).
 */
async function renderedByAnother(slot: string): Promise<Entry | null> {
  const other = rendering.get(slot);
  if (!other) return null;
  const deadline = other.began + RENDER_WAIT_MAX_MS; // a rendering begun long ago is stalled: do not wait on it at all
  while (rendering.get(slot) === other && Date.now() < deadline) {
    await timerTurn(RENDER_POLL_MS);
    const entry = fromMemory(slot);
    if (entry) return entry;
  }
  return fromMemory(slot);
}

interface Filled {
  entry: Entry;
  from: 'shared cache' | 'rendered';
}

/** The Cache API, then the route itself. Null when the route's answer is not a 200 page. */
async function fill(c: Context<AppEnv>, next: () => Promise<void>, slot: string, version: string): Promise<Filled | null> {
  const cacheKey = `${CACHE_HOST}/${encodeURIComponent(slot)}`;
  const shared = await sharedCache();
  const hit = await shared?.match(cacheKey).catch(() => undefined);
  if (hit) {
    const entry: Entry = { version, at: Date.now(), status: hit.status, headers: [...hit.headers].filter(([k]) => k !== 'cache-control'), body: await hit.arrayBuffer() };
    remember(slot, entry);
    return { entry, from: 'shared cache' };
  }
  await next();
  if (c.res.status !== 200) return null;
  const body = await c.res.arrayBuffer();
  const entry: Entry = { version, at: Date.now(), status: 200, headers: [...c.res.headers].filter(([k]) => k !== 'etag' && k !== 'cache-control'), body };
  remember(slot, entry);
  if (shared) {
    const stored = new Response(body, { headers: [...entry.headers, ['cache-control', `public, max-age=${SHARED_CACHE_TTL_S}`]] });
    const put = shared.put(cacheKey, stored).catch((err) => console.error(`[serve] cache put failed: ${err}`));
    try {
      c.executionCtx.waitUntil(put);
    } catch {
      await put; // no execution context (a direct app.request in a test): finish the write before answering
    }
  }
  return { entry, from: 'rendered' };
}

async function sharedCache(): Promise<Cache | null> {
  try {
    return typeof caches === 'undefined' ? null : (caches as unknown as { default: Cache }).default;
  } catch {
    return null;
  }
}

function fromMemory(slot: string): Entry | null {
  const entry = memory.get(slot);
  if (!entry) return null;
  memory.delete(slot);
  memory.set(slot, entry);
  return entry;
}

function remember(slot: string, entry: Entry): void {
  if (entry.version !== memoryVersion) {
    // a newer version makes every older page unreachable here: free them now rather than when they age out
    const older = memoryVersion;
    memoryVersion = entry.version;
    for (const [k, e] of memory) if (e.version === older) (memory.delete(k), (memoryBytes -= e.body.byteLength));
  }
  memoryBytes = putRecent(memory, memoryBytes, slot, entry);
  // the key's newest page, kept past its version's purge above (counted apart, though it mostly shares its bytes)
  previousBytes = putRecent(previous, previousBytes, slot.slice(slot.indexOf('\n') + 1), entry);
}

/**
 * `entry` put last (most recent) under `key` in `map`, whose pages hold `bytes` in all, then the least recent dropped
 * until the map is within MEMORY_ENTRIES_MAX and MEMORY_BYTES_MAX; returns the bytes it holds after.
 */
function putRecent(map: Map<string, Entry>, bytes: number, key: string, entry: Entry): number {
  const old = map.get(key);
  if (old) bytes -= old.body.byteLength;
  map.delete(key);
  map.set(key, entry);
  bytes += entry.body.byteLength;
  for (const [k, e] of map) {
    if (map.size <= MEMORY_ENTRIES_MAX && bytes <= MEMORY_BYTES_MAX) break;
    map.delete(k);
    bytes -= e.body.byteLength;
  }
  return bytes;
}

/** The key's page of another version than `version`, rendered at most PREVIOUS_PAGE_MAX_AGE_MS ago; else null. */
function previousPage(key: string, version: string): Entry | null {
  const e = previous.get(key);
  return e && e.version !== version && Date.now() - e.at <= PREVIOUS_PAGE_MAX_AGE_MS ? e : null;
}

/** If-None-Match: a list of tags, weak or strong (weak comparison, RFC 9110 §13.1.2), or `*`. */
function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const want = etag.replace(/^W\//, '');
  return header.split(',').some((t) => t.trim().replace(/^W\//, '') === want);
}
