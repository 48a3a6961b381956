/**
 * Readability as the extract stage runs it: the same decisions, without three kinds of work whose result is thrown
 * away on linkedom. Readability is half of extraction's cost on the pages that reach it, and the page's article is
 * most of such a page (a Wikipedia article, a long chapter), so handing it less of the page saves little; what it
 * does per node is what costs. Each method below returns what Readability 0.6's own returns, element for element:
 *
 * - `_isValidByline` reads the node's whole text (its length, under 100) before it asks whether the node is named
 *   as a byline at all. Until a byline is found it is asked of every node of the page, so on a page without one each
 *   node's text is built once per ancestor. Here the text is read only for a node named as a byline.
 * - `_getAllNodesWithTag` asks `querySelectorAll` for a list of tag names; linkedom compiles the selector on every
 *   call and runs its CSS engine on each element (a sixth of Readability's time). A walk over the elements that
 *   keeps those of the wanted names returns the same elements in the same (document) order.
 * - `_isProbablyVisible` reads `node.style`, and linkedom builds a style object for every element it is read of;
 *   an element without a `style` attribute has no inline display or visibility, so only the attributes are read.
 * - `_isElementWithoutContent` builds the whole text of every <div>, <section>, <header> and heading to see whether
 *   any of it is not white space; an article's container is asked too, once per wrapper around it. Here the text is
 *   read up to its first character that is not white space.
 */
import { Readability } from '@mozilla/readability';

// The parts of Readability 0.6 that are replaced or read here (Readability.js; not in its type declarations).
interface ReadabilityInternals {
  REGEXPS: { byline: RegExp };
  _isProbablyVisible(node: Element): boolean;
}

const internals = Readability.prototype as unknown as ReadabilityInternals;

// Readability's limit on a byline's length: a longer text under a byline-named node is a block, not a name.
const MAX_BYLINE_CHARS = 100; // characters

/** Readability, with its per-node helpers answering as before at less cost on linkedom. */
export class LeanReadability<T> extends Readability<T> {
  _isValidByline(node: Element, matchString: string): boolean {
    const itemprop = node.getAttribute('itemprop');
    const named =
      node.getAttribute('rel') === 'author' || !!itemprop?.includes('author') || internals.REGEXPS.byline.test(matchString);
    if (!named) return false;
    const length = (node.textContent ?? '').trim().length;
    return length > 0 && length < MAX_BYLINE_CHARS;
  }

  _getAllNodesWithTag(node: Element | Document, tagNames: string[]): Element[] {
    return elementsNamed(node, new Set(tagNames.map((name) => name.toLowerCase())));
  }

  _isElementWithoutContent(node: Node): boolean {
    if (node.nodeType !== ELEMENT_NODE || holdsText(node)) return false;
    const el = node as Element;
    const children = el.children.length;
    return !children || children === el.getElementsByTagName('br').length + el.getElementsByTagName('hr').length;
  }

  _isProbablyVisible(node: Element): boolean {
    if (node.hasAttribute?.('style')) return internals._isProbablyVisible.call(this, node);
    return (
      !node.hasAttribute('hidden') &&
      (node.getAttribute('aria-hidden') !== 'true' || !!node.className?.includes?.('fallback-image'))
    );
  }
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4; // text to `textContent`, as a text node is
// `\S` is the complement of the white space `String.prototype.trim` removes (the same two Unicode classes).
const NOT_WHITE_SPACE = /\S/;

/** Whether `node`'s text content holds a character that is not white space: `textContent.trim()` is not empty. */
export function holdsText(node: Node): boolean {
  let at = node.firstChild;
  while (at) {
    if ((at.nodeType === TEXT_NODE || at.nodeType === CDATA_SECTION_NODE) && NOT_WHITE_SPACE.test(at.nodeValue ?? '')) return true;
    const child = at.firstChild;
    if (child) {
      at = child;
      continue;
    }
    let up: Node | null = at;
    while (up && up !== node && !up.nextSibling) up = up.parentNode;
    at = up && up !== node ? up.nextSibling : null;
  }
  return false;
}

/**
 * The elements under `root` whose name is in `names` (lower case), in document order, as `querySelectorAll` of the
 * names joined by commas returns them: names compared without case (Readability asks for some in upper case, and
 * creates its own elements as "DIV" and "P", which linkedom keeps in that case), and nothing inside a <template>
 * (linkedom's does not look there either). A loop, not recursion: some pages nest unclosed tags thousands deep.
 */
export function elementsNamed(root: Element | Document, names: Set<string>): Element[] {
  const out: Element[] = [];
  let el = root.firstElementChild;
  while (el) {
    const name = el.localName.toLowerCase();
    if (names.has(name)) out.push(el);
    const child = name === 'template' ? null : el.firstElementChild;
    if (child) {
      el = child;
      continue;
    }
    let up: Element | null = el;
    while (up && up !== root && !up.nextElementSibling) up = up.parentElement;
    el = up && up !== root ? up.nextElementSibling : null;
  }
  return out;
}
