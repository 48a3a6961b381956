/**
 * Trains the learned form scores (src/pipeline/label/kinds/form-score.ts): logistic regression over the named form
 * features of an article's opening (form-features.ts), one model for sponsored (shipped) and one for price-prediction
 * (trained and reported, not shipped: it does not reach the precision wanted on outlets left out).
 *
 * Tuned on cryptoprism-202510 only (the one set with advertorials, and the larger forecast set); every other set is judged,
 * never trained on. Each article enters three times, as the labeller may meet it: full body, teaser (two sentences) and
 * untitled (the teaser with headline and URL blanked); the three copies stay in one fold.
 *
 * Leave one outlet out: for each outlet of cryptoprism, the model is fitted without that outlet's articles and scores
 * them; the pooled out-of-outlet scores choose the threshold (the lowest that keeps out-of-outlet precision at or above
 * TARGET_PRECISION and turns no gold news article into the kind) and give the recall to expect on an outlet never read. The shipped weights are then fitted on all of
 * cryptoprism. Then the precision check on the sets not tuned on: freecryptonews-202601, rss4-20251213, kinds-dev-2.
 *
 * Usage: node --import tsx scripts/train-form-score.ts [--write]   (--write rewrites src/pipeline/label/kinds/form-weights.ts)
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadBlind, loadGold, type GoldItem } from '../eval/sections/kinds.ts';
import { PROJECT_ROOT } from '../eval/section.ts';
import { outletOf } from '../eval/outlet-evidence.ts';
import { prepare, score } from '../src/pipeline/label/kinds/doc.ts';
import { FORECAST_FEATURES, openingOf, readFeatures, SPONSORED_FEATURES, type FormFeature } from '../src/pipeline/label/kinds/form-features.ts';
import { classifyKind } from '../src/pipeline/label/kind.ts';
import { SPONSORED_FORM_MODEL } from '../src/pipeline/label/kinds/form-weights.ts';
import type { FormModel } from '../src/pipeline/label/kinds/form-score.ts';
import { buildCorpus, judgeEvidence, reachedOnlyBySingleOutlet } from '../eval/outlet-evidence.ts';
import { SPONSORED_SIGNALS } from '../src/pipeline/label/kinds/sponsored.ts';
import { PRICE_PREDICTION_SIGNALS } from '../src/pipeline/label/kinds/price-prediction.ts';
import type { Kind } from '../src/pipeline/types.ts';
import type { KindInput, Signal } from '../src/pipeline/label/kinds/doc.ts';

const TUNE_SET = 'cryptoprism-202510';
const TARGET_PRECISION: Record<string, number> = { sponsored: 0.97, 'price-prediction': 0.85 };
const L2 = 1; // penalty on the squared weights (against a log loss summed over ~1,900 rows): keeps a rare feature from deciding alone
const NEWTON_STEPS = 12;

interface Row {
  x: number[];
  y: number;
  outlet: string;
  view: string;
  item: GoldItem;
}

const dataDir = process.env.ONESTORY_DATA ?? path.join(PROJECT_ROOT, '..', 'shared', 'data');
const { full, teaser } = loadGold(dataDir);
const blind = loadBlind(dataDir);
const untitled = teaser.map((it) => ({ ...it, input: { ...it.input, title: '', url: null } }));
const SIGNALS: Record<string, Signal[]> = { sponsored: SPONSORED_SIGNALS, 'price-prediction': PRICE_PREDICTION_SIGNALS };
const corpus = buildCorpus(full.map((it) => it.input));
const PRED = new WeakMap<KindInput, Kind>();
/** The hand-written rules' label (the learned signal left out), found once per input. */
function rulesKind(input: KindInput): Kind {
  let k = PRED.get(input);
  if (!k) PRED.set(input, (k = classifyKind(input, { learned: false }).kind));
  return k;
}
/** The rules label it `kind` through evidence some other outlet of our sets writes too (eval/outlet-evidence.ts). */
const GENERAL = new WeakMap<KindInput, boolean>();
function rulesGeneral(input: KindInput, kind: string): boolean {
  let g = GENERAL.get(input);
  if (g === undefined) GENERAL.set(input, (g = rulesKind(input) === kind && !reachedOnlyBySingleOutlet(judgeEvidence(SIGNALS[kind].filter((s) => !s.learned), input, corpus))));
  return g;
}
const views: [string, GoldItem[]][] = [
  ['full', full],
  ['teaser', teaser],
  ['untitled', untitled],
];

