/**
 * Noise removal on eleven gold sets side by side: noise-dev (80 real crypto texts, the set the rules were written
 * against), noise-dev-2 (64, labelled later, first measured before any rule was written for it), noise-dev-3 (94
 * API bodies of ~25 outlets, labelled by us in December 2026 and measured once before any tuning) and noise-dev-4
 * (73 more such bodies, kept untouched: measured once, never tuned on), noise-dev-5 (60 more), noise-dev-6 (52 more),
 * noise-dev-7 (81 more, 2026-12-06) and noise-dev-8 (33 more, 2026-12-07) and noise-dev-9 (42 more, 2026-12-07: the judges, never tuned on),
 * noise-dev-10 and -11 (28 and 14 whole web pages of general-news outlets, flattened as the held-out page texts are),
 * noise-dev-12 (22 more such pages: the third judge), noise-dev-13 (20 pages of readability-test-pages: the fourth judge),
 * each labelled and measured once before any tuning; see eval/data/README.md). For each: the share of noise spans that survive cleaning, overall and by category, and the
 * body F1, precision and recall (the article-extraction-benchmark 4-gram metric) against the gold body, beside the
 * "no cleaning" baseline computed in the same run. A rule earns its place on the sets it was not written for.
 *
 * Survival, as the sets' README defines it: a span survives when its text (white space folded, entities decoded)
 * stands in the cleaned output more often than in the gold body (some noise repeats body text). Spans shorter than
 * MIN_SPAN_CHARS are not counted (a one-word label can stand in prose by chance), as in the issue's figures.
 */
import { clean } from '../../src/pipeline/clean/index.ts';
import { NOISE_CATEGORIES, type NoiseCategory } from '../../src/pipeline/types.ts';
import { aebScore } from '../metrics/aeb.ts';
import { JUDGE_SETS, loadNoiseSet, NOISE_SETS, type NoiseDoc, type NoiseSetName } from '../noise-sets.ts';
import { cryptoprismItems, OutletHistories } from '../outlet-history-sim.ts';
import { table, type SectionContext, type SectionResult, type Thresholds } from '../section.ts';

const QUICK_EVERY = 4; // --quick keeps every 4th document
/** Timing passes over the sets: the first warms the regex engine up, the mean of the rest is reported. */
const TIMING_PASSES = 3;
/** Spans shorter than this (folded characters) are not scored. */
export const MIN_SPAN_CHARS = 12;
/** Metric key prefix per set. */
const KEY: Record<NoiseSetName, string> = { 'noise-dev': 'noise.dev', 'noise-dev-2': 'noise.dev2', 'noise-dev-3': 'noise.dev3', 'noise-dev-4': 'noise.dev4', 'noise-dev-5': 'noise.dev5', 'noise-dev-6': 'noise.dev6', 'noise-dev-7': 'noise.dev7', 'noise-dev-8': 'noise.dev8', 'noise-dev-9': 'noise.dev9', 'noise-dev-10': 'noise.dev10', 'noise-dev-11': 'noise.dev11', 'noise-dev-12': 'noise.dev12', 'noise-dev-13': 'noise.dev13' };

