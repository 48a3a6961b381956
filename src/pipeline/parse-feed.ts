/**
 * parse-feed: XML text -> feed entries, with rss-parser's `parseString` (RSS 0.9x/2.0, Atom, RDF/RSS 1.0).
 * Never fetches. Failures are typed (`FeedError`) so each source's status can say what went wrong.
 */
import Parser from 'rss-parser';

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
}

/** The family of the document's root element: `<rss>`, `<rdf:RDF>` (RSS 0.90 / 1.0) or `<feed>` (Atom). */
export type FeedFormat = 'rss' | 'rdf' | 'atom';

export interface ParsedFeed {
  format: FeedFormat;
  title: string | null;
  link: string | null;
  entries: FeedEntry[];
}

type RawItem = Record<string, unknown>;

const parser = new Parser<Record<string, unknown>, RawItem>({
  customFields: { item: [['dc:creator', 'dcCreator'], ['content:encoded', 'contentEncoded']] },
});

const HTML_DOCUMENT = /^\s*(?:<!--[\s\S]*?-->\s*)*(?:<!doctype\s+html|<html[\s>])/i;

export async function parseFeed(xml: string): Promise<ParsedFeed> {
  if (!xml.trim()) throw new FeedError('empty', 'the response body is empty');
  if (HTML_DOCUMENT.test(xml)) throw new FeedError('not_a_feed', 'got an HTML page where a feed was expected');
  let feed;
  try {
    feed = await parser.parseString(xml);
  } catch (err) {
    const message = err instanceof Error ? err.message.split('\n')[0] : String(err);
    if (/not recognized as RSS/i.test(message)) throw new FeedError('not_a_feed', `not an RSS, Atom or RDF feed (${message})`);
    throw new FeedError('malformed_xml', `malformed XML: ${message}`);
  }
  return {
    format: rootFormat(xml),
    title: str(feed.title),
    link: str(feed.link),
    entries: (feed.items ?? []).map(toEntry),
  };
}

function rootFormat(xml: string): FeedFormat {
  const root = xml.match(/<(?![?!])([\w:.-]+)/)?.[1] ?? '';
  if (/(^|:)feed$/.test(root)) return 'atom';
  if (/(^|:)RDF$/.test(root)) return 'rdf';
  return 'rss';
}

function toEntry(item: RawItem): FeedEntry {
  const content = str(item.contentEncoded) ?? str(item.content);
  const summary = str(item.summary) ?? str(item.description) ?? (item.contentEncoded ? str(item.content) : null);
  return {
    guid: str(item.guid) ?? str(item.id),
    link: str(item.link),
    title: str(item.title),
    author: str(item.creator) ?? str(item.dcCreator) ?? str(item.author),
    published: str(item.isoDate) ?? str(item.pubDate),
    summary,
    content,
    categories: Array.isArray(item.categories) ? item.categories.map(str).filter((c): c is string => !!c) : [],
  };
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
