/**
 * normalize: a feed entry as the outlet wrote it -> an item later stages trust.
 * After this, a URL is absolute, http(s) and canonical, a date is epoch milliseconds, text fields are plain text,
 * and a missing field is null. Entries that cannot be made safe are rejected with a reason, never half-stored.
 */
import type { FeedEntry } from './parse-feed.ts';
import { plainLine, plainParagraphs, stripTags } from './html-text.ts';
import { readDate } from './read-date.ts';
import { itemId } from './ids.ts';

export const MAX_TITLE_CHARS = 300; // longer "titles" are body text leaking into the field
export const MAX_SUMMARY_CHARS = 2_000; // a summary, not the article
export const MAX_CONTENT_CHARS = 100_000; // ~15,000 words, longer than any news article; keeps a D1 row under its 2 MB cap
export const FUTURE_TOLERANCE_MS = 24 * 3600_000; // clock skew and time zones; later than this is a wrong date

/** Query parameters that identify a campaign or a click, never the article. */
const TRACKING_PARAMS = [
  /^utm_/i, /^mc_[ce]id$/i, /^fbclid$/i, /^gclid$/i, /^dclid$/i, /^msclkid$/i, /^yclid$/i, /^igshid$/i, /^_ga$/i,
  /^_gl$/i, /^ref$/i, /^ref_src$/i, /^referrer$/i, /^source$/i, /^cmpid$/i, /^ocid$/i, /^spm$/i, /^sr_share$/i,
  /^share$/i, /^s_cid$/i, /^ito$/i, /^rss$/i, /^feed$/i, /^amp$/i, /^outputtype$/i,
];

export class UnsafeUrlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnsafeUrlError';
  }
}

/** Absolute, http(s), lower-case host, no fragment, no tracking parameters, remaining parameters sorted. */
export function canonicalUrl(raw: string, base?: string | null): string {
  let url: URL;
  try {
    url = new URL(raw.trim(), base || undefined); // an empty base is "none", not an invalid one
  } catch {
    throw new UnsafeUrlError(`not a URL: ${JSON.stringify(raw.slice(0, 100))}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UnsafeUrlError(`refused ${url.protocol} link (only http and https are served)`);
  }
  url.hash = '';
  url.username = '';
  url.password = '';
  url.hostname = url.hostname.toLowerCase().replace(/\.$/, '');
  const kept = [...url.searchParams].filter(([k]) => !TRACKING_PARAMS.some((re) => re.test(k)));
  kept.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  url.search = kept.length ? '?' + new URLSearchParams(kept).toString() : '';
  return url.toString();
}

export interface NormalizedItem {
  id: string;
  sourceId: string;
  url: string;
  guid: string | null;
  title: string;
  author: string | null;
  publishedAt: number;
  summary: string | null;
  content: string | null; // HTML the feed carried, capped
  categories: string[];
}

export type Normalized = { ok: true; item: NormalizedItem } | { ok: false; reason: string; title: string | null };

export interface NormalizeContext {
  sourceId: string;
  baseUrl: string; // the feed URL: relative links resolve against it
  now: number; // epoch ms of the fetch
}

export function normalizeEntry(entry: FeedEntry, ctx: NormalizeContext): Normalized {
  const title = clip(entryTitle(entry), MAX_TITLE_CHARS);
  const summary = entry.summary ? clip(plainParagraphs(entry.summary), MAX_SUMMARY_CHARS) || null : null;
  const rawLink = entryLink(entry);
  if (!rawLink) return { ok: false, reason: 'no link', title: title || null };
  let url: string;
  try {
    url = canonicalUrl(rawLink, ctx.baseUrl);
  } catch (err) {
    return { ok: false, reason: (err as Error).message, title: title || null };
  }
  // No title: the first line of the summary, else of the content, stands in (a headline-sized piece of it).
  const standIn = summary ?? (entry.content ? plainParagraphs(entry.content.slice(0, MAX_SUMMARY_CHARS)) : '');
  const finalTitle = title || (standIn ? clip(standIn.split('\n')[0], 120) : '');
  if (!finalTitle) return { ok: false, reason: 'no title and no summary', title: null };
  return {
    ok: true,
    item: {
      id: itemId(ctx.sourceId, url),
      sourceId: ctx.sourceId,
      url,
      guid: entry.guid ? clip(entry.guid, 500) : null,
      title: finalTitle,
      author: entry.author ? clip(plainLine(entry.author), 200) || null : null,
      publishedAt: parseDate(entry.published, ctx.now),
      summary,
      content: entry.content ? entry.content.slice(0, MAX_CONTENT_CHARS) : null,
      categories: entry.categories.map((c) => clip(plainLine(c), 80)).filter(Boolean).slice(0, 20),
    },
  };
}

/**
 * The entry's title as one line of plain text. Markup goes as the feed declares it: none in a text title ('<' is a
 * character there), one level in an HTML one, and two in an RSS title, where "&amp;lt;b&amp;gt;" is still a tag.
 */
export function entryTitle(entry: FeedEntry): string {
  const raw = entry.title ?? '';
  const text = entry.titleType === 'text' ? raw : entry.titleType === 'html' ? stripTags(raw) : plainLine(raw);
  return text.replace(/[\u0000-\u001f\u007f]/g, ' ').replace(/\s+/g, ' ').trim();
}

/** The article's address as given: the link, else a guid that is a permalink and an http(s) URL. */
export function entryLink(entry: FeedEntry): string | null {
  if (entry.link) return entry.link;
  if (entry.guid && entry.guidIsPermaLink !== false && /^https?:\/\//i.test(entry.guid)) return entry.guid;
  return null;
}

/** A missing, unparsable or far-future date becomes the fetch time: the item is at least that old. */
export function parseDate(value: string | null, now: number): number {
  return statedDate(value, now) ?? now;
}

/** The date the feed states, when it can be read and is plausible (not before 1995, not in the future); else null. */
export function statedDate(value: string | null, now: number): number | null {
  const t = readDate(value);
  if (t === null || t > now + FUTURE_TOLERANCE_MS || t < Date.UTC(1995, 0, 1)) return null;
  return t;
}

function clip(s: string, max: number): string {
  return s.length <= max ? s : s.slice(0, max - 1).trimEnd() + '…';
}
