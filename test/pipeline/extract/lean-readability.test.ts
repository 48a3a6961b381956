import { describe, expect, it } from 'vitest';
import { Readability } from '@mozilla/readability';
import { elementsNamed, holdsText, LeanReadability } from '../../../src/pipeline/extract/lean-readability.ts';
import { parseWithLinkedom } from '../../../src/dom/linkedom.ts';

const PROSE = [
  'The lending protocol paused new borrowing on Thursday after its price feed for a staked ether token stalled for an hour.',
  'Depositors could still withdraw, the team said, and no position was liquidated at a wrong price while the feed was stuck.',
  'A fix to the feed’s heartbeat check was deployed in the evening; borrowing resumed once two auditors had reviewed it.',
  'The token’s issuer said its own contracts were unaffected and that the stall came from a relayer that ran out of gas.',
];

function page(extra: { byline?: string; hidden?: string } = {}): string {
  const paragraphs = PROSE.map((p) => `<p>${p}</p>`).join('');
  return `<!DOCTYPE html><html lang="en"><head><title>Lender pauses borrowing after a feed stall | Ledger Post</title></head><body>
    <div class="site-menu"><ul>${Array.from({ length: 12 }, (_, i) => `<li><a href="/s/${i}">Section ${i}</a></li>`).join('')}</ul></div>
    <div class="story"><h1>Lender pauses borrowing after a feed stall</h1>${extra.byline ?? ''}
      <div class="story-body">${paragraphs}<font>An update followed at 9 pm.</font>
        <div style="display: none"><p>${extra.hidden ?? 'Text the page never shows, long enough to count as a paragraph of its own.'}</p></div>
        <div style="color: red"><p>A red note the page shows: the pause applied to every market of the protocol at once.</p></div>
        <table><tr><td>Feed</td><td>stalled 61 minutes</td></tr></table>
      </div></div>
    <div class="footer-links">${Array.from({ length: 8 }, (_, i) => `<a href="/f/${i}">Footer ${i}</a>`).join(' ')}</div>
    </body></html>`;
}

// What the extract stage reads of Readability's answer (its content as text, the title, the byline), and the rest.
function answer(r: ReturnType<Readability<string>['parse']>) {
  return r && { title: r.title, byline: r.byline, text: r.textContent, length: r.length, excerpt: r.excerpt, dir: r.dir, lang: r.lang };
}

describe('LeanReadability', () => {
  it('answers as Readability does on an article with menus, a hidden block, an inline style and a table', () => {
    const html = page();
    const lean = answer(new LeanReadability<string>(parseWithLinkedom(html)).parse());
    expect(lean).toEqual(answer(new Readability(parseWithLinkedom(html)).parse()));
    expect(lean!.text).toContain(PROSE[3]);
    expect(lean!.text).toContain('A red note the page shows');
    expect(lean!.text).not.toContain('Text the page never shows');
  });

  it('finds the same byline as Readability: a node named as a byline, with a short text', () => {
    for (const byline of [
      '<p class="byline">By Mara Quist</p>',
      '<a rel="author" href="/a/mq">Mara Quist</a>',
      '<div itemprop="author"><span itemprop="name">Mara Quist</span>, markets desk</div>',
      `<div class="author-box"><p>${PROSE[0]} ${PROSE[1]}</p></div>`, // named, but a block of text: no byline
    ]) {
      const html = page({ byline });
      const lean = answer(new LeanReadability<string>(parseWithLinkedom(html)).parse());
      expect(lean).toEqual(answer(new Readability(parseWithLinkedom(html)).parse()));
    }
    expect(new LeanReadability<string>(parseWithLinkedom(page({ byline: '<p class="byline">By Mara Quist</p>' }))).parse()!.byline).toBe('By Mara Quist');
  });
});

// A page whose article sits in a block Readability's first pass strips as unlikely ("sidebar"): that pass comes out
// short, the page is put back as it was, and the second pass finds the article.
function pageFoundOnSecondPass(): string {
  return `<!DOCTYPE html><html><head><title>Relayer runs out of gas</title><style>p { margin: 0 }</style></head><body>
    <div class="sidebar-extra"><h2>Relayer runs out of gas</h2>${PROSE.map((p) => `<p>${p}<br><br>${p}</p>`).join('')}
      <p><font>Filed from the markets desk.</font></p></div>
    <div class="nav"><a href="/">Home</a> <a href="/markets">Markets</a></div>
    </body></html>`;
}

