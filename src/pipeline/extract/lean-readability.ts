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
 *
 * Three more measures answer as before without building strings (on the slowest tenth of the bench's pages, issue 11,
 * the candidates' link density alone was a fifth of Readability's time, and building, trimming and folding each
 * candidate's whole text was most of it and of the garbage collector's work):
 *
 * - `_getLinkDensity` and `_getTextDensity` read lengths of `_getInnerText` (the text, trimmed, runs of white space
 *   folded to one character): that length is the count of characters that are not white space plus one for each run
 *   of white space between two of them, which one walk over the element's text nodes counts, for the element and for
 *   each link (or named child) inside it at once. The parts are summed in the order Readability sums them (document
 *   order), so even the floating-point sum of the links' weighted lengths is the same number.
 * - `_getCharCount` splits the whole text on a comma to count commas; the commas of the text nodes are counted.
 * - `_clean` walks the article once per element name it removes (eleven names, most of which the extract stage has
 *   stripped from the markup: iframes, inputs, buttons): the names under the article are read in one walk at the
 *   first call, and a name absent from it is not looked for. Between `_prepArticle`'s first and last `_clean` only
 *   removals run, which can make a name absent, never present; the names are read again for any other element.
 */
import { Readability } from '@mozilla/readability';

// The parts of Readability 0.6 that are replaced or read here (Readability.js; not in its type declarations).
interface ReadabilityInternals {
  REGEXPS: { byline: RegExp; hashUrl: RegExp };
  _debug: boolean;
  _isProbablyVisible(node: Element): boolean;
  _grabArticle(page?: Element | null): Element | null;
  _postProcessContent(content: Element): void;
  _unwrapNoscriptImages(doc: Document): void;
  _removeScripts(doc: Document): void;
  _prepDocument(): void;
  _clean(e: Element, tag: string): void;
  _prepArticle(articleContent: Element): void;
  _getCharCount(e: Element, s?: string): number;
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

  _getLinkDensity(element: Element): number {
    const { length, parts } = innerTextLengths(element, isLink);
    if (length === 0) return 0;
    const hashUrl = internals.REGEXPS.hashUrl;
    let linkLength = 0;
    for (const { element: link, length: linkText } of parts) {
      const href = link.getAttribute('href');
      linkLength += linkText * (href && hashUrl.test(href) ? 0.3 : 1);
    }
    return linkLength / length;
  }

  _getTextDensity(e: Element, tags: string[]): number {
    const names = new Set(tags.map((name) => name.toLowerCase()));
    const { length, parts } = innerTextLengths(e, (el) => names.has(el.localName.toLowerCase()));
    if (length === 0) return 0;
    let childrenLength = 0;
    for (const part of parts) childrenLength += part.length;
    return childrenLength / length;
  }

  _getCharCount(e: Element, s = ','): number {
    // a comma is no white space: trimming and folding the text leave every one of them
    return s === ',' ? countInText(e, 44) : internals._getCharCount.call(this, e, s);
  }

  _prepArticle(articleContent: Element): void {
    try {
      internals._prepArticle.call(this, articleContent);
    } finally {
      this.namesUnder = null;
    }
  }

  _clean(e: Element, tag: string): void {
    if (this.namesUnder?.root !== e) this.namesUnder = { root: e, names: namesUnder(e) };
    if (this.namesUnder.names.has(tag.toLowerCase())) internals._clean.call(this, e, tag);
  }

  _cleanHeaders(e: Element): void {
    this.namesUnder = null; // the last of _prepArticle's _clean calls is done
    (Readability.prototype as unknown as { _cleanHeaders(e: Element): void })._cleanHeaders.call(this, e);
  }

