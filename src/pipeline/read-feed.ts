/**
 * read-feed: what one feed response becomes, without fetching or storing anything.
 *
 *   bytes + HTTP headers + URL -> decoded text -> parsed entries -> normalized items, or the reason each is skipped
 *
 * The Worker's per-source run (`ingest-feed`) and `onestory feed` both call this, so what the command line shows is
 * what the Worker stores.
 */
import { decodeBytes, detectCharset } from '../ingest/fetch-politely.ts';
import { FeedError, parseFeed, type FeedFormat } from './parse-feed.ts';
import { plainLine } from './html-text.ts';
import { canonicalUrl, normalizeEntry, statedDate, type NormalizedItem } from './normalize.ts';

/** A feed response as it came off the wire. Header names are matched case-insensitively. */
export interface FeedResponse {
  bytes: Uint8Array;
  url: string; // the final URL, after redirects: relative links resolve against it
  headers?: Record<string, string> | null;
}

export interface ReadFeedContext {
  sourceId: string;
  now: number; // epoch ms of the fetch: stands in for missing dates
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

export type ReadFeedResult =
  | { ok: true; format: FeedFormat; charset: string; entries: ReadEntry[] }
  | { ok: false; error: FeedError; charset: string };

export async function readFeed(res: FeedResponse, ctx: ReadFeedContext): Promise<ReadFeedResult> {
  const charset = detectCharset(header(res.headers, 'content-type'), res.bytes);
  const text = decodeBytes(res.bytes, charset);
  let feed;
  try {
    feed = await parseFeed(text);
  } catch (err) {
    if (err instanceof FeedError) return { ok: false, error: err, charset };
    throw err;
  }
  const entries = feed.entries.map((entry): ReadEntry => {
    const r = normalizeEntry(entry, { sourceId: ctx.sourceId, baseUrl: res.url, now: ctx.now });
    const publishedAt = statedDate(entry.published, ctx.now);
    if (r.ok) {
      const titleFrom = plainLine(entry.title ?? '') ? 'title' : 'summary';
      return { title: r.item.title, titleFrom, url: r.item.url, guid: r.item.guid, publishedAt, skipped: null, item: r.item };
    }
    let url: string | null = null;
    const link = entry.link ?? (entry.guid && /^https?:\/\//i.test(entry.guid) ? entry.guid : null);
    try {
      url = link ? canonicalUrl(link, res.url) : null;
    } catch {
      url = null; // the reason says why
    }
    return { title: r.title, titleFrom: r.title ? 'title' : null, url, guid: entry.guid, publishedAt, skipped: r.reason, item: null };
  });
  return { ok: true, format: feed.format, charset, entries };
}

function header(headers: FeedResponse['headers'], name: string): string | null {
  if (!headers) return null;
  for (const [k, v] of Object.entries(headers)) if (k.toLowerCase() === name) return v;
  return null;
}
