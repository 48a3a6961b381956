/**
 * Extraction speed and memory: Readability on jsdom, Readability on linkedom as is, onestory's extract alone,
 * onestory's extract + clean + label (what the Worker runs on a fetched page), and the clean stage alone on the
 * extracted text (its own cost, which the difference of two children's figures only estimates), over the 130
 * readability-test-pages and the 3 real crypto pages. Each contender runs in its own child process, so one's heap and
 * JIT state cannot slow another, and its peak memory is the child's max RSS (all pages are held in memory, so the
 * floor is the corpus).
 *
 * Times are CPU time (user + system) a page, not wall time: the machine is shared, and wall time swings with
 * other people's load while CPU time barely moves; a Worker's budget is CPU time too. The baseline and onestory run
 * in alternation, ROUNDS times each, and a page's time is its median over the rounds, so a burst of load on the
 * machine during one child moves neither side's tail. The mean is what a CPU budget and a throughput pay; the table
 * gives it beside the median, p95, p99 and the slowest page.
 *
 * A last child ('onestory-steps') runs extract + clean + label with each step timed, and the report breaks down
 * where the slowest tenth of pages (by that child's own total) spend their time, beside the same for all pages.
 *
 * This file is also the child: `node --import tsx bench/sections/extraction.ts CONTENDER DATA_DIR [--quick]`.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { table, type SectionContext, type SectionResult } from '../../eval/section.ts';
import { EXTRACT_SWITCHES } from '../../eval/extract-switches.ts';

const CONTENDERS = ['readability-jsdom', 'readability-linkedom', 'onestory-extract', 'onestory', 'onestory-clean'] as const;
type Contender = (typeof CONTENDERS)[number];
const BASELINE: Contender = 'readability-linkedom';
const STEPS_CHILD = 'onestory-steps';
// The baseline and onestory run this many times each, alternating; the others once (their figures are context).
const ROUNDS = 3;
const ALTERNATED: Contender[] = [BASELINE, 'onestory'];
// The tail the breakdown explains: the slowest tenth of pages.
const TAIL_SHARE = 0.1;
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

/** CPU ms a page by step (extract's own steps, then 'clean' and 'label'), pages in load order; and how each page was
 * extracted. */
interface StepsReport {
  steps: Record<string, number>[];
  methods: string[];
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
    return { run: (p) => extract(p.html, { ...WORKER_DOMS, ...EXTRACT_SWITCHES, url: p.url }), measured: 'extract only' };
  }
  const { clean } = await import('../../src/pipeline/clean/index.ts');
  if (name === 'onestory-clean') {
    // Each page is extracted once, in the untimed warm-up pass; the timed pass cleans the kept text.
    const extracted = new Map<Page, ReturnType<typeof extract>>();
    const cleanOnly = (p: Page) => {
      if (!extracted.has(p)) extracted.set(p, extract(p.html, { ...WORKER_DOMS, ...EXTRACT_SWITCHES, url: p.url }));
      const got = extracted.get(p);
      return got && clean(got.text, { title: got.title });
    };
    return { run: cleanOnly, measured: 'clean only' };
  }
  const { cleanAndLabel } = await import('../../src/pipeline/clean-and-label.ts');
  const run = (p: Page) => {
    const got = extract(p.html, { ...WORKER_DOMS, ...EXTRACT_SWITCHES, url: p.url });
    return got && cleanAndLabel(got.text, { title: got.title, url: p.url });
  };
  return { run, measured: 'extract + clean + label' };
}

/** extract + clean + label as the 'onestory' contender runs them, each step timed on its own. */
async function stepsChild(dataDir: string, quick: boolean): Promise<void> {
  const pages = loadPages(dataDir, quick);
  const { extract } = await import('../../src/pipeline/extract/index.ts');
  const { WORKER_DOMS } = await import('../../src/dom/worker-doms.ts');
  const { clean } = await import('../../src/pipeline/clean/index.ts');
  const { labelCoins } = await import('../../src/pipeline/label/coins.ts');
  const { classifyKind } = await import('../../src/pipeline/label/kind.ts');
  const cpu = () => {
    const t = process.cpuUsage();
    return (t.user + t.system) / 1000;
  };
  const run = (p: Page, steps: Record<string, number>): string => {
    let t = cpu();
    const mark = (name: string) => {
      const now = cpu();
      steps[name] = (steps[name] ?? 0) + now - t;
      t = now;
    };
    const got = extract(p.html, { ...WORKER_DOMS, ...EXTRACT_SWITCHES, url: p.url, onStep: mark });
    mark('extract: the rest'); // the standfirst, the choice between candidates
    if (!got) return 'none';
    // cleanAndLabel's composition, with a mark between the two
    const cleaned = clean(got.text, { title: got.title, source: null, history: null });
    mark('clean');
    const title = got.title ?? '';
    labelCoins({ title, text: got.text, removed: cleaned.removed });
    classifyKind({ title, text: got.text, url: p.url, source: null, removed: cleaned.removed });
    mark('label');
    return got.method;
  };
  for (let i = 0; i < WARMUP_PASSES; i++) for (const p of pages) safely(() => run(p, {}));
  const report: StepsReport = { steps: [], methods: [] };
  for (const p of pages) {
    const steps: Record<string, number> = {};
    let method = 'threw';
    safely(() => (method = run(p, steps)));
    report.steps.push(steps);
    report.methods.push(method);
  }
  process.stdout.write(JSON.stringify(report));
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

/** Each page's median over several reports of one contender. */
function medianReport(runs: ChildReport[]): ChildReport {
  const times = {} as ChildReport['times'];
  for (const corpus of Object.keys(runs[0].times) as Page['corpus'][]) {
    times[corpus] = runs[0].times[corpus].map((_, i) => quantile(runs.map((r) => r.times[corpus][i]), 0.5));
  }
  return { times, maxRssMb: Math.max(...runs.map((r) => r.maxRssMb)), measured: runs[0].measured };
}

function runChild(self: string, name: string, ctx: SectionContext): string {
  return execFileSync(process.execPath, ['--import', 'tsx', self, name, ctx.dataDir, ...(ctx.quick ? ['--quick'] : [])], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'ignore'],
  });
}

