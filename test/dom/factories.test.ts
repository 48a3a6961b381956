import { describe, expect, it } from 'vitest';
import { Readability } from '@mozilla/readability';
import { parseWithLinkedom } from '../../src/dom/linkedom.ts';
import { parseWithJsdom } from '../../src/dom/jsdom.ts';

const ARTICLE = `<html><head><title>Stacks upgrade</title></head><body><article>
<p>The Stacks network finished its upgrade on Thursday, cutting block times to about five seconds, according to
<a href="/docs/upgrade">the release notes</a> and <a href="#footnote-1">a footnote</a>. Developers said sBTC deposits would reopen after a
short pause while signers moved to the new version.</p>
<p>Miners had been asking for faster blocks for over a year, and the change brings the network closer to the speed of
other layer-2 systems built around bitcoin, the team wrote in its announcement.</p></article></body></html>`;

describe.each([
  ['linkedom', parseWithLinkedom],
  ['jsdom', parseWithJsdom],
] as const)('%s factory', (_, parseHTML) => {
  it('sets documentURI and baseURI to the page URL', () => {
    const doc = parseHTML(ARTICLE, 'https://news.example/2026/stacks');
    expect(doc.documentURI).toBe('https://news.example/2026/stacks');
    expect(doc.baseURI).toBe('https://news.example/2026/stacks');
  });

  it("resolves the base URI through the page's <base href>", () => {
    const doc = parseHTML('<html><head><base href="/amp/"></head><body></body></html>', 'https://news.example/a/b');
    expect(doc.baseURI).toBe('https://news.example/amp/');
  });

  it('lets Readability turn relative links absolute and leave fragment links alone', () => {
    const content = new Readability(parseHTML(ARTICLE, 'https://news.example/2026/stacks')).parse()!.content!;
    expect(content).toContain('href="https://news.example/docs/upgrade"');
    expect(content).toContain('href="#footnote-1"');
  });

  it('builds a proper body from a fragment without <html> or <body>', () => {
    const doc = parseHTML('<p>one &amp; two</p><p>three</p>');
    expect(doc.body.children).toHaveLength(2);
    expect(doc.body.textContent).toBe('one & twothree');
  });

  it('reads a <body> given without <html>', () => {
    expect(parseHTML('<body><p>Base fees fell.</p></body>').body.textContent).toBe('Base fees fell.');
  });
});
