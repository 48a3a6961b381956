/**
 * read-feed: what one feed response becomes, without fetching or storing anything.
 *
 *   bytes + HTTP headers + URL -> decoded text -> parsed entries (with recoveries) -> normalized items, or the reason
 *   each is skipped
 *
 * The Worker's per-source run (`ingest-feed`) and `onestory feed` both call this, so what the command line shows is
 * what the Worker stores.
 */
import { decodeFeed } from './decode.ts';
import { plainLine } from './html-text.ts';
import { canonicalUrl, entryLink, normalizeEntry, statedDate, type NormalizedItem } from './normalize.ts';
import { FeedError, parseFeed, type FeedFormat, type ParseOptions } from './parse-feed.ts';

const MAX_LISTED_CHARS = 200; // of the repairs named in an error message: it is stored on the source

/** A feed response as it came off the wire. Header names are matched case-insensitively. */
export interface FeedResponse {
  bytes: Uint8Array;
  url: string; // the final URL, after redirects
  headers?: Record<string, string> | Headers | null;
}

export interface ReadFeedContext {
  sourceId: string;
  now: number; // epoch ms of the fetch: stands in for missing dates
  reader?: ParseOptions['reader']; // for comparisons in the evaluation; the Worker leaves it
}

/** One entry as the feed gave it, with the item it became, or why it became none. */
export interface ReadEntry {
  title: string | null; // plain text; the stored title (the summary's first line when the feed gave none)
  titleFrom: 'title' | 'summary' | null; // where the title came from
  url: string | null; // canonical, or null when the entry has no usable link
  guid: string | null;
  publishedAt: number | null; // the date the feed states, when it can be read; the stored item falls back to `now`
  skipped: string | null; // why the Worker would not store this entry, or null
  item: NormalizedItem | null;
}

interface ReadBase {
  charset: string;
  /** What was broken and repaired on the way: charset, XML faults, unreadable dates. */
  recoveries: string[];
  entries: ReadEntry[];
}

export type ReadFeedResult =
  | (ReadBase & { ok: true; format: FeedFormat; reader: 'rss-parser' | 'liberal'; why: string | null })
  | (ReadBase & { ok: false; error: FeedError; format: FeedFormat | null });

export async function readFeed(res: FeedResponse, ctx: ReadFeedContext): Promise<ReadFeedResult> {
  const decoded = decodeFeed(res.bytes, header(res.headers, 'content-type'));
  const base = documentBase(res.url, header(res.headers, 'content-location'));
  let feed;
  try {
    feed = await parseFeed(decoded.text, { baseUrl: base, reader: ctx.reader });
  } catch (err) {
    if (err instanceof FeedError) return { ok: false, error: err, format: null, charset: decoded.charset, recoveries: decoded.recoveries, entries: [] };
    throw err;
  }
  const entries = feed.entries.map((entry): ReadEntry => {
    const r = normalizeEntry(entry, { sourceId: ctx.sourceId, baseUrl: base, now: ctx.now });
    const publishedAt = statedDate(entry.published, ctx.now);
    if (r.ok) {
      const titleFrom = plainLine(entry.title ?? '') ? 'title' : 'summary';
      return { title: r.item.title, titleFrom, url: r.item.url, guid: r.item.guid, publishedAt, skipped: null, item: r.item };
    }
    let url: string | null = null;
    const link = entryLink(entry);
    try {
      url = link ? canonicalUrl(link, base) : null;
    } catch {
      url = null; // the reason says why
    }
    return { title: r.title, titleFrom: r.title ? 'title' : null, url, guid: entry.guid, publishedAt, skipped: r.reason, item: null };
  });
  const recoveries = [...decoded.recoveries, ...feed.recoveries];
  if (feed.malformed && !entries.some((e) => e.item)) {
    // Repairs that yield nothing to store are no recovery: the source records the broken XML, as before.
    const what = entries.length ? `${entries.length} entr${entries.length > 1 ? 'ies' : 'y'} read, none usable (${[...new Set(entries.map((e) => e.skipped))].join('; ')})` : 'no entries';
    const repaired = recoveries.join(', ');
    const error = new FeedError('malformed_xml', `malformed XML (${repaired.length > MAX_LISTED_CHARS ? repaired.slice(0, MAX_LISTED_CHARS - 1) + '…' : repaired}): ${what}`);
    return { ok: false, error, format: feed.format, charset: decoded.charset, recoveries, entries };
  }
  return { ok: true, format: feed.format, reader: feed.reader, why: feed.why, charset: decoded.charset, recoveries, entries };
}

/** Relative links resolve against Content-Location when the response names one (itself relative to the URL). */
function documentBase(url: string, contentLocation: string | null): string {
  if (!contentLocation) return url;
  try {
    const loc = new URL(contentLocation.trim(), url);
    return loc.protocol === 'http:' || loc.protocol === 'https:' ? loc.toString() : url;
  } catch {
    return url;
  }
}

function header(headers: FeedResponse['headers'], name: string): string | null {
  if (!headers) return null;
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name);
  for (const [k, v] of Object.entries(headers)) if (k.toLowerCase() === name) return v;
  return null;
}
