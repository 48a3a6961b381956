import { describe, expect, it } from 'vitest';
import { moveKeys, priceMove, sameMove } from '../../../src/pipeline/fingerprint/price-move.ts';
import { decodeFingerprint, encodeFingerprint, fingerprint } from '../../../src/pipeline/fingerprint/index.ts';

describe('priceMove', () => {
  it('reads coin, direction and level off a headline that reports a move', () => {
    expect(priceMove('Bitcoin climbs above $87,400 as futures funding turns positive', '')).toEqual({ coin: 'BTC', direction: 'up', level: 87400 });
    expect(priceMove('ETH slides below $3K after a large holder sells', '')).toEqual({ coin: 'ETH', direction: 'down', level: 3000 });
    expect(priceMove("Solana's price jumps to $212.5 on exchange demand", '')).toEqual({ coin: 'SOL', direction: 'up', level: 212.5 });
    expect(priceMove('Bitcoin (BTC) Price Touched $88K Before the Weekend', '')).toEqual({ coin: 'BTC', direction: 'up', level: 88000 });
  });

  it('takes the level from the first lede sentence that names the coin when the headline has none', () => {
    const m = priceMove('Bitcoin nears its record as traders pile in', 'Markets were calm in Asia. Bitcoin rose to $87,350 on Tuesday, its highest in weeks.');
    expect(m).toEqual({ coin: 'BTC', direction: 'up', level: 87350 });
  });

  it('reads no move from forecasts, questions, digests, flows or headlines without a level', () => {
    expect(priceMove('Bitcoin could climb to $95,000 by spring, says a strategist', '')).toBeNull();
    expect(priceMove('Will Bitcoin break $90K this week?', '')).toBeNull();
    expect(priceMove('Bitcoin price prediction: BTC rallies to $100K', '')).toBeNull();
    expect(priceMove('Morning digest: rates on hold, Bitcoin rallies', 'Bitcoin rose to $87,000.')).toBeNull();
    expect(priceMove('Bitcoin ETF volume tops $2 billion', 'Volume was high.')).toBeNull(); // a flow, not a price
    expect(priceMove('Bitcoin climbs as traders return', 'Traders returned on Monday.')).toBeNull();
    expect(priceMove('U.S. jobs report beats forecasts, dollar climbs above $1', '')).toBeNull(); // no coin
  });

  it('matches levels within the band, and LSH keys always meet for them', () => {
    const a = { coin: 'BTC', direction: 'up' as const, level: 87400 };
    const b = { coin: 'BTC', direction: 'up' as const, level: 88800 };
    expect(sameMove(a, b, 0.03)).toBe(true);
    expect(sameMove(a, { ...b, level: 92000 }, 0.03)).toBe(false);
    expect(sameMove(a, { ...b, direction: 'down' }, 0.03)).toBe(false);
    expect(sameMove(a, { ...b, coin: 'ETH' }, 0.03)).toBe(false);
    const stored = new Set(moveKeys(b, 0.03, false));
    expect(moveKeys(a, 0.03, true).some((k) => stored.has(k))).toBe(true);
  });

  it('survives the stored fingerprint form, and never counts in the features', () => {
    const doc = { title: 'Bitcoin climbs above $87,400 as funding turns positive', text: 'Funding rates on perpetual swaps turned positive.', coins: ['BTC'] };
    const fp = fingerprint(doc, { total: 1, df: new Map() });
    const back = decodeFingerprint(encodeFingerprint(fp));
    expect(back.move).toEqual(fp.move);
    expect([...back.features.keys()].some((f) => f.startsWith('p:'))).toBe(false);
  });
});

describe('headline figures', () => {
  it('reads sums of millions or more off a headline at two significant digits, not prices or percentages', async () => {
    const { headlineFigures } = await import('../../../src/pipeline/fingerprint/event-terms.ts');
    expect(headlineFigures('Spot funds took in $3.24 billion this week')).toEqual(['$3.2b']);
    expect(headlineFigures('Funds pull in $3.2B as the week ends')).toEqual(['$3.2b']);
    expect(headlineFigures('Bitcoin climbs above $91,200; volume up 12%')).toEqual([]);
    const doc = { title: 'Exchange loses $41 million in hot wallet drain', text: 'Attackers drained a hot wallet.', coins: [] };
    const fp = fingerprint(doc, { total: 1, df: new Map() });
    expect(fp.figures).toEqual(['$41m']);
    expect(decodeFingerprint(encodeFingerprint(fp)).figures).toEqual(['$41m']);
  });
});
