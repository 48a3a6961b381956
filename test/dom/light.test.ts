import { describe, expect, it } from 'vitest';
import { parseLight } from '../../src/dom/light.ts';
import { parseWithLinkedom } from '../../src/dom/linkedom.ts';

// Markup that makes a parser guess: unclosed paragraphs and list items, a stray end tag, upper-case names,
// entities split across text, a ">" inside a quoted attribute.
const TRICKY = `<!DOCTYPE html><HTML><head><title>Fees &amp; flows</title><meta property="og:title" content="Fees"></head>
<BODY><div id="main" class="story wide" data-note="a > b"><h1>Fees &amp; flows</h1><p>One &lt;two&gt; three<p>Four&nbsp;five
<ul><li>first<li>second</ul></div></span><p hidden>gone</p><footer>© 2026</footer></BODY></HTML>`;

/** The tree as nested [name, attributes, children] and text, the way both DOMs can be read. */
function shape(node: Node): unknown {
  if (node.nodeType === 3) return node.nodeValue;
  const el = node as Element;
  const attrs = ['id', 'class', 'data-note', 'hidden', 'property', 'content'].map((a) => (el.hasAttribute(a) ? el.getAttribute(a) : null)); // linkedom answers "" for a missing class
  const kids: unknown[] = [];
  for (let c = el.firstChild; c; c = c.nextSibling) {
    const s = shape(c);
    // linkedom may keep one run of text as several nodes; a reader sees one
    if (typeof s === 'string' && typeof kids[kids.length - 1] === 'string') kids[kids.length - 1] += s;
    else if (c.nodeType === 1 || c.nodeType === 3) kids.push(s);
  }
  return [el.localName, attrs, kids];
}

describe('light DOM', () => {
  it('builds the tree linkedom builds from the same markup, head and body included', () => {
    const light = parseLight(TRICKY);
    const full = parseWithLinkedom(TRICKY);
    expect(shape(light.head!)).toEqual(shape(full.head));
    expect(shape(light.body)).toEqual(shape(full.body));
    expect(light.body.textContent).toBe(full.body.textContent);
    expect(Array.from(light.getElementsByTagName('p'), (p) => p.textContent)).toEqual(Array.from(full.getElementsByTagName('p')).map((p) => p.textContent));
  });

  it('wraps a fragment without <html> in a document, as the linkedom factory does', () => {
    const doc = parseLight('<p>one &amp; two</p><p>three</p>');
    expect(doc.body.children).toHaveLength(2);
    expect(doc.body.textContent).toBe('one & twothree');
    expect(doc.head).not.toBeNull();
  });

  it('answers tree questions: parents, children, tag names, contains', () => {
    const doc = parseLight(TRICKY);
    const main = doc.body.children[0];
    expect(main.tagName).toBe('DIV');
    expect(main.getAttribute('data-note')).toBe('a > b');
    expect(main.hasAttribute('hidden')).toBe(false);
    expect(Array.from(main.children, (c) => c.localName)).toEqual(['h1', 'p', 'p', 'ul']); // a list closes the open paragraph
    const li = doc.getElementsByTagName('li')[1];
    expect(li.parentElement!.localName).toBe('ul');
    expect(main.contains(li)).toBe(true);
    expect(li.contains(main)).toBe(false);
    expect(Array.from(doc.body.getElementsByTagName('*'), (e) => e.localName)).toEqual(['div', 'h1', 'p', 'p', 'ul', 'li', 'li', 'p', 'footer']);
  });

  it('takes a removed node out of the tree and closes the gap between its siblings', () => {
    const doc = parseLight('<div><p>a</p><p>b</p><p>c</p></div>');
    const [a, b, c] = doc.getElementsByTagName('p');
    b.remove();
    expect(a.nextSibling).toBe(c);
    expect(c.previousSibling).toBe(a);
    expect(b.parentNode).toBeNull();
    expect(doc.body.textContent).toBe('ac');
    a.remove();
    c.remove();
    expect(doc.body.children[0].firstChild).toBeNull();
  });
});
