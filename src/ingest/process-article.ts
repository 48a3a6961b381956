/**
 * One item through the pipeline: text (feed body, or the page when the feed has only a teaser) -> extract ->
 * clean -> label coins and kind -> fingerprint and cluster -> canonical. Idempotent: an item already processed
 * is left alone, so a redelivered queue message does no harm. A failure is recorded on the item, never thrown
 * into the rest of its batch.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { D1ClusterStore } from '../db/cluster-store.ts';
import { getItemWithSource, markItemFailed } from '../db/queries/items.ts';
import { items, type Item, type Source } from '../db/schema.ts';
import { summarize } from '../model/story.ts';
import { cleanAndLabel } from '../pipeline/clean-and-label.ts';
import { placeStory, type Placement } from '../pipeline/cluster/place-story.ts';
import { extract, htmlToText } from '../pipeline/extract/index.ts';
import type { ParseHTML, Tier } from '../pipeline/types.ts';
import { FetchError, MAX_PAGE_BYTES, FETCH_TIMEOUT_MS, fetchPolitely } from './fetch-politely.ts';

/** A feed body at least this long is the article itself, not a teaser: no need to fetch the page. */
export const FULL_TEXT_MIN_CHARS = 1_200; // characters; teasers and standfirsts run 150-600
/** Text kept per item, as MAX_CONTENT_CHARS: raw text, cleaned text and noise spans must fit one D1 row (2 MB). */
export const MAX_ARTICLE_CHARS = 100_000;
const HTML_MARKUP = /<[a-z][^>]*>/i;
const MATCHES_KEPT = 5; // verified candidates stored per item for the inspector

export interface ProcessDeps {
  db: Db;
  d1: D1Database;
  fetcher: typeof fetch;
  userAgent: string;
  parseHTML: ParseHTML;
  /** The extract stage's cheaper first-look DOM (see ExtractOptions); feed HTML is read with it too. */
  parseLight?: ParseHTML;
  /** False in replay: recorded data is all there is, and nothing is fetched. */
  fetchPages: boolean;
  log: (line: string) => void;
  now?: () => number;
  timeoutMs?: number; // default FETCH_TIMEOUT_MS
}

export type ProcessResult = { status: 'placed'; placement: Placement } | { status: 'skipped' | 'failed'; reason: string };

export async function processArticle(itemId: string, deps: ProcessDeps): Promise<ProcessResult> {
  const row = await getItemWithSource(deps.db, itemId);
  if (!row) return { status: 'skipped', reason: 'no such item' };
  if (row.item.status !== 'pending') return { status: 'skipped', reason: `already ${row.item.status}` };
  try {
    return { status: 'placed', placement: await run(row.item, row.source, deps) };
  } catch (err) {
    const reason = `pipeline failed: ${(err as Error)?.message ?? String(err)}`;
    await markItemFailed(deps.db, itemId, reason);
    deps.log(`[process] ${row.source.id} ${itemId} FAILED: ${reason}`);
    return { status: 'failed', reason };
  }
}

async function run(item: Item, source: Source, deps: ProcessDeps): Promise<Placement> {
  const now = deps.now ?? Date.now;
  const got = await acquireText(item, source, deps);
  if (got.text.length > MAX_ARTICLE_CHARS) {
    got.text = got.text.slice(0, MAX_ARTICLE_CHARS);
    got.error = [got.error, `text cut at ${MAX_ARTICLE_CHARS} characters`].filter(Boolean).join('; ');
  }
  const { cleaned, coins, kind } = cleanAndLabel(got.text, { title: item.title, url: item.url, source: source.name });
  await deps.db
    .update(items)
    .set({
      rawText: got.text,
      text: cleaned.text,
      removed: cleaned.removed,
      textSource: got.source,
      error: got.error,
      coins,
      coinList: coins.length ? `,${coins.map((c) => c.symbol).join(',')},` : '',
      kind: kind.kind,
      kindReasons: kind.reasons,
      cleanSummary: summarize(cleaned.text, item.summary),
      updatedAt: now(),
    })
    .where(eq(items.id, item.id));
  const placement = await placeStory(
    {
      id: item.id,
      title: item.title,
      text: cleaned.text,
      coins: coins.map((c) => c.symbol),
      publishedAt: item.publishedAt,
      sourceId: source.id,
      tier: source.tier as Tier,
      kind: kind.kind,
    },
    new D1ClusterStore(deps.d1, now),
  );
  await deps.db
    .update(items)
    .set({
      similarity: Math.round(placement.similarity * 1000),
      placement: { why: placement.why, merged: placement.merged, matches: placement.matches.slice(0, MATCHES_KEPT) },
    })
    .where(eq(items.id, item.id));
  return placement;
}

interface Acquired {
  text: string;
  source: string; // where the text came from: 'feed', 'page (readability)', 'summary', ...
  error: string | null; // a recorded problem that did not stop the item (e.g. the page was a 404)
}

/** The fullest text we can have: the feed's own body, else the page, else whatever the feed said. */
async function acquireText(item: Item, source: Source, deps: ProcessDeps): Promise<Acquired> {
  const feedText = item.feedContent ? toText(item.feedContent, deps.parseLight ?? deps.parseHTML) : '';
  if (feedText && (source.fullText || feedText.length >= FULL_TEXT_MIN_CHARS)) return { text: feedText, source: 'feed', error: null };
  const fallback = (error: string | null): Acquired =>
    feedText.length >= (item.summary?.length ?? 0)
      ? { text: feedText, source: feedText ? 'feed (teaser)' : 'none', error }
      : { text: item.summary ?? '', source: 'feed summary', error };
  if (!deps.fetchPages) return fallback(null);
  try {
    const page = await fetchPolitely(item.url, {
      fetcher: deps.fetcher,
      userAgent: deps.userAgent,
      timeoutMs: deps.timeoutMs ?? FETCH_TIMEOUT_MS,
      maxBytes: MAX_PAGE_BYTES,
      accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1',
    });
    if (page.notModified) return fallback(null);
    const extracted = extract(page.text, { parseHTML: deps.parseHTML, parseLight: deps.parseLight, url: page.finalUrl });
    if (!extracted || extracted.text.length <= feedText.length) return fallback(extracted ? null : 'page: no article text found');
    return { text: extracted.text, source: `page (${extracted.method})`, error: null };
  } catch (err) {
    const message = err instanceof FetchError ? `page: ${err.code}: ${err.message}` : `page: ${(err as Error)?.message ?? err}`;
    deps.log(`[process] ${source.id} ${item.id} page not used: ${message}`);
    return fallback(message);
  }
}

function toText(body: string, parseHTML: ParseHTML): string {
  return HTML_MARKUP.test(body) ? htmlToText(body, parseHTML) : body.trim();
}
