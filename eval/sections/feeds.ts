/**
 * Feed reading against feedparser's own test suite (../shared/data/feed-suite/feedparser: 2,106 feeds, each testing one
 * thing, with what feedparser 6.0.14 made of it). Every file goes through the Worker's path, `readFeed`: its bytes with
 * the headers and URL the suite serves it with -> decode -> parse -> normalize. Then, per file, our entries beside
 * feedparser's: the same number, and per entry the same title (white space folded, entities decoded), link (both
 * canonicalized as we store links) and date (the same instant).
 *
 * The outcome table is the suite README's; `before` is what the code did when the section was written (2026-11-23,
 * before the liberal reader). "Applicable" files (334) are the ones that test titles, links or dates.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { readFeed, type ReadEntry, type ReadFeedResult } from '../../src/pipeline/read-feed.ts';
import { canonicalUrl } from '../../src/pipeline/normalize.ts';
import { decodeEntities } from '../../src/pipeline/html-text.ts';
import { table, type SectionContext, type SectionResult, type Thresholds } from '../section.ts';

const SUITE = path.join('feed-suite', 'feedparser');
const QUICK_EVERY = 5; // --quick keeps every 5th file
/** The suite's dates run from 1970 to 2038; "now" is fixed so a run reads them the same way any day. */
const NOW = Date.UTC(2026, 10, 23);
const LISTED_DISAGREEMENTS = 40; // applicable files whose differences the report spells out

/**
 * Just under what the reader reaches (2026-11-23): 0 rejected where feedparser recovers entries (before 61), 3 rejected
 * in all (before 419), applicable files agreeing 324/334 = 0.970 (before 0.763), 334/334 counting the judged ones;
 * titles 0.994, links 0.976, dates 1.000.
 */
export const thresholds: Thresholds = {
  'feeds.rejected_where_feedparser_recovers_entries': { max: 0 },
  'feeds.rejected': { max: 3 },
  'feeds.applicable.agree': { min: 0.97 },
  'feeds.applicable.agree_or_judged': { min: 0.997 },
  'feeds.applicable.titles': { min: 0.99 },
  'feeds.applicable.links': { min: 0.975 },
  'feeds.applicable.dates': { min: 0.997 },
};

export interface ExpectedEntry {
  title: string | null;
  link: string | null;
  id: string | null;
  published: string | null;
}

export interface ExpectedRow {
  file: string;
  scope: 'applicable' | 'applicable-decode' | 'na-field' | 'na-format';
  headers: Record<string, string>;
  url: string;
  feedparser: { bozo: boolean; bozo_exception: string | null; version: string; encoding: string; entries: ExpectedEntry[] };
  description: string;
  expect: string;
}

export type Outcome = 'same' | 'nothing' | 'rejected-entries' | 'rejected-feed-only' | 'rejected-nothing' | 'differ' | 'zero-entries';

const OUTCOMES: [Outcome, string][] = [
  ['same', 'same entries, titles, links, dates as feedparser'],
  ['nothing', 'nothing to compare on either side'],
  ['rejected-entries', 'feed rejected where feedparser recovered entries'],
  ['rejected-feed-only', 'feed rejected where feedparser recovered feed-level data only'],
  ['rejected-nothing', 'feed rejected, feedparser found nothing either'],
  ['differ', 'parsed, but entries / titles / links / dates differ'],
  ['zero-entries', 'parsed, 0 entries where feedparser has some'],
];

/**
 * The table measured by this section on the code before the liberal reader (rss-parser alone; commit 1113e51 plus this
 * section). The suite README's table, made by another script, differs by four files (1,039 same, 550 nothing).
 * Applicable files then: 255 of 334 agree (76.3 %); titles 85.6 %, links 90.1 %, dates 88.6 %; 20 rejected.
 */
const BEFORE: Record<Outcome, number> = {
  same: 1036,
  nothing: 554,
  'rejected-entries': 61,
  'rejected-feed-only': 258,
  'rejected-nothing': 100,
  differ: 94,
  'zero-entries': 3,
};

export interface Comparison {
  outcome: Outcome;
  count: boolean; // same number of entries
  titles: boolean;
  links: boolean;
  dates: boolean;
  notes: string[]; // what differs, for the report
}

/** White space folded, entities decoded (twice: feedparser leaves some double-escaped), as the README compares titles. */
export function foldTitle(t: string | null): string {
  return decodeEntities(decodeEntities(t ?? ''))
    .replace(/\s+/g, ' ')
    .trim();
}

function canonicalOrNull(link: string | null): string | null {
  if (!link) return null;
  try {
    return canonicalUrl(link);
  } catch {
    return null; // a link we refuse to serve: we store none
  }
}

