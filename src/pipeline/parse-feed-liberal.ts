/**
 * parse-feed-liberal: any feed text -> entries, through liberal-xml's forgiving tree. RSS 0.9x/2.0 (with or without
 * a version, in a namespace or not), RDF / RSS 1.0, Atom 1.0 and 0.3, and Microsoft's CDF.
 *
 * What it reads that rss-parser does not: text constructs by their type (Atom `text`, `html`, `xhtml`; Atom 0.3
 * `mode="escaped"` and `base64`; inline markup in an RSS title), xml:base on any element, the alternate Atom link
 * (never an enclosure; a `<link>` without href does not hide the next one), dates from dcterms, dc:date and Atom 0.3
 * (issued, modified, created), `isPermaLink="false"` guids, dc:title and media:title when there is no title.
 * Each element is read from its entry's own children, never from a nested element of the same name.
 */
import { readXml, serialize, textOf, XML_NS, type XmlDocument, type XmlElement, type XmlProblems } from './liberal-xml.ts';
import type { FeedEntry, FeedFormat } from './parse-feed.ts';
import { readDate } from './read-date.ts';

const NS = {
  atom: 'http://www.w3.org/2005/Atom',
  atom03: 'http://purl.org/atom/ns#',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  dc: 'http://purl.org/dc/elements/1.1/',
  dcterms: 'http://purl.org/dc/terms/',
  content: 'http://purl.org/rss/1.0/modules/content/',
  media: 'http://search.yahoo.com/mrss/',
  itunes: 'http://www.itunes.com/dtds/podcast-1.0.dtd',
  xhtml: 'http://www.w3.org/1999/xhtml',
};

/** The namespaces of the formats' own elements; an element in any other namespace is an extension. */
const CORE = new Set([
  '',
  NS.atom,
  NS.atom03,
  'http://purl.org/rss/1.0/',
  'http://my.netscape.com/rdf/simple/0.9/',
  'http://backend.userland.com/rss2',
  'http://blogs.law.harvard.edu/tech/rss',
]);

export interface LiberalFeed {
  format: FeedFormat;
  title: string | null;
  link: string | null;
  entries: FeedEntry[];
  problems: XmlProblems; // the XML's faults, repaired
  unreadableDates: number; // entries whose every date string failed to read
}

/** Returns null when the document's root is not a feed's (an HTML page, an empty or unrelated document). */
export function parseFeedLiberal(xml: string | XmlDocument, baseUrl: string | null = null): LiberalFeed | null {
  const { root, problems } = typeof xml === 'string' ? readXml(xml) : xml;
  if (!root) return null;
  const format = formatOf(root);
  if (!format) return null;
  if (format === 'cdf') lowerNames(root); // CDF writes <ITEM>, <TITLE>: read them as the RSS names they mean
  const reader = new EntryReader(format, baseUrl);
  const entries = collect(root, format).map((el) => reader.entry(el));
  const channel = format === 'atom' || format === 'cdf' ? root : (kids(root).find((k) => k.local.toLowerCase() === 'channel') ?? root);
  const title = first(channel, core('title'));
  return {
    format,
    title: title ? textOf(title).trim() || null : null,
    link: reader.link(channel),
    entries,
    problems,
    unreadableDates: reader.unreadableDates,
  };
}

function lowerNames(root: XmlElement): void {
  const todo = [root];
  while (todo.length) {
    const el = todo.pop()!;
    el.local = el.local.toLowerCase();
    todo.push(...kids(el));
  }
}

function formatOf(root: XmlElement): FeedFormat | null {
  const local = root.local;
  if (local.toLowerCase() === 'rss') return 'rss';
  if (local === 'RDF') return 'rdf';
  if (local === 'feed') return 'atom';
  if (root.name === 'CHANNEL') return 'cdf';
  if (local === 'channel') return 'rss'; // RSS that lost its <rss> wrapper
  return null;
}

/** The entry elements: items (or entries) anywhere under the root, but not inside another one. */
function collect(root: XmlElement, format: FeedFormat): XmlElement[] {
  const isEntry =
    format === 'atom'
      ? (e: XmlElement) => e.local === 'entry' && CORE.has(e.ns)
: format === 'cdf'
        ? (e: XmlElement) => e.local === 'item'
        : (e: XmlElement) => e.local === 'item' && CORE.has(e.ns);
  const out: XmlElement[] = [];
  const todo = [...kids(root)].reverse();
  while (todo.length) {
    const el = todo.pop()!;
    if (isEntry(el)) out.push(el);
    else for (const k of kids(el).reverse()) todo.push(k);
  }
  return out;
}

function kids(el: XmlElement): XmlElement[] {
  return el.children.filter((c): c is XmlElement => typeof c !== 'string');
}

