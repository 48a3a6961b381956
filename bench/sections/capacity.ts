/**
 * Capacity (issue 11): bytes of D1 an item costs, measured from a replay, with and without retention; how long a
 * 10 GB D1 (Cloudflare's cap a database) lasts at 1k and 10k items a day; and the placement consumer's ceiling in
 * items a second at max_concurrency = 1 (the article queue places one item at a time).
 *
 * Bytes are SQLite's own page accounting (what dbstat reports: every page of a table's b-trees, its indexes' and their
 * overflow pages), read from the database file once the Worker has stopped (sqlite-pages.ts): wrangler's local D1 has
 * no dbstat and refuses PRAGMA page_count. "After retention" is measured, not estimated: the same database with every
 * row retention deletes once items are past their ages (band rows, anchors, raw text and feed HTML of placed items)
 * deleted. wrangler's local D1 refuses VACUUM ("cannot VACUUM from within a transaction"); the emptied pages go to
 * the freelist, where new rows reuse them, and are not counted, but pages the deletions left half full are: the figure
 * after retention is an upper bound.
 *
 * The ceiling: the replay sends one article a request and times each request from outside (insert, then the same
 * processArticle the queue consumer runs on it: clean, label, fingerprint, candidates, verify, write); one request at
 * a time, as max_concurrency = 1 runs one batch at a time. The HTTP hop and the insert are counted in: a lower bound
 * on the rate.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sendInOrder } from '../../src/cli/commands/cluster.ts';
import { startLocalWorker, wranglerBin, PROJECT_ROOT, type LocalWorker } from '../../src/cli/local-worker.ts';
import { ANCHORS_KEEP_MS, LSH_BANDS_KEEP_MS, RAW_TEXT_KEEP_MS } from '../../src/ingest/retention.ts';
import { table, type SectionContext, type SectionResult } from '../../eval/section.ts';
import { countPages, type FilePages } from '../sqlite-pages.ts';
import { readSets } from './serving.ts';

const SETS = ['gold/cryptoprism-202510/articles.jsonl', 'gold/basil-dev/articles.jsonl'];
const D1_CAP_BYTES = 10e9; // 10 GB a database on the Workers Paid plan
const RATES = [1_000, 10_000]; // items a day
const DAY_MS = 86_400_000;
const WARMUP = 5; // requests left out of the latency figures: a fresh workerd compiles the code on its first requests

function sql(dir: string, command: string): unknown[] {
  const r = spawnSync(process.execPath, [wranglerBin(), 'd1', 'execute', 'DB', '--local', '--persist-to', dir, '--json', '--command', command], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, CI: 'true', WRANGLER_SEND_METRICS: 'false' },
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  if (r.status !== 0) throw new Error(`d1 execute failed: ${r.stdout}\n${r.stderr}`);
  return (JSON.parse(r.stdout) as { results: unknown[] }[]).flatMap((x) => x.results);
}

/** The local D1's database file under a persist directory (wrangler keeps one SQLite file a database). */
function databaseFile(dir: string): string {
  const d1 = path.join(dir, 'v3', 'd1', 'miniflare-D1DatabaseObject');
  const files = readdirSync(d1).filter((f) => f.endsWith('.sqlite') && f !== 'metadata.sqlite');
  if (files.length !== 1) throw new Error(`expected one database file in ${d1}, found ${files.join(', ') || 'none'}`);
  return path.join(d1, files[0]);
}

interface Snapshot {
  pages: FilePages;
  rows: Map<string, number>;
}

async function snapshot(dir: string): Promise<Snapshot> {
  const pages = await countPages(databaseFile(dir));
  const names = [...pages.tables.keys()].filter((n) => n !== 'sqlite_schema' && !n.startsWith('_cf_'));
  const counted = sql(dir, names.map((n) => `SELECT '${n}' AS t, count(*) AS n FROM "${n}"`).join('; ')) as { t: string; n: number }[];
  return { pages, rows: new Map(counted.map((r) => [r.t, r.n])) };
}

const used = (s: Snapshot) => [...s.pages.tables.values()].reduce((a, b) => a + b, 0);
const bytesOf = (s: Snapshot, t: string) => s.pages.tables.get(t) ?? 0;

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

