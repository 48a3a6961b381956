/**
 * The cleaner's cost and output on fixed real texts, for comparing two trees of this repository (issue 8: the
 * cleaner's cost a page within 1.2x of commit 1113e51's). Not a bench section: it is meant to run under callgrind,
 * whose instruction counts stay steady on a loaded machine where wall-clock timings do not.
 *
 *   node --import tsx bench/clean-cost.ts cost [--root DIR] [--passes N] [--eval]
 *   node --import tsx bench/clean-cost.ts dump [--root DIR] > out.json
 *   node --import tsx bench/clean-cost.ts rules [--passes N]
 *
 * cost:  `clean` over the 1,042 cost texts (the six noise sets' inputs, then cryptoprism-202510's bodies), N passes
 *        (default 2), each text with its title; --eval also passes the outlet name, as eval/sections/noise.ts's
 *        timing loop does. Measure it as (instructions at N passes - at 0 passes) / N, so module load drops out:
 *        valgrind --tool=callgrind --callgrind-out-file=/tmp/cg.out node --import tsx bench/clean-cost.ts cost --passes 2
 * dump:  JSON of `clean`'s whole output (text and removed spans) for the cost texts (with titles and outlet names,
 *        then with the outlet history the noise evaluation simulates) and the bodies of the four grouping sets
 *        (with their titles); two trees' dumps must be byte-identical.
 * rules: wall-clock ms a pass per rule, timed inside whole `clean` calls over the cost texts (N passes, default 5),
 *        and the whole clean's best pass, most expensive first: where to look.
 *
 * --root DIR imports DIR/src/pipeline/clean/index.ts instead of this tree's (e.g. a worktree of 1113e51).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { defaultDataDir } from '../eval/section.ts';

interface Text {
  set: string;
  id: string;
  source: string | null;
  title: string | null;
  text: string;
}

const NOISE_DOC_SETS = ['noise-dev', 'noise-dev-2'];
const OFFSET_SETS = ['noise-dev-3', 'noise-dev-4', 'noise-dev-5', 'noise-dev-6'];
const GROUPING_SETS = ['cryptoprism-202510', 'freecryptonews-202601', 'rss4-20251213', 'basil-dev'];
const HERE = path.dirname(new URL(import.meta.url).pathname);

function jsonl<T>(file: string): T[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);
}

function articles(dataDir: string, set: string): Text[] {
  return jsonl<{ id: string; source: string; title: string | null; body: string }>(path.join(dataDir, 'gold', set, 'articles.jsonl')).map((a) => ({
    set,
    id: a.id,
    source: a.source,
    title: a.title,
    text: a.body,
  }));
}

/** The six noise sets' inputs as eval/noise-sets.ts loads them, then cryptoprism-202510's bodies: 1,042 texts. */
function costTexts(dataDir: string): Text[] {
  const out: Text[] = [];
  for (const set of NOISE_DOC_SETS) {
    for (const d of jsonl<{ id: string; source: string; title: string | null; input: string }>(path.join(dataDir, 'gold', set, 'docs.jsonl'))) {
      out.push({ set, id: d.id, source: d.source, title: d.title, text: d.input });
    }
  }
  const bodies = new Map(articles(dataDir, 'cryptoprism-202510').map((a) => [a.id, a]));
  for (const set of OFFSET_SETS) {
    for (const d of jsonl<{ id: string; source: string }>(path.join(HERE, '..', 'eval', 'data', `${set}.jsonl`))) {
      const a = bodies.get(d.id);
      if (!a) throw new Error(`${set}: article ${d.id} is not in cryptoprism-202510`);
      out.push({ set, id: d.id, source: d.source, title: a.title, text: a.text });
    }
  }
  return [...out, ...bodies.values()];
}

function arg(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}

