/**
 * liberal-xml: text -> an element tree, whatever the text's faults, and a count of each fault met.
 *
 * Feeds are often not XML: a raw `&` in a link, an end tag cut short, an HTML entity without a DTD, an unclosed tag
 * inside a title, a control character. A strict parser rejects the whole document for one of them; this reader
 * repairs each the way a browser would and goes on, so the entries around the fault survive.
 *
 * It is also the reader of hostile input, so everything is bounded: one pass over the text (no backtracking regex, no
 * recursion: a 100,000-deep nest cannot overflow the stack), a cap on depth and on element count (beyond them tags are
 * dropped and their text kept), and entities declared in a DTD are expanded only when flat (no references, no markup
 * inside), within a budget: no "billion laughs".
 */
import { decodeHTMLStrict } from 'entities';

export const MAX_DEPTH = 128; // elements; real feeds nest under 30 (rss > channel > item > XHTML content)
export const MAX_ELEMENTS = 200_000; // a 5 MB feed of ~1,000 items with inline XHTML stays well under; memory stays ~50 MB
const MAX_ATTRIBUTES = 64; // per element; the rest are ignored
const MAX_DTD_ENTITIES = 256; // declared in one internal DTD subset
const MAX_ENTITY_CHARS = 1_024; // one declared entity's replacement text
const MAX_EXPANSION_CHARS = 1 << 20; // all declared-entity expansions of one document: 1 M characters

export const XML_NS = 'http://www.w3.org/XML/1998/namespace';

/** Namespaces feeds use without declaring them (feedparser knows them by prefix too). */
const KNOWN_PREFIXES: Record<string, string> = {
  dc: 'http://purl.org/dc/elements/1.1/',
  dcterms: 'http://purl.org/dc/terms/',
  content: 'http://purl.org/rss/1.0/modules/content/',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  atom: 'http://www.w3.org/2005/Atom',
  media: 'http://search.yahoo.com/mrss/',
  itunes: 'http://www.itunes.com/dtds/podcast-1.0.dtd',
  xhtml: 'http://www.w3.org/1999/xhtml',
  xml: XML_NS,
};

export interface XmlAttr {
  name: string; // as written, e.g. 'rdf:about'
  local: string;
  ns: string; // '' when unprefixed
  value: string;
}

export interface XmlElement {
  name: string; // as written, e.g. 'dc:date'
  local: string;
  ns: string; // namespace URI, '' for none
  attrs: XmlAttr[];
  children: XmlNode[];
  parent: XmlElement | null;
}

export type XmlNode = XmlElement | string;

/** What was repaired, by kind, with how often. */
export type XmlProblems = Map<XmlProblem, number>;

export type XmlProblem =
  | 'raw &'
  | 'raw <'
  | 'undeclared entity'
  | 'unknown entity'
  | 'invalid character reference'
  | 'invalid character'
  | 'truncated end tag'
  | 'cut in the last end tag'
  | 'unterminated start tag'
  | 'bad attribute'
  | 'unclosed element'
  | 'stray end tag'
  | 'unclosed at the end'
  | 'unterminated CDATA'
  | 'unterminated comment'
  | 'undeclared namespace prefix'
  | 'content after the root element'
  | 'too deep'
  | 'too many elements'
  | 'entity refused'
  | 'entity expansion capped';

export interface XmlDocument {
  root: XmlElement | null;
  problems: XmlProblems;
}

const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
/** A reference: `&#123;`, `&#x1F;`, `&name;`; bounded so a run of `&` costs constant time each. */
const REFERENCES = /&(?:#([0-9]{1,8})|#[xX]([0-9a-fA-F]{1,8})|([A-Za-z_:][\w.:-]{0,63}));/g;
/** Characters XML 1.0 forbids even as references (C0 controls but tab, LF, CR; U+FFFE, U+FFFF). */
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
const FORBIDDEN_ONE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;

function isNameStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 58 || c >= 0x80;
}
function isNameChar(c: number): boolean {
  return isNameStart(c) || (c >= 48 && c <= 57) || c === 45 || c === 46;
}
function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13;
}

