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

// A teaser list ("most read", "recommended posts") sets its headlines as linked headings, each maybe with a date or a
// count under it. Lines no longer than this that start with a figure are such a date or count.
const MAX_TEASER_LINE_CHARS = 30; // characters
const TEASER_LINE = /^\W*\d/;
const isLinkedHeading = (p: Paragraph) => p.heading && p.linkChars >= LINK_SHARE * p.text.length;
const isTeaserLine = (p: Paragraph) => !p.heading && p.text.length <= MAX_TEASER_LINE_CHARS && TEASER_LINE.test(p.text);

/**
 * Drops runs of two or more linked headings with only dates or counts between them (a teaser list), with those lines
 * and the heading that titles the run when the run ends the section. One linked heading alone (a post title linked
 * to its own address) stays. For the light choice's text, which takes its elements as they stand: Readability's
 * pruning drops such lists on its own.
 */
export function dropTeaserHeadings(paragraphs: Paragraph[]): Paragraph[] {
  const keep = paragraphs.map(() => true);
  for (let i = 0; i < paragraphs.length; i++) {
    if (!isLinkedHeading(paragraphs[i])) continue;
    let headings = 1;
    let end = i + 1; // one past the run
    while (end < paragraphs.length && (isLinkedHeading(paragraphs[end]) || isTeaserLine(paragraphs[end]))) {
      if (paragraphs[end].heading) headings++;
      end++;
    }
    if (headings < 2) continue;
    let start = i;
    if (start > 0 && isTeaserLine(paragraphs[start - 1])) start--; // a date above the first headline
    const title = start - 1;
    if (title >= 0 && paragraphs[title].heading && (end === paragraphs.length || paragraphs[end].heading)) start = title;
    for (let k = start; k < end; k++) keep[k] = false;
    i = end - 1;
  }
  return paragraphs.filter((_, i) => keep[i]);
}

// A label that titles a list of links ("Tags:", "Schlagworte:", "Mehr zum Thema:") is a few words and a colon.
const MAX_LABEL_WORDS = 3; // words
const isListLabel = (p: Paragraph) => !p.heading && /:$/.test(p.text) && p.text.split(/\s+/).length <= MAX_LABEL_WORDS;

/**
 * Drops a short label ending in a colon when only link paragraphs follow it to the end of the text: the title of a
 * tag list or a list of related pages, left once the links themselves are dropped (`dropLinkLists`). For the light
 * choice's text, which takes the wrappers around the story with such lists in them.
 */
export function dropListLabels(paragraphs: Paragraph[]): Paragraph[] {
  let end = paragraphs.length;
  while (end > 0 && isLinkParagraph(paragraphs[end - 1])) end--;
  if (end === paragraphs.length || end === 0 || !isListLabel(paragraphs[end - 1])) return paragraphs;
  return [...paragraphs.slice(0, end - 1), ...paragraphs.slice(end)];
}
