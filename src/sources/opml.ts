/**
 * OPML import, pure: `parseOpml` reads the feeds out of an OPML document (folders nested at any depth),
 * and `mergeSources` adds them to the source list without duplicates. The command line reads and writes
 * the files; nothing here touches the disk.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Tier } from '../pipeline/types.ts';
import { feedUrlKey, isHttpUrl } from './feed-url-key.ts';
import { SOURCE_ID_RE, type SourceConfig } from './load-sources.ts';

export interface ImportedFeed {
  feedUrl: string; // the outline's xmlUrl, as written
  homepage: string | null; // htmlUrl, when given
  name: string; // title, else text, else the feed's host
}

export class OpmlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OpmlError';
  }
}

interface Outline {
  '@_xmlUrl'?: string;
  '@_htmlUrl'?: string;
  '@_title'?: string;
  '@_text'?: string;
  outline?: Outline[];
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  isArray: (name) => name === 'outline',
  processEntities: true,
  htmlEntities: true,
});

export function parseOpml(xml: string): ImportedFeed[] {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new OpmlError(`not well-formed XML: ${valid.err.msg} (line ${valid.err.line}, column ${valid.err.col})`);
  const doc = parser.parse(xml) as { opml?: { body?: { outline?: Outline[] } | string } };
  if (!doc.opml) throw new OpmlError('not an OPML document: the root element must be <opml>');
  const body = typeof doc.opml.body === 'object' ? doc.opml.body : undefined;
  const feeds: ImportedFeed[] = [];
  const walk = (outlines: Outline[] | undefined) => {
    for (const o of outlines ?? []) {
      const xmlUrl = o['@_xmlUrl']?.trim();
      if (xmlUrl) {
        const name = (o['@_title'] ?? o['@_text'] ?? '').trim() || hostOf(xmlUrl) || xmlUrl;
        feeds.push({ feedUrl: xmlUrl, homepage: o['@_htmlUrl']?.trim() || null, name });
      }
      walk(o.outline); // folders, and the rare feed outline that nests others
    }
  };
  walk(body?.outline);
  return feeds;
}

export interface MergeDefaults {
  tier?: Tier; // 'aggregator' unless told: an unknown outlet is not trusted as original reporting
  fullText?: boolean; // false unless told: fetching the page is slower but never loses text
}

export interface MergeResult {
  sources: SourceConfig[]; // existing first, in their order, then the added ones
  added: SourceConfig[];
  skipped: { feedUrl: string; reason: string }[];
}

export function mergeSources(existing: SourceConfig[], imported: ImportedFeed[], defaults: MergeDefaults = {}): MergeResult {
  const byFeed = new Map<string, string>(); // feed key -> id that has it
  const ids = new Set<string>();
  for (const s of existing) {
    const key = feedUrlKey(s.feedUrl);
    if (key) byFeed.set(key, s.id);
    ids.add(s.id);
  }
  const added: SourceConfig[] = [];
  const skipped: MergeResult['skipped'] = [];
  for (const feed of imported) {
    const key = feedUrlKey(feed.feedUrl);
    if (!key) {
      skipped.push({ feedUrl: feed.feedUrl, reason: 'not an http(s) URL' });
      continue;
    }
    const holder = byFeed.get(key);
    if (holder) {
      skipped.push({ feedUrl: feed.feedUrl, reason: `already listed as "${holder}"` });
      continue;
    }
    const id = deriveId(feed);
    if (!id) {
      skipped.push({ feedUrl: feed.feedUrl, reason: 'no usable name or host to make an id from; add it by hand' });
      continue;
    }
    if (ids.has(id)) {
      // Same name, another feed URL: most often the same outlet's other feed. A person should decide.
      skipped.push({ feedUrl: feed.feedUrl, reason: `id "${id}" is already taken by another feed; add it by hand with its own id` });
      continue;
    }
    const source: SourceConfig = {
      id,
      name: feed.name,
      homepage: isHttpUrl(feed.homepage) ? feed.homepage : new URL(feed.feedUrl).origin + '/',
      feedUrl: feed.feedUrl,
      tier: defaults.tier ?? 'aggregator',
      fullText: defaults.fullText ?? false,
    };
    added.push(source);
    byFeed.set(key, id);
    ids.add(id);
  }
  return { sources: [...existing, ...added], added, skipped };
}

const ID_MAX_CHARS = 48; // long enough for any outlet's name, short enough for a URL segment

/** "Crypto Briefing" -> "crypto-briefing"; "Café Cripto" -> "cafe-cripto"; no name -> the host, "news-example-com". */
export function deriveId(feed: Pick<ImportedFeed, 'name' | 'feedUrl'>): string | null {
  const fromName = kebab(feed.name);
  if (fromName && SOURCE_ID_RE.test(fromName) && feed.name !== feed.feedUrl) return fromName;
  const host = hostOf(feed.feedUrl);
  const fromHost = host ? kebab(host.replace(/^www\./, '')) : '';
  return fromHost && SOURCE_ID_RE.test(fromHost) ? fromHost : null;
}

function kebab(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, ID_MAX_CHARS)
    .replace(/-+$/, '');
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return null;
  }
}
