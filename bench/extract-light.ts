/**
 * The article chosen on the light DOM (src/pipeline/extract/light-article.ts) against Readability, on the pages that
 * reach Readability today, and the cost of extract + clean + label per page for comparing two trees under callgrind
 * (instruction counts stay steady on a loaded machine where CPU timings do not). Issue 11.
 *
 *   node --import tsx bench/extract-light.ts agree > /tmp/agree.jsonl
 *   node --import tsx bench/extract-light.ts ab --base ../wt-main [--rounds 3] [--light-only] [--trust-cited]
 *   node --import tsx bench/extract-light.ts same --base ../wt-main
 *   valgrind --tool=callgrind --dump-before=uv_resident_set_memory --callgrind-out-file=/tmp/cg.%p \
 *     node --import tsx bench/extract-light.ts cost [--root DIR] [--readability]
 *
 * agree: every page of the extraction corpus (trafilatura-eval, readability-test-pages, crypto-pages), extracted
 *        twice: with Readability on every page the prose block cannot answer (as before the light choice), and with
 *        the light choice trusted on every such page. One JSON line a page: its set, whether it reaches that decision,
 *        the light choice's form (score, runner-up, prose share, link share), both texts' methods and the token F1
 *        between the two final texts. The texts themselves stay out (real pages' text is not copied anywhere).
 * ab:    CPU time a page, base tree (--base DIR) against this one and Readability on linkedom, the three run page by
 *        page in turn in one process, N rounds (--rounds N, default 3) after one warm pass; a page's time is its median
 *        over the rounds, so a burst of load on the shared machine moves no side alone. Prints mean, median, p95, p99
 *        and the ratios to Readability's. --light-only runs this tree with Readability never run (the light choice's
 *        bound, `lightOnly`); --trust-cited trusts the light choice by `isConfidentCited`.
 * same:  whether this tree extracts what the base tree (--base DIR) does, page for page over the whole corpus (the
 *        1,123 pages of agree): title, byline, text and method compared as they are; prints the pages that differ,
 *        and how many pages Readability started over on (a pass that came out short), the path a change to its
 *        passes must keep.
 * cost:  extract + clean + label (or, with --readability, Readability on linkedom as the bench runs it) over the 133
 *        bench pages: one untimed pass to warm up, then one pass that reads the resident set size after each page, so
 *        callgrind (--dump-before=uv_resident_set_memory) writes one dump a page. --root DIR imports DIR's src
 *        instead of this tree's.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { countSnippets, normalizeWhitespace, type EvalEntry } from '../eval/metrics/trafilatura.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const DATA = path.resolve(here, '../../shared/data');
const READABILITY_TEST_URL = 'http://fakehost/test/page.html';

interface Page {
  entry?: EvalEntry; // trafilatura-eval's snippets
  expected?: string; // readability-test-pages: Readability's expected text
  set: 'trafilatura-de' | 'trafilatura-en' | 'readability-test-pages' | 'crypto-pages';
  key: string;
  html: string;
  url: string | undefined;
}

function decodePage(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

function benchPages(dataDir: string): Page[] {
  const pagesDir = path.join(dataDir, 'extraction-dev', 'readability-test-pages', 'pages');
  const pages: Page[] = readdirSync(pagesDir)
    .sort()
    .map((slug) => ({
      set: 'readability-test-pages' as const,
      key: slug,
      html: readFileSync(path.join(pagesDir, slug, 'source.html'), 'utf8'),
      url: READABILITY_TEST_URL,
      expected: path.join(pagesDir, slug, 'expected.html'),
    }));
  const cryptoDir = path.join(dataDir, 'crypto-pages');
  for (const f of readdirSync(cryptoDir).filter((f) => f.endsWith('.html')).sort()) {
    pages.push({ set: 'crypto-pages', key: f, html: readFileSync(path.join(cryptoDir, f), 'utf8'), url: `https://example.com/${f}` });
  }
  return pages;
}

function trafilaturaPages(dataDir: string): Page[] {
  const dir = path.join(dataDir, 'extraction-dev', 'trafilatura-eval');
  const all = JSON.parse(readFileSync(path.join(dir, 'evaldata.json'), 'utf8')) as Record<string, EvalEntry>;
  const english = new Set(JSON.parse(readFileSync(path.join(dir, 'english_guess_keys.json'), 'utf8')) as string[]);
  return Object.keys(all).map((key) => ({
    set: english.has(key) ? ('trafilatura-en' as const) : ('trafilatura-de' as const),
    key,
    html: decodePage(gunzipSync(readFileSync(path.join(dir, 'html', all[key].file + '.gz')))),
    url: /^https?:/.test(key) ? key : undefined,
    entry: all[key],
  }));
}

/** Token-bag F1 between two texts (words as letter and digit runs), as eval/sections/extraction.ts counts it. */
export function tokenF1(got: string, want: string): number {
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

async function agree(): Promise<void> {
  const { extract } = await import('../src/pipeline/extract/index.ts');
  const { WORKER_DOMS } = await import('../src/dom/worker-doms.ts');
  const { parseWithLinkedom } = await import('../src/dom/linkedom.ts');
  const { clean } = await import('../src/pipeline/clean/index.ts');
  type Light = Parameters<NonNullable<Parameters<typeof extract>[1]['trustLight']>>[0];
  for (const page of [...trafilaturaPages(DATA), ...benchPages(DATA)]) {
    let form: Omit<Light, 'elements' | 'furniture'> | null = null;
    let reached = false;
    const run = (trust: boolean) => {
      try {
        return extract(page.html, {
          ...WORKER_DOMS,
          url: page.url,
          trustLight: (light) => {
            reached = true;
            form = { score: light.score, runnerUp: light.runnerUp, proseShare: light.proseShare, linkShare: light.linkShare, navShare: light.navShare };
            return trust;
          },
        });
      } catch {
        return null;
      }
    };
    const before = run(false);
    const after = run(true);
    const f1 = tokenF1(after?.text ?? '', before?.text ?? '');
    // how each text scores where the page has a reference: snippets (extract only, and extract + clean), or token F1
    // against Readability's expected text
    type Got = ReturnType<typeof extract>;
    const scores = (got: Got) => {
      if (page.entry) {
        const cleaned = got ? clean(got.text, { title: got.title }).text : null;
        return { extracted: countSnippets(page.entry, got?.text ?? null), cleaned: countSnippets(page.entry, cleaned) };
      }
      if (page.expected) {
        const want = normalizeWhitespace(parseWithLinkedom(readFileSync(page.expected, 'utf8')).body.textContent ?? '');
        return { expectedF1: tokenF1(got?.text ?? '', want) };
      }
      return null;
    };
    const row = { set: page.set, key: page.key, reached, form, before: before?.method ?? null, after: after?.method ?? null, f1 };
    console.log(JSON.stringify({ ...row, scoreBefore: scores(before), scoreAfter: reached ? scores(after) : undefined }));
  }
}

async function cost(root: string, readability: boolean): Promise<void> {
  const pages = benchPages(DATA);
  let run: (p: Page) => unknown;
  if (readability) {
    const { Readability } = await import('@mozilla/readability');
    const { parseWithLinkedom } = await import(path.join(root, 'src/dom/linkedom.ts'));
    run = (p) => new Readability(parseWithLinkedom(p.html, p.url)).parse()?.textContent;
  } else {
    const { extract } = await import(path.join(root, 'src/pipeline/extract/index.ts'));
    const { WORKER_DOMS } = await import(path.join(root, 'src/dom/worker-doms.ts'));
    const { cleanAndLabel } = await import(path.join(root, 'src/pipeline/clean-and-label.ts'));
    run = (p) => {
      const got = extract(p.html, { ...WORKER_DOMS, url: p.url });
      return got && cleanAndLabel(got.text, { title: got.title, url: p.url });
    };
  }
  const safely = (p: Page) => {
    try {
      run(p);
    } catch {
      // a page that throws costs what it cost until then
    }
  };
  for (const p of pages) safely(p);
  process.memoryUsage.rss(); // the dump before this one closes the warm-up
  for (const p of pages) {
    safely(p);
    process.memoryUsage.rss(); // one dump a page
  }
}

async function same(base: string, head: string): Promise<void> {
  const { Readability } = await import('@mozilla/readability');
  // Readability removes a flag each time it starts over
  const internals = Readability.prototype as unknown as { _removeFlag: (flag: number) => void };
  const removeFlag = internals._removeFlag;
  let restarts = 0;
  internals._removeFlag = function (this: unknown, flag: number) {
    restarts++;
    removeFlag.call(this, flag);
  };
  const extractAt = async (root: string) => {
    const { extract } = await import(path.join(root, 'src/pipeline/extract/index.ts'));
    const { WORKER_DOMS } = await import(path.join(root, 'src/dom/worker-doms.ts'));
    return (p: Page) => {
      try {
        return JSON.stringify(extract(p.html, { ...WORKER_DOMS, url: p.url }));
      } catch (e) {
        return `throws ${String(e)}`;
      }
    };
  };
  const [before, after] = [await extractAt(base), await extractAt(head)];
  const pages = [...trafilaturaPages(DATA), ...benchPages(DATA)];
  let differ = 0;
  let restarted = 0;
  for (const page of pages) {
    const want = before(page);
    restarts = 0;
    const got = after(page);
    if (restarts) restarted++;
    if (got !== want) {
      differ++;
      console.log(`differs: ${page.set} ${page.key}`);
    }
  }
  console.log(`${pages.length} pages, ${differ} differ; Readability started over on ${restarted}`);
}

async function pipelineAt(root: string, lightOnly = false, trustCited = false): Promise<(p: Page) => unknown> {
  const { extract } = await import(path.join(root, 'src/pipeline/extract/index.ts'));
  const trustLight = trustCited ? (await import(path.join(root, 'src/pipeline/extract/light-article.ts'))).isConfidentCited : undefined;
  const { WORKER_DOMS } = await import(path.join(root, 'src/dom/worker-doms.ts'));
  const { cleanAndLabel } = await import(path.join(root, 'src/pipeline/clean-and-label.ts'));
  return (p) => {
    const got = extract(p.html, { ...WORKER_DOMS, url: p.url, ...(lightOnly ? { lightOnly } : {}), ...(trustLight ? { trustLight } : {}) });
    return got && cleanAndLabel(got.text, { title: got.title, url: p.url });
  };
}

async function ab(base: string, head: string, rounds: number, lightOnly: boolean, trustCited: boolean): Promise<void> {
  const pages = benchPages(DATA);
  const { Readability } = await import('@mozilla/readability');
  const { parseWithLinkedom } = await import(path.join(head, 'src/dom/linkedom.ts'));
  const runs: Record<string, (p: Page) => unknown> = {
    readability: (p) => new Readability(parseWithLinkedom(p.html, p.url)).parse()?.textContent,
    base: await pipelineAt(base),
    head: await pipelineAt(head, lightOnly, trustCited),
  };
  const cpu = () => {
    const t = process.cpuUsage();
    return (t.user + t.system) / 1000;
  };
  const times: Record<string, number[][]> = Object.fromEntries(Object.keys(runs).map((k) => [k, pages.map(() => [])]));
  for (let round = -1; round < rounds; round++) {
    pages.forEach((p, i) => {
      for (const [name, run] of Object.entries(runs)) {
        const t = cpu();
        try {
          run(p);
        } catch {
          // a page that throws costs what it cost until then
        }
        if (round >= 0) times[name][i].push(cpu() - t);
      }
    });
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const at = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.round(q * (xs.length - 1)))];
  const stats = (name: string) => {
    const xs = times[name].map(median);
    return { mean: xs.reduce((a, b) => a + b, 0) / xs.length, median: at(xs, 0.5), p95: at(xs, 0.95), p99: at(xs, 0.99) };
  };
  const r = stats('readability');
  for (const name of Object.keys(runs)) {
    const s = stats(name);
    const fmt = (k: keyof typeof s) => `${k} ${s[k].toFixed(1)} ms (${(s[k] / r[k]).toFixed(3)}x)`;
    console.log(`${name.padEnd(12)} ${fmt('mean')}, ${fmt('median')}, ${fmt('p95')}, ${fmt('p99')}`);
  }
}

const [mode, ...rest] = process.argv.slice(2);
const rootAt = rest.indexOf('--root');
const root = rootAt >= 0 ? path.resolve(rest[rootAt + 1]) : path.resolve(here, '..');
if (mode === 'agree') await agree();
else if (mode === 'ab') {
  const baseAt = rest.indexOf('--base');
  const roundsAt = rest.indexOf('--rounds');
  await ab(path.resolve(rest[baseAt + 1]), root, roundsAt >= 0 ? Number(rest[roundsAt + 1]) : 3, rest.includes('--light-only'), rest.includes('--trust-cited'));
} else if (mode === 'same') await same(path.resolve(rest[rest.indexOf('--base') + 1]), root);
else if (mode === 'cost') await cost(root, rest.includes('--readability'));
else {
  console.error('usage: bench/extract-light.ts agree | ab --base DIR [--rounds N] [--light-only] [--trust-cited] | same --base DIR | cost [--root DIR] [--readability]');
  process.exit(2);
}
