/**
 * One source's run: conditional GET of its feed -> read it (decode, parse, normalize: `readFeed`) -> store the newest
 * new items, at most MAX_NEW_ITEMS_PER_RUN (the rest on later runs) -> queue those that need no page for processing
 * (the others go through the page step, src/ingest/fetch-pages.ts). Whatever goes wrong is recorded on the source and
 * logged in one line; it never throws into its siblings.
 */
import type { Db } from '../db/client.ts';
import { insertNewItems, unstoredUrls } from '../db/queries/items.ts';
import { recordFetch, type FetchOutcome } from '../db/queries/sources.ts';
import type { Source } from '../db/schema.ts';
import { FeedError } from '../pipeline/parse-feed.ts';
import type { NormalizedItem } from '../pipeline/normalize.ts';
import { readFeed } from '../pipeline/read-feed.ts';
import { FETCH_TIMEOUT_MS, FetchError, MAX_FEED_BYTES, fetchPolitely } from './fetch-politely.ts';
import type { AllowedHosts } from './host-guard.ts';

/**
 * New items stored per source per run, newest first. A real outlet publishes far fewer in a quarter hour; a feed of
 * 20,000 entries (an archive dump, or an attack) is taken a hundred a run instead of flooding D1 and the queues.
 */
export const MAX_NEW_ITEMS_PER_RUN = 100;

const MAX_ERROR_CHARS = 300; // a driver error can quote a whole query and its parameters: the head says enough
const MAX_RECOVERED_CHARS = 200; // the status line names the repairs; the command line lists them all

export const FEED_ACCEPT = 'application/rss+xml, application/atom+xml, application/rdf+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1';

export interface IngestFeedDeps {
  db: Db;
  fetcher: typeof fetch;
  userAgent: string;
  /** Hands new item ids that need no page on for processing (the ARTICLES queue in the Worker; inline in replay). */
  enqueue: (itemIds: string[]) => Promise<void>;
  /** Hosts of configured sources: see host-guard.ts. */
  allowedHosts: AllowedHosts;
  /** Whether items may wait for their page (the Worker); replay has recorded text only. */
  pages: boolean;
  log: (line: string) => void;
  now?: () => number;
  timeoutMs?: number; // default FETCH_TIMEOUT_MS
}

export async function ingestFeed(source: Source, deps: IngestFeedDeps): Promise<FetchOutcome> {
  const now = deps.now ?? Date.now;
  const t0 = now();
  let outcome: FetchOutcome;
  try {
    outcome = await fetchAndStore(source, deps, t0);
  } catch (err) {
    outcome = failure(err, now() - t0);
  }
  outcome.ms = now() - t0;
  await recordFetch(deps.db, source.id, outcome, t0);
  deps.log(formatLine(source, outcome));
  return outcome;
}

async function fetchAndStore(source: Source, deps: IngestFeedDeps, t0: number): Promise<FetchOutcome> {
  const fetched = await fetchPolitely(source.feedUrl, {
    fetcher: deps.fetcher,
    userAgent: deps.userAgent,
    timeoutMs: deps.timeoutMs ?? FETCH_TIMEOUT_MS,
    maxBytes: MAX_FEED_BYTES,
    accept: FEED_ACCEPT,
    allowedHosts: deps.allowedHosts,
    etag: source.etag,
    lastModified: source.lastModified,
  });
  if (fetched.notModified) {
    return { ok: true, status: 304, code: null, message: 'not modified', itemsSeen: 0, itemsNew: 0, ms: 0 };
  }
  const feed = await readFeed(
    { bytes: fetched.bytes, url: fetched.finalUrl, headers: { 'content-type': fetched.contentType ?? '', 'content-location': fetched.contentLocation ?? '' } },
    { sourceId: source.id, now: t0 },
  );
  if (!feed.ok) throw feed.error;
  const normalized: NormalizedItem[] = [];
  const skipped: string[] = [];
  for (const entry of feed.entries) {
    if (entry.item) normalized.push(entry.item);
    else if (entry.skipped) skipped.push(entry.skipped);
  }
  const unstored = await unstoredUrls(deps.db, source.id, [...new Set(normalized.map((i) => i.url))]);
  const fresh = normalized.filter((i) => unstored.has(i.url)).sort((a, b) => b.publishedAt - a.publishedAt);
  const taken = [...new Map(fresh.map((i) => [i.url, i])).values()].slice(0, MAX_NEW_ITEMS_PER_RUN);
  const waitForPage = deps.pages && !source.fullText;
  const inserted = await insertNewItems(deps.db, taken, t0, waitForPage ? 'wanted' : 'not_needed');
  if (inserted.length && !waitForPage) await deps.enqueue(inserted);
  const deferred = unstored.size - taken.length;
  const parts = [`${feed.entries.length} entries, ${inserted.length} new`];
  if (deferred > 0) parts.push(`${deferred} left for later runs (at most ${MAX_NEW_ITEMS_PER_RUN} a run)`);
  if (skipped.length) parts.push(`${skipped.length} skipped (${[...new Set(skipped)].slice(0, 3).join('; ')})`);
  if (feed.recoveries.length) parts.push(`recovered: ${clip(feed.recoveries.join('; '), MAX_RECOVERED_CHARS)}`);
  return {
    ok: true,
    status: fetched.status,
    code: null,
    message: parts.join(', '),
    itemsSeen: feed.entries.length,
    itemsNew: inserted.length,
    entriesDeferred: deferred,
    ms: 0,
    // with entries left over, the next run must read the whole feed again, not a 304
    etag: deferred > 0 ? null : fetched.etag,
    lastModified: deferred > 0 ? null : fetched.lastModified,
  };
}

function failure(err: unknown, ms: number): FetchOutcome {
  if (err instanceof FetchError) return { ok: false, status: err.status, code: err.code, message: err.message, itemsSeen: 0, itemsNew: 0, ms };
  if (err instanceof FeedError) return { ok: false, status: null, code: err.code, message: err.message, itemsSeen: 0, itemsNew: 0, ms };
  // Anything else is our bug, not the outlet's: still recorded per source, with the head of its message.
  const message = ((err as Error)?.message ?? String(err)).slice(0, MAX_ERROR_CHARS);
  return { ok: false, status: null, code: 'internal', message: `internal error: ${message}`, itemsSeen: 0, itemsNew: 0, ms };
}

function clip(s: string, max: number): string {
  return s.length <= max ? s : s.slice(0, max - 1) + '…';
}

/** `[ingest] coindesk ok 200 in 412 ms: 25 entries, 3 new` / `[ingest] decrypt FAILED timeout in 15002 ms: ...` */
export function formatLine(source: Source, o: FetchOutcome): string {
  const head = `[ingest] ${source.id} ${o.ok ? 'ok' : 'FAILED'} ${o.ok ? (o.status ?? '') : (o.code ?? '')} in ${o.ms} ms`;
  const streak = !o.ok && source.consecutiveFailures > 0 ? ` (failure ${source.consecutiveFailures + 1} in a row)` : '';
  return `${head}: ${o.message}${streak}`;
}
