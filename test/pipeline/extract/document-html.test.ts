import { describe, expect, it } from 'vitest';
import { parseLight } from '../../../src/dom/light.ts';
import { parseWithLinkedom } from '../../../src/dom/linkedom.ts';
import { documentHtml } from '../../../src/pipeline/extract/document-html.ts';

// Markup whose tree depends on htmlparser2's own rules: raw-text elements (entities left as written), a title
// (entities decoded), void elements and a stray </br>, implied closes, odd attribute names and values, a
// self-closing tag inside <svg>, a <p> end tag with no start, and text after </html>.
const TRICKY = `<!DOCTYPE html><html lang="en"><head><title>Fees &amp; flows &lt;b&gt;</title><meta name="author" content="A &quot;B&quot; &amp; C"></head>
<body><div id="x" data-a='say "hi" &amp; go' "odd=1 data-empty><p>one<p>two &lt;three&gt; &nbsp;four<br></br>five
<table><tr><td>a<td>b<tr><th>c</table><ul><li>x<li>y</ul></p><xmp>raw &amp; <b>kept</xmp><textarea>t &amp; <i>u</textarea>
<script>if (a < b && c) {}</script><svg><path d="M0"/><circle r="1"/></svg><img src="a.png?x=1&amp;y=2">
<h2>Title<p>after</h2></div></body></html>
<p>trailing</p>`;

/** The tree as nested [name, every attribute, children] and text, one text node per run. */
function shape(node: Node): unknown {
  if (node.nodeType === 3) return node.nodeValue;
  const el = node as Element;
  const attrs = el.attributes ? Array.from(el.attributes, (a) => [a.name, a.value]) : [];
  const kids: unknown[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) {
    const s = shape(c);
    if (typeof s === 'string' && typeof kids[kids.length - 1] === 'string') kids[kids.length - 1] += s;
    else if (c.nodeType === 1 || c.nodeType === 3) kids.push(s);
  }
  return [el.localName ?? '#document', attrs, kids];
}

describe('documentHtml', () => {
  it('writes a light document that linkedom parses into the tree it builds from the page itself', () => {
    const direct = parseWithLinkedom(TRICKY);
    const rewritten = parseWithLinkedom(documentHtml(parseLight(TRICKY)));
    expect(shape(rewritten)).toEqual(shape(direct));
    expect(rewritten.title).toBe('Fees & flows <b>');
    expect(rewritten.getElementsByTagName('xmp')[0].textContent).toBe('raw &amp; <b>kept');
  });

  it('writes what was cut from the light document as gone: linkedom sees only the narrowed page', () => {
    const light = parseLight('<html><head><title>t</title></head><body><nav><a href="/">home</a></nav><article><p>story</p></article></body></html>');
    light.getElementsByTagName('nav')[0].remove();
    const full = parseWithLinkedom(documentHtml(light));
    expect(full.getElementsByTagName('nav')).toHaveLength(0);
    expect(full.body.textContent).toBe('story');
    expect(full.title).toBe('t');
  });

  it('writes it again unchanged from the tree its own markup makes: the markup is a fixed point', () => {
    const once = documentHtml(parseLight(TRICKY));
    expect(documentHtml(parseLight(once))).toBe(once);
  });

  it('writes only the attributes its reader keeps, every one of an element it names', () => {
    const light = parseLight('<div class="a" data-x="1" onclick="f()"><img src="p.jpg" data-src="q.jpg"></div>');
    const keep = (element: string, attribute: string) => attribute === 'class' || element === 'img';
    expect(documentHtml(light, keep)).toContain('<div class="a"><img src="p.jpg" data-src="q.jpg"></div>');
  });
});
