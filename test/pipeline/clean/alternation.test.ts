import { describe, expect, it } from 'vitest';
import { alternation, anchored, assembled, gated, holds, positionsOf, searched } from '../../../src/pipeline/clean/alternation.ts';
import { LINE_START, lineStarts } from '../../../src/pipeline/clean/rules/all-caps-link.ts';

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

describe('gated triggers', () => {
  const trigger = gated(['ource', 'Credit'], /\d{4}\s?-\s?(?:[Ss]ource|Credit)s?\s?:/);

  it('answer as their regex does: held only where the regex matches, whatever literals the text holds', () => {
    const texts = ['Supply, May 4, 2026 - Source: Ledgerbase', 'Supply, May 4, 2026 -Credits: Ledgerbase', 'The source: a filing', 'Credit: none dated', 'no label at all'];
    for (const text of texts) expect(holds(text, trigger)).toBe(trigger.pattern.test(text));
  });

  it('make a branch run only on texts whose literal and regex both hold', () => {
    const branch = [searched(String.raw`\d{4} - Source: \w+`, 'u', trigger)];
    expect(alternation('Chart, 2026 - Source: Ledgerbase', branch, true).map((m) => m[0])).toEqual(['2026 - Source: Ledgerbase']);
    expect(alternation('Chart, 2026 - Origin: Ledgerbase', branch, true)).toEqual([]);
  });
});

describe('assembled', () => {
  it('builds one regex per set of present pieces, in the pieces\' order', () => {
    const pieces = [
      { source: 'alpha', trigger: 'alpha' },
      { source: 'beta', trigger: 'beta' },
      { source: 'gamma', trigger: 'gamma' },
    ];
    const sources: string[][] = [];
    const regexFor = assembled(pieces, (s) => (sources.push(s), new RegExp(s.join('|'), 'g')));
    expect(regexFor('nothing here')).toBeNull();
    const re = regexFor('gamma then alpha');
    expect(re?.source).toBe('alpha|gamma');
    expect(regexFor('alpha and gamma again')).toBe(re);
    expect(sources).toEqual([['alpha', 'gamma']]);
  });
});

describe('all-caps-link line starts', () => {
  /** What LINE_START finds, as the rule once read it: where each match ends. */
  function byRegex(text: string): number[] {
    const out: number[] = [];
    LINE_START.lastIndex = 0;
    for (let m = LINE_START.exec(text); m; m = LINE_START.exec(text)) {
      out.push(m.index + m[0].length);
      if (m[0] === '') LINE_START.lastIndex++;
    }
    return out;
  }

  it('are the places where LINE_START\'s matches end, on invented texts and on random ones over its characters', () => {
    const texts = [
      '',
      'TOP STORIES FROM THE DESK Markets rose.',
      'Prices fell. MORE NEWS ON CHAIN\nNEXT UP HERE',
      '"QUOTE ENDS" X Y. \tA B.\u00a0C D?! E F”G H',
      `${'A'.repeat(31)} B. ${'C'.repeat(32)} D`,
      '. . .A B.\n\nC D',
    ];
    const alphabet = ['A', 'Z', '0', '9', 'a', ' ', '\n', '\t', '\u00a0', '.', '!', '?', '"', '”', '’', "'", ',', ':', '$', '%', '&', '-'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
    for (let n = 0; n < 400; n++) {
      let t = '';
      const length = next() % 60;
      for (let i = 0; i < length; i++) t += alphabet[next() % alphabet.length];
      texts.push(t);
    }
    for (const text of texts) expect(lineStarts(text)).toEqual(byRegex(text));
  });
});
