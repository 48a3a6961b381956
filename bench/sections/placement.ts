/**
 * Time to place one story with 1k, 10k and 100k stories already stored in D1 (goal: within 1.5x from 1k to 100k).
 *
 * The stored stories are real: the cryptoprism dump (619 articles, ~30 outlets, 18 days) replayed through the
 * Worker once, then replicated in SQL with ids suffixed and every copy shifted 21 days later, so the corpus grows
 * in time at a steady rate, as a running aggregator's does. Then real stories of another set (freecryptonews) are
 * placed one request at a time (full-length basil-dev articles), just after the newest copy, through the Worker's own pipeline on its own D1 (workerd).
 * The time is the whole request (clean, label, fingerprint, candidate lookup, verify, write), median and p95.
 */
import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { applyLocalMigrations, startLocalWorker, wranglerBin, PROJECT_ROOT } from '../../src/cli/local-worker.ts';
import { readJsonl, sendInOrder } from '../../src/cli/commands/cluster.ts';
import { table, type SectionContext, type SectionResult } from '../../eval/section.ts';

const TEMPLATE_SET = 'gold/cryptoprism-202510/articles.jsonl';
const PROBE_SET = 'gold/basil-dev/articles.jsonl'; // full-length bodies: the costlier case
const COPY_SHIFT_MS = 21 * 24 * 3600_000; // longer than the template's own span (18 days): copies do not overlap
const PROBES = 40; // stories placed and timed at each size
const WARMUP = 5; // stories placed untimed first: a fresh workerd compiles the code on its first requests

