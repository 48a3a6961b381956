/**
 * linkedom's document for Readability, built from the light DOM's nodes instead of from markup. The extract stage
 * used to write the narrowed light tree out as markup (`documentHtml`) for linkedom to tokenize again: on the slowest
 * tenth of the bench's pages that writing and tokenizing were a tenth of the time, for a tree the light DOM already
 * held. Here each light node becomes the linkedom node linkedom's own parser would have made of that markup, through
 * the same document methods the parser calls (`createElement`, attributes, text nodes), so Readability reads the
 * same tree:
 *
 * - Attributes stand in the page's order: `setAttribute` puts each before the element's others, so they are set from
 *   the last one back.
 *
 * - linkedom's parser makes one text node per run of text between entities, and one of each entity (htmlparser2
 *   reports them apart): the markup escapes `&`, `<` and `>` in text, so a light text node holding them becomes the
 *   runs between them and one node for each of them. Text in the elements htmlparser2 reads raw (<script>, <style>,
 *   <textarea>, <xmp>) is written unescaped, so it stays one node.
 * - Empty text writes nothing, so it makes no node.
 * - The document starts with a doctype, as the markup did (`<!DOCTYPE html>`), and carries the page's URLs (its
 *   `<base href>` noted as the tree is built, not looked up by a selector query over the whole of it afterwards).
 */
import { parseHTML } from 'linkedom';
import type { KeepAttribute } from '../pipeline/extract/document-html.ts';
import { setDocumentUrlsWithBase } from './document-urls.ts';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
// The elements whose text htmlparser2 reads raw, as `documentHtml` writes it.
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'xmp']);
// What `documentHtml` escapes in text, and htmlparser2 then reports as an entity of its own.
const ESCAPED_IN_TEXT = /[&<>]/;

/** A linkedom document holding `light`'s nodes under its doctype, attributes kept by `keep`. */
export function linkedomFromLight(light: Document, keep: KeepAttribute, url?: string): Document {
  const doc = parseHTML('<!DOCTYPE html>').document as unknown as Document;
  // a loop over the light tree, not recursion: some pages nest unclosed tags thousands deep
  let from: Node | null = light.firstChild;
  let into: Node = doc;
  let baseHref: string | null = null; // the first <base href>'s value
  while (from) {
    let entered = false;
    if (from.nodeType === TEXT_NODE) {
      appendText(doc, into, from.nodeValue ?? '', RAW_TEXT.has((into as Element).localName));
    } else if (from.nodeType === ELEMENT_NODE) {
      const source = from as Element;
      const el = doc.createElement(source.localName);
      // `setAttribute` puts an attribute first, the parser puts it last: set from the last one back
      const attributes = Array.from(source.attributes);
      for (let i = attributes.length - 1; i >= 0; i--) {
        const { name, value } = attributes[i];
        if (keep(source.localName, name)) el.setAttribute(name, value);
      }
      into.appendChild(el);
      if (baseHref === null && source.localName === 'base' && el.hasAttribute('href')) baseHref = el.getAttribute('href');
      if (source.firstChild) {
        into = el;
        from = source.firstChild;
        entered = true;
      }
    }
    if (entered) continue;
    // on to the next node: a sibling, or the sibling of the nearest ancestor that has one
    while (from && !from.nextSibling) {
      from = from.parentNode;
      if (!from || from === light) {
        from = null;
        break;
      }
      into = into.parentNode!;
    }
    if (from) from = from.nextSibling;
  }
  setDocumentUrlsWithBase(doc, url, baseHref);
  return doc;
}

function appendText(doc: Document, into: Node, text: string, raw: boolean): void {
  if (raw || !ESCAPED_IN_TEXT.test(text)) {
    if (text) into.appendChild(doc.createTextNode(text));
    return;
  }
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c !== '&' && c !== '<' && c !== '>') continue;
    if (i > start) into.appendChild(doc.createTextNode(text.slice(start, i)));
    into.appendChild(doc.createTextNode(c));
    start = i + 1;
  }
  if (start < text.length) into.appendChild(doc.createTextNode(text.slice(start)));
}
