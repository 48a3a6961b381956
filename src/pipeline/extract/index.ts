/**
 * The extract stage: one HTML page in, the article's plain text out (paragraphs separated by "\n\n"), or `null`
 * when the page holds nothing usable. Pure and runtime-neutral: the DOM factories come in with the options
 * (in the Worker the light DOM for the first look and linkedom for Readability; on Node the same, or jsdom alone).
 *
 *   strip never-text markup (reading JSON-LD first), move what stands before <html> into <head> -> DOM -> keep
 *   the region holding the prose -> drop blocks named as page furniture and hidden ones -> the block of prose, which
 *   is the article when it holds nearly all the page's prose and few links; otherwise Readability (or the whole
 *   block when Readability kept only part of it, or a long list inside it)
 *   -> paragraphs, without captions, link lists and edge fragments -> prefer JSON-LD's articleBody when it is as full
 *   -> fall back on the container of most <p> text, then the meta description -> put back the standfirst (the
 *   meta description, when the page's body shows it)
 *
 * The first look (metadata, narrowing, the block of prose) may run on a light DOM (`parseLight`); a full one is
 * built only for Readability, and only of the narrowed page (from the light DOM's nodes with `fullFromLight`, else
 * from their markup written back).
 *
 * Removing noise inside the article (share bars, tickers, newsletter boxes) is the clean stage's job, not this one's.
 */
import type { Extracted, ParseHTML } from '../types.ts';
import { elementToParagraphs, elementToText, type Paragraph } from './element-to-text.ts';
import { isWholeArticle, proseBlock, tookPartOf } from './prose-block.ts';
import { dropLinkLists, dropListLabels, dropTeaserHeadings } from './drop-link-lists.ts';
import { trimEdgeFragments } from './trim-edge-fragments.ts';
import { largestParagraphBlock } from './fallback.ts';
import { readMeta } from './read-meta.ts';
import { readJsonLd } from './read-json-ld.ts';
import { addLede, shownLede } from './add-lede.ts';
import { pruneToArticle } from './prune-to-article.ts';
import { dropBoilerplate } from './drop-boilerplate.ts';
import { asFragment, stripMarkup } from './strip-markup.ts';
import { hoistStrayPrefix } from './stray-prefix.ts';
import { documentHtml, type KeepAttribute } from './document-html.ts';
import { LeanReadability } from './lean-readability.ts';
import { isConfident, lightArticle, type LightArticle } from './light-article.ts';

export interface ExtractOptions {
  parseHTML: ParseHTML; // a full DOM, for Readability
  /** A cheaper DOM for the first look (metadata, the block of prose), when the runtime has one; `parseHTML` then
   * parses only the narrowed page's markup, and only when Readability has to run (both DOMs must build their trees
   * as htmlparser2 does, see `documentHtml`). Without it the first look reads `parseHTML`'s DOM. */
  parseLight?: ParseHTML;
  /** The full DOM built from the light one's nodes (narrowed as they stand), where the runtime can: it saves writing
   * the narrowed page's markup and parsing it again. It must build the tree `parseHTML` builds of `documentHtml`'s
   * markup of the light document. Without it, that markup is parsed. */
  fullFromLight?: (light: Document, keep: KeepAttribute, url?: string) => Document;
  url?: string | null;
  /** Whether the article chosen on the light DOM stands without Readability (default: `isConfident`, its form leaves
   * no doubt). The measurement of that choice passes its own, to see both answers on one page. */
  trustLight?: (article: LightArticle) => boolean;
  /** Never run Readability: the article chosen on the light DOM answers whenever there is one, sure or not. A switch
   * for measuring (the bound of what the light choice alone gives, in quality and in cost), not a default. */
  lightOnly?: boolean;
  /** Called as each step ends, with its name (the benchmark times the steps with it); nothing is passed back. */
  onStep?: (step: ExtractStep) => void;
}

