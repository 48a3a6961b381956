/** Sources: the configured list mirrored into D1, with each one's fetch health. */
import { eq, getTableColumns, sql } from 'drizzle-orm';
import { chunk, type Db } from '../client.ts';
import { bumpServingVersion } from '../serving-version.ts';
import { clusters, fetchLog, items, sources, type Source } from '../schema.ts';
import type { SourceStatusRow } from '../../model/source-status.ts';
import type { SourceHealth, SourceRef } from '../../model/story.ts';
import { toSourceRef } from './stories.ts';
import type { Tier } from '../../pipeline/types.ts';

export interface SourceConfigRow {
  id: string;
  name: string;
  homepage: string;
  feedUrl: string;
  tier: Tier;
  fullText: boolean;
}

/** Mirrors the configured list: upserts every entry, disables sources no longer listed (their stories stay). */
export async function syncSources(db: Db, configured: SourceConfigRow[]): Promise<void> {
  await upsertSources(db, configured, true);
  const ids = new Set(configured.map((s) => s.id));
  const known = await db.select({ id: sources.id, enabled: sources.enabled }).from(sources);
  const now = Date.now();
  for (const k of known) {
    if (!ids.has(k.id) && k.enabled) await db.update(sources).set({ enabled: false, updatedAt: now }).where(eq(sources.id, k.id));
  }
}

/**
 * Upserts sources (config columns from the list win; health columns are kept). Sources known only from a replay
 * are stored disabled: the cron never fetches them.
 */
export async function upsertSources(db: Db, list: SourceConfigRow[], enabled: boolean): Promise<void> {
  const now = Date.now();
  const rows = list.map((s) => ({ ...s, enabled, updatedAt: now }));
  // drizzle binds defaulted columns too: sizing chunks by every column keeps each statement under D1's 100 parameters
  for (const part of chunk(rows, Object.keys(getTableColumns(sources)).length)) {
    await db
      .insert(sources)
      .values(part)
      .onConflictDoUpdate({
        target: sources.id,
        set: {
          name: sql`excluded.name`,
          homepage: sql`excluded.homepage`,
          feedUrl: sql`excluded.feed_url`,
          tier: sql`excluded.tier`,
          fullText: sql`excluded.full_text`,
          // a replay never disables a configured source
          enabled: enabled ? sql`1` : sql`${sources.enabled}`,
          updatedAt: sql`excluded.updated_at`,
        },
      });
  }
  if (rows.length) await bumpServingVersion(db); // a source's name or tier shows on its stories
}

export function getSource(db: Db, id: string): Promise<Source | undefined> {
  return db.select().from(sources).where(eq(sources.id, id)).get();
}

export interface FetchOutcome {
  ok: boolean;
  status: number | null;
  code: string | null;
  message: string;
  itemsSeen: number;
  itemsNew: number;
  entriesDeferred?: number; // feed entries over the per-run cap, left for later runs
  ms: number;
  etag?: string | null;
  lastModified?: string | null;
}

/** Records one fetch: the source's health columns and a line in fetch_log, in one batch. */
export async function recordFetch(db: Db, sourceId: string, o: FetchOutcome, at = Date.now()): Promise<void> {
  const health = o.ok
    ? {
        lastFetchAt: at,
        lastSuccessAt: at,
        lastStatus: o.status,
        lastMessage: o.message,
        consecutiveFailures: 0,
        itemsSeen: sql`${sources.itemsSeen} + ${o.itemsNew}`,
        entriesDeferred: o.entriesDeferred ?? 0,
        ...(o.etag !== undefined ? { etag: o.etag } : {}),
        ...(o.lastModified !== undefined ? { lastModified: o.lastModified } : {}),
      }
    : {
        lastFetchAt: at,
        lastErrorAt: at,
        lastError: o.message,
        lastErrorCode: o.code,
        lastStatus: o.status,
        lastMessage: o.message,
        consecutiveFailures: sql`${sources.consecutiveFailures} + 1`,
      };
  await db.batch([
    db.update(sources).set(health).where(eq(sources.id, sourceId)),
    db.insert(fetchLog).values({ sourceId, at, ok: o.ok, status: o.status, code: o.code, message: o.message, itemsSeen: o.itemsSeen, itemsNew: o.itemsNew, ms: o.ms }),
  ]);
  await bumpServingVersion(db); // the feeds and the inspector say when every source fails
}

/** Every source by name, for pickers: no counts, so no scan of items or clusters. */
export async function listSourceRefs(db: Db): Promise<SourceRef[]> {
  return (await db.select().from(sources).orderBy(sources.name)).map(toSourceRef);
}

export async function listSourceHealth(db: Db): Promise<SourceHealth[]> {
  const rows = await db.select().from(sources).orderBy(sources.name);
  const counts = await db
    .select({ sourceId: clusters.sourceId, n: sql<number>`count(*)` })
    .from(clusters)
    .where(sql`${clusters.mergedInto} is null and ${clusters.canonicalItemId} is not null`)
    .groupBy(clusters.sourceId);
  const storyCount = new Map(counts.map((c) => [c.sourceId, Number(c.n)]));
  const failures = await db
    .select({ sourceId: items.sourceId, n: sql<number>`count(*)` })
    .from(items)
    .where(eq(items.status, 'failed'))
    .groupBy(items.sourceId);
  const failedCount = new Map(failures.map((c) => [c.sourceId, Number(c.n)]));
  return rows.map((r) => ({
    ...toSourceRef(r),
    feedUrl: r.feedUrl,
    fullText: r.fullText,
    enabled: r.enabled,
    lastFetchAt: r.lastFetchAt,
    lastSuccessAt: r.lastSuccessAt,
    lastErrorAt: r.lastErrorAt,
    lastError: r.lastError,
    lastErrorCode: r.lastErrorCode,
    lastMessage: r.lastMessage,
    consecutiveFailures: r.consecutiveFailures,
    itemsSeen: r.itemsSeen,
    stories: storyCount.get(r.id) ?? 0,
    itemsFailed: failedCount.get(r.id) ?? 0,
    entriesDeferred: r.entriesDeferred,
    pagesDeferred: r.pagesDeferred,
  }));
}


/** Enabled sources' last fetch results, for the "every source is failing" notice: one small read, no counts. */
export function listSourceStatus(db: Db): Promise<SourceStatusRow[]> {
  return db
    .select({
      id: sources.id,
      name: sources.name,
      lastFetchAt: sources.lastFetchAt,
      consecutiveFailures: sources.consecutiveFailures,
      lastErrorCode: sources.lastErrorCode,
      lastError: sources.lastError,
    })
    .from(sources)
    .where(eq(sources.enabled, true))
    .orderBy(sources.name);
}

/** A source named by its id or its display name (case-insensitive), as readers copy either from a response; null if none. */
export async function findSourceId(db: Db, idOrName: string): Promise<string | null> {
  const row = await db
    .select({ id: sources.id })
    .from(sources)
    .where(sql`${sources.id} = ${idOrName} or ${sources.name} = ${idOrName} collate nocase`)
    .orderBy(sql`${sources.id} = ${idOrName} desc`, sources.id) // an id wins over another source's name
    .limit(1)
    .get();
  return row?.id ?? null;
}
