/** Items: what the outlets published, and what the pipeline made of it. */
import { and, eq, getTableColumns, inArray, lt, ne, sql } from 'drizzle-orm';
import { chunk, ID_LIST_MAX, type Db } from '../client.ts';
import { items, sources, type Item, type Source } from '../schema.ts';
import type { NormalizedItem } from '../../pipeline/normalize.ts';

// drizzle binds defaulted columns too: sizing chunks by every column keeps each statement under D1's 100 parameters
const ITEM_INSERT_COLUMNS = Object.keys(getTableColumns(items)).length;

/**
 * Stores items not seen before and returns their ids; an item seen again (same id, or the same source and URL) is
 * left as it is (idempotent). `pageStatus` 'wanted' leaves them for the feed consumer's page step.
 */
export async function insertNewItems(db: Db, list: NormalizedItem[], now: number, pageStatus: 'wanted' | 'not_needed' = 'not_needed'): Promise<string[]> {
  const unique = [...new Map(list.map((i) => [i.id, i])).values()];
  const inserted: string[] = [];
  for (const part of chunk(unique, ITEM_INSERT_COLUMNS)) {
    const rows = await db
      .insert(items)
      .values(
        part.map((i) => ({
          id: i.id,
          sourceId: i.sourceId,
          url: i.url,
          guid: i.guid,
          title: i.title,
          author: i.author,
          publishedAt: i.publishedAt,
          fetchedAt: now,
          summary: i.summary,
          feedContent: i.content,
          pageStatus,
          status: 'pending' as const,
          updatedAt: now,
        })),
      )
      .onConflictDoNothing() // the id, or (source_id, url) for rows whose id predates per-source ids
      .returning({ id: items.id });
    inserted.push(...rows.map((r) => r.id));
  }
  return inserted;
}

/** URLs per query when asking which are stored: a JSON list of ~50 KB, well under D1's statement and value limits. */
const URLS_PER_QUERY = 500;

/** Which of these URLs the source has not stored yet (one indexed lookup per URL, a few queries per feed). */
export async function unstoredUrls(db: Db, sourceId: string, urls: string[]): Promise<Set<string>> {
  const out = new Set<string>();
  for (let i = 0; i < urls.length; i += URLS_PER_QUERY) {
    const rows = await db.all<{ value: string }>(
      sql`SELECT j.value AS value FROM json_each(${JSON.stringify(urls.slice(i, i + URLS_PER_QUERY))}) j
          WHERE NOT EXISTS (SELECT 1 FROM items i WHERE i.source_id = ${sourceId} AND i.url = j.value)`,
    );
    for (const r of rows) out.add(r.value);
  }
  return out;
}

/**
 * Items stored but never run through the pipeline and not waiting for a page, untouched for `quietMs`: their queue
 * message was lost (a restart of local queues, a consumer cut off). Touched and returned, for the caller to queue.
 */
export async function takeStalePending(db: Db, opts: { quietMs: number; limit: number; now?: number }): Promise<string[]> {
  const now = opts.now ?? Date.now();
  const rows = await db
    .select({ id: items.id })
    .from(items)
    .where(and(eq(items.status, 'pending'), ne(items.pageStatus, 'wanted'), lt(items.updatedAt, now - opts.quietMs)))
    .limit(opts.limit);
  const ids = rows.map((r) => r.id);
  for (const part of chunk(ids, 1, ID_LIST_MAX)) {
    await db.update(items).set({ updatedAt: now }).where(inArray(items.id, part));
  }
  return ids;
}

export async function getItemWithSource(db: Db, id: string): Promise<{ item: Item; source: Source } | null> {
  const row = await db.select().from(items).innerJoin(sources, eq(items.sourceId, sources.id)).where(eq(items.id, id)).get();
  return row ? { item: row.items, source: row.sources } : null;
}

export async function pendingItemIds(db: Db, ids: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const part of chunk(ids, 1, ID_LIST_MAX)) {
    const rows = await db.select({ id: items.id, status: items.status }).from(items).where(inArray(items.id, part));
    out.push(...rows.filter((r) => r.status === 'pending').map((r) => r.id));
  }
  return out;
}

/** Items of a source still waiting for the pipeline (e.g. a run was cut off after storing them). */
export async function pendingItemIdsOfSource(db: Db, sourceId: string): Promise<string[]> {
  const rows = await db.select({ id: items.id }).from(items).where(and(eq(items.sourceId, sourceId), eq(items.status, 'pending')));
  return rows.map((r) => r.id);
}

export async function markItemFailed(db: Db, id: string, error: string): Promise<void> {
  await db
    .update(items)
    .set({ status: 'failed', error, attempts: sql`${items.attempts} + 1`, updatedAt: Date.now() })
    .where(eq(items.id, id));
}

/**
 * Failed items worth another run: fewer than `maxAttempts` failures and the last one at least `quietMs` ago. They are
 * set back to pending and returned, for the caller to queue.
 */
export async function takeRetryableItems(db: Db, opts: { maxAttempts: number; quietMs: number; limit: number; now?: number }): Promise<string[]> {
  const now = opts.now ?? Date.now();
  const rows = await db
    .select({ id: items.id })
    .from(items)
    .where(and(eq(items.status, 'failed'), lt(items.attempts, opts.maxAttempts), lt(items.updatedAt, now - opts.quietMs)))
    .limit(opts.limit);
  const ids = rows.map((r) => r.id);
  for (const part of chunk(ids, 1, ID_LIST_MAX)) {
    await db.update(items).set({ status: 'pending', updatedAt: now }).where(inArray(items.id, part));
  }
  return ids;
}

/**
 * Failed items among `ids` set back to pending, for a replay asked to load them again (a person's explicit request,
 * so the cron's attempt cap does not apply); returns their ids.
 */
export async function requeueFailedItems(db: Db, ids: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const part of chunk(ids, 1, ID_LIST_MAX)) {
    const rows = await db
      .update(items)
      .set({ status: 'pending', updatedAt: Date.now() })
      .where(and(inArray(items.id, part), eq(items.status, 'failed')))
      .returning({ id: items.id });
    out.push(...rows.map((r) => r.id));
  }
  return out;
}

/** The same for every failed item of one source (a replayed feed document stands for all its items). */
export async function requeueFailedItemsOfSource(db: Db, sourceId: string): Promise<string[]> {
  const rows = await db
    .update(items)
    .set({ status: 'pending', updatedAt: Date.now() })
    .where(and(eq(items.sourceId, sourceId), eq(items.status, 'failed')))
    .returning({ id: items.id });
  return rows.map((r) => r.id);
}
