/**
 * A light, read-mostly document for the extract stage's first look at a page. linkedom gives every node an event
 * target (a WeakMap entry and a Map) and every attribute a node of its own; on a news page that is tens of thousands
 * of objects, and building them (with the garbage they leave) is most of extraction's cost once Readability is
 * skipped. This tree is built from the same parser events as linkedom's (htmlparser2, entities decoded), so it has
 * the same shape, but an element is one plain object with its attributes in a record.
 *
 * It implements only the part of the DOM the first look reads: tree links, `children`, `localName`/`tagName`,
 * attributes (`getAttribute`, `hasAttribute`, and `attributes` as a list), `textContent`, `contains`, `remove`, `getElementsByTagName`, and a document's `head`/`body`. Anything
 * that needs more (Readability) gets a real DOM.
 */
import { Parser } from 'htmlparser2';
import { asWholeDocument } from './whole-document.ts';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const DOCUMENT_NODE = 9;

abstract class LightNode {
  abstract readonly nodeType: number;
  parentNode: LightParent | null = null;
  previousSibling: LightNode | null = null;
  nextSibling: LightNode | null = null;

  get parentElement(): LightElement | null {
    return this.parentNode instanceof LightElement ? this.parentNode : null;
  }

  remove(): void {
    const parent = this.parentNode;
    if (!parent) return;
    if (this.previousSibling) this.previousSibling.nextSibling = this.nextSibling;
    else parent.firstChild = this.nextSibling;
    if (this.nextSibling) this.nextSibling.previousSibling = this.previousSibling;
    else parent.lastChild = this.previousSibling;
    this.parentNode = this.previousSibling = this.nextSibling = null;
  }
}

class LightText extends LightNode {
  readonly nodeType = TEXT_NODE;
  constructor(public data: string) {
    super();
  }
  get nodeValue(): string {
    return this.data;
  }
  get textContent(): string {
    return this.data;
  }
}

abstract class LightParent extends LightNode {
  firstChild: LightNode | null = null;
  lastChild: LightNode | null = null;

  appendChild(node: LightNode): void {
    node.parentNode = this;
    node.previousSibling = this.lastChild;
    if (this.lastChild) this.lastChild.nextSibling = node;
    else this.firstChild = node;
    this.lastChild = node;
  }

  get children(): LightElement[] {
    const out: LightElement[] = [];
    for (let n = this.firstChild; n; n = n.nextSibling) if (n instanceof LightElement) out.push(n);
    return out;
  }

  get textContent(): string {
    let out = '';
    const walk = (p: LightParent) => {
      for (let n = p.firstChild; n; n = n.nextSibling) {
        if (n instanceof LightText) out += n.data;
        else if (n instanceof LightParent) walk(n);
      }
    };
    walk(this);
    return out;
  }

  contains(other: LightNode | null): boolean {
    for (let n: LightNode | null = other; n; n = n.parentNode) if (n === this) return true;
    return false;
  }

  /** Descendant elements named `name` ('*' for all), in document order. */
  getElementsByTagName(name: string): LightElement[] {
    const want = name === '*' ? null : name.toLowerCase();
    const out: LightElement[] = [];
    const walk = (p: LightParent) => {
      for (let n = p.firstChild; n; n = n.nextSibling) {
        if (!(n instanceof LightElement)) continue;
        if (want === null || n.localName === want) out.push(n);
        walk(n);
      }
    };
    walk(this);
    return out;
  }
}

class LightElement extends LightParent {
  readonly nodeType = ELEMENT_NODE;
  constructor(
    readonly localName: string,
    private readonly attrs: Record<string, string>,
  ) {
    super();
  }
  get tagName(): string {
    return this.localName.toUpperCase();
  }
  /** The attributes as name and value pairs, in the order the page wrote them (a list, not a NamedNodeMap). */
  get attributes(): { name: string; value: string }[] {
    return Object.entries(this.attrs).map(([name, value]) => ({ name, value }));
  }
  getAttribute(name: string): string | null {
    return Object.hasOwn(this.attrs, name) ? this.attrs[name] : null;
  }
  hasAttribute(name: string): boolean {
    return Object.hasOwn(this.attrs, name);
  }
}

class LightDocument extends LightParent {
  readonly nodeType = DOCUMENT_NODE;
  get documentElement(): LightElement | null {
    return this.children.find((e) => e.localName === 'html') ?? null;
  }
  get head(): LightElement | null {
    return this.documentElement?.children.find((e) => e.localName === 'head') ?? null;
  }
  get body(): LightElement | null {
    return this.documentElement?.children.find((e) => e.localName === 'body') ?? null;
  }
}

/** The page as a light document, typed as the DOM subset the first look reads. */
export function parseLight(html: string): Document {
  const doc = new LightDocument();
  let node: LightParent = doc;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const el = new LightElement(name, attributes);
        node.appendChild(el);
        node = el;
      },
      ontext(text) {
        // the parser may split one run of text (at entities); one node per run, as a reader sees it
        const last = node.lastChild;
        if (last instanceof LightText) last.data += text;
        else node.appendChild(new LightText(text));
      },
      onclosetag() {
        node = node.parentNode ?? doc;
      },
    },
    { lowerCaseAttributeNames: false, decodeEntities: true },
  );
  parser.write(asWholeDocument(html));
  parser.end();
  return doc as unknown as Document;
}