/** The steps `onStep` names, in the order they run; a step skipped on a page is not named. */
export type ExtractStep =
  | 'strip' // string scans: never-text markup, JSON-LD read
  | 'light-parse' // the first look's DOM
  | 'meta' // metadata and the standfirst, before the page is cut down
  | 'narrow' // the region of the prose, furniture dropped
  | 'prose-block' // the block of prose and whether it is the whole article
  | 'light-article' // the article chosen on the light DOM, when the block is not the whole article
  | 'full-parse' // the full DOM for Readability, from the narrowed page's markup
  | 'readability'
  | 'paragraphs' // Readability's content and JSON-LD's body as paragraphs
  | 'fallback'; // a fresh DOM and the container of most paragraph text, when everything found was short

// Below this Readability has found a fragment (a teaser, a caption block), not an article, so the fallback is tried.
const MIN_ARTICLE_CHARS = 250; // characters; a short news brief runs 400 and more
// JSON-LD's body replaces Readability's text when it is at least this share of it: shorter means a teaser or a
// truncated body; about as long means the same article without the page's widgets in between.
const JSON_LD_MIN_SHARE = 0.7; // of Readability's text length
const JSON_LD_MIN_CHARS = 250; // characters, as MIN_ARTICLE_CHARS

const HTML_HINT = /<[a-z][^>]*>|&(?:#\d+|#x[\da-f]+|[a-z]+\d*);/i;

export function extract(html: string, opts: ExtractOptions): Extracted | null {
  const { parseHTML } = opts;
  const step = opts.onStep ?? noStep;
  const url = opts.url ?? undefined;
  const { html: strippedMarkup, jsonLd } = stripMarkup(html);
  const stripped = hoistStrayPrefix(strippedMarkup);
  const ld = readJsonLd(jsonLd);
  step('strip');
  const parseLight = opts.parseLight ?? parseHTML;
  const first = parseLight(stripped, url);
  step('light-parse');
  // read before Readability, which rewrites the document in place
  const { title: pageTitle, author: pageAuthor, description, descriptions } = readMeta(first);
  const lede = shownLede(descriptions, stripped, first.body); // read before the page is cut down to its article
  step('meta');
  narrowToArticle(first);
  step('narrow');
  const block = proseBlock(first, articleParagraphs);
  step('prose-block');

  // The block is the whole article: Readability would only confirm it, at half the cost of extraction. Otherwise the
  // article chosen on the light DOM answers when its form leaves no doubt, and Readability when it does.
  let article: ReturnType<typeof readability> = null;
  let readable = '';
  let readMethod: Extracted['method'] = 'prose-block';
  if (!block || !isWholeArticle(block, first)) {
    const light = first.body ? lightArticle(first.body) : null;
    const trusted = !!light && (opts.lightOnly || (opts.trustLight ?? isConfident)(light));
    step('light-article');
    if (light && trusted) {
      readable = lightArticleText(light);
      readMethod = 'light-article';
    } else if (!opts.lightOnly) {
      // the full DOM is built from the page as narrowed on the first look, not from the whole page again; from that
      // markup Readability can build it again, when a pass of its comes out short and it starts over
      const { fullFromLight } = opts;
      const markup = opts.parseLight && !fullFromLight ? documentHtml(first, readabilityReads) : null;
      const full = !opts.parseLight
        ? null
        : fullFromLight
          ? () => fullFromLight(first, readabilityReads, url)
          : () => parseHTML(markup!, url);
      const doc = full ? full() : first;
      step('full-parse');
      article = readability(doc, full ?? undefined);
      step('readability');
      readable = article?.content ? articleText(article.content) : '';
      if (article) readMethod = 'readability'; // when Readability finds nothing, the block stands as before
    }
  }
  // Readability (or the light choice) kept one block of a multi-block article, or neither ran: the whole block of
  // prose is the article
  if (block && (readMethod === 'prose-block' || tookPartOf(readable, block))) readable = block.text;
  const ldText = ld ? plainText(ld.body, parseLight) : '';
  step('paragraphs');

  const title = ld?.headline ?? article?.title?.trim() ?? pageTitle ?? null;
  const byline = article?.byline?.trim() || ld?.author || pageAuthor;
  const result = (text: string, method: Extracted['method']): Extracted => ({
    title: title || null,
    byline: byline || null,
    text: addLede(text, lede),
    method,
  });

  if (ldText.length >= JSON_LD_MIN_CHARS && ldText.length >= JSON_LD_MIN_SHARE * readable.length) return result(ldText, 'json-ld');
  if (readable.length >= MIN_ARTICLE_CHARS) return result(readable, readMethod);

  // Readability stripped and rewrote the document; the fallback reads a fresh one. Everything left is short, so the
  // longest candidate wins, the page's own summary included.
  const fresh = parseLight(stripped, url);
  const candidates: [string, Extracted['method']][] = [
    [readable, readMethod],
    [ldText, 'json-ld'],
    [largestParagraphBlock(fresh), 'fallback'],
    [description, 'fallback'],
  ];
  const [text, method] = candidates.reduce((a, b) => (b[0].length > a[0].length ? b : a));
  step('fallback');
  return text ? result(text, method) : null;
}

function noStep(): void {}

/** Cuts the page to the region of its prose and drops the blocks named as furniture, in place. */
function narrowToArticle(doc: Document): void {
  pruneToArticle(doc);
  dropBoilerplate(doc);
}

// The attributes Readability 0.6 reads (Readability.js: getAttribute, hasAttribute, className, id, style, and the
// properties that stand for attributes), and the elements whose every attribute it may read: lazy-image and video
// sources are recognised by any attribute's value. Every other attribute (data-*, aria-label, tabindex, event
// handlers) is one more node for linkedom to build, and nothing Readability decides on.
const READ_BY_READABILITY = new Set([
  'class', 'id', 'style', 'hidden', 'aria-hidden', 'aria-modal', 'role', 'itemprop', 'rel', 'href', 'src', 'srcset',
  'poster', 'type', 'summary', 'datatable', 'rowspan', 'colspan', 'name', 'property', 'content', 'lang', 'dir',
  'width', 'height',
]);
const EVERY_ATTRIBUTE_READ = new Set(['img', 'picture', 'figure', 'source', 'object', 'embed', 'iframe', 'video', 'audio', 'meta', 'base']);
const readabilityReads = (element: string, attribute: string) => READ_BY_READABILITY.has(attribute) || EVERY_ATTRIBUTE_READ.has(element);

function readability(doc: Document, rebuild?: () => Document) {
  return new LeanReadability<Node>(
    doc,
    {
      serializer: (el) => el, // the element itself: serialising to HTML only to parse it again would double the cost
      keepClasses: true, // class names are not read downstream; stripping them is a pass over every element
      disableJSONLD: true, // read before the scripts were stripped
    },
    rebuild,
  ).parse();
}

/** Plain text of an HTML fragment (a feed's `content:encoded`): block elements as paragraphs, entities decoded. */
export function htmlToText(html: string, parseHTML: ParseHTML): string {
  return elementToText(parseHTML(asFragment(html)).body);
}

// Captions and photo credits describe a picture, not the story.
const NOT_ARTICLE_TEXT = new Set(['figcaption']);
// The light choice takes its elements as they stand, the page's headline among them (Readability drops it as the
// title's copy); the title is read on its own.
const NOT_LIGHT_ARTICLE_TEXT = new Set(['figcaption', 'h1']);

function articleParagraphs(content: Node): Paragraph[] {
  return trimEdgeFragments(dropLinkLists(elementToParagraphs(content, { skip: NOT_ARTICLE_TEXT })));
}

/** The text of the article chosen on the light DOM: its elements' paragraphs, read as Readability's content is. */
export function lightArticleText(light: LightArticle): string {
  const paragraphs: Paragraph[] = [];
  const skipElement = (el: Element) => light.furniture.has(el);
  for (const el of light.elements) paragraphs.push(...elementToParagraphs(el, { skip: NOT_LIGHT_ARTICLE_TEXT, skipElement }));
  return trimEdgeFragments(dropLinkLists(dropListLabels(dropTeaserHeadings(paragraphs))))
    .map((p) => p.text)
    .join('\n\n');
}

function articleText(content: Node): string {
  return articleParagraphs(content)
    .map((p) => p.text)
    .join('\n\n');
}

// JSON-LD bodies come as plain text with line breaks, or as HTML (tags, entities) on some sites.
function plainText(body: string, parseHTML: ParseHTML): string {
  if (HTML_HINT.test(body)) return htmlToText(body, parseHTML);
  return body
    .split(/\s*\n\s*/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n\n');
}
