import { describe, expect, it } from 'vitest';
import { chooseCanonical, type CanonicalCandidate } from '../../../src/pipeline/choose-canonical.ts';

const HOUR = 3600_000;
const base: CanonicalCandidate = { id: 'x', publishedAt: 0, tier: 'original', kind: 'news', words: 500 };

describe('chooseCanonical', () => {
  it('never picks a sponsored or press-release story while a news member exists, whatever it scores', () => {
    const choice = chooseCanonical([
      { ...base, id: 'ad', kind: 'sponsored', words: 2000 },
      { ...base, id: 'pr', kind: 'press-release', words: 2000 },
      { ...base, id: 'news', tier: 'content_farm', publishedAt: 9 * HOUR, words: 60 },
    ]);
    expect(choice.canonicalId).toBe('news');
    expect(choice.members.find((m) => m.id === 'ad')!.eligible).toBe(false);
    expect(choice.members.find((m) => m.id === 'ad')!.notes.join(' ')).toMatch(/never canonical/);
  });

  it("never picks an item that lists another outlet's article URL over that outlet's own item of the URL", () => {
    const url = 'https://victim.example/2026/03/exploit';
    const choice = chooseCanonical([
      { ...base, id: 'lister', tier: 'original', publishedAt: 0, words: 900, url, ownsUrl: false },
      { ...base, id: 'owner', tier: 'aggregator', publishedAt: 2 * HOUR, words: 120, url, ownsUrl: true },
    ]);
    expect(choice.canonicalId).toBe('owner');
    expect(choice.members.find((m) => m.id === 'lister')!.notes.join(' ')).toMatch(/another outlet's article/);
  });

  it('prefers the original outlet over an aggregator copy published at the same time', () => {
    const choice = chooseCanonical([
      { ...base, id: 'agg', tier: 'aggregator' },
      { ...base, id: 'orig', tier: 'original' },
    ]);
    expect(choice.canonicalId).toBe('orig');
  });

  it('explains the score: every part stored and the parts add up to the score', () => {
    const choice = chooseCanonical([
      { ...base, id: 'first' },
      { ...base, id: 'later', publishedAt: 3 * HOUR, kind: 'price-prediction', words: 100 },
    ]);
    for (const m of choice.members) {
      const { tier, firstReport, completeness, penalty } = m.parts;
      expect(m.score).toBeCloseTo(tier + firstReport + completeness + penalty, 6);
    }
    const later = choice.members.find((m) => m.id === 'later')!;
    expect(later.parts.firstReport).toBeLessThan(choice.members.find((m) => m.id === 'first')!.parts.firstReport);
    expect(later.parts.penalty).toBeLessThan(0);
    expect(choice.why).toMatch(/^first: score/);
  });

  it('prefers a full article to a one-line standfirst from an outlet of the same tier and time', () => {
    const choice = chooseCanonical([
      { ...base, id: 'standfirst', words: 25 },
      { ...base, id: 'full', words: 600 },
    ]);
    expect(choice.canonicalId).toBe('full');
  });

  it('lets a sponsored story lead a cluster of sponsored copies (nothing better exists)', () => {
    const choice = chooseCanonical([
      { ...base, id: 'ad-1', kind: 'sponsored', publishedAt: 0 },
      { ...base, id: 'ad-2', kind: 'sponsored', publishedAt: HOUR, tier: 'content_farm' },
    ]);
    expect(choice.canonicalId).toBe('ad-1');
  });
});
