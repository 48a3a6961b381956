import { describe, expect, it } from 'vitest';
import { extract } from '../../../src/pipeline/extract/index.ts';
import { parseWithLinkedom } from '../../../src/dom/linkedom.ts';
import { fixture } from './helpers.ts';

const parseHTML = parseWithLinkedom;

describe('extract', () => {
  it('reads a page whose <title> holds "<body": the title is text, the article is kept', () => {
    const para = '<p>The protocol lost funds after an oracle attack, the team said in a statement on Tuesday.</p>';
    const html = `<!DOCTYPE html><html><head><title>Exploit <body onload=alert(1)> update</title></head><body>
      <div><div>${para}<div>chart</div>${para}</div><div>${'<p>Unrelated teaser with a link.</p><a href="/x">more</a>'.repeat(3)}</div></div></body></html>`;
    const got = extract(html, { parseHTML, url: 'https://outlet.example/a' });
    expect(got).not.toBeNull();
    expect(got!.text).toContain('lost funds after an oracle attack');
    expect(got!.text).not.toContain('onload');
  });


  it('finds the article paragraphs on a page full of nav, ticker, scripts and a huge __NEXT_DATA__ blob', () => {
    const html = fixture('exchange-hack-news.html');
    expect(html.length).toBeGreaterThan(100_000);
    const got = extract(html, { parseHTML, url: 'https://blockwire.example/markets/larkspur-hack' });
    expect(got).not.toBeNull();
    expect(got!.method).toBe('prose-block'); // one block holds all the prose: Readability is not needed
    expect(got!.text).toContain('drained roughly $41 million in ether and tether');
    expect(got!.text).toContain('laundering route resembled earlier incidents');
    for (const noise of ['BTC $71,204', 'Hot wallets, explained', 'All rights reserved', 'Altcoin roundup', 'dataLayer', 'Markets']) {
      expect(got!.text).not.toContain(noise);
    }
  });

  it('separates paragraphs with a blank line and decodes entities', () => {
    const got = extract(fixture('exchange-hack-news.html'), { parseHTML })!;
    const paragraphs = got.text.split('\n\n');
    expect(paragraphs).toContain('Withdrawals paused');
    expect(got.text).toContain('new addresses & rotated its keys');
    expect(got.text).not.toMatch(/investigated\.On-chain/);
  });

  it('reads the title and byline from the page', () => {
    const got = extract(fixture('exchange-hack-news.html'), { parseHTML })!;
    expect(got.title).toBe('Larkspur Exchange Drained of $41M in Hot-Wallet Breach');
    expect(got.byline).toContain('Mira Okafor');
  });

  it("prefers JSON-LD's articleBody when it is the whole article, leaving out the ads between paragraphs", () => {
    const got = extract(fixture('etf-flows-jsonld.html'), { parseHTML })!;
    expect(got.method).toBe('json-ld');
    expect(got.text.split('\n\n')).toHaveLength(4);
    expect(got.text).toContain('fifth straight day of net inflows');
    expect(got.text).not.toContain('zero fees');
    expect(got.byline).toBe('Dario Lindqvist');
  });

  it('ignores a JSON-LD teaser much shorter than the article on the page', () => {
    const got = extract(fixture('teaser-jsonld.html'), { parseHTML })!;
    expect(got.method).toBe('prose-block');
    expect(got.text).toContain('Kritiker bemängeln');
    expect(got.text).not.toContain('Impressum');
  });

  it('falls back on the meta description when the page has no article text', () => {
    const got = extract(fixture('video-only.html'), { parseHTML })!;
    expect(got.method).toBe('fallback');
    expect(got.text).toBe(
      'A three-minute explainer on restaking: how staked ETH can secure other networks, and the risks that come with it.',
    );
    expect(got.title).toBe('Watch: What Is Restaking? | Chainlight TV');
  });

  it('falls back on the largest paragraph block when Readability keeps only a fragment', () => {
    // every paragraph sits in a link-heavy list item, which Readability scores as navigation
    const items = [
      'Solana validators approved a fee change that sends half of priority fees to stakers, after a two-week vote.',
      'The proposal passed with 71% of staked SOL voting, well above the quorum the rules require for a change.',
      'Core developers said the change will ship with the next client release, expected before the end of April.',
    ];
    const html = `<html><body><ul>${items.map((t) => `<li><a href="/x"><p>${t}</p></a></li>`).join('')}</ul></body></html>`;
    const got = extract(html, { parseHTML })!;
    for (const t of items) expect(got.text).toContain(t);
    expect(got.text.split('\n\n')).toHaveLength(3);
  });

  it('leaves Readability out when one block holds the prose, and lets the light choice weigh it when other prose lies outside', () => {
    const story = [
      'The Arbor lending protocol paused withdrawals on Tuesday after an oracle reported a stale price for its staked-ether collateral for almost an hour, the team said.',
      'About $3 million in loans were liquidated at the wrong price before the pause, according to a post-mortem the developers published in the evening.',
      'Arbor said it would repay affected borrowers from its treasury and move to a second price source before reopening the markets next week.',
      'The token of the protocol fell 12% on the day, while deposits dropped by a fifth as lenders moved their funds to larger markets on other chains.',
    ];
    const article = `<div class="story">${story.map((t) => `<p>${t}</p>`).join('')}</div>`;
    const alone = `<html><head><title>Arbor pauses</title></head><body>${article}</body></html>`;
    expect(extract(alone, { parseHTML })!.method).toBe('prose-block');

    // readers' posts under the story, as long as a paragraph of it: the story block no longer holds nine tenths
    const posts = [
      'Posted by a reader: I had a loan there and the liquidation price was nowhere near the market, so I hope the repayment covers the fees as well.',
    ];
    const withPosts = alone.replace('</body>', `<div class="reader-posts">${posts.map((t) => `<p>${t}</p>`).join('')}</div></body>`);
    const got = extract(withPosts, { parseHTML })!;
    // the story still scores far above the one post beside it: chosen on the first look's DOM, the post left out
    expect(got.method).toBe('light-article');
    for (const t of story) expect(got.text).toContain(t);
    expect(got.text).not.toContain('Posted by a reader');
    expect(extract(withPosts, { parseHTML, trustLight: () => false })!.method).toBe('readability');
  });

  it('returns null when the page holds nothing usable', () => {
    expect(extract(fixture('empty-shell.html'), { parseHTML })).toBeNull();
  });
});