export default async function placement(ctx: SectionContext): Promise<SectionResult> {
  const sizes = ctx.quick ? [1_000, 10_000] : [1_000, 10_000, 100_000];
  const work = await mkdtemp(path.join(os.tmpdir(), 'onestory-bench-placement-'));
  try {
    const template = path.join(work, 'template');
    applyLocalMigrations(template);
    const stored = await replay(template, path.join(ctx.dataDir, TEMPLATE_SET));
    const probes = (await readJsonl(path.join(ctx.dataDir, PROBE_SET))).articles.filter((a) => a.body.length > 500).slice(0, WARMUP + PROBES);
    const rows: (string | number)[][] = [];
    const medians: number[] = [];
    for (const size of sizes) {
      const dir = path.join(work, `n${size}`);
      await cp(template, dir, { recursive: true });
      const copies = Math.max(0, Math.round(size / stored.count) - 1);
      const fillMs = await fill(dir, copies, work);
      const total = stored.count * (copies + 1);
      const newest = stored.newest + copies * COPY_SHIFT_MS;
      const times = await placeProbes(dir, probes, newest);
      const med = quantile(times, 0.5);
      medians.push(med);
      rows.push([total, (fillMs / 1000).toFixed(1), med.toFixed(1), quantile(times, 0.95).toFixed(1), (med / medians[0]).toFixed(2)]);
      await rm(dir, { recursive: true, force: true });
    }
    const report = [
      `stored stories: ${TEMPLATE_SET} replayed (${stored.count} stories), replicated in SQL, each copy ${COPY_SHIFT_MS / 86400000} days later`,
      `placed: ${probes.length - WARMUP} stories of ${PROBE_SET} (after ${WARMUP} untimed), one request each, just after the newest stored story`,
      table(['stored in D1', 'fill s', 'median ms/story', 'p95 ms/story', 'median vs 1k'], rows),
      `goal: within 1.5x from 1k to 100k -> ${(medians[medians.length - 1] / medians[0]).toFixed(2)}x`,
    ].join('\n');
    return { name: 'placement (one story into D1)', report, metrics: Object.fromEntries(sizes.map((s, i) => [`placement.median_ms.${s}`, medians[i]])) };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

async function replay(dir: string, file: string): Promise<{ count: number; newest: number }> {
  const worker = await startLocalWorker(dir);
  try {
    const { articles } = await readJsonl(file);
    const results = await sendInOrder(worker, articles, 'template stories');
    const placed = [...results.values()].filter((r) => r.status === 'placed').length;
    const newest = Math.max(...articles.map((a) => Date.parse(a.published_iso ?? '')).filter(Number.isFinite));
    return { count: placed, newest };
  } finally {
    await worker.stop();
  }
}

/** Replicates every stored story `copies` times in SQL: items, their LSH keys and anchors, their clusters and storylines, and the term counts. */
async function fill(dir: string, copies: number, work: string): Promise<number> {
  if (!copies) return 0;
  const seq = `WITH RECURSIVE k(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM k WHERE n < ${copies})`;
  const shift = `n * ${COPY_SHIFT_MS}`;
  const sql = [
    `${seq} INSERT INTO items (id, source_id, url, title, published_at, fetched_at, status, fingerprint, cluster_id, kind, coin_list, clean_summary, updated_at)
       SELECT i.id || '-' || n, i.source_id, i.url || '#' || n, i.title, i.published_at + ${shift}, i.fetched_at, 'ready', i.fingerprint,
              i.cluster_id || '-' || n, i.kind, i.coin_list, i.clean_summary, i.updated_at FROM items i, k;`,
    `${seq} INSERT INTO clusters (id, canonical_item_id, size, title, url, source_id, published_at, kind, coins, summary, sort_key, first_published_at, last_published_at, created_at, updated_at, merged_into, canonical_reason, text_item_id, storyline_id, storyline_why)
       SELECT c.id || '-' || n, c.canonical_item_id || '-' || n, c.size, c.title, c.url, c.source_id, c.published_at + ${shift}, c.kind, c.coins, c.summary,
              c.sort_key + ${shift}, c.first_published_at + ${shift}, c.last_published_at + ${shift}, c.created_at, c.updated_at,
              CASE WHEN c.merged_into IS NULL THEN NULL ELSE c.merged_into || '-' || n END, c.canonical_reason,
              CASE WHEN c.text_item_id IS NULL THEN NULL ELSE c.text_item_id || '-' || n END,
              CASE WHEN c.storyline_id IS NULL THEN NULL ELSE c.storyline_id || '-' || n END, c.storyline_why FROM clusters c, k;`,
    `${seq} INSERT INTO lsh_bands (key, item_id, published_at) SELECT b.key, b.item_id || '-' || n, b.published_at + ${shift} FROM lsh_bands b, k;`,
    `${seq} INSERT INTO story_anchors (key, published_at, item_id, grp, weight) SELECT a.key, a.published_at + ${shift}, a.item_id || '-' || n, a.grp, a.weight FROM story_anchors a, k;`,
    `${seq} INSERT INTO storylines (id, merged_into, first_published_at, last_published_at, created_at, updated_at)
       SELECT s.id || '-' || n, CASE WHEN s.merged_into IS NULL THEN NULL ELSE s.merged_into || '-' || n END, s.first_published_at + ${shift}, s.last_published_at + ${shift}, s.created_at, s.updated_at FROM storylines s, k;`,
    `UPDATE term_stats SET df = df * ${copies + 1};`,
  ].join('\n');
  const file = path.join(work, `fill-${copies}.sql`);
  await writeFile(file, sql);
  const t0 = performance.now();
  execFileSync(process.execPath, [wranglerBin(), 'd1', 'execute', 'DB', '--local', '--persist-to', dir, '--file', file], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, CI: 'true', WRANGLER_SEND_METRICS: 'false' },
    stdio: 'ignore',
  });
  return performance.now() - t0;
}

async function placeProbes(dir: string, probes: Awaited<ReturnType<typeof readJsonl>>['articles'], after: number): Promise<number[]> {
  const worker = await startLocalWorker(dir);
  try {
    const times: number[] = [];
    for (const [i, p] of probes.entries()) {
      const article = { ...p, id: `probe-${i}`, url: `${p.url}#probe`, published_iso: new Date(after + (i + 1) * 60_000).toISOString() };
      const t0 = performance.now();
      await sendInOrder(worker, [article], 'probe', true);
      if (i >= WARMUP) times.push(performance.now() - t0);
    }
    return times;
  } finally {
    await worker.stop();
  }
}

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
}
