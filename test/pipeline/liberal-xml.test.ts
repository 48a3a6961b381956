import { describe, expect, it } from 'vitest';
import { MAX_DEPTH, MAX_ELEMENTS, readXml, serialize, textOf, type XmlElement } from '../../src/pipeline/liberal-xml.ts';

const problems = (xml: string) => Object.fromEntries(readXml(xml).problems);
const child = (el: XmlElement, local: string) => el.children.find((c): c is XmlElement => typeof c !== 'string' && c.local === local)!;

describe('readXml repairs what browsers repair, and counts it', () => {
  it('reads a raw & as the character, keeps an unknown entity as written, decodes HTML entities', () => {
    const { root, problems } = readXml('<t>Q&A &amp; more &nbsp;&copy; &madeup; a=1&b=2</t>');
    expect(textOf(root!)).toBe('Q&A & more \u00a0© &madeup; a=1&b=2');
    expect(Object.fromEntries(problems)).toEqual({ 'raw &': 2, 'undeclared entity': 2, 'unknown entity': 1 });
  });

  it('drops characters XML forbids, as references or raw, and keeps the rest of the text', () => {
    const { root, problems } = readXml('<t>a&#x1;b\u0002c&#0;d&#xD800;e</t>');
    expect(textOf(root!)).toBe('abcde');
    expect(Object.fromEntries(problems)).toEqual({ 'invalid character reference': 3, 'invalid character': 1 });
  });

  it('closes an end tag cut short and the root cut at the end of the document', () => {
    const { root, problems } = readXml('<rss><item><title>A</title></item\n<item><title>B</title></item></rss');
    expect(root!.children.filter((c) => typeof c !== 'string').map((c) => textOf(c as XmlElement))).toEqual(['A', 'B']);
    expect(Object.fromEntries(problems)).toEqual({ 'truncated end tag': 1, 'cut in the last end tag': 1 });
  });

  it('closes unclosed elements at their parent’s end tag and ignores end tags of elements never opened', () => {
    const { root, problems } = readXml('<item><title>Exchange <b>halts</title></p><link>x</link></ITEM>');
    expect(serialize(child(root!, 'title').children)).toBe('Exchange <b>halts</b>');
    expect(textOf(child(root!, 'link'))).toBe('x');
    expect(Object.fromEntries(problems)).toEqual({ 'unclosed element': 1, 'stray end tag': 1 });
  });

  it('takes a < before a space or digit as text', () => {
    expect(textOf(readXml('<t>fees < 1% and 2<3</t>').root!)).toBe('fees < 1% and 2<3');
  });

  it('reads the rest of the document as text after an unterminated CDATA section', () => {
    const { root, problems } = readXml('<item><title><![CDATA[<b>cut');
    expect(textOf(root!)).toBe('<b>cut');
    expect(problems.get('unterminated CDATA')).toBe(1);
  });

  it('ends an attribute value never closed at the end of its tag', () => {
    const { root } = readXml('<feed><link href="https://a.test/x/><title>T</title></feed>');
    expect(child(root!, 'link').attrs[0].value).toBe('https://a.test/x/');
    expect(textOf(child(child(root!, 'link'), 'title'))).toBe('T');
  });

  it('resolves namespaces, and known prefixes nobody declared', () => {
    const { root } = readXml('<rss xmlns:d="http://purl.org/dc/elements/1.1/"><d:creator>A</d:creator><dc:date>2026</dc:date><x:y/></rss>');
    expect(root!.children.map((c) => (c as XmlElement).ns)).toEqual(['http://purl.org/dc/elements/1.1/', 'http://purl.org/dc/elements/1.1/', 'urn:undeclared:x']);
  });

  it('serializes inline markup back with its attributes escaped, text escaped', () => {
    const { root } = readXml('<title><div xmlns="http://www.w3.org/1999/xhtml">a &lt;b&gt; <a href="x?a=1&amp;b=&quot;2&quot;">link</a></div></title>');
    expect(serialize(root!.children)).toBe('<div>a &lt;b&gt; <a href="x?a=1&amp;b=&quot;2&quot;">link</a></div>');
  });
});

describe('readXml on hostile input stays bounded', () => {
  it('expands a flat DTD entity and refuses nested ones: no billion laughs', () => {
    const doc =
      '<!DOCTYPE r [<!ENTITY id "tag:x,"><!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "<b>markup</b>">]>' +
      '<r>&id;1 &b; &c;</r>';
    const { root, problems } = readXml(doc);
    expect(textOf(root!)).toBe('tag:x,1 &b; &c;');
    expect(problems.get('entity refused')).toBe(2);
  });

  it('caps the characters all entity expansions may add', () => {
    const doc = `<!DOCTYPE r [<!ENTITY k "${'x'.repeat(1000)}">]><r>${'&k;'.repeat(2000)}</r>`;
    const { root, problems } = readXml(doc);
    expect(textOf(root!).length).toBeLessThan(1.1e6);
    expect(problems.get('entity expansion capped')).toBeGreaterThan(900);
  });

  it(`drops tags nested past ${MAX_DEPTH} levels, keeps their text, and closes the rest properly`, () => {
    const depth = 100_000;
    const { root, problems } = readXml(`<r><i>${'<d>'.repeat(depth)}deep${'</d>'.repeat(depth)}</i><i>next</i></r>`);
    expect(root!.children.map((c) => textOf(c as XmlElement))).toEqual(['deep', 'next']);
    expect(problems.get('too deep')).toBe(depth - (MAX_DEPTH - 2));
  });

  it(`reads past ${MAX_ELEMENTS.toLocaleString('en-US')} elements as text`, () => {
    const { root, problems } = readXml(`<r>${'<e>x</e>'.repeat(MAX_ELEMENTS + 10)}</r>`);
    expect(root!.children.filter((c) => typeof c !== 'string').length).toBe(MAX_ELEMENTS - 1);
    expect(problems.get('too many elements')).toBe(11);
  });

  it('reads 5 MB of each kind of broken markup in linear time', () => {
    const FIVE_MB = 5 * 1024 * 1024;
    const fill = (unit: string) => '<r>' + unit.repeat(Math.floor(FIVE_MB / unit.length));
    for (const unit of ['<a b="', '&', '</x>', '<!--', '<![CDATA[', '<x ', '<a b=\'c\' ', '<?', '<!DOCTYPE [', '&#x1;', '<x>']) {
      const t0 = performance.now();
      readXml(fill(unit));
      expect(performance.now() - t0, unit).toBeLessThan(10_000); // ~0.1 to 1 s; a quadratic reading takes minutes
    }
  });
});
