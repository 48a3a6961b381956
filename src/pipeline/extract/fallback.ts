/**
 * What extraction falls back on when Readability finds nothing or too little: the element holding most of the
 * paragraph text (the article container on almost every page, even when Readability's scoring rejects it); the
 * extract stage weighs it against the page's meta description.
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
