/**
 * Trains the cleaner's segment classifier (src/pipeline/clean/segment-model.ts) and writes its weights to
 * src/pipeline/clean/segment-weights.ts. Reads the tune sets only (eval/noise-sets.ts: every noise set but the judges,
 * whose texts this script never loads) from ../shared/data and eval/data at run time.
 *
 *   node --import tsx scripts/train-segment-model.ts [--data DIR] [--dry] [--folds]
 *
 * For every tune document: the rules run (clean's ruleClaims), the text they keep is cut into segments, each segment
 * gets its features and a label from the gold (noise when most of its characters lie in gold noise spans, story when
 * most lie in gold segments; neither: not used). A logistic regression (L2, standardised features) is fitted; the
 * threshold is the lowest whose removals keep PRECISION_TARGET of their characters noise on held-out outlets: each
 * outlet's segments are scored by a model fitted without that outlet (leave one outlet out), and the threshold is read
 * off those held-out scores. Prints the held-out removal precision and recall (characters) per set, per outlet
 * (--folds) and with each set left out whole, then writes the weights (not with --dry).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { JUDGE_SETS, loadNoiseSet, NOISE_SETS, type NoiseDoc, type NoiseSetName } from '../eval/noise-sets.ts';
import { ruleClaims } from '../src/pipeline/clean/index.ts';
import { FEATURE_COUNT, FEATURES, featuresOf, grow, MIN_REMOVE_CHARS, segmentsOf, type Segment, type SegmentWeights } from '../src/pipeline/clean/segment-model.ts';

/** Share of removed characters that must be noise on held-out outlets: removing prose is worse than leaving noise. */
export const PRECISION_TARGET = 0.98;
/** A neighbour goes only if the model scores it more likely noise than story, whatever the held-out figures allow. */
const NEIGHBOUR_FLOOR = 0.5;
/** L2 penalty on the standardised weights (per example): keeps weights of rare features small. */
const L2 = 0.002;
/** Newton steps of the fit at most: from zero it converges in about eight, from a warm start in two or three. */
const NEWTON_STEPS = 25;

export interface Example {
  group: string; // the outlet, for leaving one out
  set: string;
  doc: number; // which text
  gap: number; // which stretch of kept text in it
  x: Float64Array;
  y: 0 | 1; // 1: noise
  chars: number; // characters in the segment
  noiseChars: number;
  storyChars: number;
  /** A segment of the text before the rules cut it, in noise they take: trained on, never scored. */
  augmented: boolean;
}

export interface LabelledText {
  set: string;
  source: string;
  title: string | null;
  input: string;
  noise: readonly { start: number; end: number }[];
  goldSegments: readonly { start: number; end: number }[];
}

/** The labelled segments of the texts the rules keep. */
export function examplesOf(docs: readonly LabelledText[], options: { augment?: boolean } = {}): Example[] {
  const out: Example[] = [];
  docs.forEach((d, docIndex) => {
    const rc = { title: d.title, source: d.source };
    const claims = ruleClaims(d.input, rc);
    const mark = new Uint8Array(d.input.length); // 1 noise, 2 story
    for (const g of d.goldSegments) mark.fill(2, g.start, g.end);
    for (const n of d.noise) mark.fill(1, n.start, n.end);
    add(segmentsOf(d.input, claims), false);
    if (options.augment) {
      // The noise the rules already take, as the text before any rule cuts it: more examples of what noise looks like
      // (the rules' own outlets' captions, credits, menus), for the forms the rules miss on outlets they never met.
      const taken = new Uint8Array(d.input.length);
      for (const c of claims) taken.fill(1, c.start, c.end);
      add(segmentsOf(d.input, []), true, (s) => {
        let inside = 0;
        for (let c = s.start; c < s.end; c++) inside += taken[c];
        return inside * 2 > s.end - s.start;
      });
    }
    function add(segs: Segment[], augmented: boolean, keep: (s: Segment) => boolean = () => true): void {
      if (!segs.length) return;
      const feats = featuresOf(d.input, segs, rc);
      segs.forEach((s, i) => {
        if (!keep(s)) return;
        let noiseChars = 0;
        let storyChars = 0;
        for (let c = s.start; c < s.end; c++) {
          if (mark[c] === 1) noiseChars++;
          else if (mark[c] === 2) storyChars++;
        }
        const chars = s.end - s.start;
        const y = noiseChars * 2 > chars ? 1 : storyChars * 2 > chars ? 0 : null;
        if (y === null) return;
        out.push({ group: outletKey(d.source), set: d.set, doc: docIndex, gap: s.gap, x: feats[i], y, chars, noiseChars, storyChars, augmented });
      });
    }
  });
  return out;
}