function rowsFor(kind: string, features: FormFeature[], items: [string, GoldItem[]][]): Row[] {
  return items.flatMap(([view, its]) =>
    its.map((item) => ({
      x: readFeatures(features, openingOf(prepare(item.input))).map((f) => f.value),
      y: item.gold === kind ? 1 : 0,
      outlet: outletOf(item.article.url, item.article.source),
      view,
      item,
    })),
  );
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** Newton's method (iteratively reweighted least squares) on the L2-penalised log loss; returns [bias, ...weights]. */
function fit(rows: Row[], n: number): number[] {
  const d = n + 1;
  let w = new Array(d).fill(0);
  for (let step = 0; step < NEWTON_STEPS; step++) {
    const g = new Array(d).fill(0);
    const H = Array.from({ length: d }, () => new Array(d).fill(0));
    for (const r of rows) {
      const x = [1, ...r.x];
      const p = sigmoid(x.reduce((s, v, i) => s + v * w[i], 0));
      const q = p * (1 - p);
      for (let i = 0; i < d; i++) {
        if (!x[i]) continue;
        g[i] += (p - r.y) * x[i];
        for (let j = 0; j < d; j++) if (x[j]) H[i][j] += q * x[i] * x[j];
      }
    }
    for (let i = 1; i < d; i++) {
      g[i] += L2 * w[i];
      H[i][i] += L2;
    }
    H[0][0] += 1e-6;
    const delta = solve(H, g);
    w = w.map((v, i) => v - delta[i]);
  }
  return w;
}

/** Gaussian elimination with partial pivoting: H x = g. */
function solve(H: number[][], g: number[]): number[] {
  const n = g.length;
  const a = H.map((row, i) => [...row, g[i]]);
  for (let c = 0; c < n; c++) {
    let piv = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(a[r][c]) > Math.abs(a[piv][c])) piv = r;
    [a[c], a[piv]] = [a[piv], a[c]];
    for (let r = 0; r < n; r++) {
      if (r === c || !a[r][c]) continue;
      const f = a[r][c] / a[c][c];
      for (let k = c; k <= n; k++) a[r][k] -= f * a[c][k];
    }
  }
  return a.map((row, i) => row[n] / row[i]);
}

const scoreOf = (w: number[], x: number[]) => sigmoid(w[0] + x.reduce((s, v, i) => s + v * w[i + 1], 0));

