/**
 * Removes, with plain string scans before any DOM exists, the markup that can never be article text. Real news
 * pages carry hundreds of kilobytes of inline scripts (`__NEXT_DATA__`), styles and SVG icons: a DOM parser spends
 * most of its time on them, and Readability then walks and serialises them again. JSON-LD blocks are read here,
 * before their scripts go.
 *
 * Each pattern mirrors how an HTML parser ends the element: a <script> or <style> ends at the first closing tag
 * whatever its contents, so a lazy match is exact for them; the others are matched lazily too, which at worst
 * leaves the tail of a nested element in place (never removes text outside the element).
 */

// The rest of an end tag after its name: browsers end "</script" at the next ">" even with junk between (an unclosed
// "</script" followed by a comment ends at the comment's "-->"), and not at "</scripts>".
const END_TAG_REST = String.raw`(?:\s[^>]*)?>`;

// Elements whose content is code, drawing, media or widgets, never prose, and comments; one alternation, so the
// page is scanned once and the leftmost construct wins as in an HTML parser (a comment holding a <script> is a
// comment; a script holding "<!--" is a script). Media and inputs go too: the text stage wants prose, and each of
// them is one more DOM node for Readability to weigh.
const NEVER_TEXT = new RegExp(
  String.raw`<(script|style|svg|noscript|iframe|template|select|textarea|button|picture|video|audio|map)\b([^>]*)>([\s\S]*?)<\/\1${END_TAG_REST}|<!--[\s\S]*?-->|<(?:link|img|source|track|input|area|wbr)\b[^>]*>`,
  'gi',
);
const JSON_LD_TYPE = /\btype\s*=\s*["']?application\/ld\+json/i;
// A page without this text has no JSON-LD block, and nothing is read from the matches: the never-text markup is then
// removed with a replacement string, which V8 runs about six times faster than a function called on each match
// (0.14 against 0.8 ms a page over the 130 readability test pages; a page holds hundreds of <img>, <link> and comments).
const MAY_HOLD_JSON_LD = /application\/ld\+json/i;

// Site chrome: removed only when small, because some sites wrap the whole page (article included) in one <form>
// (ASP.NET) or put the article inside a <header>. A search box, a newsletter form, a menu or a footer fits well
// under this size; an element holding a whole article does not.
const CHROME = new RegExp(String.raw`<(nav|aside|footer|header|form)\b[^>]*>[\s\S]*?<\/\1${END_TAG_REST}`, 'gi');
const MAX_CHROME_CHARS = 20_000; // characters of markup; menus run long (nested lists of links), articles longer
const ARTICLE_INSIDE = /<(?:article|main)\b|<h1\b|itemprop\s*=\s*["']?articleBody/i;
// A <header> is also the head of a section inside the article (an accordion item, a picture-and-text block): a
// section heading in it marks content, where a site header holds a logo, a menu and a search box.
const SECTION_HEADING_INSIDE = /<h[2-6]\b/i;

// Some CMSs paste whole documents into the article (`<!DOCTYPE html><html><body><p>...`). Browsers ignore a second
// <html>/<body> and a stray </body>; a DOM parser may instead close the body there and drop the rest of the article.
const NESTED_DOCUMENT_TAGS = /<!doctype[^>]*>|<\/?(?:html|body)\b[^>]*>/gi;

// White space after a block-level tag is not text a reader sees, yet a DOM parser makes a text node of it, and on
// linkedom every node costs an allocation and a WeakMap entry: pages are often a third such nodes. Only block
// boundaries are touched; white space next to inline elements separates words and stays.
const BLOCK_TAG_THEN_SPACE =
  /(<\/?(?:div|p|li|ul|ol|dl|dt|dd|section|article|aside|header|footer|nav|main|figure|table|thead|tbody|tfoot|tr|td|th|h[1-6]|blockquote|form|fieldset|head|body|html|meta|title|base|hr|br)\b[^>]*>)\s+(?=<)/gi;

// A <title> holds text only (the parser's RCDATA state): "<body" written in a headline is not a tag, but the DOM
// parsers here read it as one, open the body inside the head, and Readability then throws on the broken tree.
const TITLE_ELEMENT = /<title\b([^>]*)>([\s\S]*?)<\/title\s*>/gi;

export interface StrippedMarkup {
  html: string;
  jsonLd: string[]; // the raw text of every JSON-LD block, in page order
}

export function stripMarkup(html: string): StrippedMarkup {
  const jsonLd: string[] = [];
  let out = !MAY_HOLD_JSON_LD.test(html)
    ? html.replace(NEVER_TEXT, '')
    : html.replace(NEVER_TEXT, (_, tag: string | undefined, attrs: string, content: string) => {
        if (tag?.toLowerCase() === 'script' && JSON_LD_TYPE.test(attrs)) jsonLd.push(content);
        return '';
      });
  out = out.replace(CHROME, (block, tag: string) =>
    block.length > MAX_CHROME_CHARS ||
    ARTICLE_INSIDE.test(block) ||
    (tag.toLowerCase() === 'header' && SECTION_HEADING_INSIDE.test(block))
      ? block
      : '',
  );
  out = out.replace(BLOCK_TAG_THEN_SPACE, '$1');
  out = escapeTitles(out);
  return { html: flattenNestedDocuments(out), jsonLd };
}

// Each pass below copies the whole page only when it has something to change: a copy of a page of a few hundred
// kilobytes costs about as much as a regex scan of it, and most pages have no "<" in a title and no nested document.

function escapeTitles(html: string): string {
  TITLE_ELEMENT.lastIndex = 0;
  for (let m = TITLE_ELEMENT.exec(html); m; m = TITLE_ELEMENT.exec(html)) {
    if (m[2].includes('<'))
      return html.replace(TITLE_ELEMENT, (_, attrs: string, text: string) => `<title${attrs}>${text.replace(/</g, '&lt;')}</title>`);
  }
  return html;
}

/**
 * A fragment (a feed's `content:encoded`, a JSON-LD body) as body content: a CMS sometimes pastes a whole document
 * into it, and a `<html>`, `<head>` or `<body>` inside a fragment makes the DOM parsers drop text or throw.
 */
export function asFragment(html: string): string {
  return html.replace(/<head\b[^>]*>[\s\S]*?<\/head\s*>/gi, '').replace(NESTED_DOCUMENT_TAGS, '');
}

function flattenNestedDocuments(html: string): string {
  const body = /<body\b[^>]*>/i.exec(html);
  if (!body) return html;
  const rest = body.index + body[0].length;
  NESTED_DOCUMENT_TAGS.lastIndex = rest;
  if (!NESTED_DOCUMENT_TAGS.test(html)) return html;
  return html.slice(0, rest) + html.slice(rest).replace(NESTED_DOCUMENT_TAGS, '');
}