const outletKey = (source: string) => source.toLowerCase().replace(/[^a-z0-9]/g, '');

type Fitted = Omit<SegmentWeights, 'threshold' | 'neighbourThreshold'>;

/**
 * A logistic regression on standardised features, fitted by Newton's method (L2-penalised log loss: convex, so a few
 * steps reach the optimum). `from` warm-starts it (the held-out folds start from the model of all the data).
 */
export function fit(examples: readonly Example[], from?: Fitted): Fitted {
  const n = examples.length;
  const d = FEATURE_COUNT + 1; // the last column: the bias
  const mean = new Array<number>(FEATURE_COUNT).fill(0);
  const scale = new Array<number>(FEATURE_COUNT).fill(0);
  for (const e of examples) for (let j = 0; j < FEATURE_COUNT; j++) mean[j] += e.x[j] / n;
  for (const e of examples) for (let j = 0; j < FEATURE_COUNT; j++) scale[j] += (e.x[j] - mean[j]) ** 2 / n;
  for (let j = 0; j < FEATURE_COUNT; j++) scale[j] = Math.sqrt(scale[j]) || 1;
  const z = new Float64Array(n * d);
  examples.forEach((e, i) => {
    for (let j = 0; j < FEATURE_COUNT; j++) z[i * d + j] = (e.x[j] - mean[j]) / scale[j];
    z[i * d + FEATURE_COUNT] = 1;
  });
  // warm start: the same linear function of the raw features, re-expressed in this fold's standardisation
  const w = new Float64Array(d);
  if (from) {
    let bias = from.bias;
    for (let j = 0; j < FEATURE_COUNT; j++) {
      w[j] = (from.weights[j] * scale[j]) / from.scale[j];
      bias += (from.weights[j] * (mean[j] - from.mean[j])) / from.scale[j];
    }
    w[FEATURE_COUNT] = bias;
  }
  const grad = new Float64Array(d);
  const hess = new Float64Array(d * d);
  for (let step = 0; step < NEWTON_STEPS; step++) {
    grad.fill(0);
    hess.fill(0);
    for (let i = 0; i < n; i++) {
      const row = i * d;
      let logit = 0;
      for (let j = 0; j < d; j++) logit += w[j] * z[row + j];
      const p = 1 / (1 + Math.exp(-logit));
      const err = p - examples[i].y;
      const curv = Math.max(p * (1 - p), 1e-9);
      for (let j = 0; j < d; j++) {
        const zj = z[row + j];
        grad[j] += err * zj;
        const cz = curv * zj;
        for (let k = 0; k <= j; k++) hess[j * d + k] += cz * z[row + k];
      }
    }
    for (let j = 0; j < d; j++) {
      grad[j] /= n;
      for (let k = 0; k <= j; k++) hess[j * d + k] /= n;
      if (j < FEATURE_COUNT) {
        grad[j] += L2 * w[j];
        hess[j * d + j] += L2;
      } else hess[j * d + j] += 1e-9;
    }
    const delta = solveSymmetric(hess, grad, d);
    let moved = 0;
    for (let j = 0; j < d; j++) {
      w[j] -= delta[j];
      moved = Math.max(moved, Math.abs(delta[j]));
    }
    if (moved < 1e-6) break;
  }
  return { features: FEATURES.map(([name]) => name), mean, scale, weights: Array.from(w.subarray(0, FEATURE_COUNT)), bias: w[FEATURE_COUNT] };
}

