import { describe, expect, it } from 'vitest';
import { parseLight } from '../../../src/dom/light.ts';
import { parseWithLinkedom } from '../../../src/dom/linkedom.ts';
import { linkedomFromLight } from '../../../src/dom/linkedom-from-light.ts';
import { documentHtml, type KeepAttribute } from '../../../src/pipeline/extract/document-html.ts';

// Markup whose tree depends on htmlparser2's own rules (as in document-html.test.ts): raw-text elements, a title with
// entities, void elements, implied closes, odd attribute names and values, class names with repeated and extra
// white space, text with "&", "<" and ">" that linkedom's parser splits into runs, and text after </html>.
const TRICKY = `<!DOCTYPE html><html lang="en"><head><title>Fees &amp; flows &lt;b&gt;</title><base href="/desk/"><meta name="author" content="A &quot;B&quot; &amp; C"></head>
<body><div id="x" class=" lead  lead story " data-a='say "hi" &amp; go' "odd=1 data-empty><p>one<p>two &lt;three&gt; &amp;&amp; &nbsp;four<br></br>five
<table><tr><td>a<td>b<tr><th>c</table><ul><li>x<li>y</ul></p><xmp>raw &amp; <b>kept</xmp>
<style>p > b { color: red }</style><a href="../markets?x=1&amp;y=2">Markets &gt; ETFs</a>
<h2>Title<p>after</h2></div></body></html>
<p>trailing</p>`;

/** The tree as linkedom holds it: nested [name, attributes, children], one entry per text node (runs not joined). */
function nodes(node: Node): unknown {
  if (node.nodeType === 3) return `#text:${node.nodeValue}`;
  if (node.nodeType !== 1 && node.nodeType !== 9) return `#${node.nodeType}`;
  const el = node as Element;
  const attrs = el.attributes ? Array.from(el.attributes, (a) => [a.name, a.value]) : [];
  return [el.localName ?? '#document', attrs, Array.from(node.childNodes, nodes)];
}

const everyAttribute: KeepAttribute = () => true;
const someAttributes: KeepAttribute = (element, attribute) => attribute !== 'data-a' && element !== 'meta';

describe('linkedomFromLight', () => {
  it('builds the tree linkedom parses from the light document written out as markup, text node for text node', () => {
    for (const keep of [everyAttribute, someAttributes]) {
      const light = parseLight(TRICKY);
      const built = linkedomFromLight(light, keep, 'https://ledger.example/a/story');
      const parsed = parseWithLinkedom(documentHtml(light, keep), 'https://ledger.example/a/story');
      expect(nodes(built)).toEqual(nodes(parsed));
      expect(built.toString()).toBe(parsed.toString());
      expect(built.doctype?.name).toBe(parsed.doctype?.name);
    }
  });

  it('splits text at "&", "<" and ">" as linkedom does when it parses their entities, and leaves raw text whole', () => {
    const built = linkedomFromLight(parseLight(TRICKY), everyAttribute);
    const second = built.querySelectorAll('p')[1];
    expect(Array.from(second.childNodes, (n) => n.nodeValue).slice(0, 7)).toEqual(['two ', '<', 'three', '>', ' ', '&', '&']);
    expect(built.querySelector('style')!.childNodes).toHaveLength(1);
  });

  it('gives the document the page URL and its base, resolved through the page’s <base href>', () => {
    const built = linkedomFromLight(parseLight(TRICKY), everyAttribute, 'https://ledger.example/a/story');
    expect(built.documentURI).toBe('https://ledger.example/a/story');
    expect(built.baseURI).toBe('https://ledger.example/desk/');
    const plain = linkedomFromLight(parseLight('<html><body><p>no base</p></body></html>'), everyAttribute, 'https://ledger.example/a/story');
    expect(plain.baseURI).toBe('https://ledger.example/a/story');
  });

  it('builds a page of unclosed tags nested twelve thousand deep without running out of stack', () => {
    const built = linkedomFromLight(parseLight(`<body>${'<span>'.repeat(12_000)}<p>deep</p></body>`), everyAttribute);
    expect(built.getElementsByTagName('p')).toHaveLength(1);
  });
});