export default async function capacity(ctx: SectionContext): Promise<SectionResult> {
  const work = await mkdtemp(path.join(os.tmpdir(), 'onestory-bench-capacity-'));
  let worker: LocalWorker | null = null;
  try {
    worker = await startLocalWorker(work);
    const articles = await readSets(ctx.dataDir, SETS);
    const timed: number[] = []; // ms a placed item, after the warm-up
    let requests = 0;
    const t0 = performance.now();
    const results = await sendInOrder(worker, articles, 'replay', true, {
      perRequest: 1,
      onRequest: (ms, got) => {
        if (++requests > WARMUP && got[0]?.status === 'placed') timed.push(ms);
      },
    });
    const seconds = (performance.now() - t0) / 1000;
    const placed = [...results.values()].filter((r) => r.status === 'placed').length;
    await worker.stop();
    worker = null;

    const full = await snapshot(work);
    sql(work, `DELETE FROM lsh_bands; DELETE FROM story_anchors; UPDATE items SET raw_text = NULL, feed_content = NULL WHERE status = 'ready';`);
    const kept = await snapshot(work);

    const items = full.rows.get('items')!;
    const perItem = used(full) / items;
    const keptPerItem = used(kept) / items;
    const bands = (bytesOf(full, 'lsh_bands') - bytesOf(kept, 'lsh_bands')) / items;
    const anchors = (bytesOf(full, 'story_anchors') - bytesOf(kept, 'story_anchors')) / items;
    const rawText = (bytesOf(full, 'items') - bytesOf(kept, 'items')) / items; // raw page text and feed HTML
    // with retention, an item keeps its rows for their ages and keptPerItem after: the window is a constant overhead
    const windowBytes = (rate: number) => rate * ((bands * LSH_BANDS_KEEP_MS) / DAY_MS + (anchors * ANCHORS_KEEP_MS) / DAY_MS + (rawText * RAW_TEXT_KEEP_MS) / DAY_MS);
    const daysWithout = (rate: number) => D1_CAP_BYTES / (perItem * rate);
    const daysWith = (rate: number) => (D1_CAP_BYTES - windowBytes(rate)) / (keptPerItem * rate);

    timed.sort((a, b) => a - b);
    const mean = timed.reduce((a, b) => a + b, 0) / timed.length;
    const ceiling = placed / seconds;
    const names = [...full.pages.tables.keys()].sort((a, b) => bytesOf(full, b) - bytesOf(full, a));

    const report = [
      `replayed ${placed} items placed of ${articles.length} (${SETS.join(' + ')}) into an empty D1, one a request, in ${seconds.toFixed(1)} s`,
      table(
        ['table (with its indexes)', 'rows', 'bytes', 'bytes/item', 'after retention: rows', 'bytes', 'bytes/item'],
        names
          .filter((t) => bytesOf(full, t) > full.pages.pageSize)
          .map((t) => [t, full.rows.get(t) ?? '', bytesOf(full, t), (bytesOf(full, t) / items).toFixed(0), kept.rows.get(t) ?? '', bytesOf(kept, t), (bytesOf(kept, t) / items).toFixed(0)]),
      ),
      `pages in use: ${(used(full) / 1e6).toFixed(2)} MB full, ${(used(kept) / 1e6).toFixed(2)} MB after retention (file ${((full.pages.pages * full.pages.pageSize) / 1e6).toFixed(2)} MB; ${kept.pages.freePages} pages free after the deletions, ${full.pages.pageSize} bytes a page)`,
      `bytes per item: ${perItem.toFixed(0)} full (band rows ${bands.toFixed(0)}, anchors ${anchors.toFixed(0)}, raw text and feed HTML ${rawText.toFixed(0)}); ${keptPerItem.toFixed(0)} once retention has run on it`,
      table(
        ['items a day', 'days a 10 GB D1 lasts, no retention', 'with retention', 'retention window (bytes held)'],
        RATES.map((r) => [r, daysWithout(r).toFixed(0), daysWith(r).toFixed(0), `${(windowBytes(r) / 1e9).toFixed(2)} GB`]),
      ),
      `placement at max_concurrency = 1, ms a placed item (${timed.length} items, the first ${WARMUP} requests left out): mean ${mean.toFixed(0)}, p50 ${quantile(timed, 0.5).toFixed(0)}, p95 ${quantile(timed, 0.95).toFixed(0)}, p99 ${quantile(timed, 0.99).toFixed(0)}, max ${timed.at(-1)!.toFixed(0)}`,
      `placement ceiling: ${ceiling.toFixed(1)} items/s over the whole replay (${(1000 / mean).toFixed(1)} from the mean) = ${(ceiling * 86400).toFixed(0)} items a day, into a database of up to ${placed} items (bench placement measures how it scales to 100k stories)`,
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
        'capacity.placement_mean_ms': mean,
        'capacity.placement_p95_ms': quantile(timed, 0.95),
      },
    };
  } finally {
    await worker?.stop();
    // ONESTORY_BENCH_KEEP=1 keeps the database (after retention's deletions) to check the counts with sqlite3's dbstat
    if (process.env.ONESTORY_BENCH_KEEP) process.stderr.write(`capacity: database kept in ${work}\n`);
    else await rm(work, { recursive: true, force: true });
  }
}