type Pred = (e: XmlElement) => boolean;
const core = (local: string): Pred => (e) => e.local === local && CORE.has(e.ns);
const inNs = (ns: string, local: string): Pred => (e) => e.local === local && e.ns === ns;
const either = (...ps: Pred[]): Pred => (e) => ps.some((p) => p(e));

function first(el: XmlElement, pred: Pred): XmlElement | undefined {
  return kids(el).find(pred);
}

function attr(el: XmlElement, local: string, ns = ''): string | null {
  const lower = local.toLowerCase();
  const a = el.attrs.find((x) => x.ns === ns && x.local === local) ?? el.attrs.find((x) => x.ns === ns && x.local.toLowerCase() === lower);
  return a ? a.value : null;
}

const escapeHtml = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

interface Text {
  value: string;
  type: 'text' | 'html' | null; // null: RSS's HTML, escaped once or twice
}

function decodeBase64(b64: string): string | null {
  try {
    const bin = atob(b64.replace(/\s+/g, ''));
    return new TextDecoder().decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
  } catch {
    return null;
  }
}

class EntryReader {
  unreadableDates = 0;
  private readonly bases = new Map<XmlElement, string | null>();

  constructor(
    private readonly format: FeedFormat,
    private readonly docBase: string | null,
  ) {}

  entry(el: XmlElement): FeedEntry {
    const atom = this.format === 'atom';
    const titleEl = first(el, core('title')) ?? first(el, inNs(NS.dc, 'title')) ?? first(el, inNs(NS.media, 'title'));
    const title = titleEl ? this.text(titleEl) : null;
    const summaryEl = atom
      ? first(el, core('summary'))
      : (first(el, core('description')) ?? first(el, inNs(NS.dc, 'description')) ?? first(el, core('abstract')) ?? first(el, inNs(NS.itunes, 'summary')));
    const summary = summaryEl ? this.html(summaryEl) : null;
    const contentEl = first(el, inNs(NS.content, 'encoded')) ?? (atom ? first(el, core('content')) : undefined) ?? first(el, inNs(NS.xhtml, 'body'));
    // RSS without content:encoded: the description is all the feed carries of the article (rss-parser's reading too).
    const content = (contentEl ? this.html(contentEl) : null) ?? (atom ? null : summary);
    const { guid, permalink } = this.guid(el);
    return {
      guid,
      guidIsPermaLink: permalink,
      link: this.link(el),
      title: title ? title.value.trim() || null : null,
      titleType: title?.type ?? undefined,
      author: this.author(el),
      published: this.date(el),
      summary,
      content,
      categories: this.categories(el),
    };
  }

  /**
   * A text construct, by its type: inline markup is serialized (HTML), escaped markup kept as HTML, plain text kept as
   * text. Atom 1.0 says a construct of a MIME type that is neither text nor XML is base64; Atom 0.3 says so with mode.
   * RSS, RDF and CDF text is HTML of uncertain escaping (`type` absent).
   */
  private text(el: XmlElement): Text {
    const type = (attr(el, 'type') ?? '').trim().toLowerCase();
    const mode = (attr(el, 'mode') ?? '').trim().toLowerCase();
    const atom = this.format === 'atom';
    const binary = atom && (mode === 'base64' || (type.includes('/') && !type.startsWith('text/') && !/[+/]xml$/.test(type)));
    if (!binary && el.children.some((c) => typeof c !== 'string')) return { value: serialize(el.children), type: 'html' };
    const raw = textOf(el);
    const value = binary ? (decodeBase64(raw) ?? raw) : raw;
    if (!atom) return { value, type: null };
    const html = mode === 'escaped' || type === 'html' || type === 'xhtml' || /html|xml/.test(type);
    return { value, type: html ? 'html' : 'text' };
  }

  /** A summary or content as HTML: plain text is escaped so that later stages read it as the text it is. */
  private html(el: XmlElement): string | null {
    const t = this.text(el);
    const v = (t.type === 'text' ? escapeHtml(t.value) : t.value).trim();
    return v || null;
  }

  /** The article link: RSS `<link>` text, else the first alternate Atom link with an address; resolved against xml:base. */
  link(el: XmlElement): string | null {
    if (this.format === 'cdf') {
      const href = attr(el, 'href');
      return href ? this.resolve(href.trim(), el) : null;
    }
    if (this.format !== 'atom') {
      for (const l of kids(el).filter(core('link'))) {
        const href = (textOf(l).trim() || attr(l, 'href')?.trim()) ?? '';
        if (href) return this.resolve(href, l);
      }
    }
    const links = kids(el).filter(this.format === 'atom' ? core('link') : inNs(NS.atom, 'link'));
    for (const l of links) {
      const rel = (attr(l, 'rel') ?? 'alternate').trim().toLowerCase();
      if (rel !== 'alternate' && rel !== 'http://www.iana.org/assignments/relation/alternate') continue;
      // feedparser's reading of a link that forgot its href: the address given as the element's text.
      const href = (attr(l, 'href') ?? textOf(l)).trim();
      if (href) return this.resolve(href, l);
    }
    return null;
  }

