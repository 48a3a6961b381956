/**
 * Retention forgets what only an item's first weeks need (band rows, anchors, raw page text) in bounded steps, never
 * touches what lies inside its windows, and leaves every story served.
 */
import { env, exports } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { app } from '../../src/app.ts';
import { ANCHORS_KEEP_MS, LSH_BANDS_KEEP_MS, RAW_TEXT_KEEP_MS, runRetention, SWEEP_ROWS_A_STEP } from '../../src/ingest/retention.ts';
import { ARTICLES } from '../fixtures/articles.ts';
import { seed } from './seed.ts';

const DAY_MS = 86_400_000;
const NEWEST = Date.parse('2026-03-10T10:20:00Z'); // the newest fixture article: the reference time of every run below
const NOW = NEWEST + 400 * DAY_MS; // the wall clock far later: ages are still measured from the newest item held
const ADMIN = { ...env, ADMIN_TOKEN: 'retention admin secret' };

const count = async (sql: string, ...binds: unknown[]) => (await env.DB.prepare(sql).bind(...binds).first<{ n: number }>())!.n;
const rowsOf = (itemId: string) =>
  Promise.all([
    count(`SELECT count(*) AS n FROM lsh_bands WHERE item_id = ?1`, itemId),
    count(`SELECT count(*) AS n FROM story_anchors WHERE item_id = ?1`, itemId),
    count(`SELECT count(*) AS n FROM items WHERE id = ?1 AND raw_text IS NOT NULL`, itemId),
  ]);

/** An older copy of a fixture article: another outlet's URL and a date `daysBefore` the newest article. */
const older = (i: number, daysBefore: number) => ({
  ...ARTICLES[i],
  id: `${ARTICLES[i].id}-old-${daysBefore}`,
  url: `${ARTICLES[i].url}?old=${daysBefore}`,
  published_iso: new Date(NEWEST - daysBefore * DAY_MS).toISOString(),
});

let ids: Map<string, string>;
beforeAll(async () => {
  // 40 days back: past every window; 20 days back: past the band window only
  ids = await seed([older(0, 40), older(2, 20), ...ARTICLES]);
});

describe('retention', () => {
  it('deletes band rows, anchors and raw text past their ages and touches nothing inside the windows', async () => {
    const recent = ids.get('lendvault-original')!;
    const [bandsBefore, anchorsBefore, rawBefore] = await rowsOf(recent);
    expect(bandsBefore).toBeGreaterThan(10);
    expect(anchorsBefore).toBeGreaterThan(0);
    expect(rawBefore).toBe(1);
    const old40 = ids.get('lendvault-original-old-40')!;
    const old20 = ids.get('etf-inflows-old-20')!;
    expect((await rowsOf(old40))[0]).toBeGreaterThan(10);
    const old20Before = await rowsOf(old20);
    expect(old20Before[0]).toBeGreaterThan(10);
    expect(old20Before[1]).toBeGreaterThan(0);

    let run = await runRetention(env.DB, NOW);
    while (!run.done) run = await runRetention(env.DB, NOW);
    expect(run.reference).toBe(NEWEST);

    expect(await rowsOf(recent), 'inside every window').toEqual([bandsBefore, anchorsBefore, 1]);
    expect(await rowsOf(old40), '40 days old: past every age').toEqual([0, 0, 0]);
    const [bands20, anchors20, raw20] = await rowsOf(old20);
    expect(bands20, '20 days old: past the band age').toBe(0);
    expect(raw20, '20 days old: inside the raw-text age').toBe(1);
    expect(anchors20, '20 days old: inside the anchor age').toBe(old20Before[1]);
    expect(LSH_BANDS_KEEP_MS).toBeLessThan(20 * DAY_MS);
    expect(ANCHORS_KEEP_MS).toBeGreaterThan(20 * DAY_MS);
    expect(RAW_TEXT_KEEP_MS).toBeLessThan(40 * DAY_MS);
  });

  it('works in bounded steps that carry on where the last run stopped', async () => {
    const rows = SWEEP_ROWS_A_STEP * 2 + 500;
    const old = NEWEST - LSH_BANDS_KEEP_MS - DAY_MS;
    const fresh = NEWEST - LSH_BANDS_KEEP_MS + DAY_MS;
    await env.DB.prepare(
      `WITH RECURSIVE k(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM k WHERE n < ?1)
       INSERT INTO lsh_bands (key, item_id, published_at) SELECT 'synthetic:' || n, 'synthetic-item', CASE WHEN n % 2 = 0 THEN ?2 ELSE ?3 END FROM k`,
    )
      .bind(rows, old, fresh)
      .run();
    const synthetic = (t: number) => count(`SELECT count(*) AS n FROM lsh_bands WHERE item_id = 'synthetic-item' AND published_at = ?1`, t);
    const first = await runRetention(env.DB, NOW, 1);
    expect(first.done).toBe(false);
    expect(first.lshBandsDeleted).toBeLessThanOrEqual(SWEEP_ROWS_A_STEP);
    let runs = 1;
    let run = first;
    while (!run.done && runs < 20) (run = await runRetention(env.DB, NOW, 1)), runs++;
    // the sweep may have started mid-table (the first test left its cursor): one more lap covers what it skipped
    run = await runRetention(env.DB, NOW, 10);
    while (!run.done) run = await runRetention(env.DB, NOW, 10);
    expect(await synthetic(old)).toBe(0);
    expect(await synthetic(fresh)).toBe(rows - Math.floor(rows / 2));
    expect(runs).toBeGreaterThan(1);
  });

  it('keeps a story served, in the API and the inspector, after its raw text is dropped', async () => {
    const item = ids.get('lendvault-original-old-40')!;
    const story = (await env.DB.prepare(`SELECT cluster_id AS c FROM items WHERE id = ?1`).bind(item).first<{ c: string }>())!.c;
    expect(await count(`SELECT count(*) AS n FROM items WHERE id = ?1 AND raw_text IS NULL AND text IS NOT NULL`, item)).toBe(1);
    const res = await exports.default.fetch(`http://onestory.test/api/v1/stories/${story}`);
    expect(res.status).toBe(200);
    const detail = (await res.json()) as { title: string; text: string; members: { item_id: string; text: string }[] };
    expect(detail.text).toMatch(/^Lendvault, a lending protocol/);
    const page = await exports.default.fetch(`http://onestory.test/inspector/clusters/${story}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Lendvault, a lending protocol');
  });

  it('shows the last run and storage by table behind the admin token', async () => {
    const call = (method: string, path: string, token: string | null = ADMIN.ADMIN_TOKEN) =>
      app.request(path, { method, headers: token ? { authorization: `Bearer ${token}` } : {} }, ADMIN);
    expect((await call('GET', '/admin/storage', null)).status).toBe(401);
    const storage = (await (await call('GET', '/admin/storage')).json()) as { tables: { table: string; rows: number; bytes: number | null }[] };
    const items = storage.tables.find((t) => t.table === 'items')!;
    expect(items.rows).toBe(ARTICLES.length + 2);
    const ran = (await (await call('POST', '/admin/retention')).json()) as { run: { at: number } };
    const last = (await (await call('GET', '/admin/retention')).json()) as { last_run: { at: number } };
    expect(last.last_run.at).toBe(ran.run.at);
  });
});
