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
import { readFileSync } from 'node:fs';
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

export const thresholds: Thresholds = {};

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
  if (!ours.ok) {
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

export default async function feeds(ctx: SectionContext): Promise<SectionResult> {
  const { dir, rows: all } = loadSuite(ctx.dataDir);
  const rows = all.filter((_, i) => !ctx.quick || i % QUICK_EVERY === 0);
  const results: { row: ExpectedRow; cmp: Comparison }[] = [];
  let ms = 0;
  for (const row of rows) {
    const bytes = new Uint8Array(readFileSync(path.join(dir, 'corpus', row.file)));
    const t0 = performance.now();
    const ours = await readFeed({ bytes, url: row.url, headers: row.headers }, { sourceId: 'feed-suite', now: NOW });
    ms += performance.now() - t0;
    results.push({ row, cmp: compare(row, ours) });
  }

  const counts = Object.fromEntries(OUTCOMES.map(([o]) => [o, results.filter((r) => r.cmp.outcome === o).length])) as Record<Outcome, number>;
  const differ = results.filter((r) => r.cmp.outcome === 'differ');
  const nDiffer = (k: 'count' | 'titles' | 'links' | 'dates') => differ.filter((r) => !r.cmp[k]).length;
  const outcomeRows = OUTCOMES.map(([o, label]) => [
    label + (o === 'differ' ? ` (${nDiffer('count')} / ${nDiffer('titles')} / ${nDiffer('links')} / ${nDiffer('dates')})` : ''),
    ctx.quick ? '-' : BEFORE[o],
    counts[o],
  ]);

  const applicable = results.filter((r) => r.row.scope === 'applicable');
  const share = (pred: (c: Comparison) => boolean) => applicable.filter((r) => pred(r.cmp)).length / Math.max(1, applicable.length);
  const metrics: Record<string, number> = {
    'feeds.files': results.length,
    'feeds.rejected': results.filter((r) => r.cmp.outcome.startsWith('rejected')).length,
    'feeds.rejected_where_feedparser_recovers_entries': counts['rejected-entries'],
    'feeds.rejected_where_feedparser_recovers_feed': counts['rejected-feed-only'],
    'feeds.applicable.agree': share((c) => c.outcome === 'same'),
    'feeds.applicable.titles': share((c) => c.titles),
    'feeds.applicable.links': share((c) => c.links),
    'feeds.applicable.dates': share((c) => c.dates),
    'feeds.ms_per_file': ms / Math.max(1, results.length),
  };

  const disagreeing = applicable.filter((r) => r.cmp.outcome !== 'same');
  const byScope = ['applicable', 'applicable-decode', 'na-field', 'na-format'].map((scope) => {
    const rs = results.filter((r) => r.row.scope === scope);
    return [scope, rs.length, ...OUTCOMES.map(([o]) => rs.filter((r) => r.cmp.outcome === o).length)];
  });
  const report = [
    table(['outcome', 'before', 'now'], outcomeRows),
    '',
    table(['scope', 'files', ...OUTCOMES.map(([o]) => o)], byScope),
    '',
    `applicable files (${applicable.length}) that agree: ${applicable.length - disagreeing.length} ` +
      `(${(100 * metrics['feeds.applicable.agree']).toFixed(1)} %); titles ${(100 * metrics['feeds.applicable.titles']).toFixed(1)} %, ` +
      `links ${(100 * metrics['feeds.applicable.links']).toFixed(1)} %, dates ${(100 * metrics['feeds.applicable.dates']).toFixed(1)} %`,
    `rejected: ${metrics['feeds.rejected']} files, ${counts['rejected-entries']} where feedparser recovers entries; ` +
      `${metrics['feeds.ms_per_file'].toFixed(2)} ms a file`,
    '',
    `applicable files that disagree${disagreeing.length > LISTED_DISAGREEMENTS ? ` (first ${LISTED_DISAGREEMENTS})` : ''}:`,
    ...disagreeing.slice(0, LISTED_DISAGREEMENTS).map((r) => `  ${r.row.file}: ${r.cmp.notes.slice(0, 3).join('; ')}`),
  ].join('\n');
  return { name: 'feeds', report, metrics };
}
