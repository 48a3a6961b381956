import { describe, expect, it } from 'vitest';
import { hashString } from '../../../src/pipeline/fingerprint/hash.ts';
import { jaccard, NUM_BINS, signature } from '../../../src/pipeline/fingerprint/minhash.ts';

/** Two sets of n elements with exactly `shared` in common. */
function sets(n: number, shared: number, tag: string): { a: number[]; b: number[]; truth: number } {
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < shared; i++) a.push(hashString(`${tag}:s${i}`)), b.push(hashString(`${tag}:s${i}`));
  for (let i = shared; i < n; i++) a.push(hashString(`${tag}:a${i}`)), b.push(hashString(`${tag}:b${i}`));
  return { a, b, truth: shared / (2 * n - shared) };
}

describe('minhash', () => {
  it('estimates Jaccard without bias: mean error <= 0.01 over a sweep of known similarities and set sizes', () => {
    let err = 0;
    let count = 0;
    for (const n of [12, 60, 300]) {
      for (const j of [0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 0.9]) {
        const shared = Math.round((2 * n * j) / (1 + j));
        let sum = 0;
        const trials = 60;
        for (let t = 0; t < trials; t++) {
          const p = sets(n, shared, `${n}/${j}/${t}`);
          sum += jaccard(signature(p.a), signature(p.b)) - p.truth;
        }
        expect(Math.abs(sum / trials)).toBeLessThan(0.03); // each point: within three standard errors of its mean
        err += sum / trials;
        count++;
      }
    }
    expect(Math.abs(err / count)).toBeLessThanOrEqual(0.01);
  });

  it('gives identical signatures for the same set in any order and with duplicates', () => {
    const p = sets(200, 100, 'order');
    const shuffled = [...p.a].reverse().concat(p.a.slice(0, 20));
    expect(signature(shuffled)).toEqual(signature(p.a));
  });

  it('is deterministic across calls: fixed seeds, no randomness', () => {
    const xs = ['bitcoin etf inflows', 'etf inflows hit', 'inflows hit record'].map(hashString);
    expect([...signature(xs)]).toEqual([...signature(xs)]);
    expect(hashString('bitcoin')).toBe(hashString('bitcoin'));
  });

  it('scores identical sets 1, disjoint sets near 0 and an empty set 0', () => {
    const p = sets(300, 0, 'disjoint');
    expect(jaccard(signature(p.a), signature(p.a))).toBe(1);
    expect(jaccard(signature(p.a), signature(p.b))).toBeLessThan(0.05);
    expect(jaccard(signature([]), signature(p.a))).toBe(0);
    expect(signature(p.a)).toHaveLength(NUM_BINS);
  });

  it('fills every bin of a set smaller than the signature, so short standfirsts still compare', () => {
    const p = sets(5, 5, 'tiny');
    const sig = signature(p.a);
    expect(sig.every((v) => v !== 0xffffffff)).toBe(true);
    expect(jaccard(sig, signature(p.b))).toBe(1);
  });
});
