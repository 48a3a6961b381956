/**
 * parse-feed: XML text -> feed entries. Never fetches. Failures are typed (`FeedError`) so each source's status can say
 * what went wrong.
 *
 * Two readers. rss-parser (`parseString`) reads the feeds it can: well-formed RSS 0.9x/2.0, RDF and Atom 1.0. The
 * liberal reader (`parse-feed-liberal`) reads the rest, so one fault does not cost a whole feed:
 *   - whatever rss-parser throws on: ill-formed XML (a raw `&`, an end tag cut short, an HTML entity, a control
 *     character), an Atom date it cannot read, a `<link>` without attributes, prefixed core elements (`rss:item`);
 *   - documents whose content rss-parser reads but loses (each seen in feedparser's suite, see eval/sections/feeds.ts):
 *     `xml:base` (it resolves nothing), Atom 0.3 (its dates and base64 text), XHTML or inline markup in a title or
 *     summary (xml2js keeps the text apart from the tags, out of order).
 * What the liberal reader had to repair is listed in `recoveries`, for the source's status line.
 */
import Parser from 'rss-parser';
import { parseFeedLiberal, type LiberalFeed } from './parse-feed-liberal.ts';
import { MAX_DEPTH, readXml, XML_NS, type XmlDocument, type XmlElement, type XmlProblem } from './liberal-xml.ts';
import { readDate } from './read-date.ts';

export type FeedErrorCode = 'empty' | 'not_a_feed' | 'malformed_xml';

export class FeedError extends Error {
  constructor(
    readonly code: FeedErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'FeedError';
  }
}

/** One entry as the feed states it; normalize turns it into a trusted item. */
export interface FeedEntry {
  guid: string | null;
  link: string | null;
  title: string | null;
  author: string | null;
  published: string | null; // as given (ISO or RFC 822)
  summary: string | null; // description / summary, may hold HTML
  content: string | null; // content:encoded / Atom content, may hold HTML
  categories: string[];
  /**
   * How the title is written. 'text': plain text as it stands, '<' and all (Atom type="text"). 'html': HTML, escaped
   * once (Atom type="html" or XHTML). Absent: RSS, whose titles are HTML escaped once or twice, read as markup twice.
   */
  titleType?: 'text' | 'html';
  /** false for an RSS guid marked isPermaLink="false" (or an RDF about): an identifier, not the article's address. */
  guidIsPermaLink?: boolean;
}

/** The family of the document's root element: `<rss>`, `<rdf:RDF>` (RSS 0.90 / 1.0), `<feed>` (Atom), `<CHANNEL>` (CDF). */
export type FeedFormat = 'rss' | 'rdf' | 'atom' | 'cdf';

export interface ParsedFeed {
  format: FeedFormat;
  title: string | null;
  link: string | null;
  entries: FeedEntry[];
  reader: 'rss-parser' | 'liberal';
  /** Why the liberal reader read it: rss-parser's error, or the construct rss-parser would lose. Null for rss-parser. */
  why: string | null;
  /** What was broken and repaired, e.g. 'raw & in 2 places', '1 unreadable date'. Empty for a sound feed. */
  recoveries: string[];
  /** The XML itself was broken (not only beyond rss-parser). */
  malformed: boolean;
}

export interface ParseOptions {
  /** The document's base URL (its address, or its Content-Location): xml:base values resolve against it. */
  baseUrl?: string | null;
  /** 'liberal' skips rss-parser (for comparisons in the evaluation); the Worker uses 'auto'. */
  reader?: 'auto' | 'liberal' | 'rss-parser';
}

type RawItem = Record<string, unknown>;

const RAW = { keepArray: true };
const parser = new Parser<Record<string, unknown>, RawItem>({
  defaultRSS: 2, // `<rss>` without a version attribute is read as RSS 2.0 (rss-parser otherwise rejects it)
  customFields: {
    item: [
      ['dc:creator', 'dcCreator'],
      ['content:encoded', 'contentEncoded'],
      // Raw elements, read by the same rules as the liberal reader: every link (which is the alternate), the guid's
      // isPermaLink, the title's type, and every date element (which one is the publication date).
      ['link', 'rawLinks', RAW],
      ['guid', 'rawGuids', RAW],
      ['title', 'rawTitles', RAW],
      ['dc:title', 'rawDcTitles', RAW],
      ['media:title', 'rawMediaTitles', RAW],
      ['dc:subject', 'rawSubjects', RAW],
      ...['published', 'pubDate', 'dcterms:issued', 'updated', 'dcterms:modified', 'dc:date', 'dcterms:created'].map(
        (name) => [name, `rawDate:${name}`, RAW] as [string, string, typeof RAW],
      ),
    ],
  },
});

