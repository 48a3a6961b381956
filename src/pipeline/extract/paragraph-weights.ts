/**
 * Where a page's prose lives: every <p> of real length adds its characters to each of its ancestors. The article
 * container is then the deepest element still holding most of that text. Used to cut the page down before
 * Readability runs and, when Readability finds nothing, as the fallback's choice of container.
 */

// A <p> shorter than this is a caption, a byline or a button label, not prose that tells where the article is.
const MIN_PARAGRAPH_CHARS = 40; // characters

export interface ParagraphWeights {
  weight: Map<Element, number>; // paragraph characters under each element
  total: number; // paragraph characters on the whole page
}

export function paragraphWeights(doc: Document): ParagraphWeights {
  const weight = new Map<Element, number>();
  let total = 0;
  for (const p of Array.from(doc.getElementsByTagName('p'))) {
    const n = (p.textContent ?? '').trim().length;
    if (n < MIN_PARAGRAPH_CHARS) continue;
    total += n;
    for (let el = p.parentElement; el; el = el.parentElement) weight.set(el, (weight.get(el) ?? 0) + n);
  }
  return { weight, total };
}

/** The deepest element, from `root` down, whose paragraph characters are at least `share` of the page's. */
export function deepestHolding(root: Element, { weight, total }: ParagraphWeights, share: number): Element {
  let container = root;
  for (;;) {
    let next: Element | null = null;
    for (const child of Array.from(container.children)) {
      if ((weight.get(child) ?? 0) >= share * total) next = child;
    }
    if (!next) return container;
    container = next;
  }
}
