import { describe, expect, it } from 'vitest';
import { trimEdgeFragments } from '../../../src/pipeline/extract/trim-edge-fragments.ts';
import type { Paragraph } from '../../../src/pipeline/extract/element-to-text.ts';

const para = (text: string): Paragraph => ({ text, linkChars: 0, heading: false });
const texts = (xs: string[]) => trimEdgeFragments(xs.map(para)).map((p) => p.text);

describe('trimEdgeFragments', () => {
  it('drops a date line before the first sentence and share/comment labels after the last', () => {
    expect(
      texts(['March 4, 2026', 'Dogecoin jumped 12% after the payments app said it would accept DOGE.', 'Share this article', 'Comments 0']),
    ).toEqual(['Dogecoin jumped 12% after the payments app said it would accept DOGE.']);
  });

  it('keeps a short closing line that ends like a sentence, and subheadings between paragraphs', () => {
    const xs = ['Miners sold 2,000 BTC in May.', 'What comes next', 'Hashprice may fall further in June.', 'Stay tuned!'];
    expect(texts(xs)).toEqual(xs);
  });

  it("keeps a heading that opens the article's first section, but not a heading left after the last sentence", () => {
    const heading = (text: string): Paragraph => ({ text, linkChars: 0, heading: true });
    const got = trimEdgeFragments([
      heading('How staking works'),
      para('Validators lock coins as a bond and earn fees for proposing blocks.'),
      heading('More from the desk'),
    ]).map((p) => p.text);
    expect(got).toEqual(['How staking works', 'Validators lock coins as a bond and earn fees for proposing blocks.']);
  });

  it('keeps a text made only of short lines rather than leaving nothing', () => {
    expect(texts(['Maintenance tonight', 'Back at 06:00 UTC'])).toEqual(['Maintenance tonight', 'Back at 06:00 UTC']);
  });

  it('leaves lines in scripts written without spaces alone', () => {
    expect(texts(['比特币价格上涨', 'Bitcoin rose above $80,000 on Friday.'])).toEqual(['比特币价格上涨', 'Bitcoin rose above $80,000 on Friday.']);
  });
});
