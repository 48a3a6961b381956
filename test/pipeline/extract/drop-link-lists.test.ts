import { describe, expect, it } from 'vitest';
import { dropLinkLists, dropListLabels, dropTeaserHeadings } from '../../../src/pipeline/extract/drop-link-lists.ts';
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

describe('dropTeaserHeadings', () => {
  const teaserTexts = (html: string) => dropTeaserHeadings(elementToParagraphs(parseWithLinkedom(html).body)).map((p) => p.text);

  it('drops a list of linked headings with a date under each, and the heading that titles it', () => {
    const html = `<p>The ferry company said on Tuesday that the new route, which links the two islands, will open in May.</p>
      <h3>Most read</h3>
      <h4><a href="/a">Lighthouse keeper retires after forty years</a></h4><p>02.03.2021</p>
      <h4><a href="/b">Harbour festival moves to the old quay</a></h4><p>01.03.2021</p>`;
    expect(teaserTexts(html)).toEqual(['The ferry company said on Tuesday that the new route, which links the two islands, will open in May.']);
  });

  it('keeps a single linked heading (a post title linked to its own address) and the date under it', () => {
    const html = `<h2><a href="/post">Notes from the island ferry</a></h2><p>12 May 2021</p>
      <p>The ferry company said on Tuesday that the new route, which links the two islands, will open in May.</p>`;
    expect(teaserTexts(html)).toEqual([
      'Notes from the island ferry',
      '12 May 2021',
      'The ferry company said on Tuesday that the new route, which links the two islands, will open in May.',
    ]);
  });

  it('keeps section headings that are not links, and the prose under them', () => {
    const html = `<h3>Fares</h3><p>Adults pay 12 euros and children 6, the operator said.</p>
      <h3>Timetable</h3><p>Boats leave every two hours from 7 in the morning.</p>`;
    expect(teaserTexts(html)).toHaveLength(4);
  });
});

describe('dropListLabels', () => {
  const labelTexts = (html: string) => dropLinkLists(dropListLabels(elementToParagraphs(parseWithLinkedom(html).body))).map((p) => p.text);
  const story = '<p>The ferry between Osterholm and the mainland will run twice an hour from May, the island council said on Tuesday.</p>';

  it('drops a short label with a colon that titles the tag links ending the text', () => {
    const html = `${story}<div>Filed under:</div><ul><li><a href="/t/ferry">ferries</a></li><li><a href="/t/osterholm">Osterholm</a></li></ul>`;
    expect(labelTexts(html)).toEqual([
      'The ferry between Osterholm and the mainland will run twice an hour from May, the island council said on Tuesday.',
    ]);
  });

  it('keeps a line ending in a colon when prose follows it', () => {
    const html = `${story}<div>The council listed:</div><p>Two new boats, a longer pier and a waiting room with heating for the winter months.</p>`;
    expect(labelTexts(html)).toContain('The council listed:');
  });

  it('keeps a sentence ending in a colon before links: it is longer than a label', () => {
    const html = `${story}<p>Timetables for the summer season can be found here:</p><p><a href="/timetable.pdf">Timetable</a></p>`;
    expect(labelTexts(html)).toContain('Timetables for the summer season can be found here:');
  });
});