/** Entries never nest: an item left open ends where the next begins. */
const ENTRY_NAMES = new Set(['item', 'entry', 'ITEM', 'rss:item', 'atom:entry']);

const HTML_START = /^(?:<!doctype\s+html|<html[\s>])/i;

/**
 * An HTML page where a feed was expected: `<!doctype html` or `<html` after white space and comments. Skipped with
 * indexOf, not a regex: `(?:<!--[\s\S]*?-->\s*)*` backtracks exponentially (30 leading comments took seconds).
 */
function isHtmlDocument(xml: string): boolean {
  let at = 0;
  for (;;) {
    while (at < xml.length && /\s/.test(xml[at])) at++;
    if (!xml.startsWith('<!--', at)) break;
    const end = xml.indexOf('-->', at + 4);
    if (end < 0) return false;
    at = end + 3;
  }
  return HTML_START.test(xml.slice(at, at + 16));
}

/**
 * What rss-parser reads without error but wrongly, found in the liberal tree before it runs: `xml:base` (it resolves
 * nothing), Atom 0.3 (its dates and base64 text), and a title, summary or content typed other than plain `text` or
 * `html` (xhtml, a MIME type, an Atom 0.3 mode: rss-parser drops the type and reads the raw text).
 */
function lostByRssParser(root: XmlElement | null): string | null {
  if (!root) return null;
  if (root.local === 'feed' && (root.ns === ATOM03 || root.attrs.some((a) => a.local === 'version' && a.value.trim() === '0.3'))) return 'Atom 0.3';
  let typed = false;
  let snippetSteps = 0;
  const todo = [root];
  while (todo.length) {
    const el = todo.pop()!;
    for (const a of el.attrs) {
      if (a.ns === XML_NS && a.local === 'base') return 'xml:base';
      if (TEXT_CONSTRUCTS.has(el.local) && (el.ns === '' || el.ns === ATOM10) && a.ns === '') {
        if (a.local === 'mode' || (a.local === 'type' && !/^(?:text|html)$/i.test(a.value.trim()))) typed = true;
      }
    }
    for (const c of el.children) {
      if (typeof c !== 'string') todo.push(c);
      else if (c.includes('<')) snippetSteps += tagScanSteps(c);
    }
  }
  // rss-parser makes a plain-text snippet of every description with `/<(?:.|\n)*?>/`, which scans from each '<' to
  // the next '>': text with many of the first and few of the second (CDATA allows it) stalls it for minutes.
  if (snippetSteps > MAX_SNIPPET_STEPS) return 'text rss-parser reads in quadratic time';
  return typed ? 'typed text' : null;
}

/** What rss-parser's tag regex costs on a text: from each '<', the characters to the next '>' (or the end). */
function tagScanSteps(text: string): number {
  let steps = 0;
  let nextGt = text.length;
  for (let i = text.length - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c === 62) nextGt = i;
    else if (c === 60) steps += nextGt - i;
  }
  return steps;
}

/** Regex steps rss-parser may spend on a document's snippets: ~0.2 s; real feeds need a few thousand. */
const MAX_SNIPPET_STEPS = 20_000_000;

const ATOM03 = 'http://purl.org/atom/ns#';
const ATOM10 = 'http://www.w3.org/2005/Atom';
const TEXT_CONSTRUCTS = new Set(['title', 'summary', 'content']);

