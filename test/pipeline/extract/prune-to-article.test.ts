import { describe, expect, it } from 'vitest';
import { pruneToArticle } from '../../../src/pipeline/extract/prune-to-article.ts';
import { parseWithLinkedom } from '../../../src/dom/linkedom.ts';

const PROSE = [
  'Circle minted 750 million USDC on Solana over the weekend, the largest single-day issuance on that chain this year.',
  'Analysts tied the demand to market makers preparing for a token launch, which typically needs deep stablecoin pools.',
  'The issuance lifted the supply of USDC on Solana above 9 billion, according to data from the issuer’s transparency page.',
  'Circle did not comment on which firms requested the tokens; minting is open to verified institutional customers.',
  'Large mints on one chain have often come a few days before a rise in on-chain trading volume there, traders said.',
];

function page(): string {
  const article = PROSE.map((p) => `<p>${p}</p>`).join('');
  const menu = Array.from({ length: 30 }, (_, i) => `<li><a href="/c/${i}">Category ${i}</a></li>`).join('');
  return `<html><body><div id="menu"><ul>${menu}</ul></div>
    <div id="page"><div id="col"><div class="wrap"><div class="story"><h1>Circle mints $750M USDC on Solana</h1>${article}</div></div></div>
    <div id="rail"><p>Short promo text here.</p></div></div><div id="site-footer"><p>Company</p></div></body></html>`;
}

describe('pruneToArticle', () => {
  it('keeps the article with a couple of levels around it and removes the menu far outside', () => {
    const doc = parseWithLinkedom(page());
    pruneToArticle(doc);
    const text = doc.body.textContent ?? '';
    for (const p of PROSE) expect(text).toContain(p);
    expect(text).toContain('Circle mints $750M USDC on Solana');
    expect(text).not.toContain('Category 12');
    expect(text).not.toContain('Company');
  });

  it('keeps a headline and standfirst block that sits beside the wrappers of the prose, three levels above it', () => {
    const article = PROSE.map((p) => `<p>${p}</p>`).join('');
    const html = `<html><body><div id="nav"><a href="/">Home</a></div><div id="page"><div class="layout"><div class="main">
      <div class="hero"><h1>Circle mints $750M USDC on Solana</h1><span class="standfirst">The biggest single mint on the chain</span></div>
      <div class="col"><div class="wrap"><div class="story">${article}</div></div></div>
      </div></div></div></body></html>`;
    const doc = parseWithLinkedom(html);
    pruneToArticle(doc);
    const text = doc.body.textContent ?? '';
    expect(text).toContain('The biggest single mint on the chain');
    expect(text).toContain(PROSE[4]);
    expect(text).not.toContain('Home');
  });

  it('leaves a page with little prose whole', () => {
    const doc = parseWithLinkedom('<body><nav><a href="/">Home</a></nav><p>Prices update every minute across 400 pairs.</p></body>');
    pruneToArticle(doc);
    expect(doc.body.textContent).toContain('Home');
  });
});
