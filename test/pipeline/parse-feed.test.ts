import { describe, expect, it } from 'vitest';
import { FeedError, parseFeed } from '../../src/pipeline/parse-feed.ts';

describe('parseFeed', () => {
  it('reads RSS 2.0 with content:encoded and dc:creator', async () => {
    const f = await parseFeed(`<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>C</title>
      <item><title>One</title><link>https://c.test/1</link><guid>g1</guid><dc:creator>Ana</dc:creator><pubDate>Tue, 10 Mar 2026 08:00:00 GMT</pubDate>
      <description>Short</description><content:encoded><![CDATA[<p>Full</p>]]></content:encoded><category>DeFi</category></item></channel></rss>`);
    expect(f.entries).toEqual([
      { guid: 'g1', link: 'https://c.test/1', title: 'One', author: 'Ana', published: '2026-03-10T08:00:00.000Z', summary: 'Short', content: '<p>Full</p>', categories: ['DeFi'] },
    ]);
  });
  it('reads Atom and RDF', async () => {
    const atom = await parseFeed(`<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><entry><title>E</title><link href="https://a.test/e"/><id>urn:e</id><updated>2026-03-10T08:00:00Z</updated><summary>S</summary></entry></feed>`);
    expect(atom.entries[0]).toMatchObject({ title: 'E', link: 'https://a.test/e', guid: 'urn:e', summary: 'S' });
    const rdf = await parseFeed(`<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><channel><title>R</title></channel><item><title>R1</title><link>https://r.test/1</link></item></rdf:RDF>`);
    expect(rdf.entries[0]).toMatchObject({ title: 'R1', link: 'https://r.test/1' });
  });
  it('names what is wrong: empty, an HTML page, malformed XML', async () => {
    await expect(parseFeed('  ')).rejects.toMatchObject({ code: 'empty' });
    await expect(parseFeed('<!DOCTYPE html><html><body>hi</body></html>')).rejects.toMatchObject({ code: 'not_a_feed' });
    await expect(parseFeed('<rss><channel><item></channel></rss>')).rejects.toBeInstanceOf(FeedError);
    await expect(parseFeed('<rss><channel><item></channel></rss>')).rejects.toMatchObject({ code: 'malformed_xml' });
  });
});
