/**
 * One item through the pipeline: its text (the feed's body, or the page the feed consumer's page step fetched) ->
 * clean -> label coins and kind -> fingerprint and cluster -> canonical. No network here: the article queue runs
 * one batch at a time and must never wait on an outlet. Idempotent: an item already processed is left alone, so a
 * redelivered queue message does no harm. A failure is recorded on the item, never thrown into the rest of its batch.
 */
import type { Db } from '../db/client.ts';
import { D1ClusterStore } from '../db/cluster-store.ts';
import { servingVersionBump, type BumpCoalescer } from '../db/serving-version.ts';
import { chooseStoryText, storyTextWrite } from '../db/story-text.ts';
import { D1StorylineStore } from '../db/storyline-store.ts';
import { outletPassageWrites, readOutletHistory } from '../db/outlet-passages.ts';
import { getItemWithSource, markItemFailed } from '../db/queries/items.ts';
import type { Item, Source } from '../db/schema.ts';
import { summarize } from '../model/story.ts';
import { cleanAndLabel } from '../pipeline/clean-and-label.ts';
import { passages } from '../pipeline/clean/outlet-history.ts';
import { placeStory, type Placement } from '../pipeline/cluster/place-story.ts';
import { linkStoryline, type StorylineLink } from '../pipeline/storyline/link-storyline.ts';
import { ownsUrl } from '../pipeline/site.ts';
import type { ParseHTML, Tier } from '../pipeline/types.ts';
import { feedIsEnough, feedTextOf, fromFeed, type Acquired } from './acquire-text.ts';
import { MAX_ARTICLE_CHARS } from './fetch-pages.ts';
import type { PlacedStory } from '../webhooks/events.ts';
import { yieldToReaders } from './yield-to-readers.ts';
import { stretchMark } from './stretches.ts';

const MATCHES_KEPT = 5; // verified candidates stored per item for the inspector

export interface ProcessDeps {
  db: Db;
  d1: D1Database;
  parseHTML: ParseHTML;
  /** The extract stage's cheaper first-look DOM (see ExtractOptions); feed HTML is read with it too. */
  parseLight?: ParseHTML;
  log: (line: string) => void;
  now?: () => number;
  /** Told of every story placed, after its writes: the webhook events (src/webhooks/events.ts). Must not throw. */
  onPlaced?: (p: PlacedStory) => Promise<void>;
  /**
   * The batch's serving-version bumps, coalesced (the caller flushes them when its batch ends). Without it every
   * placement bumps, so a list read right after it shows it.
   */
  bumps?: BumpCoalescer;
}

export type ProcessResult = { status: 'placed'; placement: Placement } | { status: 'skipped' | 'failed'; reason: string };

export async function processArticle(itemId: string, deps: ProcessDeps): Promise<ProcessResult> {
  const row = await getItemWithSource(deps.db, itemId);
  if (!row) return { status: 'skipped', reason: 'no such item' };
  if (row.item.status !== 'pending') return { status: 'skipped', reason: `already ${row.item.status}` };
  if (row.item.pageStatus === 'wanted') return { status: 'skipped', reason: 'waiting for its page' };
  const bumped = { done: false }; // the last batch of a placement carries the bump itself
  try {
    return { status: 'placed', placement: await run(row.item, row.source, deps, bumped) };
  } catch (err) {
    const reason = `pipeline failed: ${(err as Error)?.message ?? String(err)}`;
    await markItemFailed(deps.db, itemId, reason);
    deps.log(`[process] ${row.source.id} ${itemId} FAILED: ${reason}`);
    return { status: 'failed', reason };
  } finally {
    // placed, or failed after some of its writes: either way the lists may read differently now
    if (!bumped.done) {
      const bump = deps.bumps ? deps.bumps.next() : servingVersionBump(deps.d1);
      if (bump) (await bump.statement.run(), bump.landed());
    }
  }
}

