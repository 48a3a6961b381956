/**
 * Kind labelling (news, analysis, price-prediction, sponsored, press-release, opinion) against the gold
 * `kinds.json` of the three crypto sets, judged on text the rules were not written for:
 *
 * - held out: each set in turn is the test set. Anything the labeller learns or tunes is fitted on the
 *   other two sets only (`fitFor`); hand-written rules have nothing to fit, so for them the held-out figure is
 *   the set's own figure. The rules were written looking at all three sets, so even this is optimistic:
 *   what is measured on a later week we never see comes out lower.
 * - teaser: the same, with each body cut to its first two sentences. Many feeds carry only a teaser;
 *   a signal that needs the closing disclaimer or the link block finds nothing there.
 * - untitled: the teaser with its headline and URL blanked, the first two sentences alone: a forecast or an advertorial
 *   whose headline does not say so is found by these or not at all.
 * - pooled: the three held-out runs together, beside the trivial baseline "everything is news".
 * - outlet (leave one outlet out): for each outlet with at least OUTLET_MIN_GOLD articles of a focus kind, its P/R,
 *   and how many of its true positives are reached only through phrases that stand in that outlet's articles alone
 *   among our three sets (`../outlet-evidence.ts`); "R general" is the recall left without them, the figure to
 *   expect on an outlet we have never read. Full bodies and teasers.
 * - blind: kinds-dev-2 (eval/data/kinds-dev-2.jsonl), 95 texts of noise-dev and noise-dev-2 that are not in
 *   cryptoprism-202510, labelled by reading before the labeller's output was looked at. The labeller gets the
 *   title and the raw page or API text, as it gets a page's text; none of the rules was written on these sets.
 *
 * Articles go through `cleanAndLabel`, the Worker's own composition (the kind reads the text as published
 * with the cleaner's removed spans). Gold 'other' (explainers, guides) is none of our kinds: it counts as a
 * negative for every kind, so predicting anything for it is a false positive and never a true positive.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT, table, type SectionContext, type SectionResult, type Thresholds } from '../section.ts';
import { cleanAndLabel } from '../../src/pipeline/clean-and-label.ts';
import { classifyKind, type KindInput } from '../../src/pipeline/label/kind.ts';
import { KINDS, type Kind } from '../../src/pipeline/types.ts';
import { SPONSORED_SIGNALS } from '../../src/pipeline/label/kinds/sponsored.ts';
import { PRESS_RELEASE_SIGNALS } from '../../src/pipeline/label/kinds/press-release.ts';
import { PRICE_PREDICTION_SIGNALS } from '../../src/pipeline/label/kinds/price-prediction.ts';
import type { Signal } from '../../src/pipeline/label/kinds/doc.ts';
import { buildCorpus, judgeEvidence, outletOf, reachedOnlyBySingleOutlet, type OutletCorpus } from '../outlet-evidence.ts';

export const SETS = ['cryptoprism-202510', 'freecryptonews-202601', 'rss4-20251213'] as const;
const QUICK_EVERY = 3; // --quick keeps every 3rd article
/** The kinds readers filter on; each gets a held-out threshold per set. */
const FOCUS: Kind[] = ['sponsored', 'press-release', 'price-prediction'];
const FOCUS_SIGNALS: Record<string, Signal[]> = {
  sponsored: SPONSORED_SIGNALS,
  'press-release': PRESS_RELEASE_SIGNALS,
  'price-prediction': PRICE_PREDICTION_SIGNALS,
};
const OUTLET_MIN_GOLD = 3; // articles of a focus kind an outlet needs before its own row is worth reading
const TEASER_SENTENCES = 2; // "title + one or two sentences": what a teaser feed gives
const TEASER_MAX_CHARS = 400; // a run-on first sentence is still a teaser
/** Timing passes over the full bodies: the first warms the regex engine up, the mean of the rest is reported. */
const TIMING_PASSES = 3;

