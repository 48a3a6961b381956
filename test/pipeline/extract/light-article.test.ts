import { describe, expect, it, vi } from 'vitest';
import { isConfident, isConfidentCited, lightArticle } from '../../../src/pipeline/extract/light-article.ts';
import { extract, lightArticleText } from '../../../src/pipeline/extract/index.ts';
import { parseLight } from '../../../src/dom/light.ts';
import { parseWithLinkedom } from '../../../src/dom/linkedom.ts';

// Invented story sentences, each a paragraph of its own; a few words of some are linked, as stories link a name or a
// source: more link text than the prose block takes as the whole article (5 %), little enough for the light choice.
const STORY = [
  'The Harbor Valley water board voted on Monday to raise the reservoir fee by four percent, its first increase in six years, after a long debate over repairs.',
  'Board members said the money would pay for new pumps at the northern intake, which failed twice last summer, leaving several farms without water for days.',
  'Farmers who spoke at the meeting, most of them from the eastern district, asked for a slower increase spread over three years, citing a poor harvest.',
  'The chair, Lena Osterberg, said the board had considered that plan, but the pump contract, signed in spring, required payment before the end of the year.',
  'A second vote, on a drought reserve, was postponed until the board receives the engineers\' report, expected in late autumn, on the state of the dam.',
  'Residents can read the full budget at the board\'s office, on weekdays between nine and four, or ask for a printed copy by mail, free of charge.',
];
const linked = (s: string, i: number) => (i % 2 ? s.replace(/^(\S+ \S+ \S+ \S+)/, '<a href="/t">$1</a>') : s);
const page = (body: string) =>
  `<!DOCTYPE html><html><head><title>Water fee rises</title></head><body><div class="site">${body}</div></body></html>`;
const menu = '<ul class="menu"><li><a href="/">Home</a></li><li><a href="/local">Local</a></li><li><a href="/sport">Sport</a></li></ul>';

const CONFIDENT = page(`${menu}<div class="story-body">${STORY.map((s, i) => `<p>${linked(s, i)}</p>`).join('')}</div>`);
// Two stories of equal length side by side: nothing in the form says which one the page is about. Two linked words
// a paragraph keep the prose block from passing as the whole article, so the choice is the light scorer's.
const twoLinked = (s: string) => s.replace(/^(\S+ \S+)/, '<a href="/t">$1</a>');
const AMBIGUOUS = page(
  `<div class="col">${STORY.slice(0, 3).map((s) => `<p>${twoLinked(s)}</p>`).join('')}</div>` +
    `<div class="col">${STORY.slice(3).map((s) => `<p>${twoLinked(s)}</p>`).join('')}</div>`,
);
// A story whose sentences are mostly links (a reference list, a link-heavy encyclopedia entry).
const LINK_HEAVY = page(
  `<div class="entry">${STORY.map((s) => `<p>${s.replace(/^(.{90})/, '<a href="/x">$1</a>')}</p>`).join('')}</div>`,
);

// An encyclopedia-style entry: every sentence links a few names inline and ends with a reference marker, so a
// seventh of its text is link text, all of it inside sentences.
let note = 0;
const cite = (s: string) =>
  s
    .replace(/^(\S+ \S+ \S+)/, '<a href="/w/a">$1</a>')
    .replace(/, (\S+ \S+ \S+),/, ', <a href="/w/b">$1</a>,')
    .replace(/\.$/, `.<sup><a href="#n${++note}">[${note}]</a></sup>`);
const CITED = page(`${menu}<div class="entry">${STORY.map((s) => `<p>${cite(s)}</p>`).join('')}</div>`);
// The same story with a list of linked headlines inside its container, as long as the story itself.
const headlines = STORY.map((s, i) => `<li><a href="/more/${i}">${s.slice(0, 70)}</a></li>`).join('');
const WITH_LINK_LIST = page(`<div class="entry">${STORY.map((s) => `<p>${s}</p>`).join('')}<ul>${headlines}</ul></div>`);

/** extract with the Worker's pair of DOMs, counting how often the full DOM (built only for Readability) is asked for. */
function extractCounting(html: string) {
  const parseHTML = vi.fn(parseWithLinkedom);
  const got = extract(html, { parseHTML, parseLight, url: 'https://valley-news.example/water-fee' });
  return { got, fullParses: parseHTML.mock.calls.length };
}

