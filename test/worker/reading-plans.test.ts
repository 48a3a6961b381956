/**
 * Reads of stories find their rows by key, whatever the table holds: without table statistics SQLite rates the
 * merged-into index's equality (`merged_into IS NULL`, nearly every stored story) above a list of keys, and a plan that
 * walks it reads every unmerged story. An empty table shows the plan a full one gets.
 */
import { env } from 'cloudflare:workers';
import { and, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '../../src/db/client.ts';
import { shownEvent, storylineRefs } from '../../src/db/queries/storylines.ts';
import { clusters } from '../../src/db/schema.ts';

describe('reading plans over clusters', () => {
  it('reads the events of several storylines through the storyline index, not the merged-into index', async () => {
    const query = getDb(env.DB)
      .select({ id: clusters.id })
      .from(clusters)
      .where(and(inArray(clusters.storylineId, ['line-a', 'line-b', 'line-c']), shownEvent(clusters)))
      .toSQL();
    const plan = (await env.DB.prepare(`EXPLAIN QUERY PLAN ${query.sql}`).bind(...query.params).all<{ detail: string }>()).results.map((r) => r.detail).join(' ');
    expect(plan).toMatch(/clusters_storyline_idx/);
    expect(plan).not.toMatch(/clusters_merged_idx/);
  });

  it('still leaves merged, unplaced and hidden events out of a storyline', async () => {
    const row = (id: string, mergedInto: string | null, canonical: string | null, hidden: number, at: number) =>
      env.DB.prepare(
        `INSERT INTO clusters (id, canonical_item_id, size, sort_key, first_published_at, last_published_at, created_at, updated_at, merged_into, storyline_id, hidden, title)
         VALUES (?1, ?2, 1, 0, ?5, ?5, 0, 0, ?3, 'line-r', ?4, ?1)`,
      ).bind(id, canonical, mergedInto, hidden, at);
    await env.DB.batch([row('r1', null, 'r1', 0, 1), row('r2', null, 'r2', 0, 2), row('r3', 'r1', 'r3', 0, 3), row('r4', null, null, 0, 4), row('r5', null, 'r5', 1, 5)]);
    const refs = await storylineRefs(getDb(env.DB), ['line-r', 'line-none']);
    expect(refs.get('line-r')?.events.map((e) => e.id)).toEqual(['r1', 'r2']);
    expect(refs.has('line-none')).toBe(false);
  });
});
