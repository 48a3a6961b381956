/**
 * `onestory extract [--dom linkedom|jsdom] [--url URL] FILE.html...` and `onestory clean [--title T] FILE.txt...`:
 * one JSON line per file, `{file, title, text, removed: [{category, rule, text, why?}], coins, kind}`, or
 * `{file, error}`. `onestory clean FILE.jsonl` reads lines `{id, source, title, body}` (as `cluster` does) in order,
 * each outlet's earlier items teaching its later ones as in the Worker (outlet-history.ts), and writes one line per
 * input line with its `id`. The output format is an interface (evaluations parse it): keep it stable.
 */
import { readFile } from 'node:fs/promises';
import { decodeBytes, detectCharset } from '../../ingest/fetch-politely.ts';
import { clean } from '../../pipeline/clean/index.ts';
import { passages, type OutletHistory } from '../../pipeline/clean/outlet-history.ts';
import { OutletMemory } from '../../pipeline/clean/outlet-memory.ts';
import { extract, type ExtractOptions } from '../../pipeline/extract/index.ts';
import { cleanAndLabel } from '../../pipeline/clean-and-label.ts';
import { parseArgs, UsageError } from '../args.ts';

export interface Line {
  title: string | null;
  text: string;
  removed: { category: string; rule: string; text: string; why?: string }[];
  coins: string[];
  kind: string;
}

/** Without a title, the headline the cleaner finds standing alone in the text is the title (one copy, when it stood twice). */
function headlineIn(rawText: string): string | null {
  const found = clean(rawText, { title: null }).removed.find((r) => r.category === 'duplicate_title');
  return found?.text.trim().split('\n')[0].trim() ?? null;
}

/** The stages after extraction, exactly as the Worker runs them, as one output line. */
export function toLine(rawText: string, title: string | null, url: string | null, outlet: { source?: string | null; history?: OutletHistory | null } = {}): Line {
  const headline = title ?? headlineIn(rawText);
  const { cleaned, coins, kind } = cleanAndLabel(rawText, { title: headline, url, source: outlet.source ?? null, history: outlet.history ?? null });
  return {
    title: headline,
    text: cleaned.text,
    removed: cleaned.removed.map((r) => ({ category: r.category, rule: r.rule, text: r.text, ...(r.why ? { why: r.why } : {}) })),
    coins: coins.map((c) => c.symbol),
    kind: kind.kind,
  };
}

/** The DOMs for --dom: linkedom with the light first-look DOM, as in the Worker; jsdom alone, for comparison. */
async function domFactory(name: string): Promise<Pick<ExtractOptions, 'parseHTML' | 'parseLight' | 'fullFromLight'>> {
  if (name === 'linkedom') return (await import('../../dom/worker-doms.ts')).WORKER_DOMS;
  if (name === 'jsdom') return { parseHTML: (await import('../../dom/jsdom.ts')).parseWithJsdom };
  throw new UsageError(`--dom must be linkedom or jsdom, not ${name}`);
}

export async function extractCommand(argv: string[], out: (line: string) => void): Promise<number> {
  const args = parseArgs(argv, { options: ['dom', 'url'] });
  if (!args.positional.length) throw new UsageError('extract needs at least one FILE.html');
  const dom = await domFactory(args.options.dom ?? 'linkedom');
  let failed = 0;
  for (const file of args.positional) {
    try {
      const bytes = new Uint8Array(await readFile(file));
      const html = decodeBytes(bytes, detectCharset(null, bytes));
      const url = args.options.url ?? null;
      const page = extract(html, { ...dom, url });
      if (!page) throw new Error('no article text found');
      out(JSON.stringify({ file, ...toLine(page.text, page.title, url) }));
    } catch (err) {
      failed++;
      out(JSON.stringify({ file, error: (err as Error).message }));
    }
  }
  return failed ? 1 : 0;
}

export async function cleanCommand(argv: string[], out: (line: string) => void): Promise<number> {
  const args = parseArgs(argv, { options: ['title', 'url'] });
  if (!args.positional.length) throw new UsageError('clean needs at least one FILE.txt or FILE.jsonl');
  let failed = 0;
  const memory = new OutletMemory(); // one history across the JSONL files, as one Worker's database
  for (const file of args.positional) {
    if (file.endsWith('.jsonl')) {
      failed += await cleanJsonl(file, memory, out);
      continue;
    }
    try {
      const text = await readFile(file, 'utf8');
      out(JSON.stringify({ file, ...toLine(text, args.options.title ?? null, args.options.url ?? null) }));
    } catch (err) {
      failed++;
      out(JSON.stringify({ file, error: (err as Error).message }));
    }
  }
  return failed ? 1 : 0;
}

interface JsonlArticle {
  id: string;
  source?: string;
  title?: string | null;
  url?: string | null;
  body: string;
}

/** A JSONL file of articles, in order, through the outlet history kept in memory; returns how many lines failed. */
async function cleanJsonl(file: string, memory: OutletMemory, out: (line: string) => void): Promise<number> {
  let failed = 0;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    out(JSON.stringify({ file, error: (err as Error).message }));
    return 1;
  }
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i].trim()) continue;
    let a: JsonlArticle;
    try {
      a = JSON.parse(lines[i]) as JsonlArticle;
    } catch (err) {
      failed++;
      out(JSON.stringify({ file, line: i + 1, error: `line ${i + 1} is not JSON: ${(err as Error).message}` }));
      continue;
    }
    const id = a.id ?? String(i + 1);
    try {
      if (typeof a.body !== 'string') throw new Error(`line ${i + 1}: body must be a string`);
      const source = a.source ?? null;
      const keys = passages(a.body).map((p) => p.key);
      const history = source ? memory.history(source, keys) : null;
      out(JSON.stringify({ file, id, ...toLine(a.body, a.title ?? null, a.url ?? null, { source, history }) }));
      if (source) memory.record(source, keys);
    } catch (err) {
      failed++;
      out(JSON.stringify({ file, id, error: (err as Error).message }));
    }
  }
  return failed;
}