  private guid(el: XmlElement): { guid: string | null; permalink: boolean } {
    if (this.format === 'atom') {
      const id = first(el, core('id'));
      return { guid: id ? textOf(id).trim() || null : null, permalink: true };
    }
    const g = first(el, core('guid'));
    if (g) {
      const text = textOf(g).trim();
      return { guid: text || null, permalink: (attr(g, 'isPermaLink') ?? 'true').trim().toLowerCase() !== 'false' };
    }
    // RDF names each item by its URI; an identifier, not necessarily the page a reader opens.
    const about = attr(el, 'about', NS.rdf);
    return { guid: about?.trim() || null, permalink: false };
  }

  /**
   * The publication date: published (Atom `published`, Atom 0.3 `issued`, RSS `pubDate`, `dcterms:issued`), else
   * updated (`updated`, `modified`, `dcterms:modified`, `dc:date`), else created (`created`, `dcterms:created`).
   * Within a kind the last readable one wins, as feedparser lets a repeated element overwrite the one before.
   */
  private date(el: XmlElement): string | null {
    const groups: Pred[] = [
      either(core('published'), core('issued'), core('pubDate'), inNs(NS.dcterms, 'issued')),
      either(core('updated'), core('modified'), inNs(NS.dcterms, 'modified'), inNs(NS.dc, 'date')),
      either(core('created'), inNs(NS.dcterms, 'created')),
    ];
    const children = kids(el);
    let firstSeen: string | null = null;
    for (const group of groups) {
      const values = children.filter(group).map((c) => textOf(c).trim()).filter(Boolean);
      firstSeen ??= values[0] ?? null;
      const readable = values.filter((v) => readDate(v) !== null);
      if (readable.length) return readable[readable.length - 1];
    }
    const lastmod = this.format === 'cdf' ? attr(el, 'lastmod') : null;
    if (lastmod && readDate(lastmod) !== null) return lastmod;
    firstSeen ??= lastmod;
    if (firstSeen) this.unreadableDates++;
    return firstSeen; // unreadable, but kept as given: normalize dates the item at the fetch
  }

  private author(el: XmlElement): string | null {
    const a = first(el, inNs(NS.dc, 'creator')) ?? first(el, core('author')) ?? first(el, inNs(NS.itunes, 'author'));
    if (!a) return null;
    const name = first(a, core('name'));
    return (name ? textOf(name) : textOf(a)).trim() || null;
  }

  private categories(el: XmlElement): string[] {
    const out: string[] = [];
    for (const c of kids(el)) {
      if (core('category')(c)) {
        const term = attr(c, 'term') ?? textOf(c);
        if (term.trim()) out.push(term.trim());
      } else if (inNs(NS.dc, 'subject')(c) && textOf(c).trim()) out.push(textOf(c).trim());
    }
    return out;
  }

  /** An address resolved against the element's base: the document's URL, then each xml:base from the root down. */
  private resolve(href: string, el: XmlElement): string {
    const base = this.baseOf(el);
    if (!base) return href;
    try {
      return new URL(href, base).toString();
    } catch {
      return href;
    }
  }

  private baseOf(el: XmlElement | null): string | null {
    if (!el) return this.docBase;
    if (this.bases.has(el)) return this.bases.get(el)!;
    const chain: XmlElement[] = [];
    for (let e: XmlElement | null = el; e && !this.bases.has(e); e = e.parent) chain.push(e);
    let base = chain.length && chain[chain.length - 1].parent ? this.bases.get(chain[chain.length - 1].parent!)! : this.docBase;
    for (let k = chain.length - 1; k >= 0; k--) {
      // CDF says BASE where XML says xml:base
      const xmlBase = attr(chain[k], 'base', XML_NS) ?? (this.format === 'cdf' ? attr(chain[k], 'base') : null);
      if (xmlBase !== null) {
        try {
          const next = new URL(xmlBase.trim(), base ?? undefined);
          // A base that is not http(s) (javascript:, data:) would only make links we refuse: ignore it.
          if (next.protocol === 'http:' || next.protocol === 'https:') base = next.toString();
        } catch {
          // unreadable base: the one above stands
        }
      }
      this.bases.set(chain[k], base);
    }
    return base;
  }
}
