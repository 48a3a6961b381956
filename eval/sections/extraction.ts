/**
 * Extraction quality, every contender in one run:
 *  a. trafilatura-eval (990 pages, snippet metric): onestory (extract, and extract + clean) and
 *     Readability on linkedom as-is, beside the published trafilatura and raw-HTML figures;
 *  b. readability-test-pages (130 pages): how often Readability on linkedom reproduces Readability's own
 *     expected output (on jsdom), compared as normalised text, and how close onestory's text comes to it.
 * Predictions are written to the temp folder so the Python reference scorer can check the TypeScript metric.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readability } from '@mozilla/readability';
import { table, type SectionContext, type SectionResult, type Thresholds } from '../section.ts';
import { scoreSnippets, normalizeWhitespace, type EvalData, type SnippetScore } from '../metrics/trafilatura.ts';
import { clean } from '../../src/pipeline/clean/index.ts';
import { extract } from '../../src/pipeline/extract/index.ts';
import { parseWithLinkedom } from '../../src/dom/linkedom.ts';
import { WORKER_DOMS } from '../../src/dom/worker-doms.ts';
import { EXTRACT_SWITCHES } from '../extract-switches.ts';

// Published in trafilatura's docs/evaluation.rst (2026-08-04, the same 990 pages).
const PUBLISHED = { trafilatura: { P: 0.906, R: 0.943, F1: 0.924 }, rawHtml: { P: 0.528, R: 0.906, F1: 0.667 } };
// Readability.js's test harness parses pages at this URL; its expected.html links are resolved against it.
const READABILITY_TEST_URL = 'http://fakehost/test/page.html';
const QUICK_EVERY = 8; // --quick keeps every 8th page

// Just under the figures of 2026-11-22, end of day (extract + clean 0.932, extract only 0.926, English 0.937, parity
// 117/130, token F1 0.979), raised on 2026-12-07 with the light choice (branch extract-light-s20: 0.9316, 0.9265,
// English 0.9358, token F1 0.9818): a drop below means a regression in extraction, in the clean stage, or in
// linkedom/Readability.
export const thresholds: Thresholds = {
  'extraction.trafilatura_f1': { min: 0.928 },
  'extraction.trafilatura_f1_extract_only': { min: 0.923 },
  'extraction.trafilatura_f1_english': { min: 0.932 },
  'extraction.readability_parity': { min: 0.89 },
  'extraction.readability_pages_token_f1': { min: 0.978 },
};

/** Pages are decoded as the reference scorer does: UTF-8, else Windows-1252. */
export function decodePage(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** onestory's text for a page: extraction alone, and extraction followed by the clean stage. */
export function onestoryText(html: string, url: string | undefined): { extracted: string; cleaned: string } | null {
  const got = extract(html, { ...WORKER_DOMS, ...EXTRACT_SWITCHES, url });
  if (!got) return null;
  return { extracted: got.text, cleaned: clean(got.text, { title: got.title }).text };
}

export function readabilityAsIs(html: string, url: string | undefined): { text: string; html: string } | null {
  const article = new Readability(parseWithLinkedom(html, url)).parse();
  return article ? { text: article.textContent ?? '', html: article.content ?? '' } : null;
}

function safely<T>(f: () => T): T | null {
  try {
    return f();
  } catch {
    return null; // a crash scores as "nothing extracted", as in the reference scorer
  }
}

export default async function extraction(ctx: SectionContext): Promise<SectionResult> {
  const metrics: Record<string, number> = {};

  // a. trafilatura-eval
  const benchDir = path.join(ctx.dataDir, 'extraction-dev', 'trafilatura-eval');
  const all = JSON.parse(readFileSync(path.join(benchDir, 'evaldata.json'), 'utf8')) as EvalData;
  const english = new Set(JSON.parse(readFileSync(path.join(benchDir, 'english_guess_keys.json'), 'utf8')) as string[]);
  const keys = Object.keys(all).filter((_, i) => !ctx.quick || i % QUICK_EVERY === 0);
  const evaldata: EvalData = Object.fromEntries(keys.map((k) => [k, all[k]]));
  const extracted: Record<string, string | null> = {};
  const cleaned: Record<string, string | null> = {};
  const theirs: Record<string, string | null> = {};
  for (const key of keys) {
    const html = decodePage(gunzipSync(readFileSync(path.join(benchDir, 'html', evaldata[key].file + '.gz'))));
    const url = /^https?:/.test(key) ? key : undefined;
    const got = safely(() => onestoryText(html, url));
    extracted[key] = got?.extracted ?? null;
    cleaned[key] = got?.cleaned ?? null;
    theirs[key] = safely(() => readabilityAsIs(html, url)?.text ?? null);
  }
  const ours = cleaned; // what onestory serves
  const files = {
    extracted: path.join(tmpdir(), 'onestory-trafilatura-extract.json'),
    cleaned: path.join(tmpdir(), 'onestory-trafilatura-extract-clean.json'),
    readability: path.join(tmpdir(), 'onestory-trafilatura-readability.json'),
  };
  writeFileSync(files.extracted, JSON.stringify(extracted));
  writeFileSync(files.cleaned, JSON.stringify(cleaned));
  writeFileSync(files.readability, JSON.stringify(theirs));
  const englishOnly = Object.fromEntries(keys.filter((k) => english.has(k)).map((k) => [k, evaldata[k]]));
  const s = scoreSnippets(evaldata, ours);
  const x = scoreSnippets(evaldata, extracted);
  const r = scoreSnippets(evaldata, theirs);
  const row = (name: string, sc: SnippetScore, outputs: Record<string, string | null>) => [
    name, sc.P, sc.R, sc.acc, sc.F1, scoreSnippets(englishOnly, outputs).F1,
  ];
  Object.assign(metrics, {
    'extraction.trafilatura_f1': s.F1,
    'extraction.trafilatura_precision': s.P,
    'extraction.trafilatura_recall': s.R,
    'extraction.trafilatura_f1_english': scoreSnippets(englishOnly, ours).F1,
    'extraction.trafilatura_f1_extract_only': x.F1,
    'extraction.readability_linkedom_f1': r.F1,
  });
  const tableA = table(
    ['extractor', 'P', 'R', 'acc', 'F1', 'F1 (en)'],
    [
      row('onestory: extract + clean', s, cleaned),
      row('onestory: extract only', x, extracted),
      row('Readability on linkedom, as is', r, theirs),
      ['trafilatura 2.2.0 (published)', PUBLISHED.trafilatura.P, PUBLISHED.trafilatura.R, '-', PUBLISHED.trafilatura.F1, '-'],
      ['raw HTML (published floor)', PUBLISHED.rawHtml.P, PUBLISHED.rawHtml.R, '-', PUBLISHED.rawHtml.F1, '-'],
    ],
  );

  // b. readability-test-pages
  const pagesDir = path.join(ctx.dataDir, 'extraction-dev', 'readability-test-pages', 'pages');
  const slugs = readdirSync(pagesDir).sort().filter((_, i) => !ctx.quick || i % QUICK_EVERY === 0);
  let same = 0;
  let oursF1 = 0;
  let theirsF1 = 0;
  const misses: string[] = [];
  for (const slug of slugs) {
    const source = readFileSync(path.join(pagesDir, slug, 'source.html'), 'utf8');
    const expected = pageText(readFileSync(path.join(pagesDir, slug, 'expected.html'), 'utf8'));
    const got = safely(() => readabilityAsIs(source, READABILITY_TEST_URL));
    const gotText = got ? pageText(got.html) : '';
    if (gotText === expected) same++;
    else misses.push(slug);
    theirsF1 += tokenF1(gotText, expected);
    oursF1 += tokenF1(safely(() => extract(source, { ...WORKER_DOMS, ...EXTRACT_SWITCHES, url: READABILITY_TEST_URL })?.text) ?? '', expected);
  }
  const n = slugs.length;
  Object.assign(metrics, {
    'extraction.readability_parity': same / n,
    'extraction.readability_pages_token_f1': oursF1 / n,
  });
  const tableB = table(
    ['readability-test-pages', 'value'],
    [
      ['pages', n],
      ['Readability on linkedom = expected (normalised text)', `${same}/${n} = ${(same / n).toFixed(3)}`],
      ['token F1 vs expected: Readability on linkedom', theirsF1 / n],
      ['token F1 vs expected: onestory extract', oursF1 / n],
    ],
  );

  const report = [
    `a. trafilatura-eval: ${keys.length} pages (${Object.keys(englishOnly).length} English); onestory = extract + clean`,
    tableA,
    `predictions: ${Object.values(files).join(', ')} (check: python3 ../shared/tools/score_trafilatura_eval.py ${benchDir} FILE)`,
    '',
    'b. readability-test-pages: text of the expected and produced HTML, parsed with linkedom, white space folded',
    tableB,
    misses.length ? `differ: ${misses.join(', ')}` : '',
  ].join('\n');
  return { name: 'extraction', report, metrics };
}

/** The text of an HTML fragment as a reader compares it: tags dropped, entities decoded, white space folded. */
function pageText(html: string): string {
  return normalizeWhitespace(parseWithLinkedom(html).body.textContent ?? '');
}

/** Token-bag F1 between two texts (words as \w+ runs, Unicode-aware). */
function tokenF1(got: string, want: string): number {
  const bag = (t: string) => {
    const m = new Map<string, number>();
    for (const w of t.toLowerCase().match(/[\p{L}\p{N}_]+/gu) ?? []) m.set(w, (m.get(w) ?? 0) + 1);
    return m;
  };
  const a = bag(got);
  const b = bag(want);
  let common = 0;
  let na = 0;
  let nb = 0;
  for (const v of a.values()) na += v;
  for (const v of b.values()) nb += v;
  for (const [w, v] of a) common += Math.min(v, b.get(w) ?? 0);
  if (!na && !nb) return 1;
  if (!common) return 0;
  const p = common / na;
  const r = common / nb;
  return (2 * p * r) / (p + r);
}