const argv = process.argv.slice(2);
const mode = argv[0];
const root = path.resolve(arg(argv, '--root') ?? path.join(HERE, '..'));
const dataDir = defaultDataDir();
const cleanModule = pathToFileURL(path.join(root, 'src', 'pipeline', 'clean', 'index.ts')).href;
type CleanFn = (text: string, ctx?: { title?: string | null; source?: string | null; history?: unknown }) => unknown;
const { clean } = (await import(cleanModule)) as { clean: CleanFn };
const texts = costTexts(dataDir);

if (mode === 'cost') {
  const passes = Number(arg(argv, '--passes') ?? 2);
  const withSource = argv.includes('--eval');
  let removed = 0;
  for (let pass = 0; pass < passes; pass++) {
    for (const t of texts) {
      const got = clean(t.text, withSource ? { title: t.title, source: t.source } : { title: t.title }) as { removed: unknown[] };
      removed += got.removed.length;
    }
  }
  process.stdout.write(`${texts.length} texts, ${passes} passes, ${removed} spans removed\n`);
} else if (mode === 'dump') {
  const { OutletHistories, cryptoprismItems } = await import(pathToFileURL(path.join(root, 'eval', 'outlet-history-sim.ts')).href);
  const histories = new OutletHistories([...texts.slice(0, texts.length - 619).map((t) => ({ id: t.id, source: t.source, text: t.text })), ...cryptoprismItems(dataDir)]);
  const out: unknown[] = [];
  for (const t of texts) out.push({ set: t.set, id: t.id, mode: 'rules', out: clean(t.text, { title: t.title, source: t.source }) });
  for (const t of texts.slice(0, texts.length - 619)) {
    const history = histories.historyFor({ id: t.id, source: t.source, input: t.text });
    out.push({ set: t.set, id: t.id, mode: 'history', out: clean(t.text, { title: t.title, source: t.source, history }) });
  }
  for (const set of GROUPING_SETS) for (const t of articles(dataDir, set)) out.push({ set, id: t.id, mode: 'title', out: clean(t.text, { title: t.title }) });
  for (const o of out) process.stdout.write(`${JSON.stringify(o)}\n`);
} else if (mode === 'rules') {
  const passes = Number(arg(argv, '--passes') ?? 5);
  const { RULES, TAIL_RULES } = await import(pathToFileURL(path.join(root, 'src', 'pipeline', 'clean', 'rules', 'index.ts')).href);
  const rows: [string, number][] = [];
  const spent = new Map<string, number>(); // this pass's ms by rule
  const best = new Map<string, number>(); // each rule's least ms over the passes
  const time = (name: string, run: (t: Text) => unknown) => {
    let least = Infinity;
    for (let pass = 0; pass < passes; pass++) {
      for (const k of spent.keys()) spent.set(k, 0);
      const t0 = performance.now();
      for (const t of texts) run(t);
      least = Math.min(least, performance.now() - t0);
      for (const [k, ms] of spent) best.set(k, Math.min(best.get(k) ?? Infinity, ms));
    }
    rows.push([name, least]);
  };
  // each rule's find, timed inside whole clean() calls (so shared per-text scans fall where they are first asked for)
  for (const r of [...RULES, ...TAIL_RULES] as { name: string; find: (...a: unknown[]) => unknown }[]) {
    const find = r.find;
    const key = spent.has(r.name) ? `${r.name}#2` : r.name;
    spent.set(key, 0);
    r.find = (...a: unknown[]) => {
      const t0 = performance.now();
      const out = find(...a);
      spent.set(key, spent.get(key)! + performance.now() - t0);
      return out;
    };
  }
  time('(whole clean)', (t) => clean(t.text, { title: t.title, source: t.source }));
  let rules = 0;
  for (const [name, ms] of best) {
    rows.push([name, ms]);
    rules += ms;
  }
  rows.push(['(sum of the rules\' best passes)', rules]);
  rows.sort((a, b) => b[1] - a[1]);
  for (const [name, ms] of rows) process.stdout.write(`${ms.toFixed(1).padStart(9)} ms  ${name}\n`);
} else {
  process.stderr.write('usage: clean-cost.ts cost|dump|rules [--root DIR] [--passes N] [--eval]\n');
  process.exitCode = 2;
}
