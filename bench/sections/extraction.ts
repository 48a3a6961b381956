/**
 * Extraction speed and memory: Readability on jsdom, Readability on linkedom as is, and onestory's extract (+ clean
 * when that module exists), over the 130 readability-test-pages and the 3 real crypto pages. Each contender runs in
 * its own child process, so one's heap and JIT state cannot slow another, and its peak memory is the child's max RSS.
 *
 * This file is also the child: `node --import tsx bench/sections/extraction.ts CONTENDER DATA_DIR [--quick]`.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { table, type SectionContext, type SectionResult } from '../../eval/section.ts';

const CONTENDERS = ['readability-jsdom', 'readability-linkedom', 'onestory'] as const;
type Contender = (typeof CONTENDERS)[number];
const BASELINE: Contender = 'readability-linkedom';
// Untimed passes over a few pages first, so the timings measure warm code, as in a long-lived Worker isolate.
const WARMUP_PAGES = 5;
const QUICK_EVERY = 5; // --quick keeps every 5th readability test page
const READABILITY_TEST_URL = 'http://fakehost/test/page.html';

interface Page {
  corpus: 'readability-test-pages' | 'crypto-pages';
  html: string;
  url: string;
}

interface ChildReport {
  times: Record<Page['corpus'], number[]>; // ms a page
  maxRssMb: number;
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

async function contenderFn(name: Contender): Promise<(p: Page) => unknown> {
  const { Readability } = await import('@mozilla/readability');
  if (name === 'readability-jsdom') {
    const { parseWithJsdom } = await import('../../src/dom/jsdom.ts');
    return (p) => new Readability(parseWithJsdom(p.html, p.url)).parse()?.textContent;
  }
  const { parseWithLinkedom } = await import('../../src/dom/linkedom.ts');
  if (name === 'readability-linkedom') return (p) => new Readability(parseWithLinkedom(p.html, p.url)).parse()?.textContent;
  const { extract } = await import('../../src/pipeline/extract/index.ts');
  const clean = await loadClean();
  return (p) => {
    const got = extract(p.html, { parseHTML: parseWithLinkedom, url: p.url });
    return got && clean ? clean(got.text, { title: got.title }) : got;
  };
}

type CleanFn = (text: string, opts: { title: string | null }) => unknown;
async function loadClean(): Promise<CleanFn | null> {
  try {
    const mod = (await import('../../src/pipeline/clean/index.ts')) as { clean?: CleanFn };
    return typeof mod.clean === 'function' ? mod.clean : null;
  } catch {
    return null;
  }
}

async function child(name: Contender, dataDir: string, quick: boolean): Promise<void> {
  const pages = loadPages(dataDir, quick);
  const run = await contenderFn(name);
  for (const p of pages.slice(0, WARMUP_PAGES)) safely(() => run(p));
  const times: ChildReport['times'] = { 'readability-test-pages': [], 'crypto-pages': [] };
  for (const p of pages) {
    const t0 = performance.now();
    safely(() => run(p));
    times[p.corpus].push(performance.now() - t0);
  }
  const report: ChildReport = { times, maxRssMb: process.resourceUsage().maxRSS / 1024 };
  process.stdout.write(JSON.stringify(report));
}

function safely(f: () => unknown): void {
  try {
    f();
  } catch {
    // jsdom throws on some pages' CSS; the time spent up to the throw still counts
  }
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
  const clean = (await loadClean()) ? 'extract + clean' : 'extract only (no clean module yet)';
  const corpora: [string, (r: ChildReport) => number[]][] = [
    ['readability-test-pages', (r) => r.times['readability-test-pages']],
    ['crypto-pages', (r) => r.times['crypto-pages']],
    ['both', (r) => [...r.times['readability-test-pages'], ...r.times['crypto-pages']]],
  ];
  const rows: (string | number)[][] = [];
  const metrics: Record<string, number> = {};
  for (const [corpus, pick] of corpora) {
    const baseMedian = quantile(pick(reports[BASELINE]), 0.5);
    for (const name of CONTENDERS) {
      const xs = pick(reports[name]);
      const median = quantile(xs, 0.5);
      const label = name === 'onestory' ? `onestory (${clean})` : name;
      rows.push([corpus, label, xs.length, median, quantile(xs, 0.95), median / baseMedian, reports[name].maxRssMb]);
      metrics[`bench.extraction.${corpus}.${name}.median_ms`] = median;
    }
  }
  const report = table(['corpus', 'contender', 'pages', 'median ms', 'p95 ms', 'median / linkedom', 'peak RSS MB'], rows);
  return { name: 'extraction (bench)', report, metrics };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [name, dataDir] = process.argv.slice(2);
  if (!CONTENDERS.includes(name as Contender)) throw new Error(`unknown contender ${name}`);
  await child(name as Contender, dataDir, process.argv.includes('--quick'));
}
