/**
 * Puts the article's standfirst (the summary line news sites print between headline and body) back in front of
 * the text. Readability often drops it, because it sits in the page header rather than the body container, and
 * JSON-LD bodies leave it out. The page's meta descriptions (Open Graph, plain, Twitter; they differ on some pages)
 * usually carry it word for word; one is added only when the page shows that same text in its body, so a site-wide
 * tagline that exists only in <head> is not.
 *
 * Whether the body shows it is first looked up in the markup itself; when the markup spells it otherwise (a line
 * break inside the sentence, an entity for an apostrophe or an umlaut, a bold place name), in the body's text as a
 * reader sees it, which is read before the page is cut down to its article.
 */

// A description shorter than this is a tagline or a keyword list, not a sentence of the story.
const MIN_LEDE_CHARS = 60; // characters
// Enough of the description to recognise it in the markup or the text, without its end, which sites cut or reword.
const PROBE_CHARS = 40; // characters

const fold = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The page's standfirst: the first of its summaries (meta descriptions) that the body shows; null if none. */
export function shownLede(descriptions: string[], strippedHtml: string, body: Element | null): string | null {
  const bodyStart = strippedHtml.search(/<body\b/i);
  if (bodyStart < 0) return null;
  let bodyText: string | null = null; // read once, and only when the markup does not settle it
  for (const description of descriptions) {
    const lede = fold(description);
    if (lede.length < MIN_LEDE_CHARS) continue;
    const probe = lede.slice(0, PROBE_CHARS);
    if (strippedHtml.indexOf(probe, bodyStart) >= 0) return lede;
    bodyText ??= body ? fold(body.textContent ?? '') : '';
    if (bodyText.includes(probe)) return lede;
  }
  return null;
}

const squeeze = (s: string) => s.replace(/\s+/g, '');

/** The text with the standfirst in front, unless it already holds it (white space aside: a description often runs
 * the body's first paragraphs together). */
export function addLede(text: string, lede: string | null): string {
  if (!lede || squeeze(text).includes(squeeze(lede.slice(0, PROBE_CHARS)))) return text;
  return text ? `${lede}\n\n${text}` : lede;
}
