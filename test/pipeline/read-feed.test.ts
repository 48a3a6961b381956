/**
 * readFeed on the probe feeds (test/fixtures/probe-feeds): each breaks one thing a real feed breaks, and each must
 * still yield its good entries, with what was recovered said on the result.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFeed, type ReadFeedResult } from '../../src/pipeline/read-feed.ts';

const PROBES = path.resolve(import.meta.dirname, '..', 'fixtures', 'probe-feeds');
const NOW = Date.UTC(2026, 2, 10, 12);
const URL_OF = 'https://probe.test/feed.xml';

async function read(file: string, headers: Record<string, string> = {}, url = URL_OF): Promise<ReadFeedResult> {
  const bytes = new Uint8Array(readFileSync(path.join(PROBES, file)));
  return readFeed({ bytes, url, headers }, { sourceId: 'probe', now: NOW });
}

async function ok(file: string, headers?: Record<string, string>, url?: string) {
  const r = await read(file, headers, url);
  if (!r.ok) throw new Error(`${file} rejected: ${r.error.message}`);
  return r;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const titles = (r: { entries: { title: string | null }[] }) => r.entries.map((e) => e.title);
const urls = (r: { entries: { url: string | null }[] }) => r.entries.map((e) => e.url);

describe('readFeed: one broken spot does not reject the feed', () => {
  it('keeps every entry of an Atom feed with one unreadable date, dating that one at the fetch', async () => {
    const r = await ok('bad-date.atom');
    expect(titles(r)).toEqual(['Validators vote to raise the gas limit', 'Exchange publishes proof of reserves', 'Stablecoin issuer adds a second auditor']);
    expect(r.entries.map((e) => iso(e.publishedAt))).toEqual(['2026-03-10T08:00:00.000Z', null, '2026-03-09T16:30:00.000Z']);
    expect(r.entries.every((e) => e.skipped === null)).toBe(true);
    expect(r.entries[1].item!.publishedAt).toBe(NOW);
    expect(r.recoveries.join('; ')).toMatch(/1 unreadable date/);
  });

  it('reads raw ampersands in links and titles as the characters they were meant to be', async () => {
    const r = await ok('raw-ampersand.xml');
    expect(urls(r)).toEqual(['https://probe.test/amp/miners?id=7&section=markets', 'https://probe.test/amp/fees', 'https://probe.test/amp/custody?a=1&b=2']);
    expect(r.entries[2].title).toBe('Q&A: what the custody rules change');
    expect(r.recoveries.join('; ')).toMatch(/raw & in 3 places/);
  });

  it('closes an end tag cut short (</item without >) and the document cut at </rss', async () => {
    const r = await ok('truncated-end-tag.xml');
    expect(titles(r)).toEqual(['Bridge reopens after an audit', 'Token unlock moves to April', 'Wallet adds passkeys']);
    expect(r.entries.map((e) => iso(e.publishedAt))).toEqual(['2026-03-10T08:00:00.000Z', '2026-03-10T07:00:00.000Z', '2026-03-10T06:00:00.000Z']);
    expect(r.recoveries.join('; ')).toMatch(/truncated end tag/);
  });

  it('drops a character reference XML forbids (&#x1;) instead of the feed', async () => {
    const r = await ok('invalid-char-ref.xml');
    expect(titles(r)).toEqual(['Oracle network adds price feeds', 'DAO treasury diversifies into bonds']);
    expect(r.recoveries.join('; ')).toMatch(/character reference/);
  });

  it('keeps the title after unclosed markup, escaped or raw, and the items after it', async () => {
    const r = await ok('unclosed-title-markup.xml');
    expect(titles(r)).toEqual(['Regulator fines three brokers', 'Exchange halts', 'Third item keeps its own title']);
    expect(urls(r)).toEqual(['https://probe.test/unclosed/fines', 'https://probe.test/unclosed/halts', 'https://probe.test/unclosed/third']);
  });

  it('ends an item left open where the next item begins, instead of nesting the rest inside it', async () => {
    const r = await ok('unclosed-item.xml');
    expect(titles(r)).toEqual(['Fund files for a staking ETF', 'Miner buys a hydro plant', 'Chain halts for two hours']);
    expect(r.recoveries).toEqual(['1 unclosed element']);
  });

  it('reads <rss> without a version attribute as RSS 2.0', async () => {
    const r = await ok('no-version.xml');
    expect(r.format).toBe('rss');
    expect(titles(r)).toEqual(['Custodian wins a trust charter']);
  });
});

describe('readFeed: what the entries say', () => {
  it('stores an item with a description but no title under the description’s first sentence line', async () => {
    const r = await ok('description-only.xml');
    expect(r.entries[0]).toMatchObject({ title: 'Hash rate hits a record two months before the halving.', url: 'https://probe.test/untitled/halving', skipped: null });
    expect(r.entries[1].title).toBe('Titled item');
  });

  it('takes the alternate Atom link, never an enclosure, and looks past a link without href', async () => {
    const r = await ok('atom-links.atom');
    expect(urls(r)).toEqual(['https://probe.test/links/defi-week', 'https://probe.test/links/lending-desk', null]);
    expect(r.entries[2].skipped).toBe('no link');
  });

  it('reads XHTML, text and HTML titles each by its type, as plain text without scripts', async () => {
    const r = await ok('xhtml-title.atom');
    expect(titles(r)).toEqual(['Why restaking worries risk teams', 'Fees < 1 % for the first time', 'Ether & gas explained']);
  });

  it('reads dcterms:issued, dcterms:modified and dc:date', async () => {
    const r = await ok('module-dates.rdf');
    expect(r.format).toBe('rdf');
    expect(r.entries.map((e) => iso(e.publishedAt))).toEqual(['2026-03-10T08:00:00.000Z', '2026-03-10T07:00:00.000Z', '2026-03-10T06:00:00.000Z']);
  });

  it('reads Atom 0.3: issued and modified dates, escaped and base64 titles', async () => {
    const r = await ok('atom03.xml');
    expect(r.format).toBe('atom');
    expect(titles(r)).toEqual(['Rollup sequencer goes live', 'Market maker exits Asia']);
    expect(r.entries.map((e) => iso(e.publishedAt))).toEqual(['2026-03-10T08:00:00.000Z', '2026-03-10T07:00:00.000Z']);
  });

  it('does not take a guid marked isPermaLink="false" for the article link', async () => {
    const r = await ok('guid-not-permalink.xml');
    expect(r.entries.map((e) => [e.url, e.skipped])).toEqual([
      [null, 'no link'],
      ['https://probe.test/guid/permalink', null],
    ]);
  });
});

describe('readFeed: base URLs', () => {
  it('resolves links against xml:base on the feed, the entry and the link itself', async () => {
    const r = await ok('xml-base.atom');
    expect(urls(r)).toEqual(['https://probe.test/news/2026/03/relative-to-feed', 'https://mirror.probe.test/archive/relative-to-entry', 'https://probe.test/desk/on-the-link']);
  });

  it('resolves relative links against the Content-Location header, itself relative to the URL', async () => {
    const r = await ok('relative-links.xml', { 'Content-Location': 'https://mirror.probe.test/feeds/main.xml' });
    expect(urls(r)).toEqual(['https://mirror.probe.test/2026/03/relative']);
    const rel = await ok('relative-links.xml', { 'content-location': '/v2/feed.xml' }, 'https://probe.test/feed.xml');
    expect(urls(rel)).toEqual(['https://probe.test/2026/03/relative']);
  });
});

describe('readFeed: charsets', () => {
  it('detects KOI8-R and Shift_JIS feeds that declare no charset', async () => {
    const ru = await ok('koi8r-undeclared.xml');
    expect(titles(ru)).toEqual(['Биткоин вырос на пять процентов за неделю', 'Биржа приостановила вывод средств на два часа']);
    expect(ru.charset).toBe('koi8-r');
    expect(ru.recoveries.join('; ')).toMatch(/not UTF-8.*koi8-r/);
    const ja = await ok('shift-jis-undeclared.xml');
    expect(titles(ja)).toEqual(['ビットコインが一週間で五パーセント上昇', '取引所が出金を二時間停止']);
    expect(ja.charset).toBe('shift_jis');
  });

  it('reads windows-1252 without a declaration rather than replacement characters', async () => {
    const r = await ok('windows1252-undeclared.xml');
    expect(titles(r)).toEqual(['Café chain’s “crypto rewards” end in June']);
    expect(JSON.stringify(r.entries)).not.toContain('\ufffd');
  });

  it('detects UTF-16 without a byte-order mark and UTF-32 with or without one', async () => {
    expect(titles(await ok('utf16le-no-bom.xml'))).toEqual(['Ether staking yields dip below 3 % — analysts shrug']);
    const be = await ok('utf32be-no-bom.xml');
    expect([be.charset, urls(be)[0]]).toEqual(['utf-32be', 'https://probe.test/u32/staking']);
    const le = await ok('utf32le-bom.xml');
    expect([le.charset, urls(le)[0]]).toEqual(['utf-32le', 'https://probe.test/u32le/staking']);
  });
});

describe('readFeed: hostile input', () => {
  const rss = (items: string, head = '') => `<?xml version="1.0"?>${head}<rss version="2.0"><channel><title>H</title>${items}</channel></rss>`;
  const item = (n: number, body = '') => `<item><title>Item ${n}</title><link>https://h.test/${n}</link>${body}</item>`;
  const bytes = (s: string) => new TextEncoder().encode(s);

  it('keeps the entries around an item nested 100,000 elements deep, without overflowing the stack', async () => {
    const deep = '<description>' + '<div>'.repeat(100_000) + 'deep' + '</div>'.repeat(100_000) + '</description>';
    const r = await readFeed({ bytes: bytes(rss(item(1) + item(2, deep) + item(3))), url: URL_OF }, { sourceId: 'h', now: NOW });
    if (!r.ok) throw new Error(r.error.message);
    expect(titles(r)).toEqual(['Item 1', 'Item 2', 'Item 3']);
    expect(r.recoveries.join('; ')).toMatch(/nested deeper than/);
  });

  it('expands no entity bomb: nested entity definitions are refused, the entries are read', async () => {
    const bomb =
      '<!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa">' +
      Array.from({ length: 9 }, (_, i) => `<!ENTITY ${'b'.repeat(i + 1)} "${`&${i ? 'b'.repeat(i) : 'a'};`.repeat(10)}">`).join('') +
      ']>';
    const t0 = performance.now();
    const r = await readFeed({ bytes: bytes(rss(item(1, '<description>&bbbbbbbbb;</description>') + item(2), bomb)), url: URL_OF }, { sourceId: 'h', now: NOW });
    expect(performance.now() - t0).toBeLessThan(2_000);
    if (!r.ok) throw new Error(r.error.message);
    expect(titles(r)).toEqual(['Item 1', 'Item 2']);
    expect(JSON.stringify(r.entries).length).toBeLessThan(10_000);
  });

  it('gives up on 5 MB of junk after the element, in bounded time, not once per broken character', async () => {
    for (const unit of ['<x ', '&#x1;']) {
      const doc = '<rss><channel><item>' + unit.repeat(Math.floor((5 * 1024 * 1024) / unit.length));
      const t0 = performance.now();
      const r = await readFeed({ bytes: bytes(doc), url: URL_OF }, { sourceId: 'h', now: NOW });
      expect(performance.now() - t0, unit).toBeLessThan(10_000); // ~1 s; rss-parser spent 16 to 21 s on these, reporting each error
      expect(r).toMatchObject({ ok: false, error: { code: 'malformed_xml' } });
    }
  });

  it('recovers a 5 MB feed broken in every item in bounded time', async () => {
    const items: string[] = [];
    for (let n = 0, size = 0; size < 5 * 1024 * 1024 - 2_000; n++) {
      items.push(`<item><title>Item ${n} & more</title><link>https://h.test/${n}?a=1&b=2</link><description>${'text &nbsp; '.repeat(40)}</description></item`);
      size += items[n].length + 1;
    }
    const doc = rss(items.join('\n'));
    const t0 = performance.now();
    const r = await readFeed({ bytes: bytes(doc), url: URL_OF }, { sourceId: 'h', now: NOW });
    const ms = performance.now() - t0;
    if (!r.ok) throw new Error(r.error.message);
    expect(r.entries.length).toBe(items.length);
    expect(r.entries[7]).toMatchObject({ title: 'Item 7 & more', url: 'https://h.test/7?a=1&b=2' });
    expect(ms).toBeLessThan(5_000);
  });
});
