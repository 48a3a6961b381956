import { describe, expect, it } from 'vitest';
import {
  decodeFingerprint,
  encodeFingerprint,
  eventTerms,
  fingerprint,
  jaccard,
  lookupTerms,
} from '../../../src/pipeline/fingerprint/index.ts';
import { ledeFigures, normaliseAmount, sameAmount } from '../../../src/pipeline/fingerprint/event-terms.ts';
import { headlineSubjects } from '../../../src/pipeline/fingerprint/subjects.ts';
import { shingleHashes } from '../../../src/pipeline/fingerprint/shingles.ts';
import { signature } from '../../../src/pipeline/fingerprint/minhash.ts';

const story = {
  title: 'Exchange Halts Withdrawals After $41 Million Hot Wallet Drain',
  text:
    'Seoul-based exchange Hanbit Exchange suspended withdrawals on Tuesday after attackers drained $41 million ' +
    'from a hot wallet. The exchange said 1,200 ETH and 3.5 million USDT left the wallet in 14 transactions. ' +
    'Hanbit Exchange promised to cover user losses from its reserves.',
  coins: ['ETH', 'USDT'],
};

describe('same-event terms', () => {
  it('also rounds a figure to two significant digits, so a rewrite that rounds it still meets it', () => {
    const exact = eventTerms({ title: 'Funds took in $3.24 billion this week', text: '', coins: [] });
    const rounded = eventTerms({ title: 'Funds pull in $3.2B', text: '', coins: [] });
    expect(exact.has('n:$3.24b')).toBe(true);
    expect(exact.has('n:$3.2b')).toBe(true);
    expect(rounded.has('n:$3.2b')).toBe(true);
    expect(normaliseAmount('$3.24 billion', 2)).toBe('$3.2b');
  });

  it('normalises amounts so rewrites meet: "$41 million", "$41M" and "$41,000,000" are one feature', () => {
    expect(normaliseAmount('$41 million')).toBe('$41m');
    expect(normaliseAmount('$41M')).toBe('$41m');
    expect(normaliseAmount('$41,000,000')).toBe('$41m');
    expect(normaliseAmount('$124,500')).toBe(normaliseAmount('$124K'));
    expect(normaliseAmount('2024')).toBe('2024'); // a year stays a year
    expect(normaliseAmount('3')).toBeNull(); // list numbering identifies nothing
  });

  it('reads a unit written as a word as its sign: "30 percent" is "30%", "$2bn" is "$2 billion", "3 mln" is "3M"', () => {
    expect(normaliseAmount('30 percent')).toBe('30%');
    expect(normaliseAmount('30 per cent')).toBe('30%');
    expect(normaliseAmount('4.5 pct')).toBe('4.5%');
    expect(normaliseAmount('$2bn')).toBe(normaliseAmount('$2 billion'));
    expect(normaliseAmount('$2.5 bln')).toBe('$2.5b');
    expect(normaliseAmount('3 mln')).toBe('3m');
    const worded = eventTerms({ title: 'Lender cuts staff by 30 percent', text: 'Tallowmere raised $2bn last year.', coins: [] });
    const signed = eventTerms({ title: 'Tallowmere lays off 30% of staff', text: 'The lender had raised $2 billion.', coins: [] });
    for (const f of ['n:30%', 'n:$2b']) {
      expect(worded.has(f)).toBe(true);
      expect(signed.has(f)).toBe(true);
    }
  });

  it('keeps names, figures with their units and coins, drops stop words', () => {
    const terms = eventTerms(story);
    expect(terms.has('w:hanbit')).toBe(true);
    expect(terms.has('n:$41m')).toBe(true);
    expect(terms.has('n:1.2k eth')).toBe(true);
    expect(terms.has('n:14 transactions')).toBe(true);
    expect(terms.has('c:ETH')).toBe(true);
    expect(terms.has('w:the')).toBe(false);
    expect(terms.get('w:withdrawals')!).toBeGreaterThan(terms.get('w:reserves')!); // title words weigh more
  });

  it('weighs a capitalised word inside a sentence (a name) above the same word in lower case', () => {
    const named = eventTerms({ title: '', text: 'Regulators met Falcon on Monday.', coins: [] });
    const plain = eventTerms({ title: '', text: 'Regulators met falcon on Monday.', coins: [] });
    expect(named.get('w:falcon')!).toBeGreaterThan(plain.get('w:falcon')!);
  });
});

