import { describe, expect, it } from 'vitest';
import { cleanChecked, removedBy } from './helpers.ts';

describe('ticker-strip', () => {
  it('keeps a quoted price inside a sentence, drops the ticker strip', () => {
    const text = 'Bitcoin rose 3% to $64,000 on Monday as ETF inflows picked up.\n• bitcoinBitcoin$64,012.331.12%\n• ethereumEthereum$3,101.77-0.42%';
    const r = cleanChecked(text);
    expect(r.text).toBe('Bitcoin rose 3% to $64,000 on Monday as ETF inflows picked up.');
    expect(removedBy(r, 'ticker-strip')).toHaveLength(1);
  });

  it('drops a glued strip of symbol chips with its widget label', () => {
    const text = 'Coin PricesBTC117,402.10-0.84ETH3,611.902.10SOL181.331.75DOGE0.2411-3.02Regulators in Seoul opened a review of the exchange on Friday.';
    const r = cleanChecked(text);
    expect(r.text).toBe('Regulators in Seoul opened a review of the exchange on Friday.');
  });

  it('drops an "In This Article" quote bar but not the dateline after it', () => {
    const r = cleanChecked('In This Article:BTC-USD2.41ETH-USD-1.07(Updates prices.) Bitcoin climbed in Asian trading.');
    expect(removedBy(r, 'ticker-strip')).toEqual(['In This Article:BTC-USD2.41ETH-USD-1.07']);
    expect(r.text).toBe('(Updates prices.) Bitcoin climbed in Asian trading.');
  });

  it('leaves two prices named in a sentence alone', () => {
    const text = 'ETH 3,538.36 and SOL 176.60 were the session highs, traders said.';
    expect(cleanChecked(text).text).toBe(text);
  });
});

describe('inline-price-chip', () => {
  it('removes a price chip glued inside a sentence and keeps the coin name, with a space', () => {
    const r = cleanChecked('Funds rotated into bitcoinBTC98,410.22and solanaSOL151.07after the rate cut.');
    expect(r.text).toBe('Funds rotated into bitcoin and solana after the rate cut.');
    expect(r.removed.every((s) => s.category === 'ticker')).toBe(true);
  });

  it('removes the doubled symbol chip but keeps the symbol the sentence names', () => {
    const r = cleanChecked('Payment tokens like XLMXLM0.4123, rallied.');
    expect(removedBy(r, 'inline-price-chip')).toEqual(['XLM0.4123']);
    expect(r.text).toBe('Payment tokens like XLM, rallied.');
  });
});

describe('cashtag-run', () => {
  it('drops a run of cashtags, keeps a single cashtag in prose', () => {
    const r = cleanChecked('$BTC broke out overnight, one trader wrote.\n$BTC $ETH $SOL $XRP');
    expect(r.text).toBe('$BTC broke out overnight, one trader wrote.');
    expect(removedBy(r, 'cashtag-run')).toEqual(['$BTC $ETH $SOL $XRP']);
  });

  it('keeps prose that opens with "In this article" when no quote bar follows', () => {
    const text = 'In this article I explain why US regulators moved first. In this article US officials are quoted by name.';
    expect(cleanChecked(text).text).toBe(text);
  });

  it('drops a strip whose symbols carry a dot, a hyphen or one letter', () => {
    const r = cleanChecked('Coin PricesBTC117,291.00-1.26USDC.E0.9999690.01BSC-USD1.0060.22W0.087993-7.28CGETH.HASHKEY3,739.633.41');
    expect(r.text).toBe('');
  });
});
