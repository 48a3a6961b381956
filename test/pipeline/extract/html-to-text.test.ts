import { describe, expect, it } from 'vitest';
import { htmlToText } from '../../../src/pipeline/extract/index.ts';
import { parseWithLinkedom } from '../../../src/dom/linkedom.ts';
import { parseWithJsdom } from '../../../src/dom/jsdom.ts';
import { parseLight } from '../../../src/dom/light.ts';

const FEED_ITEM = `<p>Bitcoin&nbsp;rose 3% to <strong>$72,400</strong> on Monday &amp; ether followed.</p>
<h2>What traders watch</h2><ul><li>CPI data on Wednesday</li><li>ETF flows</li></ul>
<p>First line<br>second line</p><div>Block one</div><div>Block two<br><br>After a blank line</div>
<script>track()</script><table><tr><td>BTC</td><td>$72,400</td></tr></table>`;

describe('htmlToText', () => {
  for (const [name, parseHTML] of [['linkedom', parseWithLinkedom], ['jsdom', parseWithJsdom], ['light', parseLight]] as const) {
    it(`puts each block in its own paragraph, decodes entities and drops tags and scripts (${name})`, () => {
      expect(htmlToText(FEED_ITEM, parseHTML).split('\n\n')).toEqual([
        'Bitcoin rose 3% to $72,400 on Monday & ether followed.',
        'What traders watch',
        'CPI data on Wednesday',
        'ETF flows',
        'First line\nsecond line',
        'Block one',
        'Block two',
        'After a blank line',
        'BTC $72,400',
      ]);
    });
  }

  for (const [name, parseHTML] of [['linkedom', parseWithLinkedom], ['light', parseLight]] as const) {
    it(`keeps every paragraph of a feed body that pastes <html>, <head> or <body> tags into itself (${name})`, () => {
      expect(htmlToText('<p>Intro line.</p><body class="post"><p>Second paragraph.</p></body>', parseHTML)).toBe('Intro line.\n\nSecond paragraph.');
      expect(htmlToText('<html><p>Whole document pasted.</p></html>', parseHTML)).toBe('Whole document pasted.');
      expect(htmlToText('<p>a</p><!DOCTYPE html><html><head><title>t</title></head><body><p>b</p>', parseHTML)).toBe('a\n\nb');
    });
  }

  it('returns an empty string for markup without text', () => {
    expect(htmlToText('<img src="x.png"><script>a()</script>', parseWithLinkedom)).toBe('');
  });
});