  /** The element names under the element `_clean` was last asked of (see above), while its calls run. */
  private namesUnder: { root: Element; names: Set<string> } | null = null;

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

const isLink = (el: Element) => el.localName.toLowerCase() === 'a';

/** The names (lower case) of the elements under `root`, as `_getAllNodesWithTag` finds them. */
function namesUnder(root: Element): Set<string> {
  const names = new Set<string>();
  for (let el = root.firstElementChild; el; ) {
    const name = el.localName.toLowerCase();
    names.add(name);
    el = nextElement(el, root, name !== 'template');
  }
  return names;
}

/** How many times the character `code` stands in `root`'s text content. */
function countInText(root: Node, code: number): number {
  let n = 0;
  for (let at = nextNode(root, root, true); at; at = nextNode(at, root, true)) {
    if (at.nodeType !== TEXT_NODE && at.nodeType !== CDATA_SECTION_NODE) continue;
    const data = at.nodeValue ?? '';
    for (let i = data.indexOf(String.fromCharCode(code)); i >= 0; i = data.indexOf(String.fromCharCode(code), i + 1)) n++;
  }
  return n;
}

/** The node after `at` under `root` in document order, into its children when `descend`. */
function nextNode(at: Node, root: Node, descend: boolean): Node | null {
  const child = descend ? at.firstChild : null;
  if (child) return child;
  let up: Node | null = at;
  while (up && up !== root && !up.nextSibling) up = up.parentNode;
  return up && up !== root ? up.nextSibling : null;
}

/**
 * The length of `_getInnerText(node)` (normalised) as it is counted from a text: characters that are not white space,
 * and one for each run of white space between two of them (the runs at the ends are trimmed, the others fold to one
 * character; a lone white-space character stays one). Fed the text nodes in order, it counts across them.
 */
class TextLength {
  length = 0;
  private started = false; // a character that is not white space has been counted
  private pending = false; // white space stands after the last such character

  /** Adds the text node `read` last read (see readText). */
  addRead(): void {
    if (!readSeen) {
      if (readLead && this.started) this.pending = true;
      return;
    }
    if (this.started && (this.pending || readLead)) this.length++;
    this.length += readInner;
    this.pending = readTrail;
    this.started = true;
  }
}

// What readText found in a text node's data, kept in module variables (one text node is read at a time, then added
// to every count open on it): no object per text node.
let readSeen = false; // a character that is not white space
let readLead = false; // white space before the first such character (or in an all-white text)
let readTrail = false; // white space after the last one
let readInner = 0; // such characters, and the runs of white space between two of them

function readText(data: string): void {
  let seen = false;
  let lead = false;
  let inSpace = false;
  let inner = 0;
  for (let i = 0; i < data.length; i++) {
    const c = data.charCodeAt(i);
    if (c < 256 ? SPACE_LATIN1[c] === 1 : isWhiteSpace(c)) {
      if (seen) inSpace = true;
      else lead = true;
      continue;
    }
    if (inSpace) {
      inner++;
      inSpace = false;
    }
    inner++;
    seen = true;
  }
  readSeen = seen;
  readLead = lead;
  readTrail = inSpace;
  readInner = inner;
}

const SPACE_LATIN1 = new Uint8Array(256);
for (let c = 0; c < 256; c++) SPACE_LATIN1[c] = isWhiteSpace(c) ? 1 : 0;

/**
 * In one walk of `root`, the length of its `_getInnerText` and of each element under it that `track` picks (nested
 * ones each on their own), in document order.
 */
function innerTextLengths(root: Element, track: (el: Element) => boolean): { length: number; parts: { element: Element; length: number }[] } {
  const whole = new TextLength();
  const parts: { element: Element; length: number }[] = [];
  const open: { element: Element; count: TextLength; at: number }[] = []; // tracked elements the walk is inside
  let at: Node | null = root.firstChild;
  while (at) {
    const type = at.nodeType;
    let descend = false;
    if (type === TEXT_NODE || type === CDATA_SECTION_NODE) {
      readText(at.nodeValue ?? '');
      whole.addRead();
      for (let k = 0; k < open.length; k++) open[k].count.addRead();
    } else if (type === ELEMENT_NODE) {
      const el = at as Element;
      if (track(el)) {
        open.push({ element: el, count: new TextLength(), at: parts.length });
        parts.push({ element: el, length: 0 });
      }
      descend = !!el.firstChild;
      if (!descend && open.length && open[open.length - 1].element === el) close(open, parts);
    }
    if (descend) {
      at = at.firstChild;
      continue;
    }
    // on to the next node, closing each tracked element the walk climbs out of
    while (at && at !== root && !at.nextSibling) {
      at = at.parentNode;
      if (at && open.length && open[open.length - 1].element === at) close(open, parts);
    }
    at = at && at !== root ? at.nextSibling : null;
  }
  while (open.length) close(open, parts);
  return { length: whole.length, parts };
}

function close(open: { element: Element; count: TextLength; at: number }[], parts: { element: Element; length: number }[]): void {
  const o = open.pop()!;
  parts[o.at].length = o.count.length;
}

/** The white space of `\s` and of `String.prototype.trim` (the same two Unicode classes: WhiteSpace, LineTerminator). */
function isWhiteSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}
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