export async function parseFeed(xml: string, opts: ParseOptions = {}): Promise<ParsedFeed> {
  if (!xml.trim()) throw new FeedError('empty', 'the response body is empty');
  if (isHtmlDocument(xml)) throw new FeedError('not_a_feed', 'got an HTML page where a feed was expected');
  const mode = opts.reader ?? 'auto';
  // The liberal tree is built first (one linear pass): a document it finds broken goes to rss-parser only when asked,
  // since rss-parser would throw on it anyway, and first spend up to 26 s on 5 MB of errors (sax reports each one).
  let doc: XmlDocument | null = readXml(xml, { unnested: ENTRY_NAMES });
  // Past the element cap the liberal tree loses structure, but the document may be sound: rss-parser reads it whole.
  const faults = [...doc.problems.keys()].filter((k) => !COSMETIC.has(k) && k !== 'too many elements');
  let why = mode === 'liberal' ? 'asked for' : faults.length ? 'malformed XML' : lostByRssParser(doc.root);
  let strictError: string | null = null;
  if (!why || mode === 'rss-parser') {
    doc = null; // a sound document goes to rss-parser: its tree (up to ~55 MB at the 5 MB cap) need not live beside xml2js's
    try {
      const feed = await parser.parseString(xml);
      const read = fromRssParser(feed, xml);
      if (!read.lost || mode === 'rss-parser') return read.parsed;
      why = read.lost;
    } catch (err) {
      strictError = err instanceof Error ? err.message.split('\n')[0] : String(err);
      why = `rss-parser: ${strictError}`;
    }
  }
  const liberal = parseFeedLiberal(doc ?? readXml(xml, { unnested: ENTRY_NAMES }), opts.baseUrl ?? null);
  if (!liberal) {
    if (strictError && !/not recognized as RSS/i.test(strictError)) throw new FeedError('malformed_xml', `malformed XML: ${strictError}`);
    const root = xml.match(/<([A-Za-z_][\w:.-]*)/)?.[1];
    throw new FeedError('not_a_feed', `not an RSS, Atom or RDF feed${root ? ` (the document is <${root}>)` : ''}`);
  }
  return fromLiberal(liberal, why);
}

function fromLiberal(feed: LiberalFeed, why: string | null): ParsedFeed {
  const recoveries: string[] = [];
  let malformed = false;
  for (const [kind, count] of feed.problems) {
    if (!COSMETIC.has(kind)) malformed = true;
    recoveries.push(describe(kind, count));
  }
  if (feed.unreadableDates) recoveries.push(`${feed.unreadableDates} unreadable date${feed.unreadableDates > 1 ? 's' : ''}`);
  return { format: feed.format, title: feed.title, link: feed.link, entries: feed.entries, reader: 'liberal', why, recoveries, malformed };
}

/** Faults that change no content: a reader that ignored them would read the same entries. */
const COSMETIC = new Set<XmlProblem>(['undeclared namespace prefix', 'content after the root element', 'cut in the last end tag', 'undeclared entity']);

function describe(kind: XmlProblem, count: number): string {
  const n = count.toLocaleString('en-US');
  const s = count > 1 ? 's' : '';
  switch (kind) {
    case 'raw &':
      return `raw & in ${n} place${s}`;
    case 'raw <':
      return `raw < in ${n} place${s}`;
    case 'too deep':
      return `nested deeper than ${MAX_DEPTH} elements: ${n} tag${s} dropped, their text kept`;
    case 'too many elements':
      return `${n} element${s} past the cap read as text`;
    case 'unclosed at the end':
      return `${n} element${s} unclosed at the end of the document`;
    case 'content after the root element':
      return `content after the root element (${n}×)`;
    case 'cut in the last end tag':
      return 'document cut in its last end tag';
    case 'entity expansion capped':
      return `entity expansion stopped at its cap (${n}×)`;
    default:
      return `${n} ${kind}${s}`;
  }
}

/** rss-parser's output as entries, and the name of what it lost, if it lost something the liberal reader keeps. */
function fromRssParser(feed: Parser.Output<RawItem> & Record<string, unknown>, xml: string): { parsed: ParsedFeed; lost: string | null } {
  let lost: string | null = null;
  const entries = (feed.items ?? []).map((item) => {
    const e = toEntry(item);
    if (e.lost) lost ??= e.lost;
    return e.entry;
  });
  return {
    parsed: { format: rootFormat(xml), title: str(feed.title), link: str(feed.link), entries, reader: 'rss-parser', why: null, recoveries: [], malformed: false },
    lost,
  };
}

function rootFormat(xml: string): FeedFormat {
  const root = xml.match(/<(?![?!])([\w:.-]+)/)?.[1] ?? '';
  if (/(^|:)feed$/.test(root)) return 'atom';
  if (/(^|:)RDF$/.test(root)) return 'rdf';
  return 'rss';
}

