/**
 * bench minhash: signature time and accuracy, the project's MinHash against the `minhash` package (0.0.9),
 * side by side in one run. Both sign the same 1,000-shingle sets (strings in, as the package takes them);
 * accuracy is the mean and mean absolute error of estimates over pairs of known Jaccard similarity.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { table, type SectionContext, type SectionResult } from '../../eval/section.ts';
import { hashString } from '../../src/pipeline/fingerprint/hash.ts';
import { jaccard, signature, NUM_BINS } from '../../src/pipeline/fingerprint/minhash.ts';

interface PackageMinhash {
  update(s: string): void;
  jaccard(other: PackageMinhash): number;
}
const { Minhash } = createRequire(import.meta.url)('minhash') as { Minhash: new (cfg?: { numPerm?: number }) => PackageMinhash };

const SHINGLES = 1000; // a long article's shingle set
const JACCARDS = [0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];

/** Two sets of `n` shingles each whose true Jaccard similarity is as close to `j` as integers allow. */
function pair(n: number, j: number, tag: string): { a: string[]; b: string[]; truth: number } {
  const shared = Math.round((2 * n * j) / (1 + j));
  const a: string[] = [];
  const b: string[] = [];
  for (let i = 0; i < shared; i++) a.push(`${tag} shared shingle ${i}`), b.push(`${tag} shared shingle ${i}`);
  for (let i = shared; i < n; i++) a.push(`${tag} only in a ${i}`), b.push(`${tag} only in b ${i}`);
  return { a, b, truth: shared / (2 * n - shared) };
}

const REAL_ARTICLES = 30; // basil-dev articles (long, clean prose)
const CUTS = [0.1, 0.3, 0.5, 0.7, 0.9]; // share of the article's words replaced by another article's

/** 3-word shingle strings of a text, as sets. */
function shingleSet(words: string[]): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + 3 <= words.length; i++) out.add(words.slice(i, i + 3).join(' '));
  return out;
}

/** Estimates against exact Jaccard on real article shingles: article i vs article i with its tail swapped for article i+1's. */
function realTextErrors(ctx: SectionContext) {
  const lines = readFileSync(path.join(ctx.dataDir, 'gold', 'basil-dev', 'articles.jsonl'), 'utf8').split('\n').filter(Boolean);
  const docs = lines.slice(0, REAL_ARTICLES).map((l) => ((JSON.parse(l) as { body: string }).body.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []));
  const acc = { ours: { sum: 0, abs: 0 }, pkg: { sum: 0, abs: 0 } };
  let pairs = 0;
  for (let d = 0; d + 1 < docs.length; d++) {
    const a = docs[d];
    for (const cut of CUTS) {
      const keep = Math.round(a.length * (1 - cut));
      const b = [...a.slice(0, keep), ...docs[d + 1].slice(0, a.length - keep)];
      const sa = shingleSet(a);
      const sb = shingleSet(b);
      let inter = 0;
      for (const x of sa) if (sb.has(x)) inter++;
      const truth = inter / (sa.size + sb.size - inter);
      const e1 = jaccard(signature([...sa].map(hashString)), signature([...sb].map(hashString))) - truth;
      const ma = new Minhash({ numPerm: NUM_BINS });
      const mb = new Minhash({ numPerm: NUM_BINS });
      sa.forEach((x) => ma.update(x));
      sb.forEach((x) => mb.update(x));
      const e2 = ma.jaccard(mb) - truth;
      acc.ours.sum += e1, acc.ours.abs += Math.abs(e1), acc.pkg.sum += e2, acc.pkg.abs += Math.abs(e2), pairs++;
    }
  }
  const summary = (x: { sum: number; abs: number }) => ({ mean: x.sum / pairs, abs: x.abs / pairs });
  return { pairs, ours: summary(acc.ours), pkg: summary(acc.pkg) };
}

function time(fn: () => void, runs: number): { median: number; p95: number } {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    ms.push(performance.now() - t0);
  }
  ms.sort((x, y) => x - y);
  return { median: ms[Math.floor(ms.length / 2)], p95: ms[Math.floor(ms.length * 0.95)] };
}

export default async function minhashBench(ctx: SectionContext): Promise<SectionResult> {
  const runs = ctx.quick ? 20 : 100;
  const trials = ctx.quick ? 3 : 10; // pairs per Jaccard value
  const { a } = pair(SHINGLES, 0.5, 'speed');
  const oursSign = () => signature(a.map(hashString));
  const pkgSign = () => {
    const m = new Minhash({ numPerm: NUM_BINS });
    for (const s of a) m.update(s);
  };
  for (let i = 0; i < 5; i++) oursSign(), pkgSign(); // warm up the JIT for both
  const ours = time(oursSign, runs);
  const pkg = time(pkgSign, Math.max(10, runs / 5));

  let oursErr = 0, oursAbs = 0, pkgErr = 0, pkgAbs = 0, n = 0;
  for (const j of JACCARDS) {
    for (let t = 0; t < trials; t++) {
      const p = pair(SHINGLES / 4, j, `acc ${j} ${t}`);
      const e1 = jaccard(signature(p.a.map(hashString)), signature(p.b.map(hashString))) - p.truth;
      const ma = new Minhash({ numPerm: NUM_BINS });
      const mb = new Minhash({ numPerm: NUM_BINS });
      p.a.forEach((s) => ma.update(s));
      p.b.forEach((s) => mb.update(s));
      const e2 = ma.jaccard(mb) - p.truth;
      oursErr += e1, oursAbs += Math.abs(e1), pkgErr += e2, pkgAbs += Math.abs(e2), n++;
    }
  }
  const real = realTextErrors(ctx);
  const rows = [
    ['onestory (one-permutation + densification)', ours.median, ours.p95, oursErr / n, oursAbs / n, real.ours.mean, real.ours.abs],
    ['minhash 0.0.9 (package)', pkg.median, pkg.p95, pkgErr / n, pkgAbs / n, real.pkg.mean, real.pkg.abs],
  ];
  const speedup = pkg.median / ours.median;
  const report = [
    `${NUM_BINS} bins/permutations, ${SHINGLES} shingle strings per signature (hashing included); synthetic error over ${n} pairs, Jaccard ${JACCARDS[0]}..${JACCARDS.at(-1)};`,
    `real-text error over ${real.pairs} pairs of article 3-word shingle sets (an article vs a copy whose tail, 10-90 %, is another article's words), exact Jaccard known`,
    table(['contender', 'sign ms median', 'sign ms p95', 'mean error', 'mean |error|', 'real mean error', 'real mean |error|'], rows),
    `speed-up: ${speedup.toFixed(1)}x`,
  ].join('\n');
  return {
    name: 'minhash',
    report,
    metrics: {
      'minhash.sign_ms': ours.median,
      'minhash.package_sign_ms': pkg.median,
      'minhash.speedup': speedup,
      'minhash.mean_abs_error': oursAbs / n,
      'minhash.real_mean_error': real.ours.mean,
      'minhash.package_real_mean_error': real.pkg.mean,
    },
  };
}
