import { isRegexSpace } from './ascii.ts';
import type { Hit } from './rule.ts';

/** A stretch of text between removed spans; `before`/`after` say whether a removed span precedes/follows it. */
export interface Gap extends Hit {
  before: boolean;
  after: boolean;
}

/**
 * The stretches of text left between block-level removed spans (sorted). Inline removals (price chips)
 * sit inside sentences, so the text around them is one stretch.
 */
export function gaps(text: string, removed: readonly Hit[]): Gap[] {
  const out: Gap[] = [];
  let at = 0;
  for (const r of removed) {
    if (r.inline) continue;
    if (r.start > at) out.push({ start: at, end: r.start, before: at > 0, after: true });
    at = Math.max(at, r.end);
  }
  if (at < text.length) out.push({ start: at, end: text.length, before: at > 0, after: false });
  return out;
}

/** [start, end) without white space at either end; null when nothing is left. */
export function trimmed(text: string, start: number, end: number): Hit | null {
  while (start < end && isRegexSpace(text.charCodeAt(start))) start++;
  while (end > start && isRegexSpace(text.charCodeAt(end - 1))) end--;
  return end > start ? { start, end } : null;
}
