/**
 * Replay: recorded data through the same ingestion and pipeline code, processed inline (no queue, no page
 * fetches), in publication order. Used by `onestory replay` and `onestory cluster` through /admin. Items that failed
 * before are run again: replaying the same data is how a person asks for that.
 */
import { inArray } from 'drizzle-orm';
import { chunk, ID_LIST_MAX, type Db } from '../db/client.ts';
import { coalescedBumps } from '../db/serving-version.ts';
import { insertNewItems, pendingItemIds, pendingItemIdsOfSource, requeueFailedItems, requeueFailedItemsOfSource } from '../db/queries/items.ts';
import { getSource, upsertSources, type FetchOutcome, type SourceConfigRow } from '../db/queries/sources.ts';
import { items } from '../db/schema.ts';
import type { ParseHTML } from '../pipeline/types.ts';
import { normalizeEntry } from '../pipeline/normalize.ts';
import { ingestFeed } from './ingest-feed.ts';
import { processArticle, type ProcessDeps, type ProcessResult } from './process-article.ts';
import { yieldToReaders } from './yield-to-readers.ts';
import { stretchMark } from './stretches.ts';

export interface ReplayDeps {
  onPlaced?: ProcessDeps['onPlaced']; // webhook events, as the article queue's consumer sends them
  db: Db;
  d1: D1Database;
  parseHTML: ParseHTML;
  parseLight?: ParseHTML;
  userAgent: string;
  log: (line: string) => void;
}

export interface ReplaySource extends SourceConfigRow {
  configured: boolean; // listed in feeds/sources.json (else stored disabled)
}

export interface FailedItem {
  itemId: string;
  title: string;
  url: string;
  reason: string;
}

export interface FeedReplayResult {
  outcome: FetchOutcome;
  processed: number;
  failed: number;
  retried: number; // items that had failed before and were run again
  failures: FailedItem[]; // every item that failed this time, named
}

/** One recorded feed document, as if its source had just served it. */
export async function replayFeed(source: ReplaySource, xml: string, deps: ReplayDeps): Promise<FeedReplayResult> {
  await upsertSources(deps.db, [source], source.configured);
  const row = await getSource(deps.db, source.id);
  const fresh: string[] = [];
  const served: typeof fetch = async () => new Response(xml, { headers: { 'content-type': 'application/xml' } });
  // Conditional-GET state is ignored: a replay always reads the document it is given, whatever its URL says.
  const feedUrl = URL.canParse(row!.feedUrl) ? row!.feedUrl : 'https://replay.invalid/feed';
  const outcome = await ingestFeed({ ...row!, feedUrl, etag: null, lastModified: null }, {
    db: deps.db,
    fetcher: served,
    userAgent: deps.userAgent,
    enqueue: async (ids) => void fresh.push(...ids),
    log: deps.log,
    allowedHosts: new Set([new URL(feedUrl).host]),
    pages: false,
  });
  // Pending, not only fresh: a replay cut off after storing items picks them up when run again, and failed ones too.
  const retried = await requeueFailedItemsOfSource(deps.db, source.id);
  const pending = [...new Set([...fresh, ...(await pendingItemIdsOfSource(deps.db, source.id))])];
  const results = await processInOrder(pending, deps);
  const failed = results.filter((r) => r.status === 'failed');
  const named = new Map<string, { title: string; url: string }>();
  for (const part of chunk(failed.map((r) => r.itemId), 1, ID_LIST_MAX)) {
    for (const row of await deps.db.select({ id: items.id, title: items.title, url: items.url }).from(items).where(inArray(items.id, part))) named.set(row.id, row);
  }
  const failures = failed.map((r) => ({ itemId: r.itemId, title: named.get(r.itemId)?.title ?? '', url: named.get(r.itemId)?.url ?? '', reason: 'reason' in r ? r.reason : '' }));
  return { outcome, processed: results.length, failed: failed.length, retried: retried.length, failures };
}

export interface RecordedArticle {
  id: string; // the caller's id, echoed back
  source: ReplaySource;
  url: string;
  title: string;
  published_iso: string | null;
  body: string; // as published, noise and all
}

export interface ArticleResult {
  id: string;
  itemId: string | null;
  status: 'placed' | 'failed' | 'skipped' | 'rejected' | 'seen before';
  reason?: string;
  retried?: true; // it had failed before, and was run again
}

/** Articles from a JSONL dump, any mix of sources; returns, for each input id, the item it became. */
export async function replayArticles(articles: RecordedArticle[], deps: ReplayDeps): Promise<ArticleResult[]> {
  const sources = [...new Map(articles.map((a) => [a.source.id, a.source])).values()];
  for (const configured of [true, false]) {
    const list = sources.filter((s) => s.configured === configured);
    if (list.length) await upsertSources(deps.db, list, configured);
  }
  const now = Date.now();
  const out: ArticleResult[] = [];
  const normalized = [];
  stretchMark(`normalize ${articles.length} articles`);
  for (const a of articles) {
    const r = normalizeEntry(
      { guid: a.id, link: a.url, title: a.title, author: null, published: a.published_iso, summary: null, content: a.body, categories: [] },
      { sourceId: a.source.id, baseUrl: a.source.homepage || 'https://invalid.example/', now },
    );
    if (r.ok) {
      normalized.push(r.item);
      out.push({ id: a.id, itemId: r.item.id, status: 'seen before' });
    } else out.push({ id: a.id, itemId: null, status: 'rejected', reason: r.reason });
  }
  await insertNewItems(deps.db, normalized, now);
  // Pending, not only fresh: a batch cut off after storing its items is finished when sent again; failed ones run again.
  const retried = new Set(await requeueFailedItems(deps.db, normalized.map((i) => i.id)));
  const pending = await pendingItemIds(deps.db, normalized.map((i) => i.id));
  const results = new Map((await processInOrder(pending, deps)).map((r) => [r.itemId, r]));
  for (const o of out) {
    const r = o.itemId ? results.get(o.itemId) : undefined;
    if (!r) continue;
    o.status = r.status;
    if (r.status !== 'placed') o.reason = r.reason;
    if (retried.has(o.itemId!)) o.retried = true;
  }
  return out;
}

async function processInOrder(ids: string[], deps: ReplayDeps): Promise<(ProcessResult & { itemId: string })[]> {
  if (!ids.length) return [];
  const rows: { id: string; at: number }[] = [];
  for (const part of chunk(ids, 1, ID_LIST_MAX)) {
    rows.push(...(await deps.db.select({ id: items.id, at: items.publishedAt }).from(items).where(inArray(items.id, part))));
  }
  rows.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1));
  const out = [];
  // one bump a second at most while the batch places (readers render the lists again after each), one at its end
  const bumps = coalescedBumps(deps.d1);
  try {
    for (const { id } of rows) {
      await yieldToReaders();
      const r = await processArticle(id, { ...deps, bumps });
      out.push({ ...r, itemId: id });
    }
  } finally {
    await bumps.flush();
  }
  return out;
}
