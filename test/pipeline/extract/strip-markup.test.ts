import { describe, expect, it } from 'vitest';
import { stripMarkup } from '../../../src/pipeline/extract/strip-markup.ts';
import { readJsonLd } from '../../../src/pipeline/extract/read-json-ld.ts';
import { fixture } from './helpers.ts';

describe('stripMarkup', () => {
  it('drops scripts, styles and the __NEXT_DATA__ blob but hands back the JSON-LD text', () => {
    const { html, jsonLd } = stripMarkup(fixture('exchange-hack-news.html'));
    expect(html.length).toBeLessThan(10_000);
    expect(html).not.toMatch(/<script|<style|dataLayer|Altcoin roundup/);
    expect(jsonLd).toHaveLength(1);
    expect(jsonLd[0]).toContain('"NewsArticle"');
    expect(html).toContain('drained roughly $41 million');
  });

  it('removes a small site header with its menu and search form', () => {
    const { html } = stripMarkup(fixture('exchange-hack-news.html'));
    expect(html).not.toContain('BTC $71,204');
    expect(html).not.toContain('placeholder="Search"');
  });

  it('keeps a header or form that wraps the article itself', () => {
    const article = '<p>Ripple said the settlement closes the case; XRP gained 6% within the hour of the filing.</p>';
    const wrapped = `<body><form id="aspnetForm"><header><h1>Ripple settles</h1></header><main>${article}</main></form></body>`;
    expect(stripMarkup(wrapped).html).toContain(article);
  });

  it('keeps a header that heads a section inside the article (an accordion item with its h3 and text)', () => {
    const item = '<header class="acc-head"><h3>Fees when you stake through an exchange</h3><p>Most exchanges keep a quarter of the rewards.</p></header>';
    const html = `<body><header class="site"><a href="/">Chainlight</a><ul><li><a href="/news">News</a></li></ul></header><div class="accordion">${item}</div></body>`;
    const out = stripMarkup(html).html;
    expect(out).toContain(item);
    expect(out).not.toContain('Chainlight');
  });

  it('keeps text between two comments and removes only the comments', () => {
    const { html } = stripMarkup('<p>Gas fees <!-- ad:inline --> fell to 2 gwei<!-- /ad --> on Sunday.</p>');
    expect(html).toBe('<p>Gas fees  fell to 2 gwei on Sunday.</p>');
  });


  it('ends a script at an end tag with junk before its ">", as a browser does, so the article after it stays', () => {
    const page =
      '<body><script src="/tag.js"></script\n\n  <!-- social plugin --><div id="root"></div><p>Validators voted to raise the gas limit to 45 million.</p>' +
      '<script>var later = 1;</script><p>The change ships next month.</p></body>';
    const { html } = stripMarkup(page);
    expect(html).toContain('Validators voted to raise the gas limit');
    expect(html).toContain('The change ships next month.');
    expect(html).not.toContain('var later');
    expect(stripMarkup('<p>a</p><script>x()</scripts>still code</script><p>b</p>').html).toBe('<p>a</p><p>b</p>');
  });

  it('flattens a whole document pasted inside the body so the article after it is not cut off', () => {
    const html = '<html><body><article><!DOCTYPE html><html><body><p>Tron moved its treasury to a new wallet.</p></body></html><p>Justin Sun confirmed the move.</p></article></body></html>';
    const { html: out } = stripMarkup(html);
    expect(out).toContain('<p>Tron moved its treasury to a new wallet.</p><p>Justin Sun confirmed the move.</p>');
    expect(out.match(/<body/g)).toHaveLength(1);
  });
});

describe('readJsonLd', () => {
  it('finds the article node inside @graph and names its authors', () => {
    const got = readJsonLd([
      '{"@graph":[{"@type":"WebPage"},{"@type":"NewsArticle","headline":"H","articleBody":"Body text.","author":[{"name":"A. Kim"},{"name":"B. Diaz"}]}]}',
    ]);
    expect(got).toEqual({ body: 'Body text.', headline: 'H', author: 'A. Kim, B. Diaz' });
  });

  it('skips broken JSON and non-article types', () => {
    expect(readJsonLd(['{"@type":"NewsArticle",', '{"@type":"Product","articleBody":"x"}'])).toBeNull();
  });
});