describe('lightArticle', () => {
  it('picks the container of the paragraphs, with no rival and all the prose in it', () => {
    const body = parseLight(CONFIDENT).body;
    const a = lightArticle(body)!;
    // the page's wrapper holds nothing beside the story but a short menu, so the article is read from the wrapper (the
    // menu's links are dropped from the text, see 'extract with the light choice')
    expect(a.elements.map((e) => e.getAttribute('class'))).toEqual(['site']);
    expect(a.runnerUp).toBe(0);
    expect(a.proseShare).toBe(1);
    expect(a.linkShare).toBeGreaterThan(0.05);
    expect(isConfident(a)).toBe(true);
  });

  it('is unsure of two equal blocks: the runner-up scores as much as the winner', () => {
    const a = lightArticle(parseLight(AMBIGUOUS).body)!;
    expect(a.runnerUp).toBeGreaterThan(0.5 * a.score);
    expect(a.linkShare).toBeLessThan(0.1);
    expect(isConfident(a)).toBe(false);
  });

  it('is unsure of a block whose text is largely links', () => {
    const a = lightArticle(parseLight(LINK_HEAVY).body)!;
    expect(a.linkShare).toBeGreaterThan(0.3);
    expect(isConfident(a)).toBe(false);
  });

  it('counts links inside sentences (names, reference markers) as the story\'s, not as navigation', () => {
    const a = lightArticle(parseLight(CITED).body)!;
    expect(a.linkShare).toBeGreaterThan(0.1); // more than the light choice was trusted with before
    expect(a.navShare).toBe(0);
    expect(isConfident(a)).toBe(false); // the default still sends it to Readability
    expect(isConfidentCited(a)).toBe(true);
  });

  it('counts the text of blocks made of a link (a list of linked headlines) as navigation', () => {
    const a = lightArticle(parseLight(WITH_LINK_LIST).body)!;
    expect(a.navShare).toBeGreaterThan(0.25);
    expect(a.navShare).toBe(a.linkShare);
    expect(isConfidentCited(a)).toBe(false);
  });

  it('counts a row of links between separators (one block, no link its half) as navigation', () => {
    const row = ['Harbor Valley news', 'Water board meetings', 'Reservoir and dams', 'Farming district', 'Budget documents'].map((w) => `<a href="/t/${w}">${w}</a>`).join(' · ');
    const a = lightArticle(parseLight(page(`<div class="entry">${STORY.map((s) => `<p>${s}</p>`).join('')}<div>${row}</div></div>`)).body)!;
    expect(a.navShare).toBeGreaterThan(0);
    expect(a.navShare).toBe(a.linkShare);
  });

  it('leaves a small block named as furniture inside the article out of its text', () => {
    const html = page(`<article><div class="byline-meta">By Jon Aldous, 3 March</div>${STORY.map((s) => `<p>${s}</p>`).join('')}</article>`);
    const a = lightArticle(parseLight(html).body)!;
    expect([...a.furniture].map((e) => e.getAttribute('class'))).toEqual(['byline-meta']);
  });

  it('takes the opening paragraph in a box of its own just above the story block', () => {
    const lead = '<div class="intro"><p>The reservoir fee goes up by four percent next year, the first rise in six years.</p></div>';
    const html = page(`${menu}${lead}<div class="story-body">${STORY.map((s) => `<p>${s}</p>`).join('')}</div>`);
    const a = lightArticle(parseLight(html).body)!;
    expect(a.elements.map((e) => e.getAttribute('class'))).toEqual(['intro', 'story-body']);
    // what the trust weighs is the block as scored: the opening widens the text, not the confidence
    expect(a.proseShare).toBeLessThan(1);
  });

  it('does not take a block of links above the story as its opening, nor what stands above that block', () => {
    const lead = '<div class="intro"><p>The reservoir fee goes up by four percent next year, the first rise in six years.</p></div>';
    const links = '<div class="picks"><a href="/a">Harbor Valley school board elects a new chair after a long vote</a> <a href="/b">Bridge repairs close the river road until June</a></div>';
    const html = page(`${lead}${links}<div class="story-body">${STORY.map((s) => `<p>${s}</p>`).join('')}</div>`);
    const a = lightArticle(parseLight(html).body)!;
    expect(a.elements.map((e) => e.getAttribute('class'))).toEqual(['story-body']);
  });

  it('climbs through wrappers that hold nothing else to find the sections beside the story', () => {
    const section = (s: string) => `<div class="item"><p>${s}</p></div>`;
    const nested = `<div class="item"><div class="module"><div class="field">${STORY.slice(1).map((s) => `<p>${s}</p>`).join('')}</div></div></div>`;
    const html = page(`<div class="sections">${section(STORY[0])}${nested}</div>`);
    const text = lightArticleText(lightArticle(parseLight(html).body)!);
    expect(text.split('\n\n')).toEqual(STORY);
  });

  it('stops the climb below a wrapper that holds a title and a date line beside the story', () => {
    const head = '<h2>Water fee rises for the first time in six years</h2><div>Published 3 March by the Harbor Valley desk</div>';
    const html = page(`<div class="teasers"><p>${STORY[0]}</p></div><div class="col">${head}<div class="field">${STORY.slice(1).map((s) => `<p>${s}</p>`).join('')}</div></div>`);
    const a = lightArticle(parseLight(html).body)!;
    expect(a.elements.map((e) => e.getAttribute('class'))).toEqual(['field']);
  });

  it('leaves a credit line named as such out of the opening', () => {
    const credit = '<p class="photo-credit">Photo: the reservoir at dawn, seen from the northern intake, by a board photographer</p>';
    const html = page(`${credit}<div class="story-body">${STORY.map((s) => `<p>${s}</p>`).join('')}</div>`);
    const a = lightArticle(parseLight(html).body)!;
    expect(a.elements.map((e) => e.getAttribute('class'))).toEqual(['story-body']);
  });

  it('finds nothing on a page without a sentence of text', () => {
    expect(lightArticle(parseLight(page('<div><a href="/">Home</a></div>')).body)).toBeNull();
  });
});

