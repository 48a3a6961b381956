/**
 * A placement's writes travel in few round trips: the item's clean result and its outlet's passages go in placement's
 * own batch, the story's text choice and the serving version's bump in the last one. What lands must be what landed
 * when each had its own statement.
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { readOutletHistory } from '../../src/db/outlet-passages.ts';
import { SERVING_VERSION_KEY, servingVersion } from '../../src/db/serving-version.ts';
import { OUTLET_ITEMS } from '../fixtures/outlet-history.ts';
import { seed } from './seed.ts';

const SOURCE = { id: 'quay-wire', name: 'Quay Wire', homepage: 'https://quay-wire.test/', feedUrl: '', tier: 'original' as const, fullText: true, configured: false };

describe('placement writes', () => {
  it("stores each item's cleaned text with its placement and counts its passages as its outlet's next item", async () => {
    const before = await env.DB.prepare(`SELECT value FROM meta WHERE key = ?1`).bind(SERVING_VERSION_KEY).first<{ value: string }>();
    const ids = await seed(
      OUTLET_ITEMS.slice(0, 2).map((it, i) => ({ id: it.id, source: SOURCE, url: `https://quay-wire.test/${it.id}`, title: it.title, published_iso: `2026-04-0${i + 1}T08:00:00Z`, body: it.body })),
    );
    for (const id of ids.values()) {
      const row = await env.DB.prepare(`SELECT status, text, raw_text, removed, kind_reasons, cluster_id FROM items WHERE id = ?1`).bind(id).first<Record<string, string>>();
      expect(row!.status).toBe('ready');
      expect(row!.text.length).toBeGreaterThan(0);
      expect(row!.raw_text.length).toBeGreaterThanOrEqual(row!.text.length);
      expect(Array.isArray(JSON.parse(row!.removed))).toBe(true);
      expect(Array.isArray(JSON.parse(row!.kind_reasons))).toBe(true);
      expect(row!.cluster_id).toBeTruthy();
    }
    const seqs = await env.DB.prepare(`SELECT DISTINCT seq FROM outlet_passages WHERE source_id = ?1 ORDER BY seq`).bind(SOURCE.id).all<{ seq: number }>();
    expect(seqs.results.map((r) => r.seq)).toEqual([1, 2]);
    expect((await readOutletHistory(env.DB, SOURCE.id, [])).seq).toBe(2);
    // the bump went with the last batch, and this isolate knows the token it wrote
    const after = await env.DB.prepare(`SELECT value FROM meta WHERE key = ?1`).bind(SERVING_VERSION_KEY).first<{ value: string }>();
    expect(after!.value).not.toBe(before?.value);
    expect(await servingVersion(env.DB)).toBe(after!.value);
  });

  it('reads a source with no history, and a source not stored, as sequence 0 with no counts', async () => {
    await env.DB.prepare(`INSERT INTO sources (id, name, homepage, feed_url, tier) VALUES ('fresh', 'Fresh', '', '', 'original')`).run();
    for (const id of ['fresh', 'nowhere']) {
      const read = await readOutletHistory(env.DB, id, ['a', 'b']);
      expect(read.seq).toBe(0);
      expect(read.history.items).toBe(0);
      expect(read.history.counts.size).toBe(0);
    }
  });
});