function report(kind: string, features: FormFeature[]): { weights: number[]; threshold: number; hint: number } {
  // Kinds are tried in order: advertorials are taken before forecasts, so the forecast model does not learn them as negatives.
  const before = kind === 'price-prediction' ? ['sponsored', 'press-release'] : [];
  const rows = rowsFor(kind, features, views.map(([v, its]) => [v, its.filter((it) => it.set === TUNE_SET && !before.includes(it.gold))]));
  const outlets = [...new Set(rows.map((r) => r.outlet))];
  const loo: { r: Row; p: number }[] = [];
  const foldWeights = new Map<string, number[]>();
  for (const o of outlets) {
    const w = fit(rows.filter((r) => r.outlet !== o), features.length);
    foldWeights.set(o, w);
    for (const r of rows.filter((r) => r.outlet === o)) loo.push({ r, p: scoreOf(w, r.x) });
  }
  // the lowest threshold that keeps out-of-outlet precision at the target and takes no news article, all three views pooled
  const ps = [...new Set(loo.map((l) => l.p))].sort((a, b) => a - b);
  let threshold = 1;
  for (const t of ps) {
    const pos = loo.filter((l) => l.p >= t);
    const tp = pos.filter((l) => l.r.y).length;
    const fromNews = pos.filter((l) => l.r.item.gold === 'news').length; // precision first: no news article may change kind
    if (pos.length && tp / pos.length >= TARGET_PRECISION[kind] && !fromNews) {
      threshold = t;
      break;
    }
  }
  if (process.argv.includes('--curve')) {
    for (const t of [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]) {
      const pos = loo.filter((l) => l.p >= t);
      const byGold = new Map<string, number>();
      for (const l of pos) byGold.set(l.r.item.gold, (byGold.get(l.r.item.gold) ?? 0) + 1);
      console.log(`  t ${t}: fires ${pos.length}  ${[...byGold].map(([g, n]) => `${g} ${n}`).join(', ')}`);
    }
  }
  let hint = threshold;
  if (kind === 'sponsored') hint = chooseHint(kind, SPONSORED_FORM_MODEL, rows, features, foldWeights, threshold);
  if (process.argv.includes('--weak')) {
    // The score as a one-point hint beside the hand-written signals: a text the rules leave as news or analysis becomes the
    // kind when the rules' own signals for it already hold one point and the score passes t.
    const ruleSignals = SIGNALS[kind].filter((s) => !s.learned);
    for (const t of [0.3, 0.4, 0.5, 0.6, 0.7, 0.8]) {
      const line = views.map(([view]) => {
        let tp = 0;
        let fp = 0;
        const fpGold = new Map<string, number>();
        for (const l of loo.filter((l) => l.r.view === view)) {
          const k = rulesKind(l.r.item.input);
          if (k === kind || (k !== 'news' && k !== 'analysis') || l.p < t) continue;
          if (score(ruleSignals, prepare(l.r.item.input)).total < 1) continue;
          if (l.r.y) tp++;
          else {
            fp++;
            fpGold.set(l.r.item.gold, (fpGold.get(l.r.item.gold) ?? 0) + 1);
          }
        }
        return `${view} +${tp} tp +${fp} fp (${[...fpGold].map(([g, n]) => `${g} ${n}`).join(', ')})`;
      });
      console.log(`  weak hint at t ${t}: ${line.join('; ')}`);
    }
  }
  console.log(`\n== ${kind}: leave one outlet out on ${TUNE_SET} (threshold ${threshold.toFixed(3)}, target P ${TARGET_PRECISION[kind]}) ==`);
  for (const [view] of views) {
    const vs = loo.filter((l) => l.r.view === view);
    const gold = vs.filter((l) => l.r.y).length;
    const learned = vs.filter((l) => l.p >= threshold);
    const ltp = learned.filter((l) => l.r.y).length;
    const rules = vs.filter((l) => rulesKind(l.r.item.input) === kind);
    const rtp = rules.filter((l) => l.r.y).length;
    const both = vs.filter((l) => l.p >= threshold || rulesKind(l.r.item.input) === kind);
    const btp = both.filter((l) => l.r.y).length;
    const gtp = vs.filter((l) => l.r.y && rulesGeneral(l.r.item.input, kind)).length;
    const gbtp = vs.filter((l) => l.r.y && (l.p >= threshold || rulesGeneral(l.r.item.input, kind))).length;
    const pr = (tp: number, n: number) => `${(n ? tp / n : 1).toFixed(3)}/${(gold ? tp / gold : 1).toFixed(3)}`;
    console.log(`${view.padEnd(9)} gold ${gold}  learned P/R ${pr(ltp, learned.length)}  rules ${pr(rtp, rules.length)}  rules+learned ${pr(btp, both.length)}  R general: rules ${(gtp / gold).toFixed(3)}, rules+learned ${(gbtp / gold).toFixed(3)}`);
    const fps = learned.filter((l) => !l.r.y).map((l) => `${l.r.item.gold}:${l.r.item.article.title.slice(0, 60)}`);
    if (fps.length) console.log(`          false alarms: ${fps.slice(0, 6).join(' | ')}`);
  }
  const weights = fit(rows, features.length);
  console.log('weights (fitted on all of ' + TUNE_SET + '):');
  console.log(`  bias ${weights[0].toFixed(3)}`);
  features.forEach((f, i) => console.log(`  ${weights[i + 1].toFixed(3).padStart(7)}  ${f.name}`));
  // the sets not tuned on
  const judged: [string, GoldItem[]][] = [
    ...views.flatMap(([view, its]) => ['freecryptonews-202601', 'rss4-20251213'].map((set) => [`${set} ${view}`, its.filter((it) => it.set === set)] as [string, GoldItem[]])),
    ['kinds-dev-2 full', blind],
    ['kinds-dev-2 untitled', blind.map((it) => ({ ...it, input: { ...it.input, title: '', url: null } }))],
  ];
  console.log('sets not tuned on (learned alone, and with the rules):');
  for (const [name, its] of judged) {
    const rs = rowsFor(kind, features, [['x', its]]);
    const gold = rs.filter((r) => r.y).length;
    const learned = rs.filter((r) => scoreOf(weights, r.x) >= threshold);
    const ltp = learned.filter((r) => r.y).length;
    const fromNews = learned.filter((r) => r.item.gold === 'news').length;
    const rules = rs.filter((r) => rulesKind(r.item.input) === kind);
    const both = rs.filter((r) => scoreOf(weights, r.x) >= threshold || rulesKind(r.item.input) === kind);
    const btp = both.filter((r) => r.y).length;
    console.log(
      `  ${name.padEnd(32)} gold ${String(gold).padStart(3)}  learned fires ${learned.length} (tp ${ltp}, from news ${fromNews})  rules ${rules.length} (tp ${rules.filter((r) => r.y).length})  rules+learned ${both.length} (tp ${btp})`,
    );
    const top = rs.filter((r) => !r.y).map((r) => ({ p: scoreOf(weights, r.x), title: r.item.article.title })).sort((a, b) => b.p - a.p)[0];
    if (top) console.log(`      highest score of a text not of the kind: ${top.p.toFixed(3)} (threshold ${threshold.toFixed(3)}) ${top.title.slice(0, 60)}`);
    for (const r of learned.filter((r) => !r.y).slice(0, 4)) console.log(`      false alarm (${r.item.gold}): ${r.item.article.title.slice(0, 80)}`);
  }
  return { weights, threshold, hint };
}

