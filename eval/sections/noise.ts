/**
 * Noise removal on gold/noise-dev (80 real crypto texts, every noise span labelled): the share of noise
 * spans that survive cleaning, overall and by category, and the body F1 (the article-extraction-benchmark
 * 4-gram metric) against the gold body, beside the "no cleaning" baseline computed in the same run.
 *
 * Survival, as the set's README defines it: a span survives when its text (white space folded, entities
 * decoded) stands in the cleaned output more often than in the gold body (some noise repeats body text).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { clean } from '../../src/pipeline/clean/index.ts';
import { NOISE_CATEGORIES, type NoiseCategory } from '../../src/pipeline/types.ts';
import { aebScore } from '../metrics/aeb.ts';
import { table, type SectionContext, type SectionResult, type Thresholds } from '../section.ts';

const QUICK_EVERY = 4; // --quick keeps every 4th document
/** Timing passes over the set: the first warms the regex engine up, the mean of the rest is reported. */
const TIMING_PASSES = 3;

/** Just under what the cleaner reaches on noise-dev (1.1 % of spans survive, F1 0.993, P 0.988, R 0.998, worst category 4.5 %). */
export const thresholds: Thresholds = {
  'noise.survived': { max: 0.014 },
  'noise.worst_category_survived': { max: 0.047 },
  'noise.body_f1': { min: 0.99 },
  'noise.body_precision': { min: 0.985 },
  'noise.body_recall': { min: 0.995 },
};

interface Doc {
  id: string;
  source: string;
  input: string;
  gold: string;
  title: string | null;
  noise: { category: NoiseCategory; text: string }[];
  flags: string[];
}

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

function loadDocs(dataDir: string, quick: boolean): Doc[] {
  const file = path.join(dataDir, 'gold', 'noise-dev', 'docs.jsonl');
  const docs = readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Doc);
  return quick ? docs.filter((_, i) => i % QUICK_EVERY === 0) : docs;
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
      if (!t) continue;
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

export default async function noise(ctx: SectionContext): Promise<SectionResult> {
  const docs = loadDocs(ctx.dataDir, ctx.quick);
  const cleaned = docs.map((d) => clean(d.input, { title: d.title }).text);
  const times: number[] = [];
  for (let pass = 0; pass < TIMING_PASSES; pass++) {
    const t0 = performance.now();
    for (const d of docs) clean(d.input, { title: d.title });
    times.push((performance.now() - t0) / docs.length);
  }
  const msPerDoc = times.slice(1).reduce((a, b) => a + b, 0) / (TIMING_PASSES - 1);

  const raw = docs.map((d) => d.input);
  const base = { survival: survival(docs, raw), body: aebScore(docs.map((d) => ({ truth: d.gold, pred: d.input }))) };
  const ours = { survival: survival(docs, cleaned), body: aebScore(docs.map((d, i) => ({ truth: d.gold, pred: cleaned[i] }))) };
  const share = (s: { spans: number; survived: number }) => (s.spans ? s.survived / s.spans : 0);

  const metrics: Record<string, number> = {
    'noise.survived': share(ours.survival),
    'noise.body_f1': ours.body.f1,
    'noise.body_precision': ours.body.precision,
    'noise.body_recall': ours.body.recall,
    'noise.baseline_body_f1': base.body.f1,
    'noise.ms_per_doc': msPerDoc,
  };
  let worst = 0;
  const rows: (string | number)[][] = [];
  for (const c of NOISE_CATEGORIES) {
    const s = ours.survival.byCategory.get(c)!;
    if (!s.spans) continue;
    metrics[`noise.survived.${c}`] = share(s);
    worst = Math.max(worst, share(s));
    rows.push([c, s.spans, s.survived, pct(share(s))]);
  }
  metrics['noise.worst_category_survived'] = worst;
  rows.push(['all', ours.survival.spans, ours.survival.survived, pct(share(ours.survival))]);

  const summary = table(
    ['', 'spans survive', 'body F1', 'P', 'R', 'exact'],
    [
      ['no cleaning', pct(share(base.survival)), base.body.f1, base.body.precision, base.body.recall, base.body.accuracy],
      ['clean()', pct(share(ours.survival)), ours.body.f1, ours.body.precision, ours.body.recall, ours.body.accuracy],
    ],
  );
  const survivors = ours.survival.surviving
    .map((s) => `  ${s.category.padEnd(15)} ${s.id.padEnd(17)} ${JSON.stringify(s.text.length > 90 ? s.text.slice(0, 87) + '...' : s.text)}`)
    .join('\n');
  const report = [
    `${docs.length} documents, ${ours.survival.spans} noise spans; ${msPerDoc.toFixed(2)} ms a document`,
    summary,
    '',
    table(['category', 'spans', 'survive', 'share'], rows),
    '',
    `surviving spans:\n${survivors || '  none'}`,
  ].join('\n');
  return { name: 'noise', report, metrics };
}

function pct(x: number): string {
  return `${(100 * x).toFixed(1)} %`;
}