/** Mean CPU ms a page by step, over the slowest tenth of pages and over all, and how those pages were extracted. */
function stepBreakdown(report: StepsReport): { text: string; metrics: Record<string, number> } {
  const total = (s: Record<string, number>) => Object.values(s).reduce((a, b) => a + b, 0);
  const order = report.steps.map((s, i) => i).sort((a, b) => total(report.steps[b]) - total(report.steps[a]));
  const tail = order.slice(0, Math.max(1, Math.round(TAIL_SHARE * order.length)));
  const names = [...new Set(report.steps.flatMap((s) => Object.keys(s)))];
  const meanOf = (pages: number[], name: string) => pages.reduce((a, i) => a + (report.steps[i][name] ?? 0), 0) / pages.length;
  const all = order;
  const tailTotal = tail.reduce((a, i) => a + total(report.steps[i]), 0) / tail.length;
  const allTotal = all.reduce((a, i) => a + total(report.steps[i]), 0) / all.length;
  const rows: (string | number)[][] = names.map((n) => [n, meanOf(tail, n), meanOf(tail, n) / tailTotal, meanOf(all, n), meanOf(all, n) / allTotal]);
  rows.push(['total', tailTotal, 1, allTotal, 1]);
  const methods = new Map<string, number>();
  for (const i of tail) methods.set(report.methods[i], (methods.get(report.methods[i]) ?? 0) + 1);
  const metrics: Record<string, number> = { 'bench.extraction.steps.tail.mean_ms': tailTotal, 'bench.extraction.steps.all.mean_ms': allTotal };
  for (const n of names) metrics[`bench.extraction.steps.tail.${n}.mean_ms`] = meanOf(tail, n);
  const head = `where the time goes, extract + clean + label with each step timed (${STEPS_CHILD}): the slowest ${tail.length} of ${all.length} pages, and all`;
  const how = `how the slowest were extracted: ${[...methods].map(([m, n]) => `${m} ${n}`).join(', ')}`;
  const text = [head, table(['step', `slowest ${tail.length}: mean ms`, 'share', 'all pages: mean ms', 'share'], rows), how].join('\n');
  return { text, metrics };
}

export default async function extractionBench(ctx: SectionContext): Promise<SectionResult> {
  const self = fileURLToPath(import.meta.url);
  const runs = Object.fromEntries(CONTENDERS.map((n) => [n, [] as ChildReport[]])) as Record<Contender, ChildReport[]>;
  for (const name of CONTENDERS) if (!ALTERNATED.includes(name)) runs[name].push(JSON.parse(runChild(self, name, ctx)) as ChildReport);
  for (let round = 0; round < ROUNDS; round++) {
    for (const name of ALTERNATED) runs[name].push(JSON.parse(runChild(self, name, ctx)) as ChildReport);
  }
  const reports = Object.fromEntries(CONTENDERS.map((n) => [n, medianReport(runs[n])])) as Record<Contender, ChildReport>;
  const steps = stepBreakdown(JSON.parse(runChild(self, STEPS_CHILD, ctx)) as StepsReport);
  const corpora: [string, (r: ChildReport) => number[]][] = [
    ['readability-test-pages', (r) => r.times['readability-test-pages']],
    ['crypto-pages', (r) => r.times['crypto-pages']],
    ['both', (r) => [...r.times['readability-test-pages'], ...r.times['crypto-pages']]],
  ];
  const rows: (string | number)[][] = [];
  const metrics: Record<string, number> = { ...steps.metrics };
  for (const [corpus, pick] of corpora) {
    const baseMedian = quantile(pick(reports[BASELINE]), 0.5);
    const baseMean = mean(pick(reports[BASELINE]));
    const baseP95 = quantile(pick(reports[BASELINE]), 0.95);
    for (const name of CONTENDERS) {
      const xs = pick(reports[name]);
      const median = quantile(xs, 0.5);
      const avg = mean(xs);
      const p95 = quantile(xs, 0.95);
      const label = `${name} (${reports[name].measured}${runs[name].length > 1 ? `, median of ${runs[name].length} runs` : ''})`;
      rows.push([corpus, label, xs.length, avg, median, p95, quantile(xs, 0.99), Math.max(...xs), avg / baseMean, median / baseMedian, p95 / baseP95, reports[name].maxRssMb]);
      metrics[`bench.extraction.${corpus}.${name}.median_ms`] = median;
      metrics[`bench.extraction.${corpus}.${name}.mean_ms`] = avg;
      metrics[`bench.extraction.${corpus}.${name}.p95_ms`] = p95;
      metrics[`bench.extraction.${corpus}.${name}.p99_ms`] = quantile(xs, 0.99);
    }
  }
  const header = ['corpus', 'contender', 'pages', 'mean CPU ms', 'median', 'p95', 'p99', 'max', 'mean / linkedom', 'median / linkedom', 'p95 / linkedom', 'peak RSS MB'];
  const report = [table(header, rows), '', steps.text].join('\n');
  return { name: 'extraction (bench)', report, metrics };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [name, dataDir] = process.argv.slice(2);
  if (name === STEPS_CHILD) await stepsChild(dataDir, process.argv.includes('--quick'));
  else if (!CONTENDERS.includes(name as Contender)) throw new Error(`unknown contender ${name}`);
  else await child(name as Contender, dataDir, process.argv.includes('--quick'));
}
