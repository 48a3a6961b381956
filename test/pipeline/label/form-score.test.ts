import { describe, expect, it } from 'vitest';
import { classifyKind } from '../../../src/pipeline/label/kind.ts';
import { prepare } from '../../../src/pipeline/label/kinds/doc.ts';
import { openingOf, readFeatures, SPONSORED_FEATURES } from '../../../src/pipeline/label/kinds/form-features.ts';
import { sponsoredForm, sponsoredFormHint, sponsoredFormScore } from '../../../src/pipeline/label/kinds/form-score.ts';

// Invented openings, headline blanked: what the learned score must tell apart without a headline or a URL.
const PROMO_OPENING =
  'Solana holders are turning to Quorvex (QVX) as its presale enters stage 4 at $0.018. Early buyers eye 40x gains before listing, and investors looking for the next gem are piling in.';
const PICK_OPENING =
  'Dogecoin and Shiba Inu traders are looking for the best crypto to buy, and many are shifting into Brimlet (BRML), a new token priced at $0.004 with 600% staking rewards.';
const ENFORCEMENT_NEWS =
  'The Securities and Exchange Commission said on Tuesday it had charged the founders of a token project with fraud, according to a court filing. Bitcoin fell 2% to $98,000.';
const LISTING_NEWS = 'Kraken said on Monday it will list Quorvex (QVX), a new token, with trading starting Thursday, according to a company statement.';
const MARKET_NEWS = 'Bitcoin rose 3% to $104,000 on Monday after the Fed signalled a pause, analysts said. Ether gained 4% and Solana added 6%.';

describe('learned promotion form (sponsored)', () => {
  it('labels an untitled presale pitch sponsored and names the phrases that weighed most', () => {
    const got = classifyKind({ title: '', text: PROMO_OPENING });
    expect(got.kind).toBe('sponsored');
    const reason = got.reasons.find((r) => r.startsWith('promotion form (learned)'));
    expect(reason).toMatch(/score 0\.\d\d|score 1\.00/);
    expect(reason).toContain('presale');
  });

  it('reads a pick among tokens, a newcomer beside known coins and a gain in hundreds of percent as a promotion', () => {
    const top = sponsoredFormScore(prepare({ title: '', text: PICK_OPENING })).top.map((t) => t.feature);
    expect(top).toEqual(expect.arrayContaining(['a pick among tokens', 'unknown ticker beside known coins']));
    expect(sponsoredForm(prepare({ title: '', text: PICK_OPENING }))).not.toBeNull();
  });

  it('keeps reports of enforcement, of a listing and of market moves out, even when they name a new token', () => {
    for (const text of [ENFORCEMENT_NEWS, LISTING_NEWS, MARKET_NEWS]) {
      expect(sponsoredForm(prepare({ title: '', text }))).toBeNull();
      expect(classifyKind({ title: '', text }).kind).not.toBe('sponsored');
    }
  });

  it('weighs attribution and institutions against a promotion', () => {
    const plain = sponsoredFormScore(prepare({ title: '', text: 'Investors are turning to Quorvex (QVX) beside Solana.' })).probability;
    const reported = sponsoredFormScore(
      prepare({ title: '', text: 'Investors are turning to Quorvex (QVX) beside Solana, the SEC said, according to a court filing.' }),
    ).probability;
    expect(reported).toBeLessThan(plain);
  });

  it('leaves the learned signal out when the rules alone are asked for', () => {
    const got = classifyKind({ title: '', text: PROMO_OPENING }, { learned: false });
    expect(got.reasons.some((r) => r.startsWith('promotion form (learned)'))).toBe(false);
  });

  it('does not take a known coin named with its ticker for a newcomer', () => {
    const values = readFeatures(SPONSORED_FEATURES, openingOf(prepare({ title: '', text: 'Investors are turning to Solana (SOL) and Dogecoin (DOGE).' })));
    expect(values[SPONSORED_FEATURES.findIndex((f) => f.name === 'unknown ticker')].value).toBe(0);
  });
});

describe('sponsored form features', () => {
  const value = (name: string, text: string) =>
    readFeatures(SPONSORED_FEATURES, openingOf(prepare({ title: '', text })))[SPONSORED_FEATURES.findIndex((f) => f.name === name)].value;

  it('reads an unnamed newcomer, but not "the new token" a report points back to', () => {
    expect(value('unnamed newcomer', 'Whales are moving into an emerging altcoin that few have heard of.')).toBeGreaterThan(0);
    expect(value('unnamed newcomer', 'The ledger activated the new token standard on its mainnet on Friday.')).toBe(0);
  });

  it('reads a price path of ten times or more as a promise, and a smaller one as a move', () => {
    expect(value('price path of multiples', 'Analysts map a path from $0.02 to $1 for the token.')).toBe(1);
    expect(value('price path of multiples', 'The coin went from $90 to $104 this week.')).toBe(0);
  });

  it('reads a name in capitals the coin table does not know, not a known coin or a short acronym', () => {
    expect(value('unknown name in capitals', 'Traders are watching QUORVEX FINANCE this week.')).toBe(1);
    expect(value('unknown name in capitals', 'The SEC and the ETF issuers met; BITCOIN held.')).toBe(0);
  });
});

describe('the learned score as a one-point hint', () => {
  it('gives one point under the threshold, never both signals at once', () => {
    for (const text of [PROMO_OPENING, PICK_OPENING, ENFORCEMENT_NEWS, MARKET_NEWS, 'Investors are turning to Quorvex (QVX) beside Solana.']) {
      const d = prepare({ title: '', text });
      expect(sponsoredForm(d) !== null && sponsoredFormHint(d) !== null).toBe(false);
    }
  });

  it('adds its point to one hand-written point: together they make a promotion the rules alone leave as news', () => {
    const text = 'Solana traders are eyeing Quorvex (QVX), a viral project, the firm said.';
    const d = prepare({ title: '', text });
    expect(sponsoredForm(d)).toBeNull();
    expect(sponsoredFormHint(d)).toContain('Quorvex (QVX)');
    const got = classifyKind({ title: '', text });
    expect(got.kind).toBe('sponsored');
    expect(got.reasons.some((r) => r.startsWith('promotion form, weak (learned)'))).toBe(true);
    expect(classifyKind({ title: '', text }, { learned: false }).kind).toBe('news');
  });
});
