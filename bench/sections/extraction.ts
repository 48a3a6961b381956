/**
 * Extraction speed and memory: Readability on jsdom, Readability on linkedom as is, onestory's extract alone, and
 * onestory's extract + clean (the clean stage when that module loads), and the clean stage alone on the extracted text
 * (its own cost, which the difference of two children's medians only estimates), over the 130 readability-test-pages
 * and the 3 real crypto pages. Each contender runs in its own child process, so one's heap and JIT state cannot slow
 * another, and its peak memory is the child's max RSS (all pages are held in memory, so the floor is the corpus).
 *
 * Times are CPU time (user + system) a page, not wall time: the machine is shared, and wall time swings with
 * other people's load while CPU time barely moves; a Worker's budget is CPU time too.
 *
 * This file is also the child: `node --import tsx bench/sections/extraction.ts CONTENDER DATA_DIR [--quick]`.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { table, type SectionContext, type SectionResult } from '../../eval/section.ts';

const CONTENDERS = ['readability-jsdom', 'readability-linkedom', 'onestory-extract', 'onestory', 'onestory-clean'] as const;
type Contender = (typeof CONTENDERS)[number];
const BASELINE: Contender = 'readability-linkedom';
// One untimed pass over every page first, so the timings measure warm code, as in a Worker isolate that has
// already handled a few pages; the cold first pass mostly measures the JIT compiling linkedom and Readability.
const WARMUP_PASSES = 1;
const QUICK_EVERY = 5; // --quick keeps every 5th readability test page
const READABILITY_TEST_URL = 'http://fakehost/test/page.html';

interface Page {
  corpus: 'readability-test-pages' | 'crypto-pages';
  html: string;
  url: string;
}

interface ChildReport {
  times: Record<Page['corpus'], number[]>; // CPU ms a page
  maxRssMb: number;
  measured: string; // what the contender ran, e.g. 'extract + clean'
}

function loadPages(dataDir: string, quick: boolean): Page[] {
  const pagesDir = path.join(dataDir, 'extraction-dev', 'readability-test-pages', 'pages');
  const pages: Page[] = readdirSync(pagesDir)
    .sort()
    .filter((_, i) => !quick || i % QUICK_EVERY === 0)
    .map((slug) => ({
      corpus: 'readability-test-pages',
      html: readFileSync(path.join(pagesDir, slug, 'source.html'), 'utf8'),
      url: READABILITY_TEST_URL,
    }));
  const cryptoDir = path.join(dataDir, 'crypto-pages');
  for (const f of readdirSync(cryptoDir).filter((f) => f.endsWith('.html')).sort()) {
    pages.push({ corpus: 'crypto-pages', html: readFileSync(path.join(cryptoDir, f), 'utf8'), url: `https://example.com/${f}` });
  }
  return pages;
}

async function contenderFn(name: Contender): Promise<{ run: (p: Page) => unknown; measured: string }> {
  const { Readability } = await import('@mozilla/readability');
  if (name === 'readability-jsdom') {
    const { parseWithJsdom } = await import('../../src/dom/jsdom.ts');
    return { run: (p) => new Readability(parseWithJsdom(p.html, p.url)).parse()?.textContent, measured: 'parse + Readability' };
  }
  const { parseWithLinkedom } = await import('../../src/dom/linkedom.ts');
  if (name === 'readability-linkedom') {
    return { run: (p) => new Readability(parseWithLinkedom(p.html, p.url)).parse()?.textContent, measured: 'parse + Readability' };
  }
  const { extract } = await import('../../src/pipeline/extract/index.ts');
  const { WORKER_DOMS } = await import('../../src/dom/worker-doms.ts');
  if (name === 'onestory-extract') {
    return { run: (p) => extract(p.html, { ...WORKER_DOMS, url: p.url }), measured: 'extract only' };
  }
  const { clean } = await import('../../src/pipeline/clean/index.ts');
  if (name === 'onestory-clean') {
    // Each page is extracted once, in the untimed warm-up pass; the timed pass cleans the kept text.
    const extracted = new Map<Page, ReturnType<typeof extract>>();
    const cleanOnly = (p: Page) => {
      if (!extracted.has(p)) extracted.set(p, extract(p.html, { ...WORKER_DOMS, url: p.url }));
      const got = extracted.get(p);
      return got && clean(got.text, { title: got.title });
    };
    return { run: cleanOnly, measured: 'clean only' };
  }
  const run = (p: Page) => {
    const got = extract(p.html, { ...WORKER_DOMS, url: p.url });
    return got && clean(got.text, { title: got.title });
  };
  return { run, measured: 'extract + clean' };
}

async function child(name: Contender, dataDir: string, quick: boolean): Promise<void> {
  const pages = loadPages(dataDir, quick);
  const { run, measured } = await contenderFn(name);
  for (let i = 0; i < WARMUP_PASSES; i++) for (const p of pages) safely(() => run(p));
  const times: ChildReport['times'] = { 'readability-test-pages': [], 'crypto-pages': [] };
  for (const p of pages) {
    const t0 = process.cpuUsage();
    safely(() => run(p));
    const t = process.cpuUsage(t0);
    times[p.corpus].push((t.user + t.system) / 1000);
  }
  const report: ChildReport = { times, maxRssMb: process.resourceUsage().maxRSS / 1024, measured };
  process.stdout.write(JSON.stringify(report));
}

function safely(f: () => unknown): void {
  try {
    f();
  } catch {
    // jsdom throws on some pages' CSS; the time spent up to the throw still counts
  }
}

function mean(xs: number[]): number {
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN;
}

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))] : NaN;
}

export default async function extractionBench(ctx: SectionContext): Promise<SectionResult> {
  const self = fileURLToPath(import.meta.url);
  const reports = {} as Record<Contender, ChildReport>;
  for (const name of CONTENDERS) {
    const out = execFileSync(process.execPath, ['--import', 'tsx', self, name, ctx.dataDir, ...(ctx.quick ? ['--quick'] : [])], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    reports[name] = JSON.parse(out) as ChildReport;
  }
  const corpora: [string, (r: ChildReport) => number[]][] = [
    ['readability-test-pages', (r) => r.times['readability-test-pages']],
    ['crypto-pages', (r) => r.times['crypto-pages']],
    ['both', (r) => [...r.times['readability-test-pages'], ...r.times['crypto-pages']]],
  ];
  const rows: (string | number)[][] = [];
  const metrics: Record<string, number> = {};
  for (const [corpus, pick] of corpora) {
    const baseMedian = quantile(pick(reports[BASELINE]), 0.5);
    const baseMean = mean(pick(reports[BASELINE]));
    for (const name of CONTENDERS) {
      const xs = pick(reports[name]);
      const median = quantile(xs, 0.5);
      const avg = mean(xs);
      const label = `${name} (${reports[name].measured})`;
      rows.push([corpus, label, xs.length, avg, median, quantile(xs, 0.95), avg / baseMean, median / baseMedian, reports[name].maxRssMb]);
      metrics[`bench.extraction.${corpus}.${name}.median_ms`] = median;
      metrics[`bench.extraction.${corpus}.${name}.mean_ms`] = avg;
      metrics[`bench.extraction.${corpus}.${name}.p95_ms`] = quantile(xs, 0.95);
    }
  }
  // The mean is what a CPU budget and a throughput pay; the median hides the tail.
  const report = table(['corpus', 'contender', 'pages', 'mean CPU ms', 'median', 'p95', 'mean / linkedom', 'median / linkedom', 'peak RSS MB'], rows);
  return { name: 'extraction (bench)', report, metrics };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [name, dataDir] = process.argv.slice(2);
  if (!CONTENDERS.includes(name as Contender)) throw new Error(`unknown contender ${name}`);
  await child(name as Contender, dataDir, process.argv.includes('--quick'));
}