// Just under what the rules reach, per held-out set. Before issue 8: cryptoprism sponsored P 0.990 R 0.969,
// press-release P 1.000 R 0.933, price-prediction P 0.950 R 0.679; freecryptonews price-prediction P 0.846 R 0.550.
// Then: cryptoprism sponsored 1.000/0.969, price-prediction 0.865/0.917; freecryptonews price-prediction 0.944/0.850;
// after the pundit-called-move headline (kinds-blind): price-prediction cryptoprism 0.870/0.952, freecryptonews 0.947/0.900;
// press-release cryptoprism 1.000/1.000, freecryptonews 1/1, rss4 20/20; rss4 price-prediction 2/2.
// A kind absent from a set (no gold, none predicted) scores 1 there, so the bound only catches false positives.
export const thresholds: Thresholds = {
  'kinds.heldout.cryptoprism-202510.sponsored.precision': { min: 0.99 },
  'kinds.heldout.cryptoprism-202510.sponsored.recall': { min: 0.96 },
  'kinds.heldout.cryptoprism-202510.press-release.precision': { min: 0.99 },
  'kinds.heldout.cryptoprism-202510.press-release.recall': { min: 0.99 },
  'kinds.heldout.cryptoprism-202510.price-prediction.precision': { min: 0.86 },
  'kinds.heldout.cryptoprism-202510.price-prediction.recall': { min: 0.94 },
  'kinds.heldout.freecryptonews-202601.sponsored.precision': { min: 0.99 },
  'kinds.heldout.freecryptonews-202601.press-release.precision': { min: 0.99 },
  'kinds.heldout.freecryptonews-202601.press-release.recall': { min: 0.99 },
  'kinds.heldout.freecryptonews-202601.price-prediction.precision': { min: 0.94 },
  'kinds.heldout.freecryptonews-202601.price-prediction.recall': { min: 0.89 },
  'kinds.heldout.rss4-20251213.sponsored.precision': { min: 0.99 },
  'kinds.heldout.rss4-20251213.press-release.precision': { min: 0.99 },
  'kinds.heldout.rss4-20251213.press-release.recall': { min: 0.99 },
  'kinds.heldout.rss4-20251213.price-prediction.precision': { min: 0.99 },
  'kinds.heldout.rss4-20251213.price-prediction.recall': { min: 0.99 },
  'kinds.pooled.accuracy': { min: 0.81 },
  'kinds.pooled.macro_f1': { min: 0.76 },
  // Teasers: what a feed that gives two sentences leaves of the evidence. Before the kinds-general branch: sponsored
  // 1.000/0.551, price-prediction 0.745/0.905; then sponsored 1.000/0.653, price-prediction 0.800/0.905; kinds-blind:
  // sponsored 1.000/0.694 (rotation into a newcomer), price-prediction 0.806/0.940; kinds-s19: sponsored 1.000/0.776 and
  // price-prediction 0.832/0.940 (a promise on an unknown token in the headline, the hunt for the next winner); then
  // 1.000/0.796 and 0.840/0.940 (a sub-dime token as a newcomer, an unnamed newcomer pitched); then 1.000/0.765 and
  // 0.823/0.940: a name in capitals beside a multiple or a yield no longer counts as a promise on an unknown token
  // (it fired on invented news such as "Solana ETF eyes 20x inflows", "BlackRock CEO sees 10x upside"); then 1.000/0.776
  // and 0.832/0.940 (a name tipped to the reader for a multiple of gains counts again); kinds-s22: 1.000/0.786 and
  // 0.840/0.940 (a newcomer raced against known coins in the headline).
  'kinds.teaser.cryptoprism-202510.sponsored.precision': { min: 0.99 },
  'kinds.teaser.cryptoprism-202510.sponsored.recall': { min: 0.80 },
  'kinds.teaser.cryptoprism-202510.press-release.precision': { min: 0.99 },
  'kinds.teaser.cryptoprism-202510.press-release.recall': { min: 0.86 },
  'kinds.teaser.cryptoprism-202510.price-prediction.precision': { min: 0.835 },
  'kinds.teaser.cryptoprism-202510.price-prediction.recall': { min: 0.93 },
  // Leave one outlet out, outlets with 3+ gold of the kind (kinds-s22): recall without the true positives reached only
  // through phrases no other outlet of our sets writes. First measure, before any labeller change: sponsored 0.946 full /
  // 0.511 teaser, press-release 0.667 / 0.667, price-prediction 0.758 / 0.726. Then press-release 0.889 / 0.852 (the
  // wires' capital-city dateline after a subtitle) and sponsored teaser 0.533 (a newcomer raced against known coins).
  'kinds.outlet.full.sponsored.general_recall': { min: 0.94 },
  'kinds.outlet.teaser.sponsored.general_recall': { min: 0.60 },
  'kinds.outlet.full.press-release.general_recall': { min: 0.88 },
  'kinds.outlet.teaser.press-release.general_recall': { min: 0.85 },
  'kinds.outlet.full.price-prediction.general_recall': { min: 0.75 },
  'kinds.outlet.teaser.price-prediction.general_recall': { min: 0.72 },
  // Untitled (kinds-s23): the teaser with its headline and URL blanked. First measure, with main's labeller (81f6915):
  // sponsored 1.000/0.112, press-release 0.962/0.694, price-prediction 0.821/0.217 (near the later week of issue 8:
  // 1.00/0.46, 1.00/0.33, 0.95/0.27). Then price-prediction 0.771/0.255 (a destination with a horizon: +4 found, +3
  // advertorials whose first two sentences forecast a known coin; no news or analysis added) and sponsored 1.000/0.122;
  // then sponsored 1.000/0.224 and price-prediction 0.794/0.255 (a newcomer after a known-coin hook); then sponsored
  // 1.000/0.235 (the hunt for bargain tokens). kinds-s24, the learned promotion form (form-score.ts): sponsored 1.000/0.337,
  // press-release precision 1.000 (its one false alarm, an advertorial, is now sponsored); teaser R general 0.543 -> 0.598;
  // with its one-point hint (a score under the threshold that agrees with a hand-written signal): untitled sponsored
  // 1.000/0.378, teaser cryptoprism 1.000/0.806, teaser R general 0.609.
  // The learned weights were fitted on all of cryptoprism, so its figures here are in-sample for that signal: the recall to
  // expect on outlets never read is the leave-one-outlet-out figure of scripts/train-form-score.ts (untitled 0.224 -> 0.286,
  // teaser R general 0.541 -> 0.653, full 0.929 -> 0.939, at out-of-outlet precision 1.000, 0.987 and 0.979).
  'kinds.untitled.pooled.sponsored.precision': { min: 0.99 },
  'kinds.untitled.pooled.sponsored.recall': { min: 0.37 },
  'kinds.untitled.pooled.press-release.precision': { min: 0.99 },
  'kinds.untitled.pooled.press-release.recall': { min: 0.69 },
  'kinds.untitled.pooled.price-prediction.precision': { min: 0.79 },
  'kinds.untitled.pooled.price-prediction.recall': { min: 0.25 },
  // kinds-dev-2, blind (eval/data/README.md): first measure sponsored 1.000/1.000 (one text), price-prediction
  // 0.833/0.714, accuracy 0.705; after the pundit-called-move headline 0.857/0.857 (teaser cryptoprism 0.806/0.940).
  'kinds.blind.kinds-dev-2.sponsored.precision': { min: 0.99 },
  'kinds.blind.kinds-dev-2.sponsored.recall': { min: 0.99 },
  'kinds.blind.kinds-dev-2.press-release.precision': { min: 0.99 },
  'kinds.blind.kinds-dev-2.price-prediction.precision': { min: 0.85 },
  'kinds.blind.kinds-dev-2.price-prediction.recall': { min: 0.85 },
  'kinds.blind.kinds-dev-2.accuracy': { min: 0.70 },
  // No news article may become sponsored, in any view (kinds-s24; 0 everywhere before and after the learned promotion form).
  ...Object.fromEntries(
    ['heldout', 'teaser', 'untitled'].flatMap((view) => SETS.map((set) => [`kinds.${view}.${set}.news_as_sponsored`, { max: 0 }])),
  ),
  'kinds.blind.kinds-dev-2.news_as_sponsored': { max: 0 },
};

