import { describe, expect, it } from 'vitest';
import { dropBoilerplate, namesBoilerplate } from '../../../src/pipeline/extract/drop-boilerplate.ts';
import { extract } from '../../../src/pipeline/extract/index.ts';
import { parseWithLinkedom } from '../../../src/dom/linkedom.ts';
import { parseWithJsdom } from '../../../src/dom/jsdom.ts';

const PROSE = [
  'The Vellmar DAO voted on Tuesday to move half of its treasury into short-dated government bond tokens.',
  'Supporters argued the stablecoin reserves had earned nothing for two years while rates stayed high.',
  'Critics pointed to the custody risk of tokenised bonds, which rely on a single issuer to honour redemptions.',
  'The proposal passed with 71 percent of the votes cast, on a turnout of just under a fifth of all tokens.',
  'The first tranche of 40 million dollars is to be converted next week, the rest over the following quarter.',
];

// A blog theme's single post: the story, then inside the same entry container a share bar, a caption, an author
// box, a "related posts" grid with excerpts and a comment form, all named by their classes.
function themedPost(): string {
  return `<html><head><title>Vellmar DAO moves treasury into bond tokens</title></head><body>
    <div id="page"><article class="post type-post"><h1>Vellmar DAO moves treasury into bond tokens</h1>
    <div class="entry-content">${PROSE.map((p) => `<p>${p}</p>`).join('')}
      <div class="wp-caption"><p class="wp-caption-text">Picture: the voting dashboard on the final day, archive photo.</p></div>
      <div class="sharedaddy sd-sharing"><h3>Share this story with your friends and colleagues</h3></div>
    </div>
    <section class="author-bio"><h4>About Petra Lind</h4><p>Petra Lind writes about governance tokens and on-chain voting for our newsletter every week.</p></section>
    <div class="related-posts"><h3>You might also like</h3>
      <article><h4>Another DAO votes on its treasury</h4><p>A different community also debated moving its reserves into yield-bearing tokens this month.</p></article>
    </div>
    <div id="respond" class="comment-respond"><h3 id="reply-title">Leave a comment on this article</h3></div>
    </article></div></body></html>`;
}

