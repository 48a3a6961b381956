import { trimmed } from './gaps.ts';
import type { Hit } from './rule.ts';

/** A hit as claimed by one rule; `index` is the rule's position in the priority list. */
export interface Claim extends Hit {
  index: number;
}

/**
 * Adds `hit` to `claimed` (kept sorted by start), minus whatever earlier (higher-priority) rules already
 * took, trimmed of white space at both ends, so removed spans never overlap and never start on a blank.
 */
export function claim(text: string, claimed: Claim[], hit: Hit, index: number): void {
  let pieces: Hit[] = [{ ...hit }];
  // Claimed spans do not overlap, so sorted by start they are sorted by end too: only the few
  // between the first ending after the hit's start and the first starting at its end can touch it.
  const from = firstEndingAfter(claimed, hit.start);
  for (let i = from; i < claimed.length && claimed[i].start < hit.end; i++) {
    const c = claimed[i];
    const next: Hit[] = [];
    for (const p of pieces) {
      if (c.end <= p.start || c.start >= p.end) next.push(p);
      else {
        if (c.start > p.start) next.push({ ...p, end: c.start });
        if (c.end < p.end) next.push({ ...p, start: c.end });
      }
    }
    pieces = next;
  }
  for (const p of pieces) {
    const t = trimmed(text, p.start, p.end);
    if (t) insertSorted(claimed, { start: t.start, end: t.end, inline: p.inline, why: p.why, index }); // one shape for every claim
  }
}

function insertSorted(claimed: Claim[], c: Claim): void {
  claimed.splice(firstEndingAfter(claimed, c.start), 0, c);
}

/** Index of the first claimed span whose end is past `at` (binary search: claimed spans are sorted and never overlap). */
export function firstEndingAfter(claimed: readonly Claim[], at: number): number {
  let lo = 0;
  let hi = claimed.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (claimed[mid].end <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
