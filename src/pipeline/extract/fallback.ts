/**
 * What extraction falls back on when Readability finds nothing or too little: the element holding most of the
 * paragraph text (the article container on almost every page, even when Readability's scoring rejects it), else
 * the page's own summary in its meta description.
 */
import { elementToText } from './element-to-text.ts';
import { deepestHolding, paragraphWeights } from './paragraph-weights.ts';

// The article container is the deepest element still holding this share of the page's paragraph text: deeper
// than <body> (which adds menus and footers), but not one paragraph's wrapper when the paragraphs are wrapped
// one by one.
const CONTAINER_SHARE = 0.6; // of all paragraph characters on the page

export function largestParagraphBlock(doc: Document): string {
  const weights = paragraphWeights(doc);
  return weights.total ? elementToText(deepestHolding(doc.body, weights, CONTAINER_SHARE)) : '';
}

export function metaDescription(doc: Document): string {
  for (const selector of ['meta[property="og:description"]', 'meta[name="description"]', 'meta[name="twitter:description"]']) {
    const content = doc.querySelector(selector)?.getAttribute('content')?.trim();
    if (content) return content;
  }
  return '';
}

export function metaTitle(doc: Document): string | null {
  const og = doc.querySelector('meta[property="og:title"]')?.getAttribute('content')?.trim();
  return og || doc.querySelector('title')?.textContent?.trim() || null;
}

export function metaAuthor(doc: Document): string | null {
  return doc.querySelector('meta[name="author"]')?.getAttribute('content')?.trim() || null;
}
