import { describe, expect, it } from 'vitest';
import { MarkedText, paragraphRanges } from '../../src/render/inspector/cluster-page.tsx';
import type { RemovedSpan } from '../../src/pipeline/types.ts';

const TEXT = 'Lendvault halted withdrawals.\n\nFollow us on Telegram.\n\nThe token fell 30%.\nIt recovered later.';
const cta: RemovedSpan = { rule: 'cta-follow', category: 'cta', start: 31, end: 53, text: 'Follow us on Telegram.' };

const html = (props: Parameters<typeof MarkedText>[0]) => String(MarkedText(props));

describe('MarkedText', () => {
  it('cuts the text into one paragraph per blank-line-separated stretch, single line breaks kept inside', () => {
    expect(paragraphRanges(TEXT).map(([a, b]) => TEXT.slice(a, b))).toEqual([
      'Lendvault halted withdrawals.',
      'Follow us on Telegram.',
      'The token fell 30%.\nIt recovered later.',
    ]);
    const out = html({ text: TEXT, removed: [] });
    expect(out.match(/<p>/g)).toHaveLength(3);
    expect(out).toContain('<p>The token fell 30%.\nIt recovered later.</p>');
  });

  it('strikes a removed paragraph inside its own paragraph, with its rule', () => {
    expect(html({ text: TEXT, removed: [cta] })).toContain(
      '<p><del class="noise" data-rule="cta-follow" data-category="cta" title="cta: removed by cta-follow">Follow us on Telegram.<span class="rule">cta-follow</span></del></p>',
    );
    // the rule took the blank line after it too: still labelled
    const withBreak = html({ text: TEXT, removed: [{ ...cta, end: 55 }] });
    expect(withBreak).toContain('Follow us on Telegram.<span class="rule">cta-follow</span></del></p><p>The token');
  });

  it('strikes a span that runs over a paragraph break in both paragraphs and labels it once, where it ends', () => {
    const both: RemovedSpan = { ...cta, start: 31, end: 74, text: TEXT.slice(31, 74) };
    const out = html({ text: TEXT, removed: [both] });
    expect(out.match(/<del /g)).toHaveLength(2);
    expect(out.match(/class="rule"/g)).toHaveLength(1);
    expect(out).toContain('The token fell 30%.<span class="rule">cta-follow</span></del>\nIt recovered later.</p>');
  });

  it('marks shared words in the kept text only', () => {
    const out = html({ text: TEXT, removed: [cta], marks: [{ start: 0, end: 9, kind: 'name' }, { start: 44, end: 52, kind: 'name' }] });
    expect(out).toContain('<p><mark class="shared shared-name">Lendvault</mark> halted');
    expect(out).not.toContain('<mark class="shared shared-name">Telegram');
  });
});
