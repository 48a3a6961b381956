import { describe, expect, it } from 'vitest';
import { isWholeArticle, proseBlock, tookPartOf } from '../../../src/pipeline/extract/prose-block.ts';
import { extract } from '../../../src/pipeline/extract/index.ts';
import { parseLight } from '../../../src/dom/light.ts';
import { elementToParagraphs } from '../../../src/pipeline/extract/element-to-text.ts';
import { parseWithLinkedom } from '../../../src/dom/linkedom.ts';
import { parseWithJsdom } from '../../../src/dom/jsdom.ts';
import { fixture } from './helpers.ts';

const read = (el: Element) => elementToParagraphs(el);

describe('proseBlock and tookPartOf', () => {
  // A page-builder article: each section of the story is its own text module, with an image module in between.
  const html = fixture('multi-block-article.html');

  it('reads the whole article across its text modules, the same on linkedom and jsdom', () => {
    const onLinkedom = proseBlock(parseWithLinkedom(html), read)!;
    expect(onLinkedom.text).toContain('it joins a queue');
    expect(onLinkedom.text).toContain('The churn limit grows');
    expect(onLinkedom.text).toContain('trade at a discount');
    expect(onLinkedom.text).not.toContain('Privacy');
    expect(onLinkedom.longest).toMatch(/^The churn limit grows/);
    expect(proseBlock(parseWithJsdom(html), read)).toEqual(onLinkedom);
  });

  it('takes the whole block when Readability kept one module and left out the main paragraph', () => {
    const block = proseBlock(parseWithLinkedom(html), read)!;
    const oneModule =
      'Liquid staking tokens trade on the promise that they can be redeemed for the staked coins. A long exit queue stretches that promise, and the tokens then tend to trade at a discount that closes as the queue empties.';
    expect(tookPartOf(oneModule, block)).toBe(true);
    expect(tookPartOf(block.text, block)).toBe(false);
  });

  it('takes the whole block when Readability kept only a long list inside it, the prose around it left out', () => {
    const intro = [
      'We, the undersigned node operators, ask the foundation to publish its validator selection rules in full.',
      'Delegations decide which operators survive, and operators cannot plan when the rules change without notice.',
      'We ask for a public draft, a month of comments and a changelog that names every change to the scoring.',
    ];
    const signers = Array.from({ length: 40 }, (_, i) => `Operator ${i + 1}, Node Collective ${String.fromCharCode(65 + (i % 26))}`);
    const html = `<body><div class="letter">${intro.map((p) => `<p>${p}</p>`).join('')}<p>${signers.join('<br>')}</p></div></body>`;
    const block = proseBlock(parseWithLinkedom(html), read)!;
    expect(block.longest).toMatch(/^Operator 1,/); // the list is the block's longest paragraph
    expect(tookPartOf(signers.join('\n'), block)).toBe(true);
    // most of the block (the list and a sentence of the letter) is Readability's own choice, which stands
    expect(tookPartOf(`${intro[2]}\n\n${signers.join('\n')}`, block)).toBe(false);
  });

  it('does not take a few paragraphs for the whole article when the story is written as lines in a <div>', () => {
    const lines = Array.from(
      { length: 14 },
      (_, i) =>
        `Section ${i + 1} of the review: the testnet ran for ${i + 3} weeks, validators rotated keys twice and the bridge paused once for an upgrade.`,
    );
    const html = `<html><head><title>Testnet review</title></head><body><div class="page">
      <div class="intro"><p>Our review of the new testnet, after a month of running a validator on it ourselves, with the logs, the missed blocks and the upgrades we sat through along the way.</p>
      <p>Read on for what worked, what broke and what the team plans to change before the mainnet launch, from the staking rules to the bridge and the fee market it depends on.</p>
      <p>We also asked three other operators how their month went, and their notes agree with ours on most points, though not on how often the bridge should pause.</p>
      <p>A word on method: we ran the reference client on a rented machine, kept the default settings and changed nothing that a new operator would not change on day one.</p></div>
      <div class="review">${lines.join('<br>\n')}</div></div></body></html>`;
    const block = proseBlock(parseLight(html), read)!;
    expect(block.text).toContain('after a month'); // the <p> text alone: the review's lines are no paragraphs
    expect(isWholeArticle(block, parseLight(html))).toBe(false);
    const got = extract(html, { parseHTML: parseWithLinkedom, parseLight })!;
    expect(got.text).toContain('Section 1 of the review');
    expect(got.text).toContain('Section 14 of the review');
  });

  it('keeps the opening paragraphs that stand beside the wrapper of the rest of the story', () => {
    const rest = Array.from(
      { length: 8 },
      (_, i) => `<p>Part ${i + 2} of the report follows the lending desk through week ${i + 2}, as margin calls grew and collateral was sold into a thin market that could not absorb it.</p>`,
    );
    const html = `<body><div class="story"><p>The opening of the report: a crypto lender froze withdrawals on Monday after a run that drained a third of its deposits in two days.</p>
      <div class="ad-slot"></div><div class="paywall">${rest.join('')}</div></div>
      <div class="teasers"><h3>Elsewhere</h3><p>A teaser for another story about a different lender and its own troubles this spring.</p></div></body>`;
    const block = proseBlock(parseLight(html), read)!;
    expect(block.text).toMatch(/^The opening of the report/);
    expect(block.text).toContain('Part 9 of the report');
    expect(block.text).not.toContain('Elsewhere');
  });

  it('does not widen the block over a headline and byline beside it', () => {
    const rest = Array.from(
      { length: 8 },
      (_, i) => `<p>Part ${i + 2} of the report follows the lending desk through week ${i + 2}, as margin calls grew and collateral was sold into a thin market that could not absorb it.</p>`,
    );
    const html = `<body><div class="story"><div class="head"><h1>Crypto lender freezes withdrawals after a two-day run</h1><div class="byline">By a staff reporter in Singapore, updated Monday at 14:20</div></div>
      <p>The opening of the report: a crypto lender froze withdrawals on Monday after a run that drained a third of its deposits in two days.</p>
      <div class="body">${rest.join('')}</div></div></body>`;
    const block = proseBlock(parseLight(html), read)!;
    expect(block.text).toMatch(/^Part 2 of the report/);
  });

  it('takes a block of nearly all the prose, few links and most of the text as the whole article', () => {
    const paras = Array.from(
      { length: 6 },
      (_, i) =>
        `<p>Paragraph ${i + 1} of the story explains how the fee market reacted when block space ran short for a day, and why the users who paid the most were the ones who waited.</p>`,
    );
    const html = `<body><nav>Home</nav><article>${paras.join('')}</article></body>`;
    const doc = parseLight(html);
    expect(isWholeArticle(proseBlock(doc, read)!, doc)).toBe(true);
  });

  it("keeps Readability's choice when its text lies outside the block (the block is then a comment thread or a grid)", () => {
    const block = proseBlock(parseWithLinkedom(html), read)!;
    const elsewhere =
      'Our newsroom covers proof-of-stake networks, their validators and the tokens built on them, with guides for stakers of every size and weekly market notes.';
    expect(tookPartOf(elsewhere, block)).toBe(false);
  });

  it('does not take a teaser grid of headline, summary and byline for an article', () => {
    const teaser = (i: number) =>
      `<div class="card"><h3><a href="/s/${i}">Story number ${i} about restaking yields</a></h3><p>A summary of story ${i}: operators compete for delegations as restaking rewards fall, and smaller pools merge to stay profitable this quarter.</p><p>By Desk ${i}</p></div>`;
    const grid = `<body><div class="grid">${Array.from({ length: 8 }, (_, i) => teaser(i)).join('')}</div></body>`;
    expect(proseBlock(parseWithLinkedom(grid), read)).toBeNull();
  });
});
