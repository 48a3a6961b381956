/**
 * What extraction falls back on when Readability finds nothing or too little: the element holding the most
 * paragraph text (the article container on almost every page, even when Readability's scoring rejects it), else
 * the page's own summary in its meta description.
 */
import { elementToText } from './element-to-text.ts';

// A <p> shorter than this is a caption, a byline or a button label, not prose that tells where the article is.
const MIN_PARAGRAPH_CHARS = 40; // characters

export function largestParagraphBlock(doc: Document): string {
  const weight = new Map<Element, number>();
  for (const p of Array.from(doc.getElementsByTagName('p'))) {
    const parent = p.parentElement;
    if (!parent) continue;
    const n = (p.textContent ?? '').trim().length;
    if (n < MIN_PARAGRAPH_CHARS) continue;
    weight.set(parent, (weight.get(parent) ?? 0) + n);
  }
  let best: Element | null = null;
  let bestWeight = 0;
  for (const [el, w] of weight) {
    if (w > bestWeight) {
      best = el;
      bestWeight = w;
    }
  }
  return best ? elementToText(best) : '';
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
