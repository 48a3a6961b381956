/**
 * A second opinion on Readability's choice. Readability keeps one top candidate and the siblings that score close
 * to it; on pages that split the article into several blocks (a text module per section, an intro box and a body
 * box, a product description beside its details), it often keeps one block and drops the others, whole sections
 * of the story. The paragraph weights see the whole: the deepest element holding most of the page's <p> text,
 * with the paragraphs that stand right beside it (an opening paragraph before the wrapper of the rest).
 *
 * When Readability's text is one part of that block (its own longest paragraph is found there) yet leaves out the
 * block's longest paragraph, or covers well under all of the block, Readability took a sibling of the real body (or
 * one long list inside it), and the whole block is the article.
 * When Readability's text lies outside the block, the block is more likely a comment thread or a teaser grid, and
 * Readability's choice stands.
 *
 * When the block holds nearly all the page's prose, almost none of it is link text, and the page holds no mass of
 * text outside paragraphs (an article in <div> lines), there is nothing else for Readability to choose from: the
 * block is the article, and Readability (half of extraction's cost) need not run.
 * On trafilatura-eval such blocks are half the pages, and Readability's text scores no better there (3 snippets
 * of 3,000 apart, either way).
 */
import type { Paragraph } from './element-to-text.ts';
import { deepestHolding, paragraphWeights, type ParagraphWeights } from './paragraph-weights.ts';

// Below this much paragraph text the weights say little about where the article is.
const MIN_PROSE_CHARS = 500; // characters
// The article block: the deepest element still holding this share of the page's paragraph text (as the fallback).
const BLOCK_SHARE = 0.6; // of all paragraph characters on the page
// A block whose longest paragraph is shorter than this holds captions and teasers, not a story's prose.
const MIN_LONGEST_CHARS = 150; // characters
// Readability's own longest paragraph must be a sentence or two to tell where its text came from.
const MIN_OWN_CHARS = 80; // characters
// A teaser grid (a section front, a "more stories" page) is headline, summary, byline, over and over; an article
// runs several paragraphs between subheadings. A block with a heading for fewer characters than this is a grid.
const MIN_CHARS_PER_HEADING = 600; // characters of text per heading
// A block is the whole article, with no need of Readability's second look, when it holds at least this share of
// the page's paragraph text (nothing of weight lies outside it)...
const WHOLE_ARTICLE_SHARE = 0.9; // of all paragraph characters on the page
// ...and at most this share of its text is link text (a story links a word here and there; a list or a thread
// of teasers is mostly links, and Readability's pruning of such parts is still wanted).
const WHOLE_ARTICLE_MAX_LINK_SHARE = 0.05; // of the block's characters
// ...and its text is at least this share of all the text left on the narrowed page. The weights count <p> text only;
// an article written as lines of text in a <div> (<br> between them) is invisible to them, and the block is then
// the few teaser or caption paragraphs around it.
const WHOLE_ARTICLE_MIN_TEXT_SHARE = 0.35; // of the page's text characters
// Readability's text, found inside the block, is only a part of it when shorter than this share of the block, even
// with the block's longest paragraph: a long list (signatories, ingredients, specifications) can be that paragraph
// while the prose around it is left out.
const MAX_PART_SHARE = 0.8; // of the block's text length
// The block takes in paragraphs beside its container when the rest beside it holds no more text than this: empty ad
// slots and picture frames, a label; a headline, a byline or a teaser box is more, and keeps the block as it was.
const MAX_BESIDE_CHARS = 80; // characters
// Paragraphs are recognised by their opening, clear of the edits the two paths make further in.
const PROBE_CHARS = 100; // characters

export interface ProseBlock {
  text: string; // the block's paragraphs, "\n\n" between them
  longest: string; // its longest paragraph that is not a heading
  share: number; // of the page's paragraph characters, how much lies inside the block (0 to 1)
  linkShare: number; // of the block's text, how much is link text (0 to 1)
}

const fold = (s: string) => s.replace(/\s+/g, ' ');
const probe = (s: string) => fold(s).slice(0, PROBE_CHARS);

/** The block of most paragraph text, read (before Readability rewrites the document) with `toParagraphs`. */
export function proseBlock(doc: Document, toParagraphs: (el: Element) => Paragraph[]): ProseBlock | null {
  if (!doc.body) return null;
  const weights = paragraphWeights(doc);
  if (weights.total < MIN_PROSE_CHARS) return null;
  const container = withSiblingParagraphs(deepestHolding(doc.body, weights, BLOCK_SHARE), weights, doc.body);
  const paragraphs = toParagraphs(container);
  let longest = '';
  let linkChars = 0;
  for (const p of paragraphs) {
    if (!p.heading && p.text.length > longest.length) longest = p.text;
    linkChars += p.linkChars;
  }
  if (longest.length < MIN_LONGEST_CHARS) return null;
  const text = paragraphs.map((p) => p.text).join('\n\n');
  const headings = paragraphs.filter((p) => p.heading).length;
  if (headings * MIN_CHARS_PER_HEADING > text.length) return null;
  const share = (weights.weight.get(container) ?? 0) / weights.total;
  return { text, longest, share, linkShare: text.length ? linkChars / text.length : 0 };
}

/** Whether the block is the article as it stands: nearly all the page's prose, little of it links, and no great
 * mass of text outside paragraphs elsewhere on `doc` (the page as narrowed before the block was read). */
export function isWholeArticle(block: ProseBlock, doc: Document): boolean {
  if (block.share < WHOLE_ARTICLE_SHARE || block.linkShare > WHOLE_ARTICLE_MAX_LINK_SHARE) return false;
  return !doc.body || block.text.length >= WHOLE_ARTICLE_MIN_TEXT_SHARE * textChars(doc.body);
}

/** Characters of text under `node`, white space included, counted without building the string. */
function textChars(node: Node): number {
  let n = 0;
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === TEXT_NODE) n += (child.nodeValue ?? '').length;
    else if (child.nodeType === ELEMENT_NODE) n += textChars(child);
  }
  return n;
}
const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/** Whether Readability's text is one part of the block: without the block's main paragraph, or a small part. */
export function tookPartOf(readable: string, block: ProseBlock): boolean {
  if (block.text.length <= readable.length) return false;
  if (readable.length >= MAX_PART_SHARE * block.text.length && fold(readable).includes(probe(block.longest))) return false;
  const own = readable.split('\n\n').reduce((a, b) => (b.length > a.length ? b : a), '');
  return own.length >= MIN_OWN_CHARS && fold(block.text).includes(probe(own));
}

/**
 * The container widened to its parent while the parent's other prose is its own <p> children, beside the container
 * and nothing else of weight: the story's opening paragraphs before a wrapper that holds the rest (a paywall box, a
 * "read on" section) belong to the block.
 */
function withSiblingParagraphs(container: Element, weights: ParagraphWeights, body: Element): Element {
  for (let parent = container.parentElement; parent && parent !== body; parent = parent.parentElement) {
    if ((weights.weight.get(parent) ?? 0) <= (weights.weight.get(container) ?? 0)) break; // no more prose up there
    let otherChars = 0;
    for (const child of Array.from(parent.children)) {
      if (child !== container && child.localName !== 'p') otherChars += (child.textContent ?? '').trim().length;
    }
    if (otherChars > MAX_BESIDE_CHARS) break;
    container = parent;
  }
  return container;
}
