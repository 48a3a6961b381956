/**
 * The page step of a source's run: items whose feed carried only a teaser get their article page fetched and
 * extracted here, in the feed consumer, before they are queued for the pipeline. So the article queue (one batch at
 * a time, for deterministic clustering) never waits on the network, and one source's slow or hostile host costs that
 * source's own run, bounded:
 *   - at most PAGES_PER_SOURCE_RUN fetches a run, none started after PAGE_STEP_BUDGET_MS;
 *   - PAGES_PER_HOST at a time to one host, and a host that keeps timing out is skipped (host-gate.ts);
 *   - what is not reached stays 'wanted' and is taken up by the next run (counted on the source as deferred);
 *     an item that waited MAX_PAGE_WAIT_MS goes on with its feed text, the reason recorded: deferred, never dropped.
 */
import { and, count, desc, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { items, sources, type Item, type Source } from '../db/schema.ts';
import { extract, type ExtractOptions } from '../pipeline/extract/index.ts';
import type { ParseHTML } from '../pipeline/types.ts';
import { feedIsEnough, feedTextOf, fromFeed, fromPage, type Acquired } from './acquire-text.ts';
import { FETCH_TIMEOUT_MS, FetchError, MAX_PAGE_BYTES, fetchPolitely } from './fetch-politely.ts';
import type { AllowedHosts } from './host-guard.ts';
import { HostGate } from './host-gate.ts';

/** Page fetches one source may start in one run: a feed of 100 new teasers takes a few runs, other sources none. */
export const PAGES_PER_SOURCE_RUN = 30;
/** A source's page step starts no fetch after this long (in-flight ones finish within their own timeout). */
export const PAGE_STEP_BUDGET_MS = 45_000;
/** Fetches one source keeps in flight (each host still gets at most PAGES_PER_HOST of them). */
export const PAGE_FETCHES_AT_ONCE = 4;
/** An item whose page has waited this long goes on with its feed text. */
export const MAX_PAGE_WAIT_MS = 6 * 3600_000;
/** Waiting items read per run, newest first: more than a run can fetch, so the skipped ones are counted. */
const WANTED_READ = 200;
/** Text kept per item (as MAX_CONTENT_CHARS): raw text, cleaned text and noise spans must fit one D1 row (2 MB). */
export const MAX_ARTICLE_CHARS = 100_000;

export interface PageStepDeps {
  db: Db;
  fetcher: typeof fetch;
  userAgent: string;
  parseHTML: ParseHTML;
  parseLight?: ParseHTML;
  fullFromLight?: ExtractOptions['fullFromLight'];
  allowedHosts: AllowedHosts;
  /** Shared by every source of one invocation (see host-gate.ts). */
  gate: HostGate;
  log: (line: string) => void;
  now?: () => number;
  timeoutMs?: number; // default FETCH_TIMEOUT_MS
}

export interface PageStepResult {
  ready: string[]; // items whose text is settled: queue them for the pipeline
  fetched: number; // pages requested this run
  deferred: number; // items of the source still waiting for their page
}

type Waiting = Pick<Item, 'id' | 'url' | 'feedContent' | 'summary' | 'fetchedAt'>;

export async function fetchPages(source: Source, deps: PageStepDeps): Promise<PageStepResult> {
  const now = deps.now ?? Date.now;
  const t0 = now();
  const waiting: Waiting[] = await deps.db
    .select({ id: items.id, url: items.url, feedContent: items.feedContent, summary: items.summary, fetchedAt: items.fetchedAt })
    .from(items)
    .where(and(eq(items.sourceId, source.id), eq(items.pageStatus, 'wanted'), eq(items.status, 'pending')))
    .orderBy(desc(items.publishedAt))
    .limit(WANTED_READ);
  const ready: string[] = [];
  let started = 0;
  const settle = async (row: Waiting, got: Acquired) => {
    const cut = got.text.length > MAX_ARTICLE_CHARS;
    await deps.db
      .update(items)
      .set({
        rawText: cut ? got.text.slice(0, MAX_ARTICLE_CHARS) : got.text,
        textSource: got.source,
        error: [got.error, cut ? `text cut at ${MAX_ARTICLE_CHARS} characters` : null].filter(Boolean).join('; ') || null,
        pageStatus: 'done',
        updatedAt: now(),
      })
      .where(eq(items.id, row.id));
    ready.push(row.id);
  };
  const queue = [...waiting];
  const worker = async () => {
    for (let row = queue.shift(); row; row = queue.shift()) {
      const feedText = feedTextOf(row, deps.parseLight ?? deps.parseHTML);
      if (feedIsEnough(feedText, source)) {
        await settle(row, { text: feedText, source: 'feed', error: null });
        continue;
      }
      if (t0 - row.fetchedAt > MAX_PAGE_WAIT_MS) {
        await settle(row, fromFeed(feedText, row.summary, `page: not fetched within ${MAX_PAGE_WAIT_MS / 3600_000} h (slow host or busy source); feed text used`));
        continue;
      }
      const host = hostOf(row.url);
      if (started >= PAGES_PER_SOURCE_RUN || now() - t0 > PAGE_STEP_BUDGET_MS || deps.gate.backedOff(host)) continue; // deferred
      started++;
      const got = await deps.gate.run(host, () => (deps.gate.backedOff(host) ? Promise.resolve(null) : fetchPage(row, feedText, host, source, deps)));
      if (got) await settle(row, got);
    }
  };
  await Promise.all(Array.from({ length: PAGE_FETCHES_AT_ONCE }, worker));
  const [{ n }] = await deps.db
    .select({ n: count() })
    .from(items)
    .where(and(eq(items.sourceId, source.id), eq(items.pageStatus, 'wanted'), eq(items.status, 'pending')));
  await deps.db.update(sources).set({ pagesDeferred: n }).where(eq(sources.id, source.id));
  if (started || n) deps.log(`[pages] ${source.id}: ${started} fetched, ${ready.length} ready, ${n} waiting for a later run`);
  return { ready, fetched: started, deferred: n };
}

async function fetchPage(row: Waiting, feedText: string, host: string, source: Source, deps: PageStepDeps): Promise<Acquired> {
  try {
    const page = await fetchPolitely(row.url, {
      fetcher: deps.fetcher,
      userAgent: deps.userAgent,
      timeoutMs: deps.timeoutMs ?? FETCH_TIMEOUT_MS,
      maxBytes: MAX_PAGE_BYTES,
      accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1',
      allowedHosts: deps.allowedHosts,
    });
    if (page.notModified) return fromFeed(feedText, row.summary, null);
    const extracted = extract(page.text, {
      parseHTML: deps.parseHTML,
      parseLight: deps.parseLight,
      fullFromLight: deps.fullFromLight,
      url: page.finalUrl,
    });
    return fromPage(feedText, row.summary, extracted);
  } catch (err) {
    if (err instanceof FetchError && err.code === 'timeout') deps.gate.noteTimeout(host);
    const message = err instanceof FetchError ? `page: ${err.code}: ${err.message}` : `page: ${(err as Error)?.message ?? err}`;
    deps.log(`[pages] ${source.id} ${row.id} page not used: ${message}`);
    return fromFeed(feedText, row.summary, message);
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
