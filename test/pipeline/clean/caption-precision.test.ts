/** Precision first: a caption or credit rule never takes a sentence of the story with it. */
import { describe, expect, it } from 'vitest';
import { clean } from '../../../src/pipeline/clean/index.ts';

describe('caption and credit rules keep the story', () => {
  it('keeps a sentence of prose that ends in a parenthesised news agency, and never cuts "U.S." in two', () => {
    const glued = 'The rally paused on Friday.The U.S. Securities and Exchange Commission delayed its decision on the spot ether funds until November, extending its review for the second time this year (Bloomberg)';
    expect(clean(glued).text).toBe(glued);
    const spaced = 'Prices slipped. The U.S. Securities and Exchange Commission said on Tuesday it would review the listing rules for crypto funds under a new generic standard (Bloomberg). Analysts expect approvals.';
    expect(clean(spaced).text).toBe(spaced);
  });

  it('keeps a numbered list item, even when an aside opened before it never closed', () => {
    const list = 'Traders should keep three rules. 1) Keep a stop loss below support. 2) Take profits near resistance (Reuters reported similar advice. 3) Size positions so that one loss never exceeds two percent of the account.';
    expect(clean(list).text).toBe(list);
    const item = 'Three lessons for traders. 1) Stay patient. 2) Take profits early.\n3) Size positions so that no single trade can sink the account (Shutterstock)';
    const out = clean(item);
    expect(out.text).toContain('3) Size positions so that no single trade can sink the account');
    expect(out.removed.map((r) => r.text)).toEqual(['(Shutterstock)']);
  });

  it('never starts a chart caption inside a figure: the sentence ending "$2.3T of runoff" before a source credit stays whole', () => {
    const r = clean('The balance sheet shrank after roughly $2.3T of runoff since 2022. Source: Chartbook The easing bias is new. The token trades at $0.00001268. Source: CoinTally');
    expect(r.text).toContain('after roughly $2.3T of runoff since 2022.');
    expect(r.text).toContain('The token trades at $0.00001268.');
    expect(r.removed.map((x) => x.text)).toEqual(['Source: Chartbook', 'Source: CoinTally']);
  });

  it("keeps a sub-heading that runs straight into a chart's credit, and still takes a caption that names its picture", () => {
    const r = clean('Fees climbed all week.\nSolana Holds Firm Amid Rising Network Demand Source: ChartHouse\nBuyers returned on Friday.');
    expect(r.text).toContain('Solana Holds Firm Amid Rising Network Demand');
    expect(r.removed.map((x) => x.text)).toEqual(['Source: ChartHouse']);
    const caption = clean('Fees climbed all week.\nSolana Daily Price Chart  Source: ChartHouse\nBuyers returned on Friday.');
    expect(caption.removed.map((x) => x.text)).toEqual(['Solana Daily Price Chart  Source: ChartHouse']);
  });

  it('keeps an aside that names an agency in prose', () => {
    const aside = 'Risk rules: 1) Keep a stop. 2) Take profits (see Bloomberg) 3) Size positions so one loss stays small.';
    expect(clean(aside).text).toBe(aside);
  });

  it('still removes a short caption with its credit, and a long one glued to it as flattened pages glue them', () => {
    expect(clean('Bitcoin rose on Monday.\nUS Capitol (Shutterstock)\nTraders cheered.').text).toBe('Bitcoin rose on Monday.\n\nTraders cheered.');
    const flattened = 'The dollar has weakened this year.The dollar has declined this year per the DXY index.(KAREN BLEIERAFP via Getty Images  Getty Images)The DXY is where it was in 2022.';
    expect(clean(flattened).text).not.toContain('Getty');
    expect(clean(flattened).text).not.toContain('per the DXY index');
  });
});