describe('lede figures', () => {
  it('reads the sums, percentages and counts of the headline and the first words, not years or small counts', () => {
    const figures = ledeFigures(story.title, story.text);
    expect(figures).toEqual(expect.arrayContaining(['$41m', '1.2k', '3.5m']));
    expect(ledeFigures('Protocol Ferrowell loses 12% in 2026 after Phase 2 vote', 'Three validators left.')).toEqual(['12%']);
  });

  it('stops at the lede: a figure deep in a long body is background', () => {
    const body = `${'The exchange described its plans for the year in detail. '.repeat(10)}It also holds $900 million in reserves.`;
    expect(ledeFigures('Exchange Korvo updates its roadmap', body)).toEqual([]);
  });

  it('takes one figure as two outlets round it for the same, and two sums 5 % apart for two', () => {
    expect(sameAmount('$41m', '$40m')).toBe(true); // "$41 million" and "$40M"
    expect(sameAmount('$586m', '$580m')).toBe(true);
    expect(sameAmount('$7.4b', '$7b')).toBe(false);
    expect(sameAmount('$41m', '41m')).toBe(false); // a sum and a count
    expect(sameAmount('12%', '$12m')).toBe(false);
  });

  it('round-trips with the fingerprint, and a fingerprint stored before it decodes with none', () => {
    const fp = fingerprint(story, { total: 10, df: new Map() });
    expect(decodeFingerprint(encodeFingerprint(fp)).lede).toEqual(fp.lede);
    const old = encodeFingerprint({ ...fp, lede: [] });
    expect(decodeFingerprint(old).lede).toEqual([]);
  });
});

describe('headlineSubjects', () => {
  it('reads the actor a headline opens with when the text gives it as a name', () => {
    const text = 'The miner Ferrowatt said on Monday that its output rose. Analysts at Corveth expect more.';
    expect(headlineSubjects("Ferrowatt's output rises in September", text)).toEqual(['ferrowatt']);
  });

  it('reads no actor from a headline opening with a plain word, a coin or a name the text never writes as one', () => {
    expect(headlineSubjects('Miners lift output as Ferrowatt expands', 'The miner Ferrowatt expanded its fleet.')).toEqual([]);
    expect(headlineSubjects('Bitcoin climbs as Ferrowatt expands', 'The miner Ferrowatt expanded its fleet while Bitcoin climbed.')).toEqual([]);
    expect(headlineSubjects('Record Output At Ferrowatt', 'Record output was reported by the miner Ferrowatt.')).toEqual([]);
  });

  it('round-trips with the fingerprint, and a fingerprint stored before it decodes with none', () => {
    const fp = fingerprint({ title: 'Ferrowatt sells part of its treasury', text: 'The miner Ferrowatt sold coins.', coins: [] }, { total: 10, df: new Map() });
    expect(fp.subjects).toEqual(['ferrowatt']);
    expect(decodeFingerprint(encodeFingerprint(fp)).subjects).toEqual(['ferrowatt']);
    expect(decodeFingerprint(encodeFingerprint({ ...fp, subjects: [] })).subjects).toEqual([]);
  });
});

describe('fingerprint', () => {
  const freq = { total: 100, df: new Map([['w:exchange', 60], ['w:withdrawals', 5]]) };

  it('down-weights a word most documents use and keeps unit-length features', () => {
    const fp = fingerprint(story, freq);
    expect(fp.features.get('w:exchange') ?? 0).toBeLessThan(fp.features.get('w:withdrawals')!);
    const norm = Math.hypot(...fp.features.values());
    expect(norm).toBeCloseTo(1, 6);
    expect(fp.words).toBe(story.text.split(/\s+/).length);
  });

  it('round-trips through its compact stored string', () => {
    const fp = fingerprint(story, freq);
    const s = encodeFingerprint(fp);
    expect(s.length).toBeLessThan(2000);
    const back = decodeFingerprint(s);
    expect([...back.signature]).toEqual([...fp.signature]);
    expect([...back.features.keys()]).toEqual([...fp.features.keys()]);
    for (const [f, w] of fp.features) expect(back.features.get(f)!).toBeCloseTo(w, 3);
  });

  it('rejects a string that is not a fingerprint instead of guessing', () => {
    expect(() => decodeFingerprint('hello')).toThrow(/fingerprint/);
  });

  it('looks up a bounded number of terms, heaviest first', () => {
    const long = { ...story, text: Array.from({ length: 400 }, (_, i) => `word${i}x`).join(' ') };
    const terms = lookupTerms(long);
    expect(terms.length).toBeLessThanOrEqual(200);
    expect(terms.slice(0, 5).some((t) => t.startsWith('w:') || t.startsWith('c:'))).toBe(true);
  });
});

describe('shingles', () => {
  it('ignore case, punctuation and typography, so a syndicated copy shingles like its original', () => {
    const a = 'The fund’s “net inflows” reached $1.2 billion, a record.';
    const b = "the fund's net inflows reached $1.2 billion - a record";
    expect(jaccard(signature(shingleHashes(a)), signature(shingleHashes(b)))).toBeGreaterThan(0.6);
  });
});