function toEntry(item: RawItem): { entry: FeedEntry; lost: string | null } {
  let lost: string | null = null;
  const content = str(item.contentEncoded) ?? str(item.content);
  // For RSS, rss-parser's `content` is the description: it is the summary too (the title falls back to it).
  const summary = str(item.summary) ?? str(item.description) ?? str(item.content);
  if ([item.content, item.summary, item.contentEncoded].some(mixed)) lost = 'inline markup';
  const rawTitle = firstRaw(item.rawTitles) ?? firstRaw(item.rawDcTitles) ?? firstRaw(item.rawMediaTitles);
  if (mixed(rawTitle)) lost = 'inline markup in a title';
  const titleAttrs = attrsOf(rawTitle);
  const type = titleAttrs.type?.trim().toLowerCase();
  const titleType = type === 'text' ? 'text' : type === 'html' ? 'html' : undefined;
  const guidRaw = firstRaw(item.rawGuids);
  const guid = str(item.guid) ?? str(item.id);
  return {
    entry: {
      guid,
      guidIsPermaLink: (attrsOf(guidRaw).isPermaLink ?? 'true').trim().toLowerCase() !== 'false',
      link: pickLink(item.rawLinks) ?? null,
      title: rawTitle === undefined ? null : textOfRaw(rawTitle),
      titleType,
      author: str(item.creator) ?? str(item.dcCreator) ?? str(item.author),
      published: pickDate(item),
      summary,
      content,
      categories: [item.categories, item.rawSubjects].flatMap((l) => (Array.isArray(l) ? l.map(str).filter((c): c is string => !!c) : [])),
    },
    lost,
  };
}

function firstRaw(v: unknown): unknown {
  return Array.isArray(v) ? v[0] : undefined;
}

function attrsOf(raw: unknown): Record<string, string> {
  return raw && typeof raw === 'object' && '$' in raw ? ((raw as { $: Record<string, string> }).$ ?? {}) : {};
}

function textOfRaw(raw: unknown): string | null {
  if (typeof raw === 'string') return raw.trim() || null;
  if (raw && typeof raw === 'object' && typeof (raw as { _?: unknown })._ === 'string') return ((raw as { _: string })._).trim() || null;
  return null;
}

/** xml2js's shape for an element holding other elements: their text is kept apart from the tags, out of order. */
function mixed(raw: unknown): boolean {
  return !!raw && typeof raw === 'object' && !Array.isArray(raw) && Object.keys(raw).some((k) => k !== '_' && k !== '$');
}

/** The RSS `<link>`'s text, else the first alternate Atom link (rel absent or "alternate") with an address. */
function pickLink(raw: unknown): string | null {
  if (!Array.isArray(raw)) return null;
  for (const l of raw) {
    if (typeof l === 'string' && l.trim()) return l.trim();
  }
  for (const l of raw) {
    if (!l || typeof l !== 'object') continue;
    const a = attrsOf(l);
    const rel = (a.rel ?? 'alternate').trim().toLowerCase();
    if (rel !== 'alternate' && rel !== 'http://www.iana.org/assignments/relation/alternate') continue;
    const href = (a.href ?? textOfRaw(l) ?? '').trim();
    if (href) return href;
  }
  return null;
}

/** The same precedence as the liberal reader: published, else updated, else created; the last readable of a kind. */
function pickDate(item: RawItem): string | null {
  const groups = [
    ['published', 'pubDate', 'dcterms:issued'],
    ['updated', 'dcterms:modified', 'dc:date'],
    ['dcterms:created'],
  ];
  let firstSeen: string | null = null;
  for (const names of groups) {
    const values = names.flatMap((n) => (Array.isArray(item[`rawDate:${n}`]) ? (item[`rawDate:${n}`] as unknown[]) : [])).map(textOfRaw).filter((v): v is string => !!v);
    firstSeen ??= values[0] ?? null;
    const readable = values.filter((v) => readDate(v) !== null);
    if (readable.length) return readable[readable.length - 1];
  }
  return firstSeen;
}

/** rss-parser yields strings, objects ({_: text, $: attrs}) or arrays for the same field across feeds. */
function str(v: unknown): string | null {
  if (v == null) return null;
  if (typeof v === 'string') return v.trim() || null;
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) return str(v[0]);
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return str(o._ ?? o['#'] ?? o.name ?? o.href ?? (o.$ as Record<string, unknown> | undefined)?.href);
  }
  return null;
}
