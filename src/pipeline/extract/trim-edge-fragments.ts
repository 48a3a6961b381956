/**
 * Trims the fragments Readability keeps around an article: a date line or a section label before the first
 * sentence, "Share this article", "Comments: 0" or "Related" after the last. They are a few words and are not
 * sentences; a closing line of the article ("Be there or be square!", a quote, a signed "– The editors.") ends
 * in punctuation and stays. Only the edges are trimmed: a short line between paragraphs is a subheading, and so is
 * a heading (h1-h6) before the first sentence ("Introduction", "At a glance").
 */
import type { Paragraph } from './element-to-text.ts';

const MAX_FRAGMENT_WORDS = 5; // words; a sentence that says something runs longer
// Sentence-final and closing punctuation across scripts, including CJK full stops and closing quotes.
const SENTENCE_END = /[.!?:;)"'“”»«…。！？」』]$/;
// Scripts written without spaces: a word count says nothing about their length, so their lines are left alone.
const UNSPACED_SCRIPT = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\u0e00-\u0e7f]/;

const isFragment = (p: Paragraph) => {
  const t = p.text.trim();
  return t.split(/\s+/).length <= MAX_FRAGMENT_WORDS && !SENTENCE_END.test(t) && !UNSPACED_SCRIPT.test(t);
};

export function trimEdgeFragments(paragraphs: Paragraph[]): Paragraph[] {
  let start = 0;
  let end = paragraphs.length;
  // a heading before the first sentence opens the article's first section; after the last it titles a link list
  while (start < end && isFragment(paragraphs[start]) && !paragraphs[start].heading) start++;
  while (end > start && isFragment(paragraphs[end - 1])) end--;
  // a text made only of fragments is a short page (a notice, a one-line post), not an article with edges
  return start === end ? paragraphs : paragraphs.slice(start, end);
}