describe('dropBoilerplate', () => {
  it('reads class and id names word by word', () => {
    const doc = parseWithLinkedom(
      '<body><div class="author-bio-content" id="x"></div><div class="shareholder-letter"></div><div id="jp-relatedposts"></div>' +
        '<article class="entry author-lea post"></article><div class="section" id="sharing-keys-with-a-custodian"></div></body>',
    );
    const [bio, shareholder, related, post, section] = Array.from(doc.body.children);
    expect(namesBoilerplate(bio)).toBe(true);
    expect(namesBoilerplate(shareholder)).toBe(false);
    expect(namesBoilerplate(related)).toBe(true);
    expect(namesBoilerplate(post)).toBe(false); // "entry" and "author" come from two different classes
    expect(namesBoilerplate(section)).toBe(false); // an anchor made from a heading
  });

  it('takes "widget" for a name only as the last word of a class, not as a page-builder module', () => {
    const doc = parseWithLinkedom(
      '<body><div class="footer-widget"></div><aside class="widget text-block"></aside><div class="widget-container"></div><div class="module widget-text-editor"></div></body>',
    );
    const [footer, aside, container, editor] = Array.from(doc.body.children);
    expect(namesBoilerplate(footer)).toBe(true);
    expect(namesBoilerplate(aside)).toBe(true);
    expect(namesBoilerplate(container)).toBe(false);
    expect(namesBoilerplate(editor)).toBe(false);
  });

  it('removes author boxes, related-post grids, share bars and comment forms inside the post', () => {
    const doc = parseWithLinkedom(themedPost());
    dropBoilerplate(doc);
    const text = doc.body.textContent ?? '';
    for (const p of PROSE) expect(text).toContain(p);
    for (const noise of ['Petra Lind writes', 'A different community', 'Share this story', 'Leave a comment'])
      expect(text).not.toContain(noise);
  });

  it('removes editorial disclaimers, credit lines and a linked related post named by class', () => {
    const html = `<body><article class="story">${PROSE.map((p) => `<p>${p}</p>`).join('')}
      <div class="editorial-disclaimer"><p>Opinions in guest columns are the authors' own and not those of the desk.</p></div>
      <section class="story-credits"><p>Reporting: the governance desk. Editing: the night shift.</p></section>
      <a class="relatedPost" href="/other"><p>How another DAO spent its reserves on a bond ladder last spring.</p></a>
      </article></body>`;
    const doc = parseWithLinkedom(html);
    dropBoilerplate(doc);
    const text = doc.body.textContent ?? '';
    for (const p of PROSE) expect(text).toContain(p);
    for (const noise of ['guest columns', 'night shift', 'bond ladder']) expect(text).not.toContain(noise);
  });

  it('keeps a named block that holds a fifth or more of the prose: a section of the story, not a widget', () => {
    // about a quarter of the page's paragraph text
    const section = `<p>${PROSE[4]}</p><p>Members can follow the conversion on the public dashboard.</p>`;
    const html = `<body><div class="story">${PROSE.slice(0, 4).map((p) => `<p>${p}</p>`).join('')}
      <div class="sharing-module">${section}</div>
      <div class="share-bar"><p>Share this article with your friends on every network you use.</p></div></div></body>`;
    const doc = parseWithLinkedom(html);
    dropBoilerplate(doc);
    const text = doc.body.textContent ?? '';
    for (const p of PROSE) expect(text).toContain(p);
    expect(text).toContain('public dashboard');
    expect(text).not.toContain('Share this article');
  });

  it('keeps the article container even when its own class names a widget', () => {
    const html = `<body><div class="post-content social-enabled">${PROSE.map((p) => `<p>${p}</p>`).join('')}</div>
      <div class="sidebar"><p>Subscribe to our weekly digest of governance news and token votes.</p></div></body>`;
    const doc = parseWithLinkedom(html);
    dropBoilerplate(doc);
    const text = doc.body.textContent ?? '';
    for (const p of PROSE) expect(text).toContain(p);
    expect(text).not.toContain('weekly digest');
  });

  it('removes what the page hides: the hidden attribute, aria-hidden and an inline display: none', () => {
    const html = `<body><div class="story">${PROSE.map((p) => `<p>${p}</p>`).join('')}
      <p>The vote closes <span style="color: red; display: none !important">PLAIN-TEXT COPY OF A FORMULA</span>on Friday.</p>
      <div hidden><p>A panel the reader opens with a button, listing every wallet that voted on the proposal.</p></div>
      <div aria-hidden="true"><p>A second copy of the headline that screen readers and eyes both skip here.</p></div>
      <div style="visibility:hidden"><p>An invisible box kept in the layout for a widget that never loaded.</p></div>
      <div style="display: block"><p>A box the page shows, with a closing remark about the next vote.</p></div></div></body>`;
    const doc = parseWithLinkedom(html);
    dropBoilerplate(doc);
    const text = doc.body.textContent ?? '';
    for (const p of PROSE) expect(text).toContain(p);
    expect(text).toContain('The vote closes on Friday.');
    expect(text).toContain('a closing remark');
    for (const hidden of ['FORMULA', 'every wallet', 'second copy', 'never loaded']) expect(text).not.toContain(hidden);
  });

  it('leaves the extracted story without the widgets, the same on linkedom and jsdom', () => {
    const onLinkedom = extract(themedPost(), { parseHTML: parseWithLinkedom })!;
    const onJsdom = extract(themedPost(), { parseHTML: parseWithJsdom })!;
    expect(onLinkedom).toEqual(onJsdom);
    for (const p of PROSE) expect(onLinkedom.text).toContain(p);
    expect(onLinkedom.text).not.toContain('Petra Lind writes');
    expect(onLinkedom.text).not.toContain('A different community');
  });
});
