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
 *
 * Four more kinds of work are skipped whose result the extract stage never sees (on the slowest tenth of the bench's
 * pages, all through Readability, they were a tenth of Readability's time, issue 11):
 *
 * - Before its first pass Readability serialises the whole page (`body.innerHTML`) to put it back if the pass comes
 *   out short; on most pages it never does. Given how to build the same document again (`rebuild`: from the
 *   light DOM's nodes or the markup it was built from), the snapshot is taken only when it is put back: the document is built again and prepared as
 *   `parse` prepared this one before the pass (noscript images, scripts, styles, <br>s, <font>), which is the same
 *   page the snapshot held.
 * - `parse` writes the chosen content out as HTML for a debug log, even with debugging off (the string is built
 *   before the log is asked whether it prints). The content answers that one read with an empty string.
 * - `_fixRelativeUris` resolves every link and image address against the page's URL; the extract stage reads the
 *   content's text, never an address. Only its change to the text stays: a `javascript:` link gives way to its
 *   contents.
 * - `_unwrapNoscriptImages` lists the page's <img>s and <noscript>s in two walks of linkedom's; the extract stage
 *   strips both from the markup first, so one walk that finds neither ends it.
 */
import { Readability } from '@mozilla/readability';

// The parts of Readability 0.6 that are replaced or read here (Readability.js; not in its type declarations).
interface ReadabilityInternals {
  REGEXPS: { byline: RegExp };
  _debug: boolean;
  _isProbablyVisible(node: Element): boolean;
  _grabArticle(page?: Element | null): Element | null;
  _postProcessContent(content: Element): void;
  _unwrapNoscriptImages(doc: Document): void;
  _removeScripts(doc: Document): void;
  _prepDocument(): void;
}

const internals = Readability.prototype as unknown as ReadabilityInternals;

// Readability's limit on a byline's length: a longer text under a byline-named node is a block, not a name.
const MAX_BYLINE_CHARS = 100; // characters

type ReadabilityOptions<T> = ConstructorParameters<typeof Readability<T>>[1];

// What the page's snapshot reads while it is deferred: a value no serialisation of a page can be (it starts with NUL,
// which an HTML serialiser never writes), so putting it back is told from putting back any other markup.
const DEFERRED_SNAPSHOT = '\u0000page as prepared before the first pass';

/** Readability, with its per-node helpers answering as before at less cost on linkedom, and without the work listed
 * above whose result the extract stage does not read. */
export class LeanReadability<T> extends Readability<T> {
  /** `rebuild` builds the same document again (as `doc` was built); without it the snapshot of the page is taken as
   * Readability takes it. */
  constructor(
    doc: Document,
    options?: ReadabilityOptions<T>,
    private readonly rebuild?: () => Document,
  ) {
    super(doc, options);
  }

  _grabArticle(page?: Element | null): Element | null {
    const self = this as unknown as ReadabilityInternals & { _doc: Document };
    const body = page ?? self._doc.body;
    // parse() passes no page: the pass starts from the document's body, whose markup it keeps as the snapshot
    const deferred = !page && !!body && !!this.rebuild;
    if (deferred) deferSnapshot(body, () => this.preparedBodyMarkup());
    let content: Element | null;
    try {
      content = internals._grabArticle.call(this, page);
    } finally {
      if (deferred) delete (body as { innerHTML?: string }).innerHTML;
    }
    if (content && !self._debug) Object.defineProperty(content, 'innerHTML', { configurable: true, get: () => '' });
    return content;
  }

  _postProcessContent(content: Element): void {
    delete (content as { innerHTML?: string }).innerHTML; // the debug log's read is done
    internals._postProcessContent.call(this, content);
  }

  _fixRelativeUris(content: Element): void {
    const self = this as unknown as { _doc: Document };
    for (const link of elementsNamed(content, LINK)) {
      if (!link.getAttribute('href')?.startsWith('javascript:')) continue;
      // a link that only ran a script: its text alone stays, or its children in a <span> in its place
      const only = link.firstChild;
      const replacement =
        link.childNodes.length === 1 && only?.nodeType === TEXT_NODE
          ? self._doc.createTextNode(link.textContent ?? '')
          : self._doc.createElement('span');
      if (replacement.nodeType === ELEMENT_NODE) while (link.firstChild) replacement.appendChild(link.firstChild);
      link.parentNode?.replaceChild(replacement, link);
    }
  }

  _unwrapNoscriptImages(doc: Document): void {
    if (holdsElementNamed(doc, IMAGE_OR_NOSCRIPT)) internals._unwrapNoscriptImages.call(this, doc);
  }

  /** The body's markup as `parse` leaves it before the first pass, from a document built again. */
  private preparedBodyMarkup(): string {
    const doc = this.rebuild!();
    const prep = new LeanReadability<T>(doc) as unknown as ReadabilityInternals;
    prep._unwrapNoscriptImages(doc);
    prep._removeScripts(doc);
    prep._prepDocument();
    return doc.body.innerHTML;
  }
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
const LINK = new Set(['a']);
const IMAGE_OR_NOSCRIPT = new Set(['img', 'noscript']);

/** Makes `body`'s markup read as the deferred snapshot until the own property is deleted; putting the snapshot back
 * writes `markup()` (the page as it was when the snapshot was read), any other markup is written as it comes. */
function deferSnapshot(body: Element, markup: () => string): void {
  let proto: object | null = Object.getPrototypeOf(body);
  let inherited: PropertyDescriptor | undefined;
  while (proto && !(inherited = Object.getOwnPropertyDescriptor(proto, 'innerHTML'))) proto = Object.getPrototypeOf(proto);
  if (!inherited?.get || !inherited.set) return; // not a DOM this knows: the snapshot is taken as Readability takes it
  const { set } = inherited;
  Object.defineProperty(body, 'innerHTML', {
    configurable: true,
    get: () => DEFERRED_SNAPSHOT,
    set: (html: string) => set.call(body, html === DEFERRED_SNAPSHOT ? markup() : html),
  });
}

/** Whether an element named in `names` (lower case) stands anywhere under `root`, <template> contents included. */
function holdsElementNamed(root: Element | Document, names: Set<string>): boolean {
  for (let el = root.firstElementChild; el; el = nextElement(el, root, true)) if (names.has(el.localName.toLowerCase())) return true;
  return false;
}

/** The element after `el` under `root` in document order: its first child when `descend`, else the next one up. */
function nextElement(el: Element, root: Element | Document, descend: boolean): Element | null {
  const child = descend ? el.firstElementChild : null;
  if (child) return child;
  let up: Element | null = el;
  while (up && up !== root && !up.nextElementSibling) up = up.parentElement;
  return up && up !== root ? up.nextElementSibling : null;
}
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
  for (let el = root.firstElementChild; el; ) {
    const name = el.localName.toLowerCase();
    if (names.has(name)) out.push(el);
    el = nextElement(el, root, name !== 'template');
  }
  return out;
}
