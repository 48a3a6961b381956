import { describe, expect, it } from 'vitest';
import { clean } from '../../../src/pipeline/clean/index.ts';
import { NOISE_CATEGORIES } from '../../../src/pipeline/types.ts';
import { cleanChecked } from './helpers.ts';

describe('clean', () => {
  it('returns exact, sorted, non-overlapping spans with a known category on a page full of overlapping noise', () => {
    const page =
      'MarketsShareShare this articleCopy linkX iconX (Twitter)LinkedInFacebookEmailMiners Sell as Hashprice DipsByAna LimaEdited byJo ParkJul 3, 2026, 9:00 a.m.Miners sold 3,000 BTC, data showed.STORY CONTINUES BELOWDon’t miss another story.Sign me upThe selling eased late in the week.Disclaimer: This is not investment advice.MiningHashrateAna LimaAna covers mining. She holds BTC.X iconLatest Crypto NewsEther Firms Up3 hours ago';
    const r = cleanChecked(page, 'Miners Sell as Hashprice Dips');
    for (const s of r.removed) expect(NOISE_CATEGORIES).toContain(s.category);
    expect(r.text).toBe('Miners sold 3,000 BTC, data showed.\n\nThe selling eased late in the week.');
  });

  it('returns clean text untouched and nothing removed', () => {
    const text = 'Ether rose 4% on Tuesday.\n\nAnalysts pointed to ETF inflows.';
    expect(clean(text)).toEqual({ text, removed: [] });
  });

  it('handles empty input', () => {
    expect(clean('')).toEqual({ text: '', removed: [] });
  });
});

describe('clean on hostile input', () => {
  it('stays fast on long letter runs, long tag soups and repeated markers (no regex blow-up)', () => {
    // Base64-like runs, markup and marker words are where nested quantifiers backtrack.
    const letters = Array.from({ length: 40_000 }, (_, i) => 'aZbYcXdW'[i % 8]).join('');
    const tags = '<div class="x"><span>By Jo</span></div>'.repeat(3_000);
    const markers = 'Source: Related: Disclaimer By Published '.repeat(2_000);
    // Runs of capitals, dots and numbers: every dot is a place a capitals line or a ticker chip may start.
    const capitals = 'AB-C1.1-2.2 '.repeat(10_000);
    const dotted = 'A1.1'.repeat(20_000);
    // Thousands of list headers in a row: each list used to be walked past all the others.
    const headers = 'Related\n'.repeat(8_000);
    const t0 = performance.now();
    for (const input of [letters, tags, markers, capitals, dotted, headers]) clean(input, { title: 'Miners Sell as Hashprice Dips' });
    // Linear work on these ~600k characters takes well under a second; a blow-up takes minutes.
    expect(performance.now() - t0).toBeLessThan(5_000);
  });
});