describe('LeanReadability: work whose result the extract stage does not read', () => {
  it('builds the page again only when a pass comes out short, and then answers as Readability does', () => {
    for (const html of [page(), pageFoundOnSecondPass(), '<html><body><p>Too short for any pass.</p></body></html>']) {
      let rebuilt = 0;
      const rebuild = () => {
        rebuilt++;
        return parseWithLinkedom(html);
      };
      const lean = answer(new LeanReadability<string>(parseWithLinkedom(html), {}, rebuild).parse());
      expect(lean).toEqual(answer(new Readability(parseWithLinkedom(html)).parse()));
      if (html === page()) expect(rebuilt).toBe(0);
      else expect(rebuilt).toBeGreaterThan(0);
    }
    const found = new LeanReadability<string>(parseWithLinkedom(pageFoundOnSecondPass()), {}, () => parseWithLinkedom(pageFoundOnSecondPass())).parse();
    expect(found!.textContent).toContain(PROSE[3]);
  });

  it('leaves the body its own markup once the passes are done, and the content its own once the debug log has read it', () => {
    const doc = parseWithLinkedom(page());
    const content = new LeanReadability<Node>(doc, { serializer: (el) => el }, () => parseWithLinkedom(page())).parse()!.content as Element;
    expect(Object.getOwnPropertyDescriptor(doc.body, 'innerHTML')).toBeUndefined();
    expect(content.innerHTML).toContain(PROSE[0]);
  });

  it('replaces a javascript: link by its text or its children, as Readability does, and leaves other addresses as written', () => {
    const links =
      '<p>Read <a href="javascript:void(0)">the pause notice</a> or <a href="javascript:open()"><b>the</b> audit</a>, ' +
      'or <a href="/reports/feed-stall">the report</a> and <a href="#notes">the notes</a> in full before the vote.</p>';
    const html = `<html><body><div class="story-body"><p>${PROSE[0]} ${PROSE[1]}</p>${links}<p>${PROSE[2]} ${PROSE[3]}</p></div></body></html>`;
    const lean = new LeanReadability<Node>(parseWithLinkedom(html, 'https://ledger.example/story'), { serializer: (el) => el }).parse()!;
    const full = new Readability<Node>(parseWithLinkedom(html, 'https://ledger.example/story'), { serializer: (el) => el }).parse()!;
    expect(answer(lean as never)).toEqual(answer(full as never));
    const hrefs = (r: typeof lean) => Array.from((r.content as Element).querySelectorAll('a')).map((a) => a.getAttribute('href'));
    expect(hrefs(full)).toEqual(['https://ledger.example/reports/feed-stall', '#notes']);
    expect(hrefs(lean)).toEqual(['/reports/feed-stall', '#notes']);
    expect((lean.content as Element).querySelectorAll('span b')).toHaveLength(1);
  });

  it('unwraps a noscript image as Readability does when the page holds one', () => {
    const html = page({
      byline: '<div class="lead-image"><img src="placeholder.gif"></div><noscript><img src="stall-chart.png" alt="The stalled feed"></noscript>',
    });
    expect(answer(new LeanReadability<string>(parseWithLinkedom(html)).parse())).toEqual(answer(new Readability(parseWithLinkedom(html)).parse()));
  });
});

describe('holdsText', () => {
  it('finds text that is not white space as deep as it lies, and none in white space, <br>s and empty elements', () => {
    const doc = parseWithLinkedom(
      '<body><div id="blank"> \n<span>\u00a0</span><br><hr><div>\t</div></div><div id="deep"><div><div><span> </span><b>x</b></div></div></div></body>',
    );
    const lean = new LeanReadability<string>(doc) as unknown as { _isElementWithoutContent(n: Node): boolean };
    const readability = new Readability<string>(doc) as unknown as { _isElementWithoutContent(n: Node): boolean };
    for (const el of Array.from(doc.body.querySelectorAll('*'))) {
      expect(holdsText(el)).toBe((el.textContent ?? '').trim().length > 0);
      expect(lean._isElementWithoutContent(el)).toBe(readability._isElementWithoutContent(el));
    }
    expect(holdsText(doc.getElementById('blank')!)).toBe(false);
    expect(holdsText(doc.getElementById('deep')!)).toBe(true);
  });
});

describe('elementsNamed', () => {
  it('returns what querySelectorAll returns: the named elements under the root in document order', () => {
    const doc = parseWithLinkedom(
      '<body><div id="a"><p>1</p><ul><li><p>2</p></li></ul><h2>t</h2></div><p>3</p><section><div><h2>u</h2></div></section></body>',
    );
    for (const names of [['p'], ['p', 'h2'], ['h2', 'li', 'div'], ['table']]) {
      expect(elementsNamed(doc, new Set(names))).toEqual(Array.from(doc.querySelectorAll(names.join(','))));
      const a = doc.getElementById('a')!;
      expect(elementsNamed(a, new Set(names))).toEqual(Array.from(a.querySelectorAll(names.join(','))));
    }
  });

  it('finds elements created in upper case ("DIV", as Readability creates them) by their lower-case name', () => {
    const doc = parseWithLinkedom('<body><div><p>one</p></div></body>');
    const made = doc.createElement('DIV');
    made.appendChild(doc.createElement('P'));
    doc.body.appendChild(made);
    expect(elementsNamed(doc.body, new Set(['div', 'p']))).toEqual(Array.from(doc.body.querySelectorAll('div,p')));
    expect(elementsNamed(doc.body, new Set(['div', 'p']))).toHaveLength(4);
  });

  it('walks a page of unclosed tags nested twelve thousand deep (deeper than a recursive walk can go) without running out of stack', () => {
    const doc = parseWithLinkedom(`<body>${'<span>'.repeat(12_000)}<p>deep</p></body>`);
    expect(elementsNamed(doc.body, new Set(['p']))).toHaveLength(1);
  });
});
