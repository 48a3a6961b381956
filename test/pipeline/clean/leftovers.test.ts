import { describe, expect, it } from 'vitest';
import { cleanChecked, removedBy } from './helpers.ts';

describe('embedded-code', () => {
  it('drops JSON-LD blobs and inline scripts with nested braces and quoted braces', () => {
    const r = cleanChecked('Ether rose. { "@context": "https://schema.org", "@type": "NewsArticle", "headline": "a {b} c", "author": { "name": "X" } } (function() { var a = {x: 1}; })(); Fees fell.');
    expect(r.text).toBe('Ether rose.\n\nFees fell.');
    const removed = removedBy(r, 'embedded-code').join(' ');
    expect(removed).toContain('"@type": "NewsArticle"');
    expect(removed).toContain('})();');
  });
});

describe('truncation-marker', () => {
  it('drops an excerpt marker at the end of a feed body, keeps an ellipsis inside a sentence', () => {
    const r = cleanChecked('<p>He said the rally was… only starting, and more could come [&#8230;]</p>');
    expect(r.text).toBe('He said the rally was… only starting, and more could come');
  });

  it('drops a bare trailing ellipsis when only removed noise follows it', () => {
    const r = cleanChecked('<p>Miners kept selling into the rally, and some desks now expect...</p>\n<p>The post Miners Keep Selling appeared first on Chain Daily.</p>');
    expect(r.text).toBe('Miners kept selling into the rally, and some desks now expect');
  });

  it('keeps an ellipsis that ends a paragraph inside the article', () => {
    const text = 'Man könnte es mit dem Lineal versuchen. Doch es geht auch einfacher...\nEin Anschlag spart die Messung.';
    expect(cleanChecked(text).text).toBe(text.replace('\n', '\n\n'));
  });
});

describe('repeated-passage', () => {
  it('drops a second rendered copy of several sentences, keeps the first', () => {
    const body = 'The exchange paused withdrawals for six hours on Sunday. Engineers traced the fault to a wallet upgrade that went wrong.';
    const r = cleanChecked(`${body} POLITICS ${body}`);
    expect(r.text.split('paused withdrawals').length - 1).toBe(1);
    expect(removedBy(r, 'repeated-passage')).toHaveLength(1);
  });

  it('drops a second copy whose sentences "U.S." cuts into short pieces', () => {
    const body = 'Iran launched missile and drone strikes against U.S. military bases in Bahrain, Kuwait and Jordan overnight. This action follows ten consecutive nights of U.S. airstrikes on its sites.';
    const r = cleanChecked(`${body} MACRO ${body}`);
    expect(r.text.split('drone strikes').length - 1).toBe(1);
    expect(r.text.split('airstrikes on its sites').length - 1).toBe(1);
  });

  it('drops a second copy whose spacing differs from the first (double spaces, a no-break space, a tab)', () => {
    const body = 'The exchange paused withdrawals for six hours on Sunday. Engineers traced the fault to a wallet upgrade that went wrong.';
    const copy = body.replace('six hours', 'six  hours').replace('wallet upgrade', 'wallet\u00a0upgrade').replace('went wrong', 'went\twrong');
    const r = cleanChecked(`${body} POLITICS ${copy}`);
    expect(r.text.split('paused withdrawals').length - 1).toBe(1);
    expect(removedBy(r, 'repeated-passage')).toHaveLength(1);
  });

  it('keeps one sentence an article restates on purpose', () => {
    const line = 'Analysts expect the token to trade between $1.20 and $1.60 this year.';
    const text = `${line} Volumes doubled in March. ${line}`;
    expect(cleanChecked(text).text).toBe(text);
  });
});

describe('html-markup', () => {
  it('turns block tags into paragraph breaks and drops inline tags without splitting the sentence', () => {
    const r = cleanChecked('<p>Solana hit <strong>$200</strong> on Friday.</p>\n<p>Fees rose.</p>');
    expect(r.text).toBe('Solana hit $200 on Friday.\n\nFees rose.');
  });

  it('keeps angle-bracketed placeholders in technical prose that are no HTML element', () => {
    const text = 'Copy the <config files> into the <node-dir> folder, then set <username> in the first line of the file.';
    expect(cleanChecked(text.replace('<node-dir>', 'node folder')).text).toBe(text.replace('<node-dir>', 'node folder'));
  });

  it('drops custom elements and upper-case tags', () => {
    expect(cleanChecked('<P>Fees fell <price-chip data-id="1">2%</price-chip> overnight.</P>').text).toBe('Fees fell 2% overnight.');
  });
});

describe('repeated-passage on schedules', () => {
  it('keeps entries that share their last words but differ in their start (times in a schedule)', () => {
    const text = [
      '6:00 PM Leaves the harbour and walks back to the old lighthouse.',
      '9:00 PM Goes to bed in the small room above the boat shed.',
      '6:30 PM Leaves the harbour and walks back to the old lighthouse.',
      '9:30 PM Goes to bed in the small room above the boat shed.',
    ].join('\n');
    expect(removedBy(cleanChecked(text), 'repeated-passage')).toEqual([]);
  });
});

describe('residue', () => {
  it('drops a stray ticker chip left when everything else on the page was noise', () => {
    const page = 'Sign up for our newsletter and never miss a story.\n\n+4.2\n\nThe post Nine Things To Know appeared first on Chain Daily.';
    const r = cleanChecked(page);
    expect(r.text).toBe('');
    expect(removedBy(r, 'residue')).toEqual(['+4.2']);
  });

  it('keeps a short leftover that holds a word of running text', () => {
    const r = cleanChecked('Sign up for our newsletter and never miss a story.\n\nFees fell.\n\nThe post Fees Fell appeared first on Chain Daily.');
    expect(r.text).toBe('Fees fell.');
    expect(removedBy(r, 'residue')).toEqual([]);
  });

  it('keeps a short leftover in a script without letter case', () => {
    const r = cleanChecked('Sign up for our newsletter and never miss a story.\n\n比特币上涨\n\nThe post Coins Rise appeared first on Chain Daily.');
    expect(r.text).toBe('比特币上涨');
  });

  it('never touches a text from which nothing was removed', () => {
    expect(cleanChecked('BTC 4.2').text).toBe('BTC 4.2');
  });
});