export interface Article {
  id: string;
  source: string;
  url: string;
  title: string;
  body: string;
}

/** One gold article, with the labeller's input as the Worker builds it. */
export interface GoldItem {
  set: string;
  article: Article;
  gold: string; // one of KINDS or 'other'
  input: KindInput;
}

interface Pair {
  gold: string;
  pred: Kind;
}

export interface KindScore {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

/** A labeller fitted on some gold items (hand-written rules ignore them). */
export type Labeller = (input: KindInput) => Kind;
export type FitFor = (train: GoldItem[]) => Labeller;

/** The labeller as shipped: nothing to fit. */
export const fitFor: FitFor = () => (input) => classifyKind(input).kind;

/** Precision, recall and F1 of one kind; an empty denominator scores 1 (nothing claimed, nothing missed). */
export function scoreKind(pairs: Pair[], kind: Kind): KindScore {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const { gold, pred } of pairs) {
    if (pred === kind && gold === kind) tp++;
    else if (pred === kind) fp++;
    else if (gold === kind) fn++;
  }
  const precision = tp + fp ? tp / (tp + fp) : 1;
  const recall = tp + fn ? tp / (tp + fn) : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { tp, fp, fn, precision, recall, f1 };
}

/** The first sentences of a body, as a teaser feed gives them. */
export function teaserOf(body: string): string {
  const text = body.replace(/\s+/g, ' ').trim();
  let end = 0;
  const re = /[.!?…](?:["”’')\]]*)\s+(?=["“‘'(]?[A-Z0-9$])/g;
  for (let n = 0; n < TEASER_SENTENCES; n++) {
    const m = re.exec(text);
    if (!m) {
      end = text.length;
      break;
    }
    end = m.index + m[0].length;
  }
  return text.slice(0, Math.min(end || text.length, TEASER_MAX_CHARS)).trim();
}

function readArticles(dataDir: string, name: string): { articles: Article[]; gold: Record<string, string> } {
  const dir = path.join(dataDir, 'gold', name);
  const gold = JSON.parse(readFileSync(path.join(dir, 'kinds.json'), 'utf8')) as Record<string, string>;
  const articles = readFileSync(path.join(dir, 'articles.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Article);
  return { articles, gold };
}

/** Every gold article of the three sets, full and as a teaser, each prepared as the Worker prepares it. */
export function loadGold(dataDir: string, quick = false): { full: GoldItem[]; teaser: GoldItem[] } {
  const full: GoldItem[] = [];
  const teaser: GoldItem[] = [];
  for (const set of SETS) {
    const { articles, gold } = readArticles(dataDir, set);
    articles.forEach((article, i) => {
      if (quick && i % QUICK_EVERY) return;
      const prep = (body: string): GoldItem => {
        const { cleaned } = cleanAndLabel(body, { title: article.title, url: article.url, source: article.source });
        const input: KindInput = { title: article.title ?? '', text: body, url: article.url, source: article.source, removed: cleaned.removed };
        return { set, article, gold: gold[article.id], input };
      };
      full.push(prep(article.body ?? ''));
      teaser.push(prep(teaserOf(article.body ?? '')));
    });
  }
  return { full, teaser };
}

const BLIND_FILE = path.join(PROJECT_ROOT, 'eval', 'data', 'kinds-dev-2.jsonl');
const BLIND_SETS = ['noise-dev', 'noise-dev-2'] as const;

interface NoiseText {
  id: string;
  source: string;
  url: string | null;
  title: string | null;
  input: string;
}

/** kinds-dev-2: our labels (no text) joined with the texts of noise-dev and noise-dev-2, prepared as the Worker prepares a page. */
export function loadBlind(dataDir: string): GoldItem[] {
  const texts = new Map<string, NoiseText>();
  for (const set of BLIND_SETS) {
    for (const line of readFileSync(path.join(dataDir, 'gold', set, 'docs.jsonl'), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const d = JSON.parse(line) as NoiseText;
      texts.set(`${set}/${d.id}`, d);
    }
  }
  return readFileSync(BLIND_FILE, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => {
      const label = JSON.parse(l) as { set: string; id: string; kind: string };
      const d = texts.get(`${label.set}/${label.id}`);
      if (!d) throw new Error(`kinds-dev-2: no text for ${label.set}/${label.id}`);
      const article: Article = { id: d.id, source: d.source, url: d.url ?? '', title: d.title ?? '', body: d.input };
      const { cleaned } = cleanAndLabel(d.input, { title: article.title, url: article.url, source: article.source });
      const input: KindInput = { title: article.title, text: d.input, url: article.url, source: article.source, removed: cleaned.removed };
      return { set: 'kinds-dev-2', article, gold: label.kind, input };
    });
}

/**
 * The teaser with its headline and URL blanked: what the first two sentences alone carry. A forecast whose headline is a
 * question or a hook, or an advertorial whose headline reads as news, is found here or not at all (issue 8 names both).
 */
function untitledOf(items: GoldItem[]): GoldItem[] {
  return items.map((it) => ({ ...it, input: { ...it.input, title: '', url: null } }));
}

/** Each set labelled by a labeller fitted on the other two. */
function heldOut(items: GoldItem[], fit: FitFor): Record<string, Pair[]> {
  const pairs: Record<string, Pair[]> = {};
  for (const set of SETS) {
    const label = fit(items.filter((it) => it.set !== set));
    pairs[set] = items.filter((it) => it.set === set).map((it) => ({ gold: it.gold, pred: label(it.input) }));
  }
  return pairs;
}

/** Mean ms to label one article with the shipped labeller (reasons and all), after a warm-up pass. */
function msPerArticle(items: GoldItem[]): number {
  let ms = 0;
  for (let pass = 0; pass < TIMING_PASSES; pass++) {
    const t0 = performance.now();
    for (const it of items) classifyKind(it.input);
    if (pass) ms += performance.now() - t0;
  }
  return ms / (TIMING_PASSES - 1) / items.length;
}

export default async function kinds(ctx: SectionContext): Promise<SectionResult> {
  const metrics: Record<string, number> = {};
  const { full, teaser } = loadGold(ctx.dataDir, ctx.quick);
  const blind = loadBlind(ctx.dataDir);
  const label = fitFor([...full]); // fitted on all three gold sets: none of kinds-dev-2 is among them
  const views: Record<string, Record<string, Pair[]>> = {
    heldout: heldOut(full, fitFor),
    teaser: heldOut(teaser, fitFor),
    untitled: heldOut(untitledOf(teaser), fitFor),
    blind: { 'kinds-dev-2': blind.map((it) => ({ gold: it.gold, pred: label(it.input) })) },
  };

  const rows: (string | number)[][] = [];
  const pooled: Record<string, Pair[]> = {};
  for (const [view, pairs] of Object.entries(views)) {
    const all = Object.values(pairs).flat();
    pooled[view] = all;
    const sets = view === 'blind' ? Object.entries(pairs) : [...Object.entries(pairs), ['pooled', all] as const];
    for (const [setName, ps] of sets) {
      const key = setName === 'pooled' && view === 'heldout' ? 'pooled' : `${view}.${setName}`;
      for (const kind of KINDS) {
        const o = scoreKind(ps, kind);
        const b = scoreKind(ps.map((p) => ({ gold: p.gold, pred: 'news' as Kind })), kind);
        metrics[`kinds.${key}.${kind}.precision`] = o.precision;
        metrics[`kinds.${key}.${kind}.recall`] = o.recall;
        metrics[`kinds.${key}.${kind}.f1`] = o.f1;
        if (!(o.tp + o.fn) && !o.fp) continue; // this kind is absent from the set and never predicted
        rows.push([view, setName, kind, o.tp + o.fn, o.tp, o.fp, o.fn, o.precision, o.recall, o.f1, b.f1]);
      }
      // precision first: a news article taken for an advertorial hides a report from readers who filter advertorials out
      metrics[`kinds.${view}.${setName}.news_as_sponsored`] = ps.filter((p) => p.gold === 'news' && p.pred === 'sponsored').length;
      const acc = ps.filter((p) => p.gold === p.pred).length / ps.length;
      const baseAcc = ps.filter((p) => p.gold === 'news').length / ps.length;
      metrics[`kinds.${key}.accuracy`] = acc;
      metrics[`kinds.${key}.baseline_accuracy`] = baseAcc;
      rows.push([view, setName, 'accuracy', ps.length, '', '', '', '', '', acc, baseAcc]);
    }
  }
  const macro = (ps: Pair[]) => KINDS.reduce((s, k) => s + scoreKind(ps, k).f1, 0) / KINDS.length;
  metrics['kinds.pooled.macro_f1'] = macro(pooled.heldout);
  metrics['kinds.pooled.baseline_macro_f1'] = macro(pooled.heldout.map((p) => ({ gold: p.gold, pred: 'news' as Kind })));
  metrics['kinds.teaser.pooled.macro_f1'] = macro(pooled.teaser);
  metrics['kinds.ms_per_article'] = msPerArticle(full);
  metrics['kinds.teaser.ms_per_article'] = msPerArticle(teaser);

  const corpus = buildCorpus(full.map((it) => it.input));
  const outletRows: (string | number)[][] = [];
  const lonelyLines: string[] = [];
  for (const [view, items] of [['full', full], ['teaser', teaser]] as const) {
    const lonely = new Map<string, number>();
    for (const kind of FOCUS) {
      const s = outletView(items, kind, corpus, lonely);
      outletRows.push(...s.rows.map((r) => [view, ...r]));
      outletRows.push([view, 'outlets >= ' + OUTLET_MIN_GOLD, kind, s.gold, s.tp, s.fp, s.single, s.precision, s.recall, s.general]);
      metrics[`kinds.outlet.${view}.${kind}.precision`] = s.precision;
      metrics[`kinds.outlet.${view}.${kind}.recall`] = s.recall;
      metrics[`kinds.outlet.${view}.${kind}.general_recall`] = s.general;
      metrics[`kinds.outlet.${view}.${kind}.single_outlet_tp`] = s.single;
    }
    lonelyLines.push(`single-outlet evidence most relied on, ${view} (articles, signal: phrase, outlet):`);
    lonelyLines.push(...[...lonely].sort((a, b) => b[1] - a[1]).slice(0, LONELY_SHOWN).map(([k, n]) => `  ${n}  ${k}`));
  }

  const focusLine = (view: string) =>
    Object.keys(views[view]).map((set) => `${set}: ` + FOCUS.map((k) => {
      const s = scoreKind(views[view][set], k);
      return s.tp + s.fn || s.fp ? `${k} ${s.precision.toFixed(2)}/${s.recall.toFixed(2)}` : null;
    }).filter(Boolean).join(', ')).join('; ');

  const report = [
    'heldout: each set labelled by what was fitted on the other two (rules fit nothing); teaser: bodies cut to two sentences;',
    'untitled: the teaser with headline and URL blanked (the first two sentences alone)',
    table(['view', 'set', 'kind', 'gold', 'tp', 'fp', 'fn', 'P', 'R', 'F1', 'F1 all-news'], rows),
    '',
    `pooled macro F1 over our ${KINDS.length} kinds: ${metrics['kinds.pooled.macro_f1'].toFixed(3)} ` +
      `(teaser ${metrics['kinds.teaser.pooled.macro_f1'].toFixed(3)}; all-news baseline ${metrics['kinds.pooled.baseline_macro_f1'].toFixed(3)}); ` +
      `${metrics['kinds.ms_per_article'].toFixed(3)} ms an article (teaser ${metrics['kinds.teaser.ms_per_article'].toFixed(3)} ms)`,
    '',
    'confusion, pooled held out (rows gold, columns predicted; gold "other" = explainers/guides, none of our kinds):',
    confusion(pooled.heldout),
    '',
    `focus kinds P/R, held out: ${focusLine('heldout')}`,
    `focus kinds P/R, teaser:   ${focusLine('teaser')}`,
    `focus kinds P/R, untitled: ${focusLine('untitled')} (teaser with headline and URL blanked)`,
    `focus kinds P/R, blind:    ${focusLine('blind')}`,
    '',
    'gold news, what it became, per set and view (the confusion row of news; no news article may become sponsored):',
    ...Object.entries(views).flatMap(([view, pairs]) => Object.entries(pairs).map(([set, ps]) => `  ${view.padEnd(9)} ${set.padEnd(22)} ${newsRow(ps)}`)),
    '',
    'leave one outlet out (rules fit nothing: "single" = true positives reached only through phrases no other outlet of our',
    'sets uses; "R general" = recall without them, what to expect on an outlet never read):',
    table(['view', 'outlet', 'kind', 'gold', 'tp', 'fp', 'single', 'P', 'R', 'R general'], outletRows),
    ...lonelyLines,
    '',
    'blind misses and false alarms (kinds-dev-2, focus kinds; gold -> predicted):',
    ...blindErrors(blind, label),
  ].join('\n');
  return { name: 'kinds', report, metrics };
}

const LONELY_SHOWN = 15; // single-outlet phrases listed under the table

interface OutletSummary {
  rows: (string | number)[][];
  gold: number;
  tp: number;
  fp: number;
  single: number;
  precision: number;
  recall: number;
  general: number;
}

/** One focus kind, outlet by outlet: P/R, and the true positives that rest on one outlet's own words. */
function outletView(items: GoldItem[], kind: Kind, corpus: OutletCorpus, lonely: Map<string, number>): OutletSummary {
  const byOutlet = new Map<string, GoldItem[]>();
  for (const it of items) {
    const o = outletOf(it.article.url, it.article.source);
    byOutlet.set(o, [...(byOutlet.get(o) ?? []), it]);
  }
  const rows: (string | number)[][] = [];
  const sum = { gold: 0, tp: 0, fp: 0, single: 0 };
  for (const [outlet, its] of [...byOutlet].sort((a, b) => a[0].localeCompare(b[0]))) {
    const gold = its.filter((it) => it.gold === kind).length;
    if (gold < OUTLET_MIN_GOLD) continue;
    let tp = 0;
    let fp = 0;
    let single = 0;
    for (const it of its) {
      const pred = classifyKind(it.input).kind;
      if (pred !== kind) continue;
      if (it.gold !== kind) {
        fp++;
        continue;
      }
      tp++;
      const verdict = judgeEvidence(FOCUS_SIGNALS[kind], it.input, corpus);
      if (!reachedOnlyBySingleOutlet(verdict)) continue;
      single++;
      for (const why of verdict.single) lonely.set(`${why} (${outlet})`, (lonely.get(`${why} (${outlet})`) ?? 0) + 1);
    }
    rows.push([outlet, kind, gold, tp, fp, single, tp + fp ? tp / (tp + fp) : 1, tp / gold, (tp - single) / gold]);
    sum.gold += gold;
    sum.tp += tp;
    sum.fp += fp;
    sum.single += single;
  }
  const precision = sum.tp + sum.fp ? sum.tp / (sum.tp + sum.fp) : 1;
  const recall = sum.gold ? sum.tp / sum.gold : 1;
  const general = sum.gold ? (sum.tp - sum.single) / sum.gold : 1;
  return { rows, ...sum, precision, recall, general };
}

/** The kinds-dev-2 items where gold or prediction is a focus kind and they differ: what to read next. */
function blindErrors(items: GoldItem[], label: Labeller): string[] {
  return items.flatMap((it) => {
    const pred = label(it.input);
    const focus = FOCUS.includes(it.gold as Kind) || FOCUS.includes(pred);
    return focus && pred !== it.gold ? [`  ${it.article.id} ${it.gold} -> ${pred}: ${it.article.title.slice(0, 90)}`] : [];
  });
}

/** "news 263, analysis 4": where the gold news articles of a set went. */
function newsRow(pairs: Pair[]): string {
  const news = pairs.filter((p) => p.gold === 'news');
  return KINDS.map((k) => [k, news.filter((p) => p.pred === k).length] as const)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
}

function confusion(pairs: Pair[]): string {
  const golds = [...KINDS, 'other'];
  const rows = golds.map((g) => [g, ...KINDS.map((p) => pairs.filter((x) => x.gold === g && x.pred === p).length)]);
  return table(['gold \\ pred', ...KINDS], rows.filter((r) => r.slice(1).some((n) => Number(n) > 0)));
}
