import { describe, expect, it } from 'vitest';
import { labelCoins } from '../../../src/pipeline/label/coins.ts';
import type { RemovedSpan } from '../../../src/pipeline/types.ts';

const STRIP = 'BTC $91,204 +1.2%  ETH $3,088 -0.4%  DOT $2.10 +3.3%  SOL $137 +0.9%';

function withStrip(body: string): { text: string; removed: RemovedSpan[] } {
  const text = `${STRIP}\n\n${body}`;
  return { text, removed: [{ rule: 'ticker-strip', category: 'ticker', start: 0, end: STRIP.length, text: STRIP }] };
}

const symbols = (tags: { symbol: string }[]) => tags.map((t) => t.symbol);

describe('labelCoins', () => {
  it('tags a coin named in prose and records where and how it was found', () => {
    const tags = labelCoins({ title: 'Miners sell as hashprice slides', text: 'Bitcoin miners moved 4,200 BTC to exchanges on Tuesday.' });
    expect(symbols(tags)).toEqual(['BTC']);
    expect(tags[0].evidence).toEqual([
      { where: 'body', how: 'name', text: 'Bitcoin' },
      { where: 'body', how: 'symbol', text: 'BTC' },
    ]);
  });

  it('keeps a coin from the strip out of the topics, but keeps strip evidence for a coin the story is about', () => {
    const { text, removed } = withStrip('Ether fell 3% after the Fusaka upgrade was delayed by two weeks.');
    const tags = labelCoins({ title: 'Ethereum upgrade slips', text, removed });
    expect(symbols(tags)).toEqual(['ETH']);
    expect(tags[0].evidence).toContainEqual({ where: 'body', how: 'ticker-strip', text: 'ETH' });
    expect(tags[0].evidence).toContainEqual({ where: 'title', how: 'name', text: 'Ethereum' });
  });

  it('returns strip-only coins when asked to', () => {
    const { text, removed } = withStrip('A quiet session for digital assets.');
    const tags = labelCoins({ title: 'Markets wait for the Fed', text, removed }, { keepStripOnly: true });
    expect(symbols(tags).sort()).toEqual(['BTC', 'DOT', 'ETH', 'SOL']);
    expect(tags.every((t) => t.evidence.every((e) => e.how === 'ticker-strip'))).toBe(true);
  });

  it('does not read ambiguous words in prose as coins', () => {
    const text = 'It was ONE of the busiest weeks. Click the LINK below, pay the GAS bill, and NEAR the close we saw the DOT plot.';
    expect(labelCoins({ title: 'Weekly digest', text })).toEqual([]);
  });

  it('accepts an ambiguous symbol once a cashtag, a pair, a name or "(LINK)" confirms it', () => {
    expect(symbols(labelCoins({ title: 'Oracle tokens rally', text: 'Chainlink (LINK) added 9%. LINK now leads.' }))).toEqual(['LINK']);
    expect(symbols(labelCoins({ title: 'Staking update', text: 'Holders of $TON can stake from today.' }))).toEqual(['TON']);
    expect(symbols(labelCoins({ title: 'Breakout watch', text: 'The DOT/USDT pair broke its range.' }))).toEqual(['DOT']);
  });

  it('accepts an ambiguous symbol in prose when the ticker strip of the same page carries it', () => {
    const { text, removed } = withStrip('DOT rose 3% after the parachain auction.');
    const tags = labelCoins({ title: 'Parachain auction ends', text, removed });
    expect(symbols(tags)).toEqual(['DOT']);
    expect(tags[0].evidence.map((e) => e.how)).toEqual(['ticker-strip', 'symbol']);
  });

  it('does not take a spelled-out acronym in parentheses for a coin', () => {
    expect(labelCoins({ title: 'Metaverse spending', text: 'Spending on augmented reality (AR) headsets fell.' })).toEqual([]);
  });

  it('trusts an ambiguous symbol in a normal title, not in a shouted prefix', () => {
    expect(symbols(labelCoins({ title: 'LINK Jumps 12% as Banks Test Oracles', text: 'Banks tested it.' }))).toEqual(['LINK']);
    expect(labelCoins({ title: 'HOT NEWS: Exchange Lists New Futures', text: 'A listing.' })).toEqual([]);
  });

  it('tags a pair by its base coin, not its quote currency', () => {
    const tags = labelCoins({ title: 'Funding turns negative', text: 'Shorts piled into SOL/USDT perpetuals.' });
    expect(symbols(tags)).toEqual(['SOL']);
    expect(tags[0].evidence).toEqual([{ where: 'body', how: 'pair', text: 'SOL/USDT' }]);
  });

  it('prefers the longer name, and does not read a news site domain as the coin', () => {
    expect(symbols(labelCoins({ title: 'Fork anniversary', text: 'Bitcoin Cash turns eight.' }))).toEqual(['BCH']);
    expect(labelCoins({ title: 'Site relaunch', text: 'Bitcoin.com relaunched its app.' })).toEqual([]);
  });

  it('does not read a university or an outlet named after a coin as the coin', () => {
    const text = 'Researchers at ETH Zurich published the study, Bitcoin Magazine reported.';
    expect(labelCoins({ title: 'New proof system cuts verification time', text })).toEqual([]);
  });

  it('puts coins named in the title first', () => {
    const text = 'Solana and SOL traders watched as Dogecoin rose.';
    expect(symbols(labelCoins({ title: 'Dogecoin climbs 6%', text }))[0]).toBe('DOGE');
  });
});