/** Solves H x = g for a symmetric positive definite H given by its lower triangle (Cholesky). */
function solveSymmetric(h: Float64Array, g: Float64Array, d: number): Float64Array {
  const l = new Float64Array(d * d);
  for (let j = 0; j < d; j++) {
    let sum = h[j * d + j];
    for (let k = 0; k < j; k++) sum -= l[j * d + k] ** 2;
    const diag = Math.sqrt(Math.max(sum, 1e-12));
    l[j * d + j] = diag;
    for (let i = j + 1; i < d; i++) {
      let s = h[i * d + j];
      for (let k = 0; k < j; k++) s -= l[i * d + k] * l[j * d + k];
      l[i * d + j] = s / diag;
    }
  }
  const y = new Float64Array(d);
  for (let i = 0; i < d; i++) {
    let s = g[i];
    for (let k = 0; k < i; k++) s -= l[i * d + k] * y[k];
    y[i] = s / l[i * d + i];
  }
  const x = new Float64Array(d);
  for (let i = d - 1; i >= 0; i--) {
    let s = y[i];
    for (let k = i + 1; k < d; k++) s -= l[k * d + i] * x[k];
    x[i] = s / l[i * d + i];
  }
  return x;
}

export function probability(model: Fitted, x: ArrayLike<number>): number {
  let logit = model.bias;
  for (let j = 0; j < model.weights.length; j++) logit += (model.weights[j] * (x[j] - model.mean[j])) / model.scale[j];
  return 1 / (1 + Math.exp(-logit));
}

/** Held-out probabilities: each group's examples scored by a model fitted without that group. */
export function heldOut(examples: readonly Example[], groupOf: (e: Example) => string): number[] {
  const p = new Array<number>(examples.length).fill(0);
  const whole = fit(examples);
  const groups = [...new Set(examples.map(groupOf))];
  for (const g of groups) {
    const train = examples.filter((e) => groupOf(e) !== g);
    if (!train.some((e) => e.y === 1) || !train.some((e) => e.y === 0)) continue;
    const model = fit(train, whole);
    examples.forEach((e, i) => {
      if (groupOf(e) === g) p[i] = probability(model, e.x);
    });
  }
  return p;
}

export interface Removal {
  removed: number; // segments removed
  noiseChars: number; // noise characters removed
  storyChars: number; // story characters removed
  noiseTotal: number; // noise characters in all segments
}

/** What removing every segment of MIN_REMOVE_CHARS or more scored at `threshold` or above does, by characters. */
export function removal(examples: readonly Example[], p: readonly number[], threshold: number, keep: (e: Example) => boolean = () => true): Removal {
  const r: Removal = { removed: 0, noiseChars: 0, storyChars: 0, noiseTotal: 0 };
  examples.forEach((e, i) => {
    if (e.augmented || !keep(e)) return;
    r.noiseTotal += e.noiseChars;
    if (e.chars < MIN_REMOVE_CHARS || p[i] < threshold) return;
    r.removed++;
    r.noiseChars += e.noiseChars;
    r.storyChars += e.storyChars;
  });
  return r;
}

/** The segments removed at thresholds `high` and `low` (segment-model.ts's grow), over all the examples (doc by doc). */
export function grownRemoval(examples: readonly Example[], p: readonly number[], high: number, low: number): boolean[] {
  const out = new Array<boolean>(examples.length).fill(false);
  const scored = examples.map((e, i) => i).filter((i) => !examples[i].augmented);
  for (let a = 0; a < scored.length; ) {
    let b = a;
    while (b < scored.length && examples[scored[b]].doc === examples[scored[a]].doc) b++;
    const idx = scored.slice(a, b);
    // stand-in offsets: only lengths and order matter to grow()
    let at = 0;
    const segs = idx.map((i) => ({ start: at, end: (at += examples[i].chars), gap: examples[i].gap }));
    const take = grow(segs, idx.map((i) => p[i]), high, low);
    idx.forEach((i, k) => (out[i] = take[k]));
    a = b;
  }
  return out;
}

