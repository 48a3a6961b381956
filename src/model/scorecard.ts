/** Each outlet's scorecard: its health and what its items are made of, as shares. */
import type { NoiseByCategory, SourceCounts } from '../db/queries/scorecard.ts';
import type { SourceHealth } from './story.ts';

const DAY_MS = 86_400_000;

export interface SourceScorecard {
  source: SourceHealth;
  items: number; // in the window
  itemsPerDay: number | null; // null: no items
  copyShare: number | null; // 0..1 of its items
  sponsoredShare: number | null;
  pressReleaseShare: number | null;
  noiseShare: number | null; // removed characters over the characters it gave the cleaner
  noiseByCategory: { category: string; share: number }[]; // largest first
}

export function scorecards(health: SourceHealth[], counts: SourceCounts[], noise: NoiseByCategory[]): SourceScorecard[] {
  const byId = new Map(counts.map((c) => [c.sourceId, c]));
  return health.map((source) => {
    const c = byId.get(source.id);
    if (!c || !c.items) {
      return { source, items: 0, itemsPerDay: null, copyShare: null, sponsoredShare: null, pressReleaseShare: null, noiseShare: null, noiseByCategory: [] };
    }
    // a day at least: one morning's items are that day's output, not a rate over minutes
    const days = Math.max(1, (c.lastAt - c.firstAt) / DAY_MS);
    const cats = noise.filter((n) => n.sourceId === source.id && n.chars > 0);
    const removed = cats.reduce((sum, n) => sum + n.chars, 0);
    return {
      source,
      items: c.items,
      itemsPerDay: c.items / days,
      copyShare: c.copies / c.items,
      sponsoredShare: c.sponsored / c.items,
      pressReleaseShare: c.pressReleases / c.items,
      noiseShare: c.rawChars ? removed / c.rawChars : null,
      noiseByCategory: c.rawChars ? cats.map((n) => ({ category: n.category, share: n.chars / c.rawChars })).sort((a, b) => b.share - a.share) : [],
    };
  });
}
