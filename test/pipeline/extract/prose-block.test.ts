import { describe, expect, it } from 'vitest';
import { proseBlock, tookPartOf } from '../../../src/pipeline/extract/prose-block.ts';
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
