/**
 * A document as HTML markup, written so that an htmlparser2-based parser (linkedom, the light DOM) builds the same
 * tree from it again. The extract stage narrows the page on the light DOM, and when Readability has to run, hands
 * linkedom this markup of the narrowed page instead of the whole page: linkedom then builds only the region the
 * article lives in (a tenth of a large page's nodes, often less), and does not narrow it a second time.
 *
 * The rules are htmlparser2's, not the HTML standard's: its void elements take no end tag (an end tag would make
 * another element), and only the elements it reads as raw text (script, style, textarea, xmp) have their text
 * written as it is; everywhere else, <title> included, text and attribute values are escaped. A tree htmlparser2
 * built keeps its shape: every end tag is written, so no element closes another implicitly where it did not before.
 */

// htmlparser2's void elements: they never hold children, and an end tag of theirs opens one more (`</br>`).
const VOID = new Set([
  'area', 'base', 'basefont', 'br', 'col', 'command', 'embed', 'frame', 'hr', 'img', 'input', 'isindex', 'keygen',
  'link', 'meta', 'param', 'source', 'track', 'wbr',
]);
// Elements whose content htmlparser2 reads as raw text, entities left as written.
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'xmp']);

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

const TEXT_SPECIAL = /[&<>]/g;
const ATTRIBUTE_SPECIAL = /[&"]/g;
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const escape = (s: string, special: RegExp) => s.replace(special, (c) => ESCAPES[c]);

/** Whether an element's attribute is written: all are, unless the caller knows its reader needs only some. */
export type KeepAttribute = (element: string, attribute: string) => boolean;

/** The document's markup: a doctype, then every node under the document (comments and the like left out). */
export function documentHtml(doc: Document, keep: KeepAttribute = () => true): string {
  const out: string[] = ['<!DOCTYPE html>'];
  write(doc, false, keep, out);
  return out.join('');
}

function write(parent: Node, raw: boolean, keep: KeepAttribute, out: string[]): void {
  for (let node = parent.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === TEXT_NODE) {
      const text = node.nodeValue ?? '';
      out.push(raw ? text : escape(text, TEXT_SPECIAL));
    } else if (node.nodeType === ELEMENT_NODE) {
      const el = node as Element;
      const name = el.localName;
      let tag = `<${name}`;
      for (const { name: attribute, value } of Array.from(el.attributes)) {
        if (keep(name, attribute)) tag += ` ${attribute}="${escape(value, ATTRIBUTE_SPECIAL)}"`;
      }
      out.push(`${tag}>`);
      if (VOID.has(name)) continue;
      write(el, RAW_TEXT.has(name), keep, out);
      out.push(`</${name}>`);
    }
  }
}
