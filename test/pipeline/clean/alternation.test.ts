import { describe, expect, it } from 'vitest';
import { alternation, anchored, positionsOf, searched } from '../../../src/pipeline/clean/alternation.ts';

/** What one regex of all the branches finds: the matches alternation() must reproduce. */
function joined(text: string, sources: string[], flags: string): [number, string][] {
  return [...text.matchAll(new RegExp(sources.join('|'), flags + 'g'))].map((m) => [m.index ?? 0, m[0]]);
}

describe('alternation', () => {
  const sources = [String.raw`(?<=\. )Source: \w+`, String.raw`\bSource\b`, String.raw`ab|abc`, String.raw`x*`];
  const texts = ['', 'Prices rose. Source: CoinGecko and Source again', 'abcabc xx ab', 'Source:Source: Sourcex', '😀x😀 abc'];

  it('finds what the joined regex finds: leftmost match first, the earlier branch on a tie, empty matches stepped over', () => {
    for (const text of texts) {
      const got = alternation(
        text,
        sources.map((s) => searched(s, 'u')),
        true,
      ).map((m): [number, string] => [m.index, m[0]]);
      expect(got).toEqual(joined(text, sources, 'u'));
    }
  });

  it('skips a branch whose trigger the text lacks, and tries an anchored branch only at the places given', () => {
    const text = 'Prices rose. Source: CoinGecko and Source again';
    const branches = [
      anchored(sources[0], 'u', (t) => positionsOf(t, 'Source: ')),
      searched(sources[1], 'u', 'Source'),
      searched(sources[2], 'u', 'ab'),
    ];
    expect(alternation(text, branches, true).map((m) => [m.index, m[0]])).toEqual(joined(text, sources.slice(0, 3), 'u'));
    // Without the places, the anchored branch finds nothing: the places are all it tries.
    expect(alternation(text, [anchored(sources[0], 'u', () => [])], true)).toEqual([]);
  });
});