/** To the second: feedparser's dates (struct_time) carry no fractions. */
function iso(ms: number | null): string | null {
  return ms === null ? null : new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

export function compare(row: ExpectedRow, ours: ReadFeedResult): Comparison {
  const theirs = row.feedparser.entries;
  // A feed recorded as failed (malformed XML, no entry storable) still had its entries read: they are compared.
  if (!ours.ok && !ours.entries.length) {
    // As the README counts them: feedparser "recovered feed-level data" when it read a broken document (bozo) as a
    // known format; a well-formed feed without entries, or an unknown format, is "nothing" on its side too.
    const fp = row.feedparser;
    const outcome: Outcome = theirs.length ? 'rejected-entries' : fp.bozo && fp.version ? 'rejected-feed-only' : 'rejected-nothing';
    return { outcome, count: !theirs.length, titles: false, links: false, dates: false, notes: [`rejected: ${ours.error.message}`] };
  }
  const mine = ours.entries;
  if (!mine.length && !theirs.length) return { outcome: 'nothing', count: true, titles: true, links: true, dates: true, notes: [] };
  if (!mine.length) return { outcome: 'zero-entries', count: false, titles: false, links: false, dates: false, notes: [`0 entries, feedparser ${theirs.length}`] };
  const notes: string[] = [];
  const count = mine.length === theirs.length;
  if (!count) notes.push(`${mine.length} entries, feedparser ${theirs.length}`);
  let titles = count;
  let links = count;
  let dates = count;
  for (let i = 0; i < Math.min(mine.length, theirs.length); i++) {
    const m: ReadEntry = mine[i];
    const t = theirs[i];
    const ourTitle = m.titleFrom === 'summary' ? '' : foldTitle(m.title); // feedparser has no stand-in title
    if (ourTitle !== foldTitle(t.title)) {
      titles = false;
      notes.push(`title ${JSON.stringify(ourTitle)} vs ${JSON.stringify(foldTitle(t.title))}`);
    }
    const theirLink = canonicalOrNull(t.link);
    if (m.url !== theirLink) {
      links = false;
      notes.push(`link ${m.url} vs ${theirLink}`);
    }
    const theirDate = t.published ? iso(Date.parse(t.published)) : null;
    if (iso(m.publishedAt) !== theirDate) {
      dates = false;
      notes.push(`date ${iso(m.publishedAt)} vs ${theirDate}`);
    }
  }
  return { outcome: titles && links && dates ? 'same' : 'differ', count, titles, links, dates, notes };
}

export function loadSuite(dataDir: string): { dir: string; rows: ExpectedRow[] } {
  const dir = path.join(dataDir, SUITE);
  const rows = readFileSync(path.join(dir, 'expected.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as ExpectedRow);
  return { dir, rows };
}

/**
 * Applicable files where we judge feedparser 6.0.14 wrong, and why. They count as disagreeing in
 * `feeds.applicable.agree`; `feeds.applicable.agree_or_judged` counts them as agreeing.
 */
export const JUDGED: Record<string, string> = {
  'wellformed/atom/entry_link_no_href_link_priority.xml':
    "the alternate link is the article, as the test's own Expect says; feedparser 6.0.14 gives the enclosure for the first entry",
  'wellformed/atom10/entry_link_no_href_link_priority.xml':
    "the alternate link is the article, as the test's own Expect says; feedparser 6.0.14 gives the enclosure for the first entry",
  'wellformed/atom/entry_link_rel_enclosure_no_href.xml':
    "an enclosure is never the article link (the test's own Expect); feedparser 6.0.14 lets it override the alternate",
  'wellformed/atom10/entry_link_rel_enclosure_no_href.xml':
    "an enclosure is never the article link (the test's own Expect); feedparser 6.0.14 lets it override the alternate",
  'wellformed/atom10/entry_id_with_attributes.xml':
    'a relative Atom id ("right") is an invalid identifier (RFC 4287 4.2.6: an absolute IRI), not an address: feedparser resolves it into a link',
  'wellformed/base/http_entry_id_base_content_location.xml': 'a relative Atom id ("/relative/link") is not a link (RFC 4287 4.2.6); feedparser resolves it into one',
  'wellformed/base/http_entry_id_base_docuri.xml': 'a relative Atom id ("/relative/link") is not a link (RFC 4287 4.2.6); feedparser resolves it into one',
  'wellformed/node_precedence/atom10_id.xml': 'a relative Atom id ("Correct Value") is not a link (RFC 4287 4.2.6); feedparser resolves it into one',
  'wellformed/rss/item_category_image.xml':
    "the <title> of an <image> inside a <category> is the image's, not the item's: the item has no title; feedparser takes it",
  'wellformed/sanitize/entry_title_crazy.xml':
    'a <script> ended by "</script\\n\\n\\n>" ends there, as in a browser, and none of it is text; feedparser keeps the script\'s code in the title',
};

interface Run {
  results: { row: ExpectedRow; ours: ReadFeedResult; cmp: Comparison }[];
  ms: number;
}

async function runSuite(dir: string, rows: ExpectedRow[], reader: 'auto' | 'rss-parser' | 'liberal'): Promise<Run> {
  const results: Run['results'] = [];
  let ms = 0;
  for (const row of rows) {
    const bytes = new Uint8Array(readFileSync(path.join(dir, 'corpus', row.file)));
    const t0 = performance.now();
    const ours = await readFeed({ bytes, url: row.url, headers: row.headers }, { sourceId: 'feed-suite', now: NOW, reader });
    ms += performance.now() - t0;
    results.push({ row, ours, cmp: compare(row, ours) });
  }
  return { results, ms };
}

function agreement(run: Run): { agree: number; applicable: number; same: number; rejected: number } {
  const applicable = run.results.filter((r) => r.row.scope === 'applicable');
  return {
    agree: applicable.filter((r) => r.cmp.outcome === 'same').length,
    applicable: applicable.length,
    same: run.results.filter((r) => r.cmp.outcome === 'same').length,
    rejected: run.results.filter((r) => r.cmp.outcome.startsWith('rejected')).length,
  };
}

const pct = (n: number, d: number) => `${((100 * n) / Math.max(1, d)).toFixed(1)} %`;

/** The cost on real feeds (../shared/data/feeds): the Worker's reading (the liberal tree as a gate, then rss-parser)
 *  beside rss-parser alone, median of a few passes, and whether both give the same entries. */
async function realFeedCost(dataDir: string): Promise<string> {
  const day = path.join(dataDir, 'feeds', '2025-12-12');
  let files: string[];
  try {
    files = readdirSync(day).filter((f) => f.endsWith('.xml')).sort();
  } catch {
    return 'recorded real feeds: not found';
  }
  const PASSES = 5;
  const times = { auto: [] as number[], 'rss-parser': [] as number[] };
  let same = 0;
  for (const f of files) {
    const bytes = new Uint8Array(readFileSync(path.join(day, f)));
    const read = { auto: '', 'rss-parser': '' };
    for (const reader of ['auto', 'rss-parser'] as const) {
      const ms: number[] = [];
      for (let k = 0; k < PASSES; k++) {
        const t0 = performance.now();
        const r = await readFeed({ bytes, url: `https://${f}.test/feed` }, { sourceId: 'real', now: NOW, reader });
        ms.push(performance.now() - t0);
        read[reader] = JSON.stringify(r.entries.map((e) => e.item ?? e.skipped));
      }
      times[reader].push(ms.sort((a, b) => a - b)[PASSES >> 1]);
    }
    if (read.auto === read['rss-parser']) same++;
  }
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  return (
    `the ${files.length} recorded real feeds: ${(sum(times.auto) / files.length).toFixed(1)} ms a feed as the Worker reads them, ` +
    `${(sum(times['rss-parser']) / files.length).toFixed(1)} ms with rss-parser alone; the same items either way for ${same} of ${files.length}`
  );
}

export default async function feeds(ctx: SectionContext): Promise<SectionResult> {
  const { dir, rows: all } = loadSuite(ctx.dataDir);
  const rows = all.filter((_, i) => !ctx.quick || i % QUICK_EVERY === 0);
  const run = await runSuite(dir, rows, 'auto');
  const results = run.results;

  const counts = Object.fromEntries(OUTCOMES.map(([o]) => [o, results.filter((r) => r.cmp.outcome === o).length])) as Record<Outcome, number>;
  const differ = results.filter((r) => r.cmp.outcome === 'differ');
  const nDiffer = (k: 'count' | 'titles' | 'links' | 'dates') => differ.filter((r) => !r.cmp[k]).length;
  const outcomeRows = OUTCOMES.map(([o, label]) => [
    label + (o === 'differ' ? ` (${nDiffer('count')} / ${nDiffer('titles')} / ${nDiffer('links')} / ${nDiffer('dates')})` : ''),
    ctx.quick ? '-' : BEFORE[o],
    counts[o],
  ]);
  const failedWithEntries = results.filter((r) => !r.ours.ok && r.ours.entries.length);

  const applicable = results.filter((r) => r.row.scope === 'applicable');
  const share = (pred: (r: Run['results'][number]) => boolean) => applicable.filter(pred).length / Math.max(1, applicable.length);
  const judged = applicable.filter((r) => r.cmp.outcome !== 'same' && JUDGED[r.row.file]);
  const metrics: Record<string, number> = {
    'feeds.files': results.length,
    'feeds.rejected': results.filter((r) => r.cmp.outcome.startsWith('rejected')).length,
    'feeds.rejected_where_feedparser_recovers_entries': counts['rejected-entries'],
    'feeds.rejected_where_feedparser_recovers_feed': counts['rejected-feed-only'],
    'feeds.applicable.agree': share((r) => r.cmp.outcome === 'same'),
    'feeds.applicable.agree_or_judged': share((r) => r.cmp.outcome === 'same' || !!JUDGED[r.row.file]),
    'feeds.applicable.titles': share((r) => r.cmp.titles),
    'feeds.applicable.links': share((r) => r.cmp.links),
    'feeds.applicable.dates': share((r) => r.cmp.dates),
    'feeds.ms_per_file': run.ms / Math.max(1, results.length),
  };

  // The evidence for the split between the two readers: each alone, beside the split the Worker runs.
  const strictOnly = await runSuite(dir, rows, 'rss-parser');
  const liberalOnly = await runSuite(dir, rows, 'liberal');
  const readers = [
    ['as the Worker reads (rss-parser, the liberal reader where it throws or loses data)', run],
    ['rss-parser wherever it parses (the liberal reader only where it throws)', strictOnly],
    ['the liberal reader for every file', liberalOnly],
  ] as const;
  const readerRows = readers.map(([label, r]) => {
    const a = agreement(r);
    return [label, `${a.agree} (${pct(a.agree, a.applicable)})`, a.same, a.rejected, (r.ms / Math.max(1, r.results.length)).toFixed(2)];
  });
  const byReader = (name: string) => results.filter((r) => r.ours.ok && r.ours.reader === name).length;
  const whys = new Map<string, number>();
  for (const r of results) if (r.ours.ok && r.ours.why) {
    const key = r.ours.why.startsWith('rss-parser: ') ? 'rss-parser threw' : r.ours.why;
    whys.set(key, (whys.get(key) ?? 0) + 1);
  }

  const real = await realFeedCost(ctx.dataDir);
  const disagreeing = applicable.filter((r) => r.cmp.outcome !== 'same');
  const byScope = ['applicable', 'applicable-decode', 'na-field', 'na-format'].map((scope) => {
    const rs = results.filter((r) => r.row.scope === scope);
    return [scope, rs.length, ...OUTCOMES.map(([o]) => rs.filter((r) => r.cmp.outcome === o).length)];
  });
  const report = [
    table(['outcome', 'before', 'now'], outcomeRows),
    `(${failedWithEntries.length} of the parsed files are recorded as failed, malformed XML with no entry usable; their entries are compared: ` +
      `${failedWithEntries.map((r) => r.row.file).join(', ') || 'none'})`,
    '',
    table(['scope', 'files', ...OUTCOMES.map(([o]) => o)], byScope),
    '',
    `applicable files (${applicable.length}) that agree: ${applicable.length - disagreeing.length} ` +
      `(${pct(applicable.length - disagreeing.length, applicable.length)}${ctx.quick ? '' : '; before 255, 76.3 %'}), ` +
      `${applicable.length - disagreeing.length + judged.length} (${pct(applicable.length - disagreeing.length + judged.length, applicable.length)}) ` +
      `counting the ${judged.length} where we judge feedparser wrong; titles ${pct(metrics['feeds.applicable.titles'] * applicable.length, applicable.length)}, ` +
      `links ${pct(metrics['feeds.applicable.links'] * applicable.length, applicable.length)}, dates ${pct(metrics['feeds.applicable.dates'] * applicable.length, applicable.length)}`,
    `rejected: ${metrics['feeds.rejected']} files${ctx.quick ? '' : ' (before 419)'}, ${counts['rejected-entries']} where feedparser recovers entries${ctx.quick ? '' : ' (before 61)'}; ` +
      `${metrics['feeds.ms_per_file'].toFixed(2)} ms a file`,
    '',
    `read by rss-parser ${byReader('rss-parser')}, by the liberal reader ${byReader('liberal')}: ` +
      [...whys].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`).join(', '),
    table(['reader', 'applicable agree', 'same', 'rejected', 'ms a file'], readerRows),
    real,
    '',
    'applicable files that disagree' + (disagreeing.length > LISTED_DISAGREEMENTS ? ` (first ${LISTED_DISAGREEMENTS})` : '') + ':',
    ...disagreeing.slice(0, LISTED_DISAGREEMENTS).map((r) => `  ${r.row.file}: ${r.cmp.notes.slice(0, 2).join('; ')}${JUDGED[r.row.file] ? `\n    judged: ${JUDGED[r.row.file]}` : ''}`),
  ].join('\n');
  return { name: 'feeds', report, metrics };
}
