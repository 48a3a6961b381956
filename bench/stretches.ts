/**
 * Ingestion's stretches between yields during the serving bench's replay, with no reader: how long placement holds
 * the Worker's thread at a time, as a histogram, and what the longest 1 % are made of (src/ingest/stretches.ts). This
 * is the figure a reader's p99 during a replay is bounded by, measured without the load generator, so it depends on
 * the machine's load much less than the serving bench's p99 ratios.
 *
 *   node --import tsx bench/stretches.ts [--out assignments.json]
 *
 * `--out` writes every replayed article's item, story and canonical flag (`/admin/assignments`): two trees' files
 * compare what they store after the same replay.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sendInOrder } from '../src/cli/commands/cluster.ts';
import { startLocalWorker } from '../src/cli/local-worker.ts';
import { foldNumbers, mergeStretches, stretchHistogram, STRETCH_BUCKETS_MS, type Stretches } from '../src/ingest/stretches.ts';
import { mergeBlocks, type LoopBlocks } from '../src/ingest/loop-blocks.ts';
import { defaultDataDir } from '../eval/section.ts';
import { readSets } from './sections/serving.ts';

const STORED_SETS = ['gold/cryptoprism-202510/articles.jsonl', 'gold/basil-dev/articles.jsonl'];
const REPLAYED_SETS = ['gold/freecryptonews-202601/articles.jsonl', 'gold/rss4-20251213/articles.jsonl'];
const LONGEST_SHARE = 0.01; // the tail taken apart
const PART_LABELS_SHOWN = 12;

async function main() {
  const args = process.argv.slice(2);
  const outAt = args.indexOf('--out');
  const outFile = outAt >= 0 ? args[outAt + 1] : null;
  const dataDir = defaultDataDir();
  const work = await mkdtemp(path.join(os.tmpdir(), 'onestory-stretches-'));
  const worker = await startLocalWorker(work);
  try {
    await sendInOrder(worker, await readSets(dataDir, STORED_SETS), 'stored', true);
    const replay = await readSets(dataDir, REPLAYED_SETS);
    const got: Stretches[] = [];
    const loops: LoopBlocks[] = [];
    const t0 = performance.now();
    const results = await sendInOrder(worker, replay, 'replay', true, {
      watchLoop: true,
      watchStretches: true,
      onRequest: (_ms, _r, loop, s) => {
        if (loop) loops.push(loop);
        if (s) got.push(s);
      },
    });
    const seconds = (performance.now() - t0) / 1000;
    const placed = [...results.values()].filter((r) => r.status === 'placed').length;
    const blocks = mergeBlocks(loops);
    console.log(`replay: ${placed} of ${replay.length} placed in ${seconds.toFixed(1)} s; loop: longest block ${blocks.maxBlockMs.toFixed(0)} ms, ${blocks.blocksOverMs} over ${blocks.overMs} ms in ${blocks.ticks} turns`);
    if (got.length) report(mergeStretches(got));
    if (outFile) {
      const ids = [...new Set([...results.values()].map((r) => r.itemId).filter((x): x is string => !!x))];
      const a = await worker.call<{ assignments: Record<string, unknown> }>('/assignments', { item_ids: ids });
      const byArticle = Object.fromEntries([...results.entries()].map(([id, r]) => [id, { status: r.status, item: r.itemId, ...(r.itemId ? (a.assignments[r.itemId] as object) : {}) }]));
      await writeFile(outFile, JSON.stringify(byArticle, null, 0));
      console.log(`assignments of ${Object.keys(byArticle).length} articles -> ${outFile}`);
    }
  } finally {
    await worker.stop();
    await rm(work, { recursive: true, force: true });
  }
}

function report(s: Stretches) {
  const h = stretchHistogram(s.ms);
  const bounds = [...STRETCH_BUCKETS_MS.map((b) => `<=${b}`), `>${STRETCH_BUCKETS_MS.at(-1)}`];
  console.log(`stretches: ${s.ms.length}, ${(h.total / 1000).toFixed(1)} s in all; p50 ${h.p50.toFixed(1)} ms, p90 ${h.p90.toFixed(1)}, p99 ${h.p99.toFixed(1)}, max ${h.max.toFixed(1)}`);
  console.log('histogram (ms): ' + bounds.map((b, i) => `${b}: ${h.counts[i]}`).join(', '));
  const n = Math.max(1, Math.ceil(s.ms.length * LONGEST_SHARE));
  const tail = [...s.long].sort((a, b) => b.ms - a.ms).slice(0, n);
  console.log(`the longest ${tail.length} (1 %; ${s.long.length} kept of >= 20 ms), down to ${tail.at(-1)?.ms.toFixed(1)} ms:`);
  // what they are made of: time by part label (numbers folded so statements group), and each one's largest part
  const byLabel = new Map<string, { ms: number; n: number; max: number }>();
  const largest = new Map<string, number>();
  for (const st of tail) {
    let top: [string, number] = ['', -1];
    for (const [label, ms] of st.parts) {
      const k = foldNumbers(label);
      const e = byLabel.get(k) ?? { ms: 0, n: 0, max: 0 };
      e.ms += ms;
      e.n++;
      e.max = Math.max(e.max, ms);
      byLabel.set(k, e);
      if (ms > top[1]) top = [k, ms];
    }
    largest.set(top[0], (largest.get(top[0]) ?? 0) + 1);
  }
  const total = tail.reduce((t, st) => t + st.ms, 0);
  for (const [k, e] of [...byLabel].sort((a, b) => b[1].ms - a[1].ms).slice(0, PART_LABELS_SHOWN)) {
    console.log(`  ${((100 * e.ms) / total).toFixed(1).padStart(5)} %  ${e.n} parts, max ${e.max.toFixed(1)} ms  ${k}`);
  }
  console.log('  the largest part of each: ' + [...largest].sort((a, b) => b[1] - a[1]).map(([k, c]) => `${c}x ${k}`).join('; '));
  console.log('every stretch, time by part (all parts; count, total s, mean ms, max ms):');
  for (const [k, [n, ms, max]] of Object.entries(s.byPart).sort((a, b) => b[1][1] - a[1][1]).slice(0, 3 * PART_LABELS_SHOWN)) {
    console.log(`  ${String(n).padStart(5)}  ${(ms / 1000).toFixed(2).padStart(6)} s  ${(ms / n).toFixed(1).padStart(6)}  ${max.toFixed(0).padStart(4)}  ${k}`);
  }
  for (const st of tail.slice(0, 5)) {
    console.log(`  ${st.ms.toFixed(1)} ms: ` + st.parts.filter(([, ms]) => ms >= 0.5).map(([l, ms]) => `${l} ${ms.toFixed(1)}`).join(' | '));
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
