import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../src/pipeline/parse-feed.ts';

describe('parseFeed', () => {
  it('reads RSS 2.0 with content:encoded and dc:creator', async () => {
    const f = await parseFeed(`<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>C</title>
      <item><title>One</title><link>https://c.test/1</link><guid>g1</guid><dc:creator>Ana</dc:creator><pubDate>Tue, 10 Mar 2026 08:00:00 GMT</pubDate>
      <description>Short</description><content:encoded><![CDATA[<p>Full</p>]]></content:encoded><category>DeFi</category></item></channel></rss>`);
    expect(f.entries).toEqual([
      {
        guid: 'g1',
        guidIsPermaLink: true,
        link: 'https://c.test/1',
        title: 'One',
        titleType: undefined,
        author: 'Ana',
        published: 'Tue, 10 Mar 2026 08:00:00 GMT',
        summary: 'Short',
        content: '<p>Full</p>',
        categories: ['DeFi'],
      },
    ]);
    expect(f.reader).toBe('rss-parser');
  });
  it('reads Atom and RDF', async () => {
    const atom = await parseFeed(`<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><entry><title>E</title><link href="https://a.test/e"/><id>urn:e</id><updated>2026-03-10T08:00:00Z</updated><summary>S</summary></entry></feed>`);
    expect(atom.entries[0]).toMatchObject({ title: 'E', link: 'https://a.test/e', guid: 'urn:e', summary: 'S' });
    const rdf = await parseFeed(`<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><channel><title>R</title></channel><item><title>R1</title><link>https://r.test/1</link></item></rdf:RDF>`);
    expect(rdf.entries[0]).toMatchObject({ title: 'R1', link: 'https://r.test/1' });
  });
  it('names what is wrong: empty, an HTML page, a document that is no feed', async () => {
    await expect(parseFeed('  ')).rejects.toMatchObject({ code: 'empty' });
    await expect(parseFeed('<!DOCTYPE html><html><body>hi</body></html>')).rejects.toMatchObject({ code: 'not_a_feed' });
    await expect(parseFeed('<?xml version="1.0"?><opml><body/></opml>')).rejects.toMatchObject({ code: 'not_a_feed', message: expect.stringContaining('<opml>') });
    await expect(parseFeed('<rss><channel><item></channel></rss>')).resolves.toBeTruthy();
  });
  it('reads a feed that opens with many comments in bounded time (the HTML check backtracked exponentially)', async () => {
    const t0 = performance.now();
    const f = await parseFeed('<!--c-->'.repeat(10_000) + '<rss version="2.0"><channel><item><title>T</title></item></channel></rss>');
    expect(f.entries[0].title).toBe('T');
    await expect(parseFeed('<!-- a -->\n<!-- b -->\n<!DOCTYPE html><html></html>')).rejects.toMatchObject({ code: 'not_a_feed' });
    expect(performance.now() - t0).toBeLessThan(2_000);
  });

  it('repairs malformed XML with the liberal reader and says what it repaired', async () => {
    const f = await parseFeed('<rss><channel><item><title>T</title><link>https://c.test/?a=1&b=2</link></channel></rss>');
    expect(f).toMatchObject({ reader: 'liberal', malformed: true, recoveries: ['raw & in 1 place', '1 unclosed element'] });
    expect(f.why).toBe('malformed XML'); // found by the liberal tree: rss-parser is not run on it
    expect(f.entries[0]).toMatchObject({ title: 'T', link: 'https://c.test/?a=1&b=2' });
  });
  it('reads a document rss-parser parses but misreads (xml:base) with the liberal reader, as sound', async () => {
    const f = await parseFeed('<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://a.test/x/"><entry><title>E</title><link href="e"/></entry></feed>');
    expect(f).toMatchObject({ reader: 'liberal', why: 'xml:base', malformed: false, recoveries: [] });
    expect(f.entries[0].link).toBe('https://a.test/x/e');
  });
});

describe('parseFeed on the recorded real feeds (../shared/data/feeds)', () => {
  const DAY = path.resolve(import.meta.dirname, '..', '..', '..', 'shared', 'data', 'feeds', '2025-12-12');
  it('reads each of the five outlets identically with rss-parser and with the liberal reader', async () => {
    const files = readdirSync(DAY).filter((f) => f.endsWith('.xml'));
    expect(files.length).toBe(5);
    for (const f of files) {
      const xml = readFileSync(path.join(DAY, f), 'utf8');
      const strict = await parseFeed(xml, { reader: 'rss-parser' });
      const liberal = await parseFeed(xml, { reader: 'liberal' });
      expect(strict.entries.length, f).toBeGreaterThan(10);
      expect(liberal.recoveries, f).toEqual([]);
      const norm = (e: (typeof strict.entries)[number]) => ({ ...e, published: e.published && new Date(Date.parse(e.published)).toISOString(), summary: e.summary?.trim(), content: e.content?.trim() });
      expect(liberal.entries.map(norm), f).toEqual(strict.entries.map(norm));
    }
  });
});

describe('parseFeed on hostile sound documents', () => {
  const feed = (description: string) =>
    `<rss version="2.0"><channel><item><title>T</title><link>https://h.test/1</link><description><![CDATA[${description}]]></description></item></channel></rss>`;
  it('finds what rss-parser would lose in the tree, so markup quoted in CDATA text is not taken for it', async () => {
    const f = await parseFeed(feed('<title type="xhtml">quoted</title> <x xml:base="/y/">'.repeat(1_000)));
    expect(f.reader).toBe('rss-parser');
  });
  it('leaves a sound feed past the liberal tree’s element cap to rss-parser, which reads every item', async () => {
    const items = '<item><title>T</title><link>https://h.test/1</link><category>a</category><category>b</category></item>'.repeat(50_000);
    const f = await parseFeed(`<rss version="2.0"><channel>${items}</channel></rss>`);
    expect(f.reader).toBe('rss-parser');
    expect(f.entries.length).toBe(50_000);
  });
  it('reads a description rss-parser would scan quadratically (many "<", no ">") with the liberal reader, in bounded time', async () => {
    const t0 = performance.now();
    const f = await parseFeed(feed('<title '.repeat(500_000)));
    expect(performance.now() - t0).toBeLessThan(10_000); // ~0.5 s; rss-parser's snippet regex took 24 s on a tenth of it
    expect(f).toMatchObject({ reader: 'liberal', why: 'text rss-parser reads in quadratic time', recoveries: [] });
    expect(f.entries[0].title).toBe('T');
  });
});
