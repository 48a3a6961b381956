/**
 * Drops what Readability leaves at the edges of and between an article's paragraphs that is made of links:
 * "related articles" lists, "read more" lines whose whole text is a linked headline, tag clouds, back links, and
 * the heading that introduces such a list ("Mehr zum Thema", "Related"). A sentence of prose that happens to contain
 * a link keeps most of its words outside the link, so it stays.
 */
import type { Paragraph } from './element-to-text.ts';

// A paragraph this much link text is a link with at most some punctuation around it.
const LINK_SHARE = 0.8; // of the paragraph's characters
// ...or a linked headline behind a short label: "Lea más:", "Read also:", "Auch interessant:".
const MAX_LABEL_CHARS = 20; // characters outside the link
const MIN_HEADLINE_CHARS = 20; // characters inside it; a short linked word is a citation in a sentence

const isLinkParagraph = (p: Paragraph) =>
  !p.heading &&
  (p.linkChars >= LINK_SHARE * p.text.length ||
    (p.linkChars >= MIN_HEADLINE_CHARS && p.text.length - p.linkChars <= MAX_LABEL_CHARS));

export function dropLinkLists(paragraphs: Paragraph[]): Paragraph[] {
  const keep = paragraphs.map((p) => !isLinkParagraph(p));
  // a heading followed only by link paragraphs, up to the next heading or the end, titles a link list
  for (let i = 0; i < paragraphs.length; i++) {
    if (!paragraphs[i].heading) continue;
    let j = i + 1;
    while (j < paragraphs.length && !paragraphs[j].heading && !keep[j]) j++;
    if (j > i + 1 && (j === paragraphs.length || paragraphs[j].heading)) keep[i] = false;
  }
  return paragraphs.filter((_, i) => keep[i]);
}