/** Just under what the cleaner reaches (see README "Measured"). */
export const thresholds: Thresholds = {
  // 0.3 % / 3.0 % / 0.995 / 0.991 since segclass-s24's segment model (0.5 % / 6.1 % / 0.994 / 0.990 before)
  'noise.dev.survived': { max: 0.004 },
  'noise.dev.worst_category_survived': { max: 0.035 },
  'noise.dev.body_f1': { min: 0.993 },
  'noise.dev.body_precision': { min: 0.989 },
  'noise.dev2.survived': { max: 0.010 },
  'noise.dev2.body_f1': { min: 0.990 },
  'noise.dev2.body_precision': { min: 0.989 },
  'noise.dev3.survived': { max: 0.032 },
  'noise.dev3.body_f1': { min: 0.995 },
  'noise.dev3.body_precision': { min: 0.993 },
  'noise.dev4.survived': { max: 0.039 },
  'noise.dev4.body_f1': { min: 0.984 },
  'noise.dev4.body_precision': { min: 0.975 },
  'noise.dev5.survived': { max: 0.005 },
  'noise.dev5.body_f1': { min: 0.996 },
  'noise.dev5.body_precision': { min: 0.996 },
  'noise.dev6.survived': { max: 0.005 },
  'noise.dev6.body_f1': { min: 0.997 },
  'noise.dev6.body_precision': { min: 0.997 },
  'noise.dev7.survived': { max: 0.010 },
  'noise.dev7.body_f1': { min: 0.996 },
  'noise.dev7.body_precision': { min: 0.996 },
  // the judge set, never tuned on: 27.7 % / 0.988 / 0.980 the first time it ran, 25.3 % / 0.992 / 0.987 after branch
  // noise-s20 (written without seeing it); a threshold only stops it getting worse
  'noise.dev8.survived': { max: 0.26 },
  'noise.dev8.body_f1': { min: 0.990 },
  'noise.dev8.body_precision': { min: 0.985 },
  // the second judge (42 Cryptopolitan and CoinOtag bodies): 8.8 % / 0.992 / 0.987 the first time it ran (main at
  // 01c98a2, before any branch of stop 21); 8.1 % after noise-s22's attribution-note (written without seeing it)
  'noise.dev9.survived': { max: 0.085 },
  'noise.dev9.body_f1': { min: 0.990 },
  'noise.dev9.body_precision': { min: 0.985 },
  // whole web pages of 42 general-news outlets none of our sets holds, flattened as the held-out page texts are
  // (eval/flatten-page.ts), labelled 2026-12-07; measured once before any rule was written for them (main at 81f6915):
  // dev-10 41.6 % / 0.800 / 0.675, dev-11 43.8 % / 0.834 / 0.729. Open to tuning from then on, one against the other.
  // After pages-s23 (page-margins, site-suffixed and cut-short title copies, glued bylines) and captions-s23
  // (picture-credit), merged: 27.2 % / 0.849 / 0.749 and 24.3 % / 0.870 / 0.781. After furniture-s24 (glued page bylines
  // and stamps, share runs, sign-up forms) and segclass-s24's segment model (trained on both, with the other tune sets,
  // retrained on the merged rules): 18.0 % / 0.876 / 0.789 and 18.8 % / 0.884 / 0.803.
  'noise.dev10.survived': { max: 0.185 },
  'noise.dev10.body_f1': { min: 0.872 },
  'noise.dev10.body_precision': { min: 0.785 },
  'noise.dev11.survived': { max: 0.19 },
  'noise.dev11.body_f1': { min: 0.880 },
  'noise.dev11.body_precision': { min: 0.800 },
  // the third judge: 22 more such pages (22 more outlets), 43.6 % / 0.818 / 0.700 the first time it ran (main at 9a6ddbd);
  // 28.6 % / 0.857 / 0.759 after pages-s23 and captions-s23 (both written without seeing its texts); 25.0 % / 0.878 /
  // 0.793 after furniture-s24 and segclass-s24 (neither trained nor tuned on it; the model's thresholds come from
  // held-out tune outlets)
  'noise.dev12.survived': { max: 0.255 },
  'noise.dev12.body_f1': { min: 0.875 },
  'noise.dev12.body_precision': { min: 0.790 },
  // the fourth judge: 20 pages of readability-test-pages (20 more outlets), 30.6 % / 0.875 / 0.795 the first time it
  // ran (main at 4379755); 27.5 % / 0.879 / 0.803 after furniture-s24 and segclass-s24
  'noise.dev13.survived': { max: 0.28 },
  'noise.dev13.body_f1': { min: 0.875 },
  'noise.dev13.body_precision': { min: 0.800 },
};

type Doc = Pick<NoiseDoc, 'id' | 'gold' | 'noise'>;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', hellip: '…', ndash: '–', mdash: '—', rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“' };

/** White space folded and HTML entities decoded, as the survival rule compares texts. */
export function fold(text: string): string {
  return text
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
      if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
      return ENTITIES[e.toLowerCase()] ?? m;
    })
    .replace(/\s+/g, ' ')
    .trim();
}

function count(haystack: string, needle: string): number {
  if (!needle) return 0;
  let n = 0;
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + needle.length)) n++;
  return n;
}

export interface Survival {
  spans: number;
  survived: number;
  byCategory: Map<NoiseCategory, { spans: number; survived: number }>;
  surviving: { id: string; category: NoiseCategory; text: string }[];
}

/** Which gold noise spans survive in each output. */
export function survival(docs: readonly Doc[], outputs: readonly string[]): Survival {
  const byCategory = new Map(NOISE_CATEGORIES.map((c): [NoiseCategory, { spans: number; survived: number }] => [c, { spans: 0, survived: 0 }]));
  const surviving: Survival['surviving'] = [];
  let spans = 0;
  docs.forEach((doc, i) => {
    const out = fold(outputs[i]);
    const gold = fold(doc.gold);
    for (const n of doc.noise) {
      const t = fold(n.text);
      if (t.length < MIN_SPAN_CHARS) continue;
      spans++;
      const c = byCategory.get(n.category)!;
      c.spans++;
      if (count(out, t) > count(gold, t)) {
        c.survived++;
        surviving.push({ id: doc.id, category: n.category, text: t });
      }
    }
  });
  return { spans, survived: surviving.length, byCategory, surviving };
}

