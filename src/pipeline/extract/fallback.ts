/**
 * What extraction falls back on when Readability finds nothing or too little: the element holding the most
 * paragraph text (the article container on almost every page, even when Readability's scoring rejects it), else
 * the page's own summary in its meta description.
 */
import { elementToText } from './element-to-text.ts';

// A <p> shorter than this is a caption, a byline or a button label, not prose that tells where the article is.
const MIN_PARAGRAPH_CHARS = 40; // characters
// The article container is the deepest element still holding this share of the page's paragraph text: deeper
// than <body> (which adds menus and footers), but not one paragraph's wrapper when the paragraphs are wrapped
// one by one.
const CONTAINER_SHARE = 0.6; // of all paragraph characters on the page

export function largestParagraphBlock(doc: Document): string {
  const weight = new Map<Element, number>();
  let total = 0;
  for (const p of Array.from(doc.getElementsByTagName('p'))) {
    const n = (p.textContent ?? '').trim().length;
    if (n < MIN_PARAGRAPH_CHARS) continue;
    total += n;
    for (let el = p.parentElement; el; el = el.parentElement) weight.set(el, (weight.get(el) ?? 0) + n);
  }
  if (!total) return '';
  let container: Element = doc.body;
  for (;;) {
    let next: Element | null = null;
    for (const child of Array.from(container.children)) {
      if ((weight.get(child) ?? 0) >= CONTAINER_SHARE * total) next = child;
    }
    if (!next) break;
    container = next;
  }
  return elementToText(container);
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
