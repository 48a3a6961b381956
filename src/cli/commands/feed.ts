/**
 * `onestory feed [--url URL] [--header "Name: value"]... FILE...` and `onestory feed --list LIST.jsonl`:
 * what the Worker makes of a feed file, served at URL with those headers, one JSON line per input, in input order:
 *
 *   {file, ok, error?: {code, message}, format, entries: [{title, url, guid, published_at, skipped}]}
 *
 * `skipped` says why the Worker would not store the entry (or null); `published_at` is the date the feed states (ISO
 * 8601), null when it gives none it can be read by. The same `readFeed` as the Worker's ingest. The output format is an
 * interface (evaluations parse it): keep it stable.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { readFeed, type ReadFeedResult } from '../../pipeline/read-feed.ts';
import { parseArgs, UsageError } from '../args.ts';

interface Input {
  file: string; // as given, echoed back
  at: string; // where to read it
  url: string;
  headers: Record<string, string>;
}

export interface FeedLine {
  file: string;
  ok: boolean;
  error?: { code: string; message: string };
  format: string | null;
  entries: { title: string | null; url: string | null; guid: string | null; published_at: string | null; skipped: string | null }[];
}

export async function feedCommand(argv: string[], out: (line: string) => void): Promise<number> {
  const inputs = await readInputs(argv);
  const now = Date.now();
  let failed = 0;
  for (const input of inputs) {
    const line = await readOne(input, now);
    if (!line.ok) failed++;
    out(JSON.stringify(line));
  }
  return failed ? 1 : 0;
}

async function readOne(input: Input, now: number): Promise<FeedLine> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(input.at));
  } catch (err) {
    return { file: input.file, ok: false, error: { code: 'unreadable_file', message: (err as Error).message }, format: null, entries: [] };
  }
  const r = await readFeed({ bytes, url: input.url, headers: input.headers }, { sourceId: 'cli', now });
  return toLine(input.file, r);
}

export function toLine(file: string, r: ReadFeedResult): FeedLine {
  const entries = r.entries.map((e) => ({
    title: e.title,
    url: e.url,
    guid: e.guid,
    published_at: e.publishedAt === null ? null : new Date(e.publishedAt).toISOString(),
    skipped: e.skipped,
  }));
  if (r.ok) return { file, ok: true, format: r.format, entries };
  return { file, ok: false, error: { code: r.error.code, message: r.error.message }, format: r.format, entries };
}

/** `--header` may repeat, so it is taken out before the common parser sees the rest. */
async function readInputs(argv: string[]): Promise<Input[]> {
  const headers: Record<string, string> = {};
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--header' || a.startsWith('--header=')) {
      const value = a === '--header' ? argv[++i] : a.slice('--header='.length);
      if (value === undefined) throw new UsageError('--header needs a value');
      const [name, v] = splitHeader(value);
      headers[name] = v;
    } else rest.push(a);
  }
  const args = parseArgs(rest, { options: ['url', 'list'] });
  if (args.options.list) {
    if (args.positional.length || args.options.url || Object.keys(headers).length) {
      throw new UsageError('--list takes the files, URLs and headers from its lines: give no FILE, --url or --header with it');
    }
    return readList(args.options.list);
  }
  if (!args.positional.length) throw new UsageError('feed needs at least one FILE (or --list LIST.jsonl)');
  const url = args.options.url;
  if (url !== undefined) checkUrl(url, '--url');
  return args.positional.map((file) => ({ file, at: file, url: url ?? pathToFileURL(path.resolve(file)).href, headers }));
}

function splitHeader(value: string): [string, string] {
  const colon = value.indexOf(':');
  if (colon <= 0) throw new UsageError(`--header must be "Name: value", not ${JSON.stringify(value)}`);
  return [value.slice(0, colon).trim(), value.slice(colon + 1).trim()];
}

function checkUrl(url: string, where: string): void {
  try {
    new URL(url);
  } catch {
    throw new UsageError(`${where}: not an absolute URL: ${JSON.stringify(url)}`);
  }
}

/** Lines `{file, url, headers}`; a relative `file` is relative to the list's folder. */
async function readList(list: string): Promise<Input[]> {
  let text: string;
  try {
    text = await readFile(list, 'utf8');
  } catch (err) {
    throw new UsageError(`cannot read --list ${list}: ${(err as Error).message}`);
  }
  const dir = path.dirname(list);
  const inputs: Input[] = [];
  text.split('\n').forEach((raw, n) => {
    if (!raw.trim()) return;
    let line: { file?: unknown; url?: unknown; headers?: unknown };
    try {
      line = JSON.parse(raw);
    } catch {
      throw new UsageError(`${list}:${n + 1}: not a JSON line`);
    }
    if (typeof line.file !== 'string' || !line.file) throw new UsageError(`${list}:${n + 1}: "file" must be a path`);
    const at = path.resolve(dir, line.file);
    const url = line.url === undefined || line.url === null ? pathToFileURL(at).href : line.url;
    if (typeof url !== 'string') throw new UsageError(`${list}:${n + 1}: "url" must be a string`);
    checkUrl(url, `${list}:${n + 1}`);
    const headers = line.headers ?? {};
    if (typeof headers !== 'object' || Array.isArray(headers) || Object.values(headers).some((v) => typeof v !== 'string')) {
      throw new UsageError(`${list}:${n + 1}: "headers" must be an object of strings`);
    }
    inputs.push({ file: line.file, at, url, headers: headers as Record<string, string> });
  });
  return inputs;
}
