/**
 * Capacity (issue 11): bytes of D1 an item costs, measured from a replay, with and without retention; how long a
 * 10 GB D1 (Cloudflare's cap a database) lasts at 1k and 10k items a day; and the placement consumer's ceiling in
 * items a second at max_concurrency = 1 (the article queue places one item at a time).
 *
 * Bytes are SQLite's own page accounting (dbstat: the pages of each table and its indexes), through /admin/storage.
 * "After retention" is measured, not estimated: the same database with every row retention would delete once items
 * are past their ages (band rows, anchors, raw text and feed HTML) deleted. wrangler's local D1 refuses VACUUM
 * ("cannot VACUUM from within a transaction"), so pages the deletions emptied are not counted (they are free) but
 * pages they left half full are: the figure after retention is an upper bound. The ceiling is the replay's
 * rate: the same processArticle the queue consumer runs, one item after another in one request.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sendInOrder } from '../../src/cli/commands/cluster.ts';
import { startLocalWorker, wranglerBin, PROJECT_ROOT, type LocalWorker } from '../../src/cli/local-worker.ts';
import type { StorageReport } from '../../src/db/queries/storage.ts';
import { ANCHORS_KEEP_MS, LSH_BANDS_KEEP_MS, RAW_TEXT_KEEP_MS } from '../../src/ingest/retention.ts';
import { table, type SectionContext, type SectionResult } from '../../eval/section.ts';
import { readSets } from './serving.ts';

const SETS = ['gold/cryptoprism-202510/articles.jsonl', 'gold/basil-dev/articles.jsonl'];
const D1_CAP_BYTES = 10e9; // 10 GB a database on the Workers Paid plan
const RATES = [1_000, 10_000]; // items a day
const DAY_MS = 86_400_000;

function sql(dir: string, command: string): unknown[] {
  const r = spawnSync(process.execPath, [wranglerBin(), 'd1', 'execute', 'DB', '--local', '--persist-to', dir, '--json', '--command', command], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, CI: 'true', WRANGLER_SEND_METRICS: 'false' },
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`d1 execute failed: ${r.stdout}\n${r.stderr}`);
  return (JSON.parse(r.stdout) as { results: unknown[] }[]).flatMap((x) => x.results);
}

async function storage(dir: string): Promise<StorageReport> {
  const w = await startLocalWorker(dir);
  try {
    return await w.call<StorageReport>('/storage');
  } finally {
    await w.stop();
  }
}

const tableBytes = (s: StorageReport, name: string) => s.tables.find((t) => t.table === name)?.bytes ?? 0;
const itemBytes = (s: StorageReport) => s.tables.reduce((sum, t) => sum + (t.bytes ?? 0), 0);

export default async function capacity(ctx: SectionContext): Promise<SectionResult> {
  const work = await mkdtemp(path.join(os.tmpdir(), 'onestory-bench-capacity-'));
  let worker: LocalWorker | null = null;
  try {
    worker = await startLocalWorker(work);
    const articles = await readSets(ctx.dataDir, SETS);
    const t0 = performance.now();
    const results = await sendInOrder(worker, articles, 'replay', true);
    const seconds = (performance.now() - t0) / 1000;
    const placed = [...results.values()].filter((r) => r.status === 'placed').length;
    await worker.stop();
    worker = null;

    const full = await storage(work);
    const items = full.tables.find((t) => t.table === 'items')!.rows;
    const [raw] = sql(work, `SELECT coalesce(sum(length(CAST(raw_text AS BLOB))), 0) + coalesce(sum(length(CAST(feed_content AS BLOB))), 0) AS b FROM items`) as { b: number }[];
    sql(work, `DELETE FROM lsh_bands; DELETE FROM story_anchors; UPDATE items SET raw_text = NULL, feed_content = NULL;`);
    const kept = await storage(work);

    const perItem = itemBytes(full) / items;
    const keptPerItem = itemBytes(kept) / items;
    const bands = tableBytes(full, 'lsh_bands') / items;
    const anchors = tableBytes(full, 'story_anchors') / items;
    const rawText = perItem - keptPerItem - bands - anchors; // the items table's share: raw text and feed HTML
    // with retention, an item keeps its rows for their ages and keptPerItem after: the window is a constant overhead
    const windowBytes = (rate: number) => rate * ((bands * LSH_BANDS_KEEP_MS) / DAY_MS + (anchors * ANCHORS_KEEP_MS) / DAY_MS + (rawText * RAW_TEXT_KEEP_MS) / DAY_MS);
    const daysWithout = (rate: number) => D1_CAP_BYTES / (perItem * rate);
    const daysWith = (rate: number) => (D1_CAP_BYTES - windowBytes(rate)) / (keptPerItem * rate);
    const ceiling = placed / seconds;

    const report = [
      `replayed ${placed} items (${SETS.join(' + ')}) into an empty D1 in ${seconds.toFixed(1)} s`,
      table(
        ['table', 'rows', 'bytes', 'bytes/item', 'after retention: rows', 'bytes', 'bytes/item'],
        full.tables
          .filter((t) => (t.bytes ?? 0) > 4096 || t.rows > 0)
          .map((t) => {
            const k = kept.tables.find((x) => x.table === t.table);
            return [t.table, t.rows, t.bytes ?? 'n/a', ((t.bytes ?? 0) / items).toFixed(0), k?.rows ?? 0, k?.bytes ?? 'n/a', ((k?.bytes ?? 0) / items).toFixed(0)];
          }),
      ),
      `bytes per item: ${perItem.toFixed(0)} full (of which band rows ${bands.toFixed(0)}, anchors ${anchors.toFixed(0)}, raw text and feed HTML ${rawText.toFixed(0)}: ${(raw.b / items).toFixed(0)} bytes of text); ${keptPerItem.toFixed(0)} once retention has run on it`,
      table(
        ['items a day', 'days a 10 GB D1 lasts, no retention', 'with retention', 'retention window (bytes held)'],
        RATES.map((r) => [r, daysWithout(r).toFixed(0), daysWith(r).toFixed(0), `${(windowBytes(r) / 1e9).toFixed(2)} GB`]),
      ),
      `placement ceiling at max_concurrency = 1: ${ceiling.toFixed(1)} items/s (${((1000 * seconds) / placed).toFixed(0)} ms an item, into a database of up to ${placed} items; README: placement is 1.33x slower at 100k stories) = ${(ceiling * 86400).toFixed(0)} items a day`,
    ].join('\n');
    return {
      name: 'capacity (D1 bytes per item, days to 10 GB, placement ceiling)',
      report,
      metrics: {
        'capacity.bytes_per_item': perItem,
        'capacity.bytes_per_item_retained': keptPerItem,
        'capacity.days_1k_retention': daysWith(1_000),
        'capacity.days_10k_retention': daysWith(10_000),
        'capacity.placement_items_s': ceiling,
      },
    };
  } finally {
    await worker?.stop();
    await rm(work, { recursive: true, force: true });
  }
}
