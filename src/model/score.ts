/** A story's score as a reader sees it: the stored base (src/db/story-score.ts) over its age, with the reasons in words. */
import type { ScoreParts } from '../db/story-score.ts';

/** At this age a story's base counts half, at twice this a third (the same curve sort=top orders by, in SQL). */
export const TOP_AGE_SCALE_MS = 24 * 3_600_000;
/**
 * Ages are taken at the start of the hour: a ranking (and its ETag) holds for the hour instead of changing with every
 * request, so a cache can keep it; placement's writes change it within the hour anyway.
 */
export const RANKING_STEP_MS = 3_600_000;

export function rankingNow(now = Date.now()): number {
  return Math.floor(now / RANKING_STEP_MS) * RANKING_STEP_MS;
}

export function ageFactor(publishedAt: number, now: number): number {
  return TOP_AGE_SCALE_MS / (TOP_AGE_SCALE_MS + Math.max(0, now - publishedAt));
}

export interface StoryScore {
  score: number; // base × age factor: the key of sort=top
  base: number;
  reasons: string[];
}

/** now = null: the base alone (a digest ranks one day's events by how much they matter, not by their hour). */
export function storyScore(base: number, parts: ScoreParts | null, publishedAt: number, now: number | null): StoryScore {
  const age = now == null ? 1 : ageFactor(publishedAt, now);
  const reasons: string[] = [];
  if (parts) {
    const orig = parts.original_outlets ? ` (${parts.original_outlets} original)` : '';
    reasons.push(`${parts.outlets} outlet${parts.outlets === 1 ? '' : 's'}${orig}, weighing ${parts.weighted_outlets}`);
    if (parts.outlets > 1) reasons.push(`${parts.fast_outlets - 1} of ${parts.outlets - 1} other outlets within 6 h of the first report: ×${parts.speed_factor}`);
    if (parts.kind_factor !== 1) reasons.push(`not plain news: ×${parts.kind_factor}`);
  } else {
    reasons.push('not scored yet');
  }
  if (now != null) reasons.push(`${Math.max(0, Math.round((now - publishedAt) / 3_600_000))} h old: ×${round(age, 3)}`);
  return { score: round(base * age, 4), base, reasons };
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;