/** Shared by every element without attributes (most of them): one array, not one each. */
const NO_ATTRS: XmlAttr[] = [];

function localOf(name: string): [prefix: string | null, local: string] {
  const colon = name.indexOf(':');
  return colon > 0 ? [name.slice(0, colon), name.slice(colon + 1)] : [null, name];
}

export interface ReadXmlOptions {
  /** Element names that never hold themselves: a start tag of one closes the open one, as a new <li> closes the last
   *  (an RSS <item> left open does not swallow the items after it). */
  unnested?: ReadonlySet<string>;
}

export function readXml(s: string, opts: ReadXmlOptions = {}): XmlDocument {
  const unnested = opts.unnested ?? new Set<string>();
  const n = s.length;
  const problems: XmlProblems = new Map();
  const problem = (kind: XmlProblem, count = 1) => problems.set(kind, (problems.get(kind) ?? 0) + count);

  let root: XmlElement | null = null;
  const stack: XmlElement[] = [];
  const scopes: (Map<string, string> | null)[] = []; // xmlns declarations of each open element
  const openCount = new Map<string, number>(); // open elements by name: a stray end tag is known in O(1)
  const openLower = new Map<string, number>(); // the same, by lower-cased name
  const overflow = new Map<string, number>(); // tags dropped past the caps, by name, so their end tags are dropped too
  let elements = 0;
  const names = new Map<string, string>();
  const splits = new Map<string, [string | null, string]>();
  const intern = (name: string): string => {
    let known = names.get(name);
    if (known === undefined) names.set(name, (known = name));
    return known;
  };
  const entities = new Map<string, string>(); // flat entities the DTD declared
  let expanded = 0;
  // Where a closing quote, `-->`, `]]>` or `?>` was looked for and not found: searching again from later is pointless.
  const missingFrom: Record<string, number> = {};

  const find = (needle: string, from: number): number => {
    if (from >= (missingFrom[needle] ?? Infinity)) return -1;
    const at = s.indexOf(needle, from);
    if (at < 0) missingFrom[needle] = from;
    return at;
  };

  let badReferences = 0; // counted here, not in the map: a hostile document has a million of them
  const reference = (m: string, dec: string | undefined, hex: string | undefined, name: string | undefined): string => {
    if (dec !== undefined || hex !== undefined) {
      const code = dec !== undefined ? parseInt(dec, 10) : parseInt(hex!, 16);
      // Tab, LF, CR and from U+0020 up, less surrogates and U+FFFE/U+FFFF: the characters XML allows.
      if (code < 0x20 ? code === 9 || code === 10 || code === 13 : code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) && code !== 0xfffe && code !== 0xffff) {
        return String.fromCodePoint(code);
      }
      badReferences++;
      return '';
    }
    const pre = PREDEFINED[name!];
    if (pre !== undefined) return pre;
    const declared = entities.get(name!);
    if (declared !== undefined) {
      if (expanded + declared.length <= MAX_EXPANSION_CHARS) {
        expanded += declared.length;
        return declared;
      }
      problem('entity expansion capped');
      return m;
    }
    const html = decodeHTMLStrict(m);
    if (html !== m) {
      problem('undeclared entity'); // an HTML entity in a document without the DTD that would define it
      return html;
    }
    problem('unknown entity');
    return m; // kept as written: it may be text that only looks like a reference
  };

  const decode = (raw: string): string => {
    let out = raw;
    if (raw.includes('&')) {
      // One native pass over the references; every other '&' is a raw one, kept as the character it was meant to be.
      let refs = 0;
      out = raw.replace(REFERENCES, (m: string, dec?: string, hex?: string, name?: string) => {
        refs++;
        return reference(m, dec, hex, name);
      });
      const amps = raw.length - raw.replaceAll('&', '').length;
      if (amps > refs) problem('raw &', amps - refs);
    }
    if (FORBIDDEN_ONE.test(out)) {
      const before = out.length;
      out = out.replace(FORBIDDEN, '');
      problem('invalid character', before - out.length);
    }
    return out;
  };

  const appendText = (text: string) => {
    if (!text) return;
    const parent = stack[stack.length - 1];
    if (!parent) return; // text outside the root element (white space, mostly) carries nothing
    const kids = parent.children;
    const last = kids.length - 1;
    if (last >= 0 && typeof kids[last] === 'string') kids[last] = (kids[last] as string) + text;
    else kids.push(text);
  };

  const lookupNs = (prefix: string | null, own: Map<string, string> | null): string => {
    const key = prefix ?? '';
    if (own?.has(key)) return own.get(key)!;
    for (let k = scopes.length - 1; k >= 0; k--) {
      const sc = scopes[k];
      if (sc?.has(key)) return sc.get(key)!;
    }
    if (prefix === null) return '';
    const known = KNOWN_PREFIXES[prefix];
    if (known) {
      if (prefix !== 'xml') problem('undeclared namespace prefix');
      return known;
    }
    problem('undeclared namespace prefix');
    return `urn:undeclared:${prefix}`;
  };

  const open = (name: string, rawAttrs: [string, string][], selfClosing: boolean) => {
    if (stack.length >= MAX_DEPTH || elements >= MAX_ELEMENTS) {
      problem(stack.length >= MAX_DEPTH ? 'too deep' : 'too many elements');
      if (!selfClosing) overflow.set(name, (overflow.get(name) ?? 0) + 1);
      return;
    }
    elements++;
    let own: Map<string, string> | null = null;
    for (const [k, v] of rawAttrs) {
      if (k === 'xmlns') (own ??= new Map()).set('', v);
      else if (k.startsWith('xmlns:')) (own ??= new Map()).set(k.slice(6), v);
    }
    const attrs: XmlAttr[] = rawAttrs.length ? [] : NO_ATTRS;
    for (const [k, v] of rawAttrs) {
      if (k === 'xmlns' || k.startsWith('xmlns:')) continue;
      const [prefix, local] = localOf(k);
      attrs.push({ name: k, local, ns: prefix === null ? '' : prefix === 'xml' ? XML_NS : lookupNs(prefix, own), value: v });
    }
    let split = splits.get(name);
    if (!split) splits.set(name, (split = localOf(name)));
    const [prefix, local] = split;
    const parent = stack[stack.length - 1] ?? null;
    // (names are interned: a 5 MB feed repeats a few dozen names up to 200,000 times)
    const el: XmlElement = { name, local, ns: lookupNs(prefix, own), attrs, children: [], parent };
    if (parent) parent.children.push(el);
    else if (!root) root = el;
    else {
      // A second top-level element: keep it, under the root, rather than lose what it holds.
      problem('content after the root element');
      el.parent = root;
      root.children.push(el);
    }
    if (selfClosing) return;
    stack.push(el);
    scopes.push(own);
    count(name, 1);
  };

  const count = (name: string, d: number) => {
    openCount.set(name, (openCount.get(name) ?? 0) + d);
    const lower = name.toLowerCase();
    openLower.set(lower, (openLower.get(lower) ?? 0) + d);
  };

  const pop = (): XmlElement => {
    const el = stack.pop()!;
    scopes.pop();
    count(el.name, -1);
    return el;
  };

  const close = (name: string) => {
    const dropped = overflow.get(name);
    if (dropped) {
      overflow.set(name, dropped - 1);
      return;
    }
    let target = name;
    if (!openCount.get(name)) {
      // XML names are case-sensitive; feeds written by hand are not always.
      const lower = name.toLowerCase();
      if (!openLower.get(lower)) {
        problem('stray end tag');
        return;
      }
      for (let k = stack.length - 1; k >= 0; k--) {
        if (stack[k].name.toLowerCase() === lower) {
          target = stack[k].name;
          break;
        }
      }
    }
    while (stack.length) {
      const el = pop();
      if (el.name === target) return;
      problem('unclosed element'); // closed by an ancestor's end tag, as HTML does
    }
  };

  const readDoctype = (from: number): number => {
    // <!DOCTYPE name ... [ internal subset ] >: declarations are read for flat entities, the rest skipped.
    let j = from;
    while (j < n && s[j] !== '[' && s[j] !== '>') j++;
    if (s[j] === '>') return j + 1;
    if (j >= n) return n;
    const close = find(']', j);
    const subsetEnd = close < 0 ? n : close;
    const subset = s.slice(j + 1, subsetEnd);
    const decl = /<!ENTITY\s+([A-Za-z_:][\w.:-]*)\s+(?:"([^"]*)"|'([^']*)')\s*>/g;
    for (let m = decl.exec(subset); m; m = decl.exec(subset)) {
      let value = m[2] ?? m[3];
      // Numeric references are resolved now; any other reference or markup makes the entity unsafe to expand.
      value = value.replace(/&#(?:([0-9]{1,7})|x([0-9a-fA-F]{1,6}));/g, (_, d: string, h: string) => {
        const code = d ? parseInt(d, 10) : parseInt(h, 16);
        return code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '';
      });
      if (/[&<%]/.test(value) || value.length > MAX_ENTITY_CHARS || entities.size >= MAX_DTD_ENTITIES) problem('entity refused');
      else if (!entities.has(m[1])) entities.set(m[1], value);
    }
    if (close < 0) return n;
    const gt = find('>', subsetEnd);
    return gt < 0 ? n : gt + 1;
  };

  let i = 0;
  while (i < n) {
    const lt = s.indexOf('<', i);
    if (lt < 0) {
      appendText(decode(s.slice(i)));
      break;
    }
    if (lt > i) appendText(decode(s.slice(i, lt)));
    i = lt;
    const c = s.charCodeAt(i + 1);
    if (c === 33 /* ! */) {
      if (s.startsWith('<!--', i)) {
        const end = find('-->', i + 4);
        if (end < 0) problem('unterminated comment');
        i = end < 0 ? n : end + 3;
      } else if (s.startsWith('<![CDATA[', i)) {
        const end = find(']]>', i + 9);
        if (end < 0) problem('unterminated CDATA');
        appendText(s.slice(i + 9, end < 0 ? n : end).replace(FORBIDDEN, ''));
        i = end < 0 ? n : end + 3;
      } else if (s.slice(i + 2, i + 9).toUpperCase() === 'DOCTYPE') {
        i = readDoctype(i + 9);
      } else {
        const end = find('>', i + 2);
        i = end < 0 ? n : end + 1;
      }
    } else if (c === 63 /* ? */) {
      const end = find('?>', i + 2);
      if (end >= 0) i = end + 2;
      else {
        const gt = find('>', i + 2);
        i = gt < 0 ? n : gt + 1;
      }
    } else if (c === 47 /* / */) {
      let j = i + 2;
      while (j < n && isNameChar(s.charCodeAt(j))) j++;
      const name = intern(s.slice(i + 2, j));
      while (j < n && isSpace(s.charCodeAt(j))) j++;
      if (s.charCodeAt(j) === 62 /* > */) j++;
      else if (name && j >= n) problem('cut in the last end tag'); // `</rss` at the very end: nothing is lost
      else if (name) problem('truncated end tag'); // `</item` followed by the next tag
      if (name) close(name);
      else if (j === i + 2) {
        problem('raw <'); // `</` followed by nothing name-like: text
        appendText('</');
      }
      i = j;
    } else if (isNameStart(c)) {
      let j = i + 1;
      while (j < n && isNameChar(s.charCodeAt(j))) j++;
      const name = intern(s.slice(i + 1, j));
      const attrs: [string, string][] = [];
      let selfClosing = false;
      for (;;) {
        while (j < n && isSpace(s.charCodeAt(j))) j++;
        if (j >= n) {
          problem('unterminated start tag');
          break;
        }
        const ch = s.charCodeAt(j);
        if (ch === 62 /* > */) {
          j++;
          break;
        }
        if (ch === 47 /* / */) {
          if (s.charCodeAt(j + 1) === 62) {
            selfClosing = true;
            j += 2;
            break;
          }
          j++;
          continue;
        }
        if (ch === 60 /* < */) {
          problem('unterminated start tag'); // the next tag begins before this one ended
          break;
        }
        const a = j;
        while (j < n) {
          const x = s.charCodeAt(j);
          if (isSpace(x) || x === 61 || x === 62 || x === 47 || x === 60 || x === 34 || x === 39) break;
          j++;
        }
        if (j === a) {
          problem('bad attribute'); // a quote or `=` where a name should be
          j++;
          continue;
        }
        const attrName = s.slice(a, j);
        let k = j;
        while (k < n && isSpace(s.charCodeAt(k))) k++;
        let value = '';
        if (s.charCodeAt(k) === 61 /* = */) {
          k++;
          while (k < n && isSpace(s.charCodeAt(k))) k++;
          const q = s[k];
          if (q === '"' || q === "'") {
            const end = find(q, k + 1);
            if (end < 0) {
              problem('bad attribute'); // never closed: the value runs to the end of the tag
              const gt = find('>', k + 1);
              value = s.slice(k + 1, gt < 0 ? n : gt);
              k = gt < 0 ? n : gt;
            } else {
              value = s.slice(k + 1, end);
              k = end + 1;
            }
          } else {
            const v = k;
            while (k < n && !isSpace(s.charCodeAt(k)) && s.charCodeAt(k) !== 62) k++;
            value = s.slice(v, k);
          }
          j = k;
        }
        if (attrs.length < MAX_ATTRIBUTES && !attrs.some(([x]) => x === attrName)) attrs.push([attrName, decode(value)]);
      }
      if (unnested.has(name) && openCount.get(name)) {
        while (stack.length) {
          const el = pop();
          problem('unclosed element');
          if (el.name === name) break;
        }
      }
      open(name, attrs, selfClosing);
      i = j;
    } else {
      problem('raw <'); // `<` before a space, a digit, `=`: text, as in "fees < 1%"
      appendText('<');
      i++;
    }
  }
  if (badReferences) problem('invalid character reference', badReferences);
  if (stack.length) problem('unclosed at the end', stack.length);
  return { root, problems };
}

/** The text of an element and its descendants, in document order. */
export function textOf(el: XmlElement): string {
  let out = '';
  const todo: XmlNode[] = [...el.children].reverse();
  while (todo.length) {
    const node = todo.pop()!;
    if (typeof node === 'string') out += node;
    else for (let k = node.children.length - 1; k >= 0; k--) todo.push(node.children[k]);
  }
  return out;
}

const escapeText = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (t: string) => escapeText(t).replace(/"/g, '&quot;');

/** Child nodes back to markup (inline XHTML in a title or content): local names, attributes escaped, no namespaces. */
export function serialize(nodes: XmlNode[]): string {
  let out = '';
  const todo: (XmlNode | { end: string })[] = [...nodes].reverse();
  while (todo.length) {
    const node = todo.pop()!;
    if (typeof node === 'string') out += escapeText(node);
    else if ('end' in node) out += `</${node.end}>`;
    else {
      out += `<${node.local}${node.attrs.map((a) => ` ${a.local}="${escapeAttr(a.value)}"`).join('')}>`;
      todo.push({ end: node.local });
      for (let k = node.children.length - 1; k >= 0; k--) todo.push(node.children[k]);
    }
  }
  return out;
}