interface SetResult {
  name: NoiseSetName;
  docs: number;
  base: { survival: Survival; body: ReturnType<typeof aebScore> };
  ours: { survival: Survival; body: ReturnType<typeof aebScore> };
}

const share = (s: { spans: number; survived: number }) => (s.spans ? s.survived / s.spans : 0);

export function scoreSet(name: NoiseSetName, docs: readonly NoiseDoc[], cleaned: readonly string[]): SetResult {
  return {
    name,
    docs: docs.length,
    base: { survival: survival(docs, docs.map((d) => d.input)), body: aebScore(docs.map((d) => ({ truth: d.gold, pred: d.input }))) },
    ours: { survival: survival(docs, cleaned), body: aebScore(docs.map((d, i) => ({ truth: d.gold, pred: cleaned[i] }))) },
  };
}

export default async function noise(ctx: SectionContext): Promise<SectionResult> {
  const sets = NOISE_SETS.map((name) => {
    const all = loadNoiseSet(ctx.dataDir, name);
    return { name, docs: ctx.quick ? all.filter((_, i) => i % QUICK_EVERY === 0) : all };
  });
  const rulesOnly = sets.map(({ name, docs }) => scoreSet(name, docs, docs.map((d) => clean(d.input, { title: d.title, source: d.source }).text)));
  const histories = new OutletHistories([...sets.flatMap((s) => s.docs.map((d) => ({ id: d.id, source: d.source, text: d.input }))), ...cryptoprismItems(ctx.dataDir)]);
  const cleanedOf = new Map<NoiseDoc, string>();
  const results = sets.map(({ name, docs }) =>
    scoreSet(
      name,
      docs,
      docs.map((d) => {
        const out = clean(d.input, { title: d.title, source: d.source, history: histories.historyFor(d) }).text;
        cleanedOf.set(d, out);
        return out;
      }),
    ),
  );

  const everyDoc = sets.flatMap((s) => s.docs);
  const times: number[] = [];
  for (let pass = 0; pass < TIMING_PASSES; pass++) {
    const t0 = performance.now();
    for (const d of everyDoc) clean(d.input, { title: d.title, source: d.source });
    times.push((performance.now() - t0) / everyDoc.length);
  }
  const msPerDoc = times.slice(1).reduce((a, b) => a + b, 0) / (TIMING_PASSES - 1);

  const metrics: Record<string, number> = { 'noise.ms_per_doc': msPerDoc };
  const catRows: (string | number)[][] = [];
  for (const r of results) {
    const k = KEY[r.name];
    metrics[`${k}.survived`] = share(r.ours.survival);
    metrics[`${k}.body_f1`] = r.ours.body.f1;
    metrics[`${k}.body_precision`] = r.ours.body.precision;
    metrics[`${k}.body_recall`] = r.ours.body.recall;
    metrics[`${k}.baseline_body_f1`] = r.base.body.f1;
    let worst = 0;
    for (const c of NOISE_CATEGORIES) {
      const s = r.ours.survival.byCategory.get(c)!;
      if (!s.spans) continue;
      metrics[`${k}.survived.${c}`] = share(s);
      if (s.spans >= MIN_CATEGORY_SPANS) worst = Math.max(worst, share(s));
    }
    metrics[`${k}.worst_category_survived`] = worst;
  }
  for (const c of NOISE_CATEGORIES) {
    const cells = results.map((r) => r.ours.survival.byCategory.get(c)!);
    if (cells.every((x) => !x.spans)) continue;
    catRows.push([c, ...cells.map((x) => (x.spans ? `${x.survived}/${x.spans} ${pct(share(x))}` : '-'))]);
  }

  const summary = table(
    ['set', 'docs', 'spans', 'no cleaning: F1', 'rules only: survive', 'F1', 'P', '+ outlet history: survive', 'worst category', 'body F1', 'P', 'R'],
    results.map((r, i) => [
      r.name,
      r.docs,
      r.ours.survival.spans,
      r.base.body.f1,
      pct(share(rulesOnly[i].ours.survival)),
      rulesOnly[i].ours.body.f1,
      rulesOnly[i].ours.body.precision,
      pct(share(r.ours.survival)),
      pct(metrics[`${KEY[r.name]}.worst_category_survived`]),
      r.ours.body.f1,
      r.ours.body.precision,
      r.ours.body.recall,
    ]),
  );
  rulesOnly.forEach((r) => {
    metrics[`${KEY[r.name]}.rules_only.survived`] = share(r.ours.survival);
    metrics[`${KEY[r.name]}.rules_only.body_f1`] = r.ours.body.f1;
  });
  // A judge set's survivors are its texts: printing them on every run shows them to whoever tunes the cleaner, and
  // the set is a judge only while nobody writing rules has read them. Its counts are printed; its texts only on request.
  const showJudge = Boolean(process.env.ONESTORY_EVAL_SHOW_JUDGE);
  const survivors = results
    .filter((r) => showJudge || !JUDGE_SETS.includes(r.name))
    .flatMap((r) => r.ours.survival.surviving.map((s) => `  ${r.name.padEnd(12)} ${s.category.padEnd(15)} ${s.id.padEnd(17)} ${JSON.stringify(s.text.length > 80 ? s.text.slice(0, 77) + '...' : s.text)}`))
    .join('\n');
  // By outlet: the texts of outlets noise-dev never showed the rules' authors against those of outlets it did. Nothing in
  // the cleaner is learned across outlets (the outlet history learns each outlet from its own items only), so leaving an
  // outlet out changes nothing: this split is the cross-outlet figure.
  const devOutlets = new Set(sets.find((x) => x.name === 'noise-dev')!.docs.map((d) => d.source));
  const later = sets.filter((x) => x.name !== 'noise-dev').flatMap((x) => x.docs.map((d) => ({ d, out: cleanedOf.get(d)! })));
  const byOutlet = (seen: boolean) => later.filter(({ d }) => devOutlets.has(d.source) === seen);
  const outletRows = [true, false].map((seen) => {
    const part = byOutlet(seen);
    const sv = survival(part.map((p) => p.d), part.map((p) => p.out));
    const body = aebScore(part.map((p) => ({ truth: p.d.gold, pred: p.out })));
    metrics[`noise.later.${seen ? 'seen' : 'unseen'}_outlets.survived`] = share(sv);
    metrics[`noise.later.${seen ? 'seen' : 'unseen'}_outlets.body_f1`] = body.f1;
    return [seen ? 'outlets in noise-dev' : 'outlets not in noise-dev', new Set(part.map((p) => p.d.source)).size, part.length, sv.spans, pct(share(sv)), body.f1, body.precision, body.recall];
  });
  // Each outlet on its own, over every set: nothing the cleaner learns crosses outlets (the rules fit nothing; the
  // outlet history learns an outlet from its own items only), so each row is also that outlet's leave-one-outlet-out figure.
  const all = sets.flatMap((x) => x.docs.map((d) => ({ d, out: cleanedOf.get(d)! })));
  const outlets = [...new Set(all.map(({ d }) => d.source))];
  const perOutlet = outlets
    .map((source) => {
      const part = all.filter(({ d }) => d.source === source);
      const sv = survival(part.map((p) => p.d), part.map((p) => p.out));
      const body = aebScore(part.map((p) => ({ truth: p.d.gold, pred: p.out })));
      return { source, docs: part.length, spans: sv.spans, survived: share(sv), body };
    })
    .filter((o) => o.spans >= MIN_OUTLET_SPANS)
    .sort((a, b) => b.survived - a.survived || b.spans - a.spans);
  const outletTable = table(
    ['outlet', 'docs', 'spans', 'survive', 'body F1', 'P', 'R'],
    perOutlet.map((o) => [o.source, o.docs, o.spans, pct(o.survived), o.body.f1, o.body.precision, o.body.recall]),
  );
  metrics['noise.outlets.worst_survived'] = perOutlet[0]?.survived ?? 0;
  metrics['noise.outlets.median_survived'] = perOutlet.length ? perOutlet.map((o) => o.survived).sort((a, b) => a - b)[Math.floor(perOutlet.length / 2)] : 0;
  const report = [
    `noise spans of ${MIN_SPAN_CHARS}+ characters; ${msPerDoc.toFixed(2)} ms a document; worst category among those with ${MIN_CATEGORY_SPANS}+ spans`,
    summary,
    '',
    'noise-dev-2 to -8 by outlet (cleaner with outlet history):',
    table(['', 'outlets', 'docs', 'spans', 'survive', 'body F1', 'P', 'R'], outletRows),
    '',
    table(['category', ...results.map((r) => r.name)], catRows),
    '',
    `each outlet with ${MIN_OUTLET_SPANS}+ spans over all sets, worst first (its leave-one-outlet-out figure: nothing learned crosses outlets):`,
    outletTable,
    '',
    `surviving spans${showJudge ? '' : ` (judge sets ${JUDGE_SETS.join(', ')} not listed: ONESTORY_EVAL_SHOW_JUDGE=1 lists them)`}:\n${survivors || '  none'}`,
  ].join('\n');
  return { name: 'noise', report, metrics };
}

/** A category with fewer spans than this in a set is reported but not taken as the set's worst (one span is 100 %). */
const MIN_CATEGORY_SPANS = 5;
/** An outlet with fewer noise spans than this over all sets is left out of the per-outlet table. */
const MIN_OUTLET_SPANS = 10;

function pct(x: number): string {
  return `${(100 * x).toFixed(1)} %`;
}
