/**
 * Puts the article's standfirst (the summary line news sites print between headline and body) back in front of
 * the text. Readability often drops it, because it sits in the page header rather than the body container, and
 * JSON-LD bodies leave it out. The page's meta description usually carries it word for word; it is added only
 * when the page shows that same text in its body, so a site-wide tagline that exists only in <head> is not.
 */

// A description shorter than this is a tagline or a keyword list, not a sentence of the story.
const MIN_LEDE_CHARS = 60; // characters
// Enough of the description to recognise it in the markup while staying clear of entities and inline tags,
// which appear further into long sentences.
const PROBE_CHARS = 40; // characters

const fold = (s: string) => s.replace(/\s+/g, ' ').trim();

export function addLede(text: string, description: string, strippedHtml: string): string {
  const lede = fold(description);
  if (lede.length < MIN_LEDE_CHARS) return text;
  const probe = lede.slice(0, PROBE_CHARS);
  if (fold(text).includes(probe)) return text;
  const bodyStart = strippedHtml.search(/<body\b/i);
  if (bodyStart < 0 || strippedHtml.indexOf(probe, bodyStart) < 0) return text;
  return text ? `${lede}\n\n${text}` : lede;
}
