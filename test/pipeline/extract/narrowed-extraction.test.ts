import { describe, expect, it } from 'vitest';
import { extract, type ExtractStep } from '../../../src/pipeline/extract/index.ts';
import { WORKER_DOMS } from '../../../src/dom/worker-doms.ts';
import type { ParseHTML } from '../../../src/pipeline/types.ts';
import { documentHtml } from '../../../src/pipeline/extract/document-html.ts';

// The Worker's path: the page is narrowed on the light DOM, and Readability reads a full DOM of the narrowed page only.

const STORY = [
  'A payments company in Lisbon said on Monday it would settle merchant invoices in a euro stablecoin from March, starting with 40 retailers.',
  'The firm, which processes card payments for about 9,000 shops, said the pilot would cut settlement from two days to a few minutes.',
  'Merchants can still choose bank transfers, a spokesperson said, and the stablecoin balance can be redeemed at par through the issuer.',
  'The country’s central bank has not commented on the plan; the issuer holds an electronic money licence in another member state.',
  'Analysts said the move mattered less for its size than for showing that a regulated euro token can carry everyday retail payments.',
  'The company plans to report the pilot’s costs and failure rates after three months, before deciding whether to extend it to all clients.',
];
// A link in two paragraphs, so the block's link text passes the limit and Readability has to look.
const storyHtml = (tag = 'div') =>
  `<${tag} class="story"><h1>Lisbon payments firm to settle invoices in a euro stablecoin</h1>${STORY.map((p, i) =>
    i % 3 === 1 ? `<p>${p.replace('said', '<a href="/people/spokes">said, according to a filing reviewed by the desk,</a>')}</p>` : `<p>${p}</p>`,
  ).join('')}</${tag}>`;

const links = (n: number, label: string) => Array.from({ length: n }, (_, i) => `<li><a href="/${label}/${i}">${label} page number ${i}</a></li>`).join('');

/** The extracted text, the steps run, and the markup of what Readability's full DOM was built from ('' if none was). */
function run(html: string): { text: string; steps: ExtractStep[]; fullMarkup: string } {
  const steps: ExtractStep[] = [];
  let fullMarkup = '';
  const parseHTML: ParseHTML = (markup, url) => {
    fullMarkup = markup;
    return WORKER_DOMS.parseHTML(markup, url);
  };
  // the Worker builds the full DOM from the narrowed light DOM's nodes: its markup is what that DOM holds
  const fullFromLight: typeof WORKER_DOMS.fullFromLight = (light, keep, url) => {
    fullMarkup = documentHtml(light, keep);
    return WORKER_DOMS.fullFromLight(light, keep, url);
  };
  const got = extract(html, { ...WORKER_DOMS, parseHTML, fullFromLight, url: 'https://ledger.example/markets/lisbon-stablecoin', onStep: (s) => steps.push(s) });
  expect(got).not.toBeNull();
  return { text: got!.text, steps, fullMarkup };
}

/** Every paragraph of the story is in the text, and was in the narrowed page Readability read. */
function expectWholeStory({ text, fullMarkup }: { text: string; fullMarkup: string }): void {
  for (const p of STORY) expect(text.replace(/\s+/g, ' ')).toContain(p.split(' said')[0]);
  for (const p of STORY) expect(text).toContain(p.slice(-60));
  for (const p of STORY) expect(fullMarkup).toContain(p.slice(-60));
}

describe('narrowed extraction keeps the whole article', () => {
  it('an article inside <main> with a huge menu and footer around it', () => {
    const html = `<!DOCTYPE html><html><head><title>Lisbon stablecoin</title></head><body>
      <div class="page"><div class="megamenu"><ul>${links(600, 'Section')}</ul></div>
      <div class="content"><div class="grid"><div class="col"><main>${storyHtml('article')}</main></div></div></div>
      <div class="site-footer"><ul>${links(400, 'Archive')}</ul><p>About the publisher: an independent newsroom covering payments since 2014.</p></div></div>
      </body></html>`;
    expect(html.length).toBeGreaterThan(40_000);
    const got = run(html);
    const { text, steps, fullMarkup } = got;
    expect(steps).toContain('readability');
    expectWholeStory(got);
    // the menu and footer were cut before the full DOM was built: it holds the story and little else
    expect(fullMarkup).not.toContain('page number');
    expect(fullMarkup.length).toBeLessThan(html.length / 4);
    expect(text).not.toContain('Section page number');
    expect(text).not.toContain('Archive page number');
  });

  it('an article that lies outside <main>, where <main> holds only a grid of teasers', () => {
    const teasers = Array.from({ length: 8 }, (_, i) => `<div class="teaser"><h3><a href="/t/${i}">Teaser headline ${i}</a></h3><p>A line about story ${i}.</p></div>`).join('');
    const html = `<!DOCTYPE html><html><head><title>Lisbon stablecoin</title></head><body>
      <div class="menu"><ul>${links(60, 'Section')}</ul></div>
      <div class="layout"><div class="col">${storyHtml()}</div><main>${teasers}</main></div>
      </body></html>`;
    const got = run(html);
    expect(got.steps).toContain('readability');
    expectWholeStory(got);
  });

  it('a page with two <article>s: the story, and the next story loaded below it', () => {
    const next = [
      'A second story about a mining firm that moved its machines to a hydro dam in the north after a heat wave raised power prices in the south.',
      'The firm said the move would take six weeks, during which its hash rate would fall by about a third before recovering in the autumn.',
    ];
    const html = `<!DOCTYPE html><html><head><title>Lisbon stablecoin</title></head><body>
      <div class="menu"><ul>${links(60, 'Section')}</ul></div>
      <div class="feed">${storyHtml('article')}<article class="next"><h2><a href="/next">Up next: miners move north</a></h2>${next.map((p) => `<p>${p}</p>`).join('')}</article></div>
      </body></html>`;
    const got = run(html);
    expect(got.steps).toContain('readability');
    expectWholeStory(got);
  });
});
