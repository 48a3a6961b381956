/**
 * The noise gold sets, in one shape: noise-dev and noise-dev-2 from ../shared/data; noise-dev-3 to -9, our own labels
 * (eval/data/noise-dev-N.jsonl: offsets only, into the bodies of ../shared/data/gold/cryptoprism-202510, read at run
 * time); noise-dev-10 to -12, our labels of whole web pages of ../shared/data/extraction-dev/trafilatura-eval
 * flattened the way the held-out page texts were (flatten-page.ts; offsets into that text); noise-dev-13, the same of
 * pages of ../shared/data/extraction-dev/readability-test-pages. See eval/data/README.md.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from './section.ts';
import { loadFlatPage } from './flatten-page.ts';
import type { NoiseCategory } from '../src/pipeline/types.ts';

export interface NoiseDoc {
  id: string;
  set: NoiseSetName;
  source: string; // the outlet
  input: string; // the raw text, as the cleaner receives it
  gold: string; // the article body a reader wants
  goldSegments: { start: number; end: number }[]; // offsets into input
  title: string | null;
  noise: { category: NoiseCategory; text: string; start: number; end: number }[];
  flags: string[];
}

export const NOISE_SETS = ['noise-dev', 'noise-dev-2', 'noise-dev-3', 'noise-dev-4', 'noise-dev-5', 'noise-dev-6', 'noise-dev-7', 'noise-dev-8', 'noise-dev-9', 'noise-dev-10', 'noise-dev-11', 'noise-dev-12', 'noise-dev-13'] as const;
/** Our own sets: offsets into cryptoprism-202510's bodies, kept in eval/data. */
const OFFSET_SETS: readonly NoiseSetName[] = ['noise-dev-3', 'noise-dev-4', 'noise-dev-5', 'noise-dev-6', 'noise-dev-7', 'noise-dev-8', 'noise-dev-9'];
/** Our own sets of flattened web pages: offsets into flattenPage() of a trafilatura-eval or readability-test-pages page, kept in eval/data. */
const PAGE_SETS: readonly NoiseSetName[] = ['noise-dev-10', 'noise-dev-11', 'noise-dev-12', 'noise-dev-13'];
export type NoiseSetName = (typeof NOISE_SETS)[number];
/** Sets kept as judges: labelled by readers who never saw the code and never tuned on. The eval prints their figures but
 *  not their surviving texts, so a run does not show them to whoever writes the next rule. */
export const JUDGE_SETS: readonly NoiseSetName[] = ['noise-dev-8', 'noise-dev-9', 'noise-dev-12', 'noise-dev-13'];

function jsonl<T>(file: string): T[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);
}

interface SharedDoc {
  id: string;
  source: string;
  input: string;
  gold: string;
  title: string | null;
  noise: { category: NoiseCategory; text: string; start: number; end: number }[];
  gold_segments?: { start: number; end: number }[];
  flags: string[];
}

interface OffsetDoc {
  id: string;
  source: string;
  flags: string[];
  gold_segments: { start: number; end: number }[];
  noise: { category: NoiseCategory; start: number; end: number; inline?: boolean }[];
}

/** The gold body from its segments: joined by a line break, or by a space where only inline noise stood between. */
function goldOf(input: string, segments: readonly { start: number; end: number }[], noise: readonly { start: number; end: number; inline?: boolean }[]): string {
  let gold = '';
  let prev = 0;
  for (const g of segments) {
    if (gold) {
      const between = noise.filter((n) => n.start >= prev && n.end <= g.start);
      gold += between.length && between.every((n) => n.inline) ? ' ' : '\n'; // as noise-dev joins around an inline chip
    }
    gold += input.slice(g.start, g.end);
    prev = g.end;
  }
  return gold;
}

export function loadNoiseSet(dataDir: string, set: NoiseSetName): NoiseDoc[] {
  if (PAGE_SETS.includes(set)) {
    return jsonl<OffsetDoc>(path.join(PROJECT_ROOT, 'eval', 'data', `${set}.jsonl`)).map((d) => {
      const page = loadFlatPage(dataDir, d.id);
      const input = page.input;
      return {
        id: d.id,
        set,
        source: d.source,
        input,
        gold: goldOf(input, d.gold_segments, d.noise),
        goldSegments: d.gold_segments,
        title: page.title,
        noise: d.noise.map((n) => ({ category: n.category, start: n.start, end: n.end, text: input.slice(n.start, n.end) })),
        flags: d.flags,
      };
    });
  }
  if (!OFFSET_SETS.includes(set)) {
    return jsonl<SharedDoc>(path.join(dataDir, 'gold', set, 'docs.jsonl')).map((d) => ({
      id: d.id,
      set,
      source: d.source,
      input: d.input,
      gold: d.gold,
      goldSegments: d.gold_segments ?? [],
      title: d.title,
      noise: d.noise,
      flags: d.flags,
    }));
  }
  const bodies = new Map(
    jsonl<{ id: string; title: string; body: string }>(path.join(dataDir, 'gold', 'cryptoprism-202510', 'articles.jsonl')).map((a) => [a.id, a]),
  );
  return jsonl<OffsetDoc>(path.join(PROJECT_ROOT, 'eval', 'data', `${set}.jsonl`)).map((d) => {
    const article = bodies.get(d.id);
    if (!article) throw new Error(`${set}: article ${d.id} is not in cryptoprism-202510`);
    const input = article.body;
    const gold = goldOf(input, d.gold_segments, d.noise);
    return {
      id: d.id,
      set,
      source: d.source,
      input,
      gold,
      goldSegments: d.gold_segments,
      title: article.title,
      noise: d.noise.map((n) => ({ category: n.category, start: n.start, end: n.end, text: input.slice(n.start, n.end) })),
      flags: d.flags,
    };
  });
}
