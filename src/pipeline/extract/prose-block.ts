/**
 * A second opinion on Readability's choice. Readability keeps one top candidate and the siblings that score close
 * to it; on pages that split the article into several blocks (a text module per section, an intro box and a body
 * box, a product description beside its details), it often keeps one block and drops the others, whole sections
 * of the story. The paragraph weights see the whole: the deepest element holding most of the page's <p> text.
 *
 * When Readability's text is one part of that block (its own longest paragraph is found there) yet leaves out the
 * block's longest paragraph, or covers well under all of the block, Readability took a sibling of the real body (or
 * one long list inside it), and the whole block is the article.
 * When Readability's text lies outside the block, the block is more likely a comment thread or a teaser grid, and
 * Readability's choice stands.
 */
import type { Paragraph } from './element-to-text.ts';
import { deepestHolding, paragraphWeights } from './paragraph-weights.ts';

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
// Readability's text, found inside the block, is only a part of it when shorter than this share of the block, even
// with the block's longest paragraph: a long list (signatories, ingredients, specifications) can be that paragraph
// while the prose around it is left out.
const MAX_PART_SHARE = 0.8; // of the block's text length
// Paragraphs are recognised by their opening, clear of the edits the two paths make further in.
const PROBE_CHARS = 100; // characters

export interface ProseBlock {
  text: string; // the block's paragraphs, "\n\n" between them
  longest: string; // its longest paragraph that is not a heading
}

const fold = (s: string) => s.replace(/\s+/g, ' ');
const probe = (s: string) => fold(s).slice(0, PROBE_CHARS);

/** The block of most paragraph text, read (before Readability rewrites the document) with `toParagraphs`. */
export function proseBlock(doc: Document, toParagraphs: (el: Element) => Paragraph[]): ProseBlock | null {
  if (!doc.body) return null;
  const weights = paragraphWeights(doc);
  if (weights.total < MIN_PROSE_CHARS) return null;
  const paragraphs = toParagraphs(deepestHolding(doc.body, weights, BLOCK_SHARE));
  let longest = '';
  for (const p of paragraphs) if (!p.heading && p.text.length > longest.length) longest = p.text;
  if (longest.length < MIN_LONGEST_CHARS) return null;
  const text = paragraphs.map((p) => p.text).join('\n\n');
  const headings = paragraphs.filter((p) => p.heading).length;
  if (headings * MIN_CHARS_PER_HEADING > text.length) return null;
  return { text, longest };
}

/** Whether Readability's text is one part of the block: without the block's main paragraph, or a small part. */
export function tookPartOf(readable: string, block: ProseBlock): boolean {
  if (block.text.length <= readable.length) return false;
  if (readable.length >= MAX_PART_SHARE * block.text.length && fold(readable).includes(probe(block.longest))) return false;
  const own = readable.split('\n\n').reduce((a, b) => (b.length > a.length ? b : a), '');
  return own.length >= MIN_OWN_CHARS && fold(block.text).includes(probe(own));
}