describe('extract with the light choice', () => {
  it('answers a confident article page on the light DOM without building the full DOM for Readability', () => {
    const { got, fullParses } = extractCounting(CONFIDENT);
    expect(fullParses).toBe(0);
    expect(got!.method).toBe('light-article');
    expect(got!.text.split('\n\n')).toHaveLength(STORY.length);
    expect(got!.text).toContain('postponed until the board receives');
    expect(got!.text).not.toContain('Sport');
  });

  it('sends a page of two equal blocks to Readability', () => {
    const { got, fullParses } = extractCounting(AMBIGUOUS);
    expect(fullParses).toBe(1);
    expect(got!.method).toBe('readability');
  });

  it('sends a link-heavy page to Readability', () => {
    const { got, fullParses } = extractCounting(LINK_HEAVY);
    expect(fullParses).toBe(1);
    expect(got!.method).toBe('readability');
  });

  it('never builds the full DOM with lightOnly, even where the light choice is unsure', () => {
    const parseHTML = vi.fn(parseWithLinkedom);
    const got = extract(AMBIGUOUS, { parseHTML, parseLight, lightOnly: true });
    expect(parseHTML).not.toHaveBeenCalled();
    expect(got!.method).toBe('light-article');
  });

  it('answers an article whose links stand inside its sentences (citations) on the light DOM with isConfidentCited', () => {
    const parseHTML = vi.fn(parseWithLinkedom);
    const got = extract(CITED, { parseHTML, parseLight, trustLight: isConfidentCited });
    const fullParses = parseHTML.mock.calls.length;
    expect(fullParses).toBe(0);
    expect(got!.method).toBe('light-article');
    expect(got!.text).toContain('postponed until the board receives');
    expect(got!.text).not.toContain('Sport');
  });

  it('runs Readability when told not to trust the light choice', () => {
    const parseHTML = vi.fn(parseWithLinkedom);
    const got = extract(CONFIDENT, { parseHTML, parseLight, trustLight: () => false });
    expect(parseHTML).toHaveBeenCalledTimes(1);
    expect(got!.method).toBe('readability');
  });
});