async function run(item: Item, source: Source, deps: ProcessDeps, bumped: { done: boolean }): Promise<Placement> {
  const now = deps.now ?? Date.now;
  stretchMark('acquire text');
  const got = acquired(item, source, deps);
  if (got.text.length > MAX_ARTICLE_CHARS) {
    got.text = got.text.slice(0, MAX_ARTICLE_CHARS);
    got.error = [got.error, `text cut at ${MAX_ARTICLE_CHARS} characters`].filter(Boolean).join('; ');
  }
  // the outlet's own boilerplate, learned from its last items (the keys of this text join them once it is placed)
  stretchMark('passages');
  const keys = passages(got.text).map((p) => p.key);
  const outlet = await readOutletHistory(deps.d1, source.id, keys);
  await yieldToReaders(); // between the stages, as between items: a waiting reader goes first
  stretchMark('clean + label');
  const { cleaned, coins, kind } = cleanAndLabel(got.text, { title: item.title, url: item.url, source: source.name, history: outlet.history });
  // the clean result, written with the placement in its one batch (see D1ClusterStore's `alongside`)
  stretchMark('js after clean + label');
  const cleanWrite = deps.d1
    .prepare(
      `UPDATE items SET raw_text = ?2, text = ?3, removed = ?4, text_source = ?5, error = ?6, coins = ?7, coin_list = ?8,
         kind = ?9, kind_reasons = ?10, clean_summary = ?11, updated_at = ?12 WHERE id = ?1`,
    )
    .bind(
      item.id,
      got.text,
      cleaned.text,
      JSON.stringify(cleaned.removed),
      got.source,
      got.error,
      JSON.stringify(coins),
      coins.length ? `,${coins.map((c) => c.symbol).join(',')},` : '',
      kind.kind,
      JSON.stringify(kind.reasons),
      summarize(cleaned.text, item.summary),
      now(),
    );
  await yieldToReaders();
  const clusterStore = new D1ClusterStore(deps.d1, now, [cleanWrite, ...outletPassageWrites(deps.d1, source.id, outlet.seq, keys)]);
  let placement: Placement;
  stretchMark('place story');
  try {
    placement = await placeStory(
      {
        id: item.id,
        title: item.title,
        text: cleaned.text,
        coins: coins.map((c) => c.symbol),
        publishedAt: item.publishedAt,
        sourceId: source.id,
        tier: source.tier as Tier,
        kind: kind.kind,
        url: item.url,
        ownsUrl: ownsUrl(item.url, [source.homepage, source.feedUrl]),
      },
      clusterStore,
    );
  } catch (err) {
    // a placement that failed before its batch: the item keeps its clean result for the inspector, as it did when
    // that was written first (its passages stay out of the outlet's history, as they did)
    if (!clusterStore.committed) await cleanWrite.run();
    throw err;
  }
  // two independent steps after the placement: the story's text, the event's storyline
  await yieldToReaders();
  const storylines = new D1StorylineStore(deps.d1, clusterStore, now, true);
  const [textChoice, storyline] = await Promise.all([
    // a story alone in the event it founded shows its own text: nothing to settle
    placement.clusterId !== item.id || placement.merged.length ? chooseStoryText(deps.d1, placement.clusterId, placement.canonicalId) : null,
    linkOrNote(
      { id: item.id, title: item.title, text: cleaned.text, kind: kind.kind, sourceId: source.id, publishedAt: item.publishedAt, clusterId: placement.clusterId, merged: placement.merged },
      storylines,
      deps,
    ),
  ]);
  const note = (why: string, error: string | null) =>
    deps.d1
      .prepare(`UPDATE items SET similarity_permille = ?2, placement = ?3, error = coalesce(?4, error) WHERE id = ?1`)
      .bind(
        item.id,
        Math.round(placement.similarity * 1000),
        JSON.stringify({ why: placement.why, merged: placement.merged, matches: placement.matches.slice(0, MATCHES_KEPT), storyline: why }),
        error ? [got.error, error].filter(Boolean).join('; ') : null,
      );
  // the storyline's writes go in one batch with the item's placement note, the story's text and the serving version's
  // bump, unless one of this batch's landed within BUMP_COALESCE_MS (one round trip, one transaction); if they fail,
  // the note says so
  const text = textChoice ? [storyTextWrite(deps.d1, placement.clusterId, textChoice)] : [];
  const bump = deps.bumps ? deps.bumps.next() : servingVersionBump(deps.d1);
  const bumpWrite = bump ? [bump.statement] : [];
  try {
    await deps.d1.batch([...storylines.takeWrites(), note(storyline.why, storyline.error), ...text, ...bumpWrite]);
  } catch (err) {
    const error = `storyline not linked: ${(err as Error)?.message ?? String(err)}`;
    deps.log(`[process] ${source.id} ${item.id} ${error}`);
    await deps.d1.batch([note(error, error), ...text, ...bumpWrite]);
  }
  bump?.landed();
  bumped.done = true;
  const link = storyline.link;
  await deps.onPlaced?.({
    clusterId: placement.clusterId,
    created: placement.clusterId === item.id && placement.merged.length === 0,
    storylineChanged: !!link?.storylineId && (link.link != null || link.merged.length > 0),
  });
  return placement;
}

/**
 * The story's event into its storyline. A failure here is recorded on the item and logged, never thrown: the story is
 * placed and served either way, and placing it again (a retry) would count its terms twice.
 */
async function linkOrNote(
  input: Parameters<typeof linkStoryline>[0],
  store: D1StorylineStore,
  deps: ProcessDeps,
): Promise<{ why: string; error: string | null; link: StorylineLink | null }> {
  try {
    const link = await linkStoryline(input, store);
    return { why: link.why, error: null, link };
  } catch (err) {
    const error = `storyline not linked: ${(err as Error)?.message ?? String(err)}`;
    deps.log(`[process] ${input.sourceId} ${input.id} ${error}`);
    return { why: error, error, link: null };
  }
}

/** The text the page step settled on, or (no page wanted) the feed's own. */
function acquired(item: Item, source: Source, deps: ProcessDeps): Acquired {
  if (item.pageStatus === 'done' && item.textSource) {
    // `error` may since hold a pipeline failure of an earlier attempt: only the page step's own note is carried on
    const pageNote = item.error && /^(page|text cut)/.test(item.error) ? item.error : null;
    return { text: item.rawText ?? '', source: item.textSource, error: pageNote };
  }
  const feedText = feedTextOf(item, deps.parseLight ?? deps.parseHTML);
  return feedIsEnough(feedText, source) ? { text: feedText, source: 'feed', error: null } : fromFeed(feedText, item.summary, null);
}
