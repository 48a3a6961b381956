/**
 * A placement's statements over the clusters table find the stories they name by key, whatever the table holds: a plan
 * that walks clusters_merged_idx for `merged_into IS NULL` reads every unmerged story, so its cost grows with the stored
 * stories. SQLite's plans here have no table statistics to go on, so an empty table shows the plan a full one gets.
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { CANONICAL_COPY_SQL } from '../../src/db/cluster-store.ts';
import { rescoreUnscored, SCORE_SQL, UNSCORED_SQL } from '../../src/db/story-score.ts';
import { STORYLINE_TOUCH_SQL } from '../../src/db/storyline-store.ts';

const planOf = async (sql: string, ...params: unknown[]) =>
  (await env.DB.prepare(`EXPLAIN QUERY PLAN ${sql}`).bind(...params).all<{ detail: string }>()).results.map((r) => r.detail);

const cluster = (id: string, mergedInto: string | null, storylineId: string | null) =>
  env.DB.prepare(
    `INSERT INTO clusters (id, canonical_item_id, size, sort_key, first_published_at, last_published_at, created_at, updated_at, merged_into, storyline_id)
     VALUES (?1, ?1, 1, 0, 0, 0, 0, 0, ?2, ?3)`,
  ).bind(id, mergedInto, storylineId);

describe('placement plans over clusters', () => {
  it('copies the canonical fields of the named stories through the primary key, not the merged-into index', async () => {
    const plan = await planOf(CANONICAL_COPY_SQL, '["c1"]');
    expect(plan[0]).toMatch(/SEARCH clusters USING INDEX sqlite_autoindex_clusters_1 \(id=\?\)/);
    expect(plan.join(' ')).not.toMatch(/clusters_merged_idx/);
  });

  it('scores the named stories through the primary key, and their members through the cluster index', async () => {
    const plan = await planOf(SCORE_SQL, '["c1"]');
    expect(plan[0]).toMatch(/SEARCH clusters USING INDEX sqlite_autoindex_clusters_1 \(id=\?\)/);
    expect(plan.join(' ')).not.toMatch(/clusters_merged_idx|SCAN (?:i|items)\b/);
  });

  it("marks a storyline's events through the storyline index, not the merged-into index", async () => {
    const plan = await planOf(STORYLINE_TOUCH_SQL, '["sl1"]', 1);
    expect(plan[0]).toMatch(/SEARCH clusters USING (?:COVERING )?INDEX clusters_storyline_idx \(storyline_id=\?\)/);
    expect(plan.join(' ')).not.toMatch(/clusters_merged_idx/);
  });

  it("marks only the storyline's unmerged events as changed", async () => {
    await env.DB.batch([cluster('kept', null, 'line-a'), cluster('gone', 'kept', 'line-a'), cluster('other', null, 'line-b')]);
    await env.DB.prepare(STORYLINE_TOUCH_SQL).bind('["line-a"]', 77).run();
    const rows = await env.DB.prepare(`SELECT id, updated_at FROM clusters WHERE id IN ('kept', 'gone', 'other') ORDER BY id`).all<{ id: string; updated_at: number }>();
    expect(rows.results).toEqual([
      { id: 'gone', updated_at: 0 },
      { id: 'kept', updated_at: 77 },
      { id: 'other', updated_at: 0 },
    ]);
  });

  it("finds the cron's unscored stories through the partial index of unscored stories, not by walking every unmerged one", async () => {
    const plan = await planOf(UNSCORED_SQL, 200);
    expect(plan.join(' ')).toMatch(/clusters_unscored_idx/);
    expect(plan.join(' ')).not.toMatch(/clusters_merged_idx/);
  });

  it('scores only unmerged stories that have no score yet, and none once all have one', async () => {
    await env.DB.batch([cluster('u1', null, null), cluster('u2', 'u1', null)]);
    await env.DB.prepare(`UPDATE clusters SET score_reasons = NULL WHERE id IN ('u1', 'u2')`).run();
    expect(await rescoreUnscored(env.DB, 200)).toBeGreaterThanOrEqual(1);
    const rows = await env.DB.prepare(`SELECT id, score_reasons IS NULL AS unscored FROM clusters WHERE id IN ('u1', 'u2') ORDER BY id`).all<{ id: string; unscored: number }>();
    expect(rows.results).toEqual([
      { id: 'u1', unscored: 0 },
      { id: 'u2', unscored: 1 },
    ]);
    expect(await rescoreUnscored(env.DB, 200)).toBe(0);
  });
});
