import { describe, expect, it } from 'vitest';
import { dropLinkLists } from '../../../src/pipeline/extract/drop-link-lists.ts';
import { elementToParagraphs } from '../../../src/pipeline/extract/element-to-text.ts';
import { parseWithLinkedom } from '../../../src/dom/linkedom.ts';

const texts = (html: string) => dropLinkLists(elementToParagraphs(parseWithLinkedom(html).body)).map((p) => p.text);

describe('dropLinkLists', () => {
  it('drops a related-stories list and its heading, keeps prose that contains a link', () => {
    const html = `<p>Polygon's upgrade went live at block 61,000,000, <a href="/pol">the team said</a>, with no downtime reported by validators.</p>
      <h3>Related stories</h3><ul><li><a href="/1">Why POL fell 9% this week</a></li><li><a href="/2">Polygon zkEVM winds down</a></li></ul>`;
    expect(texts(html)).toEqual([
      "Polygon's upgrade went live at block 61,000,000, the team said, with no downtime reported by validators.",
    ]);
  });

  it('drops a "read also" line made of a linked headline', () => {
    const html = `<p>Ether fell below $3,000 for the first time since January.</p><p>Read also: <a href="/x">Ether ETF outflows hit a record</a></p>`;
    expect(texts(html)).toEqual(['Ether fell below $3,000 for the first time since January.']);
  });

  it('keeps a heading that introduces prose', () => {
    const html = `<h2>What comes next</h2><p>The exchange plans to reopen withdrawals on Friday after an audit.</p>`;
    expect(texts(html)).toEqual(['What comes next', 'The exchange plans to reopen withdrawals on Friday after an audit.']);
  });
});