const HINT_GRID = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7]; // probabilities tried for the one-point hint

/**
 * The one-point hint: below the threshold, a score of at least `hint` adds one point to the rules' own sponsored signals.
 * Each outlet is labelled by the real labeller with the weights fitted without it in place; the lowest hint that turns no
 * gold news article sponsored and keeps the precision of what it adds at the target is chosen.
 */
function chooseHint(kind: string, model: FormModel, rows: Row[], features: FormFeature[], foldWeights: Map<string, number[]>, threshold: number): number {
  const shipped = { ...model, weights: { ...model.weights } };
  let chosen = threshold;
  const lines: string[] = [];
  for (const hint of [...HINT_GRID].reverse()) {
    let tp = 0;
    let fp = 0;
    let news = 0;
    const perView = new Map<string, number>();
    for (const [outlet, w] of foldWeights) {
      Object.assign(model, { bias: w[0], threshold, hint });
      features.forEach((f, i) => (model.weights[f.name] = w[i + 1]));
      for (const r of rows.filter((r) => r.outlet === outlet)) {
        const before = rulesKind(r.item.input) === kind;
        const after = classifyKind(r.item.input).kind === kind;
        const strong = scoreOf(w, r.x) >= threshold;
        if (!after || before || strong) continue; // only what the hint adds
        if (r.y) {
          tp++;
          perView.set(r.view, (perView.get(r.view) ?? 0) + 1);
        } else {
          fp++;
          if (r.item.gold === 'news') news++;
        }
      }
    }
    lines.push(`  hint ${hint}: adds ${tp} ${kind} (${[...perView].map(([v, n]) => `${v} ${n}`).join(', ')}), ${fp} not (${news} news)`);
    if (!news && (tp + fp === 0 || tp / (tp + fp) >= TARGET_PRECISION[kind])) chosen = hint;
    else break;
  }
  Object.assign(model, shipped);
  console.log(`one-point hint, leave one outlet out through the labeller (chosen ${chosen}):\n${lines.join('\n')}`);
  return chosen;
}

const sponsored = report('sponsored', SPONSORED_FEATURES);
const forecast = report('price-prediction', FORECAST_FEATURES);

// Only the sponsored model ships: the forecast model does not reach the precision wanted on outlets left out (see the
// report it prints), so it is trained and reported here and kept out of the labeller.
if (process.argv.includes('--write')) {
  const lines = sponsoredFeatureLines(SPONSORED_FEATURES, sponsored.weights);
  const out = `/**
 * Generated by scripts/train-form-score.ts: logistic regression over the sponsored form features (form-features.ts),
 * fitted on ${TUNE_SET} (full, teaser and untitled copies of each article); the threshold is the lowest at which the
 * leave-one-outlet-out scores keep precision at ${TARGET_PRECISION.sponsored} and take no news article; the hint, the lowest that
 * adds no news article through the labeller out of outlet. Do not edit by hand: change the features or the
 * script and run it with --write.
 */
import type { FormModel } from './form-score.ts';

export const SPONSORED_FORM_MODEL: FormModel = {
  bias: ${sponsored.weights[0].toFixed(4)},
  threshold: ${sponsored.threshold.toFixed(4)}, // probability: a signal of two points
  hint: ${sponsored.hint.toFixed(4)}, // probability: below the threshold, a one-point hint
  weights: {
${lines}
  },
};
`;
  writeFileSync(path.join(PROJECT_ROOT, 'src', 'pipeline', 'label', 'kinds', 'form-weights.ts'), out);
  console.log('\nwrote src/pipeline/label/kinds/form-weights.ts');
}

function sponsoredFeatureLines(features: FormFeature[], w: number[]): string {
  return features.map((f, i) => `    ${JSON.stringify(f.name)}: ${w[i + 1].toFixed(4)},`).join('\n');
}