/**
 * The lowest neighbour threshold, walking down from `high` by 0.05, before held-out precision first falls under
 * `target`, and never under NEIGHBOUR_FLOOR.
 */
export function chooseNeighbourThreshold(examples: readonly Example[], p: readonly number[], high: number, target = PRECISION_TARGET): number {
  let chosen = high;
  for (let low = Math.floor(high * 20) / 20; low >= NEIGHBOUR_FLOOR - 1e-9; low -= 0.05) {
    const r = removal(examples, grownRemoval(examples, p, high, low).map((g) => (g ? 1 : 0)), 0.5);
    if (precision(r) < target) break;
    chosen = Number(low.toFixed(2));
  }
  return chosen;
}

const precision = (r: Removal) => (r.noiseChars + r.storyChars ? r.noiseChars / (r.noiseChars + r.storyChars) : 1);
const recall = (r: Removal) => (r.noiseTotal ? r.noiseChars / r.noiseTotal : 0);

/** The lowest threshold whose removals, over the held-out scores, keep `target` of their characters noise. */
export function chooseThreshold(examples: readonly Example[], p: readonly number[], target = PRECISION_TARGET): number {
  const order = examples.map((_, i) => i).filter((i) => !examples[i].augmented && examples[i].chars >= MIN_REMOVE_CHARS).sort((a, b) => p[b] - p[a]);
  let noise = 0;
  let story = 0;
  let best = 1;
  for (const i of order) {
    noise += examples[i].noiseChars;
    story += examples[i].storyChars;
    if (noise / (noise + story) >= target) best = p[i];
  }
  return best;
}

const pct = (x: number) => `${(100 * x).toFixed(1)} %`;

function report(title: string, examples: readonly Example[], p: readonly number[], threshold: number, by: (e: Example) => string, minNoise = 0): void {
  console.log(`\n${title} (threshold ${threshold.toFixed(3)}): removal by characters`);
  console.log('held out'.padEnd(28) + 'segments  noise  removed  precision  recall  story chars removed');
  const keys = [...new Set(examples.map(by))].sort();
  for (const k of [...keys, 'all']) {
    const r = removal(examples, p, threshold, (e) => k === 'all' || by(e) === k);
    const segs = examples.filter((e) => !e.augmented && (k === 'all' || by(e) === k));
    if (k !== 'all' && r.noiseTotal < minNoise && r.storyChars === 0) continue;
    console.log(
      `${k.padEnd(28)}${String(segs.length).padStart(8)}  ${String(segs.filter((e) => e.y === 1).length).padStart(5)}  ${String(r.removed).padStart(7)}  ${precision(r).toFixed(3).padStart(9)}  ${pct(recall(r)).padStart(6)}  ${r.storyChars}`,
    );
  }
}

/** The weights file: a TypeScript module, so the Worker bundle and Node read it the same way. */
export function weightsFile(model: SegmentWeights, note: string): string {
  const round = (xs: number[]) => xs.map((x) => Number(x.toPrecision(6)));
  const body = {
    features: model.features,
    mean: round(model.mean),
    scale: round(model.scale),
    weights: round(model.weights),
    bias: Number(model.bias.toPrecision(6)),
    threshold: Number(model.threshold.toPrecision(6)),
    neighbourThreshold: model.neighbourThreshold,
  };
  return `// Generated by scripts/train-segment-model.ts: do not edit by hand.\n// ${note}\nimport type { SegmentWeights } from './segment-model.ts';\n\nexport const WEIGHTS: SegmentWeights = ${JSON.stringify(body, null, 2)};\n`;
}

