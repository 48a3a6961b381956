/**
 * The source scorecard (/inspector/sources): for each outlet, over its last SCORECARD_WINDOW_DAYS of items (counted back
 * from its newest, so a replayed month reads like a live one), how much it publishes and what share of it is copies,
 * advertorials, press releases and noise. Three grouped reads, whatever the number of sources.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../client.ts';

const DAY_MS = 86_400_000;

export const SCORECARD_WINDOW_DAYS = 30; // a month: enough items for shares, recent enough to describe the outlet now
/** An item this similar to its story's canonical when placed (0..1000) is a copy, not a write-up of its own. */
export const COPY_SIMILARITY_PERMILLE = 800;

export interface SourceCounts {
  sourceId: string;
  items: number;
  firstAt: number;
  lastAt: number;
  copies: number;
  sponsored: number;
  pressReleases: number;
  rawChars: number;
}

export interface NoiseByCategory {
  sourceId: string;
  category: string;
  chars: number;
}

const windowed = sql.raw(`
  WITH latest AS (SELECT source_id, max(published_at) AS newest FROM items WHERE status = 'ready' GROUP BY source_id),
  recent AS (
    SELECT i.* FROM items i JOIN latest l ON l.source_id = i.source_id
    WHERE i.status = 'ready' AND i.published_at >= l.newest - ${SCORECARD_WINDOW_DAYS * DAY_MS}
  )`);

export async function sourceCounts(db: Db): Promise<SourceCounts[]> {
  const rows = await db.all<{ source_id: string; items: number; first_at: number; last_at: number; copies: number; sponsored: number; press: number; raw_chars: number }>(sql`
    ${windowed}
    SELECT r.source_id, count(*) AS items, min(r.published_at) AS first_at, max(r.published_at) AS last_at,
      sum(c.canonical_item_id IS NOT NULL AND c.canonical_item_id <> r.id AND coalesce(r.similarity_permille, 0) >= ${COPY_SIMILARITY_PERMILLE}) AS copies,
      sum(r.kind = 'sponsored') AS sponsored, sum(r.kind = 'press-release') AS press,
      sum(length(coalesce(r.raw_text, ''))) AS raw_chars
    FROM recent r LEFT JOIN clusters c ON c.id = r.cluster_id
    GROUP BY r.source_id`);
  return rows.map((r) => ({
    sourceId: r.source_id,
    items: Number(r.items),
    firstAt: Number(r.first_at),
    lastAt: Number(r.last_at),
    copies: Number(r.copies ?? 0),
    sponsored: Number(r.sponsored ?? 0),
    pressReleases: Number(r.press ?? 0),
    rawChars: Number(r.raw_chars ?? 0),
  }));
}

export async function noiseByCategory(db: Db): Promise<NoiseByCategory[]> {
  const rows = await db.all<{ source_id: string; category: string; chars: number }>(sql`
    ${windowed}
    SELECT r.source_id, json_extract(s.value, '$.category') AS category,
      sum(json_extract(s.value, '$.end') - json_extract(s.value, '$.start')) AS chars
    FROM recent r, json_each(coalesce(r.removed, '[]')) s
    GROUP BY r.source_id, category`);
  return rows.map((r) => ({ sourceId: r.source_id, category: r.category, chars: Number(r.chars) }));
}
