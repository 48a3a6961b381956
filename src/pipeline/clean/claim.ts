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
  for (const c of claimed) {
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
    let { start, end } = p;
    while (start < end && /\s/.test(text[start])) start++;
    while (end > start && /\s/.test(text[end - 1])) end--;
    if (end > start) insertSorted(claimed, { start, end, inline: p.inline, index });
  }
}

function insertSorted(claimed: Claim[], c: Claim): void {
  let i = claimed.length;
  while (i > 0 && claimed[i - 1].start > c.start) i--;
  claimed.splice(i, 0, c);
}