function main(): void {
  const args = process.argv.slice(2);
  const dataAt = args.indexOf('--data');
  const dataDir = dataAt >= 0 ? args[dataAt + 1] : path.resolve(import.meta.dirname, '..', '..', 'shared', 'data');
  const tune = NOISE_SETS.filter((s) => !JUDGE_SETS.includes(s)) as NoiseSetName[];
  const docs: NoiseDoc[] = tune.flatMap((s) => loadNoiseSet(dataDir, s));
  const examples = examplesOf(docs, { augment: args.includes('--augment') });
  const noise = examples.filter((e) => e.y === 1 && !e.augmented).length;
  const augmented = examples.filter((e) => e.augmented).length;
  const groups = new Set(examples.map((e) => e.group)).size;
  console.log(`tune sets: ${tune.join(', ')}; ${docs.length} texts, ${groups} outlets; ${examples.length - augmented} segments kept by the rules, ${noise} of them noise; ${augmented} more segments of noise the rules take (trained on, not scored)`);

  const byOutlet = heldOut(examples, (e) => e.group);
  const threshold = chooseThreshold(examples, byOutlet);
  report('leave one outlet out, pooled by set', examples, byOutlet, threshold, (e) => e.set);
  console.log('\nleave one outlet out, the whole curve: precision target -> threshold, recall (characters)');
  for (const target of [0.995, 0.99, 0.98, 0.97, 0.95, 0.9, 0.8]) {
    const t = chooseThreshold(examples, byOutlet, target);
    const r = removal(examples, byOutlet, t);
    console.log(`  ${target.toFixed(3)}  ${t.toFixed(3)}  precision ${precision(r).toFixed(3)}  recall ${pct(recall(r))}  story chars ${r.storyChars}`);
  }
  if (args.includes('--folds')) report('leave one outlet out, each outlet', examples, byOutlet, threshold, (e) => e.group, 1);
  const low = chooseNeighbourThreshold(examples, byOutlet, threshold);
  const grownOut = grownRemoval(examples, byOutlet, threshold, low).map((g) => (g ? 1 : 0));
  report(`leave one outlet out, with neighbours joining at ${low.toFixed(2)}`, examples, grownOut, 0.5, (e) => e.set);
  if (args.includes('--folds')) report('leave one outlet out, with neighbours, each outlet', examples, grownOut, 0.5, (e) => e.group, 1);
  const bySet = heldOut(examples, (e) => e.set);
  report(`leave one set out, with neighbours joining at ${low.toFixed(2)}`, examples, grownRemoval(examples, bySet, threshold, low).map((g) => (g ? 1 : 0)), 0.5, (e) => e.set);

  const model: SegmentWeights = { ...fit(examples), threshold, neighbourThreshold: low };
  console.log('\nweights (standardised), strongest first:');
  for (const [w, name] of model.weights.map((w, j) => [w, model.features[j]] as const).sort((a, b) => Math.abs(b[0]) - Math.abs(a[0]))) console.log(`  ${name.padEnd(22)} ${w >= 0 ? '+' : ''}${w.toFixed(3)}`);
  console.log(`  bias ${model.bias.toFixed(3)}; threshold ${threshold.toFixed(3)}`);
  if (args.includes('--dry')) return;
  const all = removal(examples, grownOut, 0.5);
  const note = `Tune sets ${tune.join(', ')}; ${examples.length} segments, ${noise} noise; leave one outlet out at thresholds ${threshold.toFixed(3)} / ${low.toFixed(2)}: precision ${precision(all).toFixed(3)}, recall ${pct(recall(all))} (characters).`;
  const out = path.resolve(import.meta.dirname, '..', 'src', 'pipeline', 'clean', 'segment-weights.ts');
  writeFileSync(out, weightsFile(model, note));
  console.log(`\nwrote ${path.relative(process.cwd(), out)}`);
}

if (process.argv[1] && import.meta.filename === path.resolve(process.argv[1])) main();
